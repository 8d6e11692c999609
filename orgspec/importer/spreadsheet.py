"""Read a staffing table (岗位编制表) from an Excel workbook or a CSV file: its header and its rows.

Merged cells (a department written once over its posts) are read as if
the value stood in every cell they cover. The header is the row among the
first ones whose cells name the most known columns (部门, 岗位, 编制 …,
in Chinese or English, or as ``--map`` says).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from orgspec.importer.labels import LabelTable, is_serial
from orgspec.importer.problems import Place, Unreadable
from orgspec.importer.word import ENCRYPTED, OLE_MAGIC

MAX_BYTES = 50_000_000
"""The largest spreadsheet read."""
MAX_ROWS = 100_000
"""The most rows read: a staffing table of a very large organisation has a few thousand."""
HEADER_ROWS = 20
"""How far down the header row is looked for (titles and notes may stand above it)."""

STAFFING_TARGETS = frozenset(
    {"department", "department.parent", "title", "title_en", "code", "grade", "authorised", "filled", "reports_to"}
)
"""What a column of a staffing table can say about a post."""


@dataclass(frozen=True)
class Cell:
    text: str
    place: Place


@dataclass
class Table:
    """The rows of one sheet below its header, each cell under the target its column names."""

    name: str
    header: dict[int, str]
    """Column number → target, for the columns that name one."""
    ignored: dict[int, str] = field(default_factory=dict)
    """Column number → header text, for the columns that name nothing orgspec holds."""
    rows: list[tuple[int, dict[str, Cell], dict[str, Cell]]] = field(default_factory=list)
    """Row number, the cells of known columns by target, the other cells by header."""


def read_rows(path: Path, sheet: str | None) -> tuple[str, list[list[str]]]:
    """The sheet's name and its rows of text (merged cells filled in); `Unreadable` for a file that is none."""
    _refuse(path)
    if path.suffix.casefold() == ".csv":
        return path.stem, _csv_rows(path.read_bytes())
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise Unreadable("import.not-spreadsheet", reason=str(error)) from error
    names = book.sheetnames
    if sheet is not None and sheet not in names:
        raise Unreadable("import.unknown-sheet", sheet=sheet, sheets=names)
    chosen = book[sheet] if sheet is not None else book.worksheets[0]
    if not isinstance(chosen, Worksheet):  # a chart sheet
        raise Unreadable("import.unknown-sheet", sheet=chosen.title, sheets=names)
    return chosen.title, _sheet_rows(chosen)


def _refuse(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(len(OLE_MAGIC))
    except OSError as error:
        raise Unreadable("import.cannot-open", reason=error.strerror or str(error)) from error
    if size > MAX_BYTES:
        raise Unreadable("import.too-large", size=f"{size:,}", limit=f"{MAX_BYTES:,}")
    if head == OLE_MAGIC:
        raise Unreadable("import.encrypted" if ENCRYPTED in path.read_bytes() else "import.legacy-xls")


def _csv_rows(raw: bytes) -> list[list[str]]:
    """CSV as Excel writes it in China (GB18030) or anywhere else (UTF-8, with or without a BOM)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    for row in csv.reader(io.StringIO(text), dialect):
        rows.append([cell.strip() for cell in row])
        if len(rows) > MAX_ROWS:
            raise Unreadable("import.too-many-rows", limit=f"{MAX_ROWS:,}")
    return rows


def _sheet_rows(sheet: Worksheet) -> list[list[str]]:
    if sheet.max_row > MAX_ROWS:
        raise Unreadable("import.too-many-rows", limit=f"{MAX_ROWS:,}")
    rows = [[_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        value = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else ""
        for row in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                if column <= len(rows[row - 1]):
                    rows[row - 1][column - 1] = value
    return rows


def _text(value: object) -> str:
    """A cell as text: 3.0 → 3, a date → 2024-03-01."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def find_header(rows: Sequence[Sequence[str]], labels: LabelTable, mapped: Mapping[str, str]) -> int | None:
    """The index of the header row: the first of the most known columns, with a post's title among them."""
    best, count = None, 1
    for index, row in enumerate(rows[:HEADER_ROWS]):
        targets = [column_target(text, labels, mapped) for text in row]
        known = {target for target in targets if target is not None}
        if "title" in known and len(known) > count:
            best, count = index, len(known)
    return best


def column_target(text: str, labels: LabelTable, mapped: Mapping[str, str]) -> str | None:
    """The target a header cell names: as ``--map`` says, else as the label table does."""
    if text in mapped:
        return mapped[text]
    target = labels.field(text)
    return target if target in STAFFING_TARGETS else None


def table(name: str, rows: list[list[str]], header: int, labels: LabelTable, mapped: Mapping[str, str]) -> Table:
    """The rows below ``header``, each cell under its column's target (the first column naming one wins)."""
    result = Table(name, {})
    for column, text in enumerate(rows[header], start=1):
        target = column_target(text, labels, mapped)
        if target is not None and target not in result.header.values():
            result.header[column] = target
        elif text and not is_serial(text):
            result.ignored[column] = text
    for number, row in enumerate(rows[header + 1 :], start=header + 2):
        known: dict[str, Cell] = {}
        other: dict[str, Cell] = {}
        for column, text in enumerate(row, start=1):
            if not text:
                continue
            cell = Cell(text, Place(row=number, column=column))
            if column in result.header:
                known[result.header[column]] = cell
            elif column in result.ignored:
                other[result.ignored[column]] = cell
        if known or other:
            result.rows.append((number, known, other))
    return result
