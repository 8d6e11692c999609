"""Tables of a job description: labelled cells, and tables with a header row.

A labelled-cell table (岗位名称 | 客服主管 | 岗位编号 | …) pairs each label
with the cells after it, up to the next label; a label heading other labels
(任职资格 over 教育程度, 专业 …) only groups them; a label alone at the end
of its row heads the rows below it, which may be a table of their own
(修订记录 over 版本号 | 修订时间 | …). A table whose first row names the
columns of KPIs, authorities, routines, relations or revisions is read one
entry per row. Merged cells are read once; a cell merged down a label
column (每日, 内部协调) labels every row it spans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from orgspec.importer.labels import LabelTable, is_serial
from orgspec.importer.numbering import TERMINAL
from orgspec.importer.reader import LOOSE_LABEL, Reader
from orgspec.importer.reading import (
    SCALAR_TARGETS,
    SECTION_TARGETS,
    TABLE_TARGETS,
    Item,
    Reading,
    joined,
    visible_length,
)
from orgspec.importer.word import Block, Cell, Grid

LABEL_COLUMNS = {"routines": "routine.period", "relations": "relation.kind"}
"""Tables whose first column, when its header is empty, says what its rows are (a period, a kind of party)."""


def read_blocks(blocks: Iterable[Block], labels: LabelTable) -> Reading:
    """What the blocks of one document say."""
    reader = Reader(labels)
    for block in blocks:
        if isinstance(block, Grid):
            reader.reading.read += sum(visible_length(c.text) for row in block.rows for c in row if not c.continued)
            read_grid(reader, block)
        else:
            reader.paragraph(block)
    return reader.reading


def read_grid(reader: Reader, grid: Grid) -> None:
    """Read one table: with a header row, or as labelled cells."""
    if not grid.rows:
        return
    grid = Grid(grid.number, [[_upright(cell) for cell in row] for row in grid.rows])
    section = reader.section
    if section is not None and section.target == "signatures":
        _form(reader, grid)
        return
    kind = header_kind(reader.labels, grid.rows[0], section.target if section else None)
    if kind is not None:
        columns = Columns.of(reader.labels, kind, grid.rows[0])
        for row in grid.rows[1:]:
            columns.read_row(reader, row)
        return
    _Labelled(reader).read(grid.rows)
    reader.close()


def _form(reader: Reader, grid: Grid) -> None:
    """A signature block: its words are the form's; anything written into it is kept aside."""
    for row in grid.rows:
        for cell in row:
            if not cell.continued and not reader.labels.is_form(cell.text):
                reader.keep(cell.text, cell.place, reader.section.label if reader.section else None)


def header_kind(labels: LabelTable, row: list[Cell], context: str | None) -> str | None:
    """The kind of table (kpis, authorities …) whose columns ``row`` names, or None."""
    best, count = None, 0
    for kind in TABLE_TARGETS:
        matched = sum(1 for cell in row if labels.column(kind, cell.text) is not None)
        if matched > count or (matched == count and matched and kind == context):
            best, count = kind, matched
    if best is None or any(labels.field(cell.text) in SECTION_TARGETS - {best} for cell in row):
        return None
    return best if count >= 2 or best == context else None


UPRIGHT = 2
"""The most characters a line of a word written downwards (职/责/一, in a narrow cell) has."""


def _upright(cell: Cell) -> Cell:
    """A cell whose lines are a word written downwards, a character or two a line, as that word."""
    lines = cell.text.split("\n")
    if len(lines) > 1 and all(0 < len(line.strip()) <= UPRIGHT for line in lines):
        return replace(cell, text="".join(line.strip() for line in lines))
    return cell


@dataclass
class Columns:
    """The header row of a table: which column of which kind each header cell names."""

    kind: str
    header: list[Cell]
    targets: list[str | None]

    @classmethod
    def of(cls, labels: LabelTable, kind: str, header: list[Cell]) -> Columns:
        targets = [labels.column(kind, cell.text) for cell in header]
        if header and not header[0].text and kind in LABEL_COLUMNS:
            targets[0] = LABEL_COLUMNS[kind]
        return cls(kind, header, targets)

    def column(self, cell: Cell) -> tuple[str | None, str]:
        """The column ``cell`` stands in, and its header's text."""
        for head, target in zip(self.header, self.targets, strict=True):
            if head.covers(cell.place.column):
                return target, head.text
        return None, ""

    def read_row(self, reader: Reader, row: list[Cell]) -> None:
        """One entry of the table; a cell under a header no column is known by is kept aside."""
        values: dict[str, Item] = {}
        for cell in row:
            target, heading = self.column(cell)
            if not cell.text:
                continue
            if target is None:
                if not cell.continued and not is_serial(heading):
                    reader.keep(cell.text, cell.place, heading or None)
            elif target not in values:
                values[target] = Item(cell.text, cell.place)
            elif not cell.continued:
                values[target].extend(cell.text)
        if values:
            reader.reading.rows.setdefault(self.kind, []).append(values)


class _Labelled:
    """Reads a labelled-cell table row by row; a table of entries may start inside it."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.labels = reader.labels
        self.inner: str | None = None
        """The kind of a table of entries whose header row is expected next."""
        self.columns: Columns | None = None
        self.label_columns: frozenset[int] = frozenset()
        """The columns where known labels stand in several rows: a short word there is a label too."""

    def read(self, rows: list[list[Cell]]) -> None:
        found = Counter(cell.place.column for row in rows for cell in row if cell.text and self.labels.field(cell.text))
        self.label_columns = frozenset(column for column, count in found.items() if count > 1)
        for row in rows:
            cells = [cell for cell in row if not cell.continued]
            if cells and self._entry(cells):
                continue
            self._row(cells)

    def _entry(self, cells: list[Cell]) -> bool:
        """Read ``cells`` as the header or an entry of a table inside this one; False when they are neither."""
        if self.inner is None:
            return False
        if self.columns is None:
            columns = Columns.of(self.labels, self.inner, cells)
            if any(target is not None for target in columns.targets):
                self.columns = columns
                return True
        elif self.labels.field(cells[0].text) is None or self.labels.column(self.inner, cells[0].text):
            self.columns.read_row(self.reader, cells)
            return True
        self.inner = self.columns = None
        return False

    def _row(self, cells: list[Cell]) -> None:
        index = 0
        while index < len(cells):
            cell = cells[index]
            target = self.labels.field(cell.text) if cell.text else None
            if target is None and self._unknown_label(cells, index):
                self.reader.open(None, cell.text, cell.place, "cell")  # 薪酬类型 | …: kept with its value
                index += 1
                continue
            if target is None:
                if cell.text:
                    for line in cell.text.split("\n"):
                        if line.strip():
                            self.reader.line(line.strip(), cell.place)
                index += 1
                continue
            after = cells[index + 1 :]
            if target in SECTION_TARGETS and after and self.labels.field(after[0].text) is not None:
                index += 1  # a label over the labels after it: it only groups them
                continue
            self.reader.open(target, cell.text, cell.place, "cell")
            if not after and target in TABLE_TARGETS:
                self.inner, self.columns = target, None
            index += 1
            values = []
            while index < len(cells) and not self._is_label(cells[index]) and not self._unknown_label(cells, index):
                values.append(cells[index])
                index += 1
            self._values(target, values)

    def _values(self, target: str, cells: list[Cell]) -> None:
        """The cells after a label: a value split over several cells is one value; each line of a list an item."""
        filled = [cell for cell in cells if cell.text]
        if target in SCALAR_TARGETS and len(filled) > 1:
            text = filled[0].text
            for cell in filled[1:]:
                text = joined(text, cell.text)
            self.reader.add(text, filled[0].place)
            return
        for cell in filled:
            for line in cell.text.split("\n"):
                if line.strip():
                    self.reader.add(line.strip(), cell.place)

    def _is_label(self, cell: Cell) -> bool:
        return bool(cell.text) and self.labels.field(cell.text) is not None

    def _unknown_label(self, cells: list[Cell], index: int) -> bool:
        """Whether the cell at ``index`` is a label no table knows: a short word, in a column of labels, before a
        cell of its own (not the value of a label just before it)."""
        cell = cells[index]
        text = cell.text
        if self.reader.numbers_a_duty(text):
            return False
        word = 0 < visible_length(text) <= LOOSE_LABEL and "\n" not in text and not text.endswith(TERMINAL)
        after_label = index > 0 and self._is_label(cells[index - 1])
        return word and cell.place.column in self.label_columns and index + 1 < len(cells) and not after_label
