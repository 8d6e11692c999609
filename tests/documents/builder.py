"""Build a .docx from a short description: paragraphs, headings and tables with merged cells.

In a table, ``"<"`` merges a cell into the one on its left and ``"^"`` into
the one above, as a person merges cells in Word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document


@dataclass(frozen=True)
class P:
    """A paragraph, in a paragraph style of Word's default template (Title, Heading 1, List Number …), its text
    bold when ``bold``."""

    text: str
    style: str | None = None
    bold: bool = False


def H(text: str, level: int = 1) -> P:
    return P(text, "Title" if level == 0 else f"Heading {level}")


@dataclass(frozen=True)
class T:
    """A table: rows of cell texts; ``<`` and ``^`` merge a cell with its left or upper neighbour."""

    rows: list[list[str]]


Block = P | T | str


def word(path: Path, *blocks: Block) -> Path:
    """Write the document ``blocks`` describe to ``path``; a plain string is a plain paragraph."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif isinstance(block, P):
            paragraph = document.add_paragraph(style=block.style)
            paragraph.add_run(block.text).bold = block.bold or None
        else:
            _table(document, block)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _table(document: Document, block: T) -> None:
    width = max(len(row) for row in block.rows)
    table = document.add_table(rows=len(block.rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(block.rows):
        for c, text in enumerate(row):
            if text == "<":
                table.cell(r, c - 1).merge(table.cell(r, c))
            elif text == "^":
                table.cell(r - 1, c).merge(table.cell(r, c))
            else:
                lines = text.split("\n")
                cell = table.cell(r, c)
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
