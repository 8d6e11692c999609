"""Tables for the terminal, Markdown and HTML, shared by `orgspec compare` and `orgspec diff` (pure)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["html_table", "markdown_table", "text_table", "width"]


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text
    )


def _pad(text: str, columns: int, *, right: bool) -> str:
    space = " " * (columns - width(text))
    return space + text if right else text + space


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, first_numeric: int = 1) -> list[str]:
    """Lines of an aligned table: a header, a rule, the rows; columns from ``first_numeric`` on align right."""
    table = [list(header), *(list(row) for row in rows)]
    widths = [max(width(row[column]) for row in table) for column in range(len(header))]
    lines = []
    for row in table:
        cells = [_pad(cell, widths[n], right=n >= first_numeric) for n, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * columns for columns in widths))
    return lines


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, first_numeric: int = 1) -> list[str]:
    """Lines of a Markdown (GitHub) table; the cells must be escaped already."""
    rule = ["---:" if n >= first_numeric else "---" for n in range(len(header))]
    return ["| " + " | ".join(row) + " |" for row in (header, rule, *rows)]


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, first_numeric: int = 1) -> list[str]:
    """Lines of an HTML table; the cells must be escaped already. Columns from ``first_numeric`` on are numbers."""

    def cells(tag: str, row: Sequence[str]) -> str:
        opening = [f'<{tag} class="num">' if n >= first_numeric else f"<{tag}>" for n in range(len(row))]
        return "".join(f"{start}{cell}</{tag}>" for start, cell in zip(opening, row, strict=True))

    body = [f"<tr>{cells('td', row)}</tr>" for row in rows]
    return ["<table>", f"<thead><tr>{cells('th', header)}</tr></thead>", "<tbody>", *body, "</tbody>", "</table>"]
