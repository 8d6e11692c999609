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
from orgspec.views.common import Ctx, grade_text, headcount_of

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

GENERATOR = "orgspec"
MAX_WIDTH = 60
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a spreadsheet recognises a formula in a CSV cell (OWASP, CSV injection)."""

Row = tuple[str, str, str, str, str, int, int, int]


def register_header(locale: Locale) -> tuple[str, ...]:
    """The column names in the organisation's language."""
    return tuple(label(key, locale) for key in COLUMNS)


def register_rows(ctx: Ctx) -> list[Row]:
    """One row per post: departments in the order of the tree, each department's posts head first."""
    organisation = ctx.organisation
    rows: list[Row] = []
    for key in organisation.posts_in_tree_order():
        post = organisation.posts[key]
        department = ctx.department_link(post.department)
        superior = ctx.post_link(post.reports_to)
        count = headcount_of(post)
        rows.append(
            (
                post.code or "",
                post.title or key,
                department.text if department else "",
                grade_text(organisation.settings, post.grade),
                superior.text if superior else "",
                count.authorised,
                count.filled,
                count.vacant,
            )
        )
    return rows


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
