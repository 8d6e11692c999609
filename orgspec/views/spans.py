"""A printed table's rows as HTML lays them out: a continued cell becomes a row span of the cell above."""

from __future__ import annotations

from dataclasses import dataclass

from orgspec.views.sheet import Table


@dataclass(frozen=True)
class Cell:
    """A table cell in HTML: a continued cell becomes a row span of the cell above."""

    text: str
    rows: int = 1
    label: bool = False


def spans(table: Table) -> list[list[Cell]]:
    """The rows of ``table`` with continued (None) cells folded into row spans."""
    rows: list[list[Cell]] = []
    above: dict[int, tuple[int, int]] = {}
    for values in table.rows:
        row: list[Cell] = []
        for column, value in enumerate(values):
            if value is None and column in above:
                index, position = above[column]
                cell = rows[index][position]
                rows[index][position] = Cell(cell.text, cell.rows + 1, cell.label)
                continue
            above[column] = (len(rows), len(row))
            row.append(Cell(value or "", label=column == 0 and table.label_column))
        rows.append(row)
    return rows
