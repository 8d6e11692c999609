"""The post register (岗位清单) for HR spreadsheets: CSV and Excel (pure: organisation in, bytes out)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from orgspec.export.package import stable_zip
from orgspec.i18n import Locale, label
from orgspec.render.chart.measure import display_width
from orgspec.views.common import Ctx, grade_text, headcount_of, listing
from orgspec.views.establishment import held_by
from orgspec.views.family import family_place

COLUMNS = (
    "post.code",
    "post.title",
    "post.department",
    "post.grade",
    "post.reports-to",
    "label.authorised",
    "label.filled",
    "label.vacant",
)
"""Label keys of the columns, in order."""
OPTIONAL_COLUMNS = ("post.family", "post.staffing-kind", "post.leadership", "post.also-holds", "post.held-by")
"""Columns after those, each there when some post fills it: job family, 三定 and 兼任."""

GENERATOR = "orgspec"
MAX_WIDTH = 60
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a spreadsheet recognises a formula in a CSV cell (OWASP, CSV injection)."""

Row = tuple[str | int, ...]


def register_header(locale: Locale, columns: Sequence[str] = COLUMNS) -> tuple[str, ...]:
    """The column names in the organisation's language."""
    return tuple(label(key, locale) for key in columns)


def register_table(ctx: Ctx) -> tuple[tuple[str, ...], list[Row]]:
    """The register's header and rows, with the optional columns some post fills."""
    columns = register_columns(ctx)
    return register_header(ctx.organisation.settings.locale, columns), register_rows(ctx, columns)


def register_columns(ctx: Ctx) -> tuple[str, ...]:
    """The columns of the register: the fixed ones, then the optional ones some post fills."""
    cells = [_optional_cells(ctx, key) for key in ctx.organisation.posts]
    return COLUMNS + tuple(name for name in OPTIONAL_COLUMNS if any(row[name] for row in cells))


def register_rows(ctx: Ctx, columns: Sequence[str] = COLUMNS) -> list[Row]:
    """One row per post: departments in the order of the tree, each department's posts head first."""
    organisation = ctx.organisation
    rows: list[Row] = []
    for key in organisation.posts_in_tree_order():
        post = organisation.posts[key]
        department = ctx.department_link(post.department)
        superior = ctx.post_link(post.reports_to)
        count = headcount_of(post)
        cells: dict[str, str | int] = {
            "post.code": post.code or "",
            "post.title": post.title or key,
            "post.department": department.text if department else "",
            "post.grade": grade_text(organisation.settings, post.grade),
            "post.reports-to": superior.text if superior else "",
            "label.authorised": count.authorised,
            "label.filled": count.filled,
            "label.vacant": count.vacant,
        }
        if len(columns) > len(COLUMNS):
            cells.update(_optional_cells(ctx, key))
        rows.append(tuple(cells[name] for name in columns))
    return rows


def _optional_cells(ctx: Ctx, key: str) -> dict[str, str]:
    post = ctx.organisation.posts[key]
    place = family_place(ctx, key)
    also = ctx.post_link(post.also_holds)
    return {
        "post.family": place.text if place else "",
        "post.staffing-kind": post.staffing_kind or "",
        "post.leadership": post.leadership or "",
        "post.also-holds": also.text if also else "",
        "post.held-by": listing([link.text for link in held_by(ctx, key)], ctx.organisation.settings.locale),
    }


def register_csv(header: Sequence[str], rows: Sequence[Row]) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends, which is how Excel recognises a UTF-8 CSV."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(header)
    writer.writerows([inert(value) for value in row] for row in rows)
    return stream.getvalue().encode("utf-8-sig")


def inert(value: str | int) -> str | int:
    """A CSV cell that no spreadsheet runs as a formula: text that starts like one gets a leading single quote.

    Every text cell is quoted too, so that a separator inside it (``;`` where
    Excel expects semicolons) cannot start a new cell that is a formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def register_xlsx(header: Sequence[str], rows: Sequence[Row], *, title: str, author: str, when: dt.datetime) -> bytes:
    """An Excel workbook of the post register."""
    return table_xlsx(header, rows, title=title, author=author, when=when)


def table_xlsx(
    header: Sequence[str],
    rows: Sequence[Sequence[str | int]],
    *,
    title: str,
    author: str,
    when: dt.datetime,
    fixed_columns: int = 0,
) -> bytes:
    """An Excel workbook of one table: a bold heading row with a filter, frozen with the first ``fixed_columns``
    columns; columns as wide as their text; every text cell a string, never a formula."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]  # Excel's limit on sheet names
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl takes text that starts with '=' for a formula
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        if "\n" in str(cell.value):
            cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    sheet.freeze_panes = f"{get_column_letter(fixed_columns + 1)}2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(column_widths(header, rows), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    return _save(workbook, author=author, when=when)


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str | int]]) -> list[int]:
    """Widths in characters: Chinese characters count double, as they are twice as wide; a cell of several
    lines is as wide as its longest."""
    widths = [_lines_width(name) for name in header]
    for row in rows:
        widths = [max(width, _lines_width(str(value))) for width, value in zip(widths, row, strict=True)]
    return [min(width + 2, MAX_WIDTH) for width in widths]


def _lines_width(text: str) -> int:
    return max(display_width(line) for line in text.split("\n"))


def _save(workbook: Workbook, *, author: str, when: dt.datetime) -> bytes:
    """Save with fixed properties: openpyxl's own save stamps the current time."""
    naive = when.astimezone(dt.UTC).replace(tzinfo=None)
    properties = workbook.properties
    properties.creator = author
    properties.lastModifiedBy = GENERATOR
    properties.created = properties.modified = naive
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return stable_zip(buffer.getvalue(), when)
