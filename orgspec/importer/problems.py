"""Places in a document and what the import says about them.

A place is a paragraph, a table cell or a spreadsheet row; a note names
the file, the place, what was found and what to do, in the organisation's
language. Notes are collected, never raised: one run reports them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from orgspec.i18n import Locale, translate

Level = Literal["error", "kept", "check"]
"""error: the file could not be imported; kept: text that found no field, kept as a comment;
check: something written that a person should check (a name that matched nothing, a guess)."""


@dataclass(frozen=True, order=True)
class Place:
    """A paragraph (numbered among the non-empty ones), a table cell, or a spreadsheet row and column.

    ``block`` orders places as the document does: paragraphs and tables are numbered apart, but read in turn.
    """

    block: int = 0
    paragraph: int = 0
    table: int = 0
    row: int = 0
    column: int = 0

    def describe(self, locale: Locale) -> str:
        """``第 3 段``, ``表 1 第 2 行第 3 列``, ``第 4 行``: the place in words."""
        if self.paragraph:
            return translate("place.paragraph", locale, {"number": self.paragraph})
        if self.table and self.column:
            return translate("place.cell", locale, {"table": self.table, "row": self.row, "column": self.column})
        if self.row and self.column:
            return translate("place.row-column", locale, {"row": self.row, "column": _letters(self.column)})
        if self.row:
            return translate("place.row", locale, {"row": self.row})
        return ""


def _letters(column: int) -> str:
    """A spreadsheet column as its letters: 1 → A, 27 → AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Note:
    """What the import says about a place of a file: a message key of the catalogue and its arguments."""

    level: Level
    code: str
    file: str
    place: Place = Place()
    args: Mapping[str, object] = field(default_factory=dict)

    def message(self, locale: Locale) -> str:
        return translate(self.code, locale, self.args)

    def format(self, locale: Locale) -> str:
        """``file: place: message``, the place left out when there is none."""
        where = self.place.describe(locale)
        return f"{self.file}: {where}: {self.message(locale)}" if where else f"{self.file}: {self.message(locale)}"

    def as_dict(self, locale: Locale) -> dict[str, object]:
        return {"level": self.level, "code": self.code, "file": self.file, "place": self.place.describe(locale),
                "message": self.message(locale)}  # fmt: skip


class Unreadable(Exception):
    """A file that cannot be imported at all, with the catalogue key that says why and its arguments."""

    def __init__(self, code: str, **args: object) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args
