"""What a job description says, as read: fields with their items, table rows, and text kept aside.

A `Reading` is the plain result of reading one document, before any name
is resolved against the project. Every piece of text read ends up in
exactly one place: a field, a table row, a label that named a field, a
value orgspec derives itself, or `kept` (text that found no field).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from orgspec.importer.problems import Place

SCALAR_TARGETS = frozenset(
    {"title", "title_en", "code", "department", "department.parent", "grade", "authorised", "filled", "reports_to",
     "also_holds", "staffing_kind", "leadership"}
)  # fmt: skip
"""Fields that hold one value: a second value found for one is kept aside, not lost."""
TEXT_TARGETS = frozenset({"purpose", "summary", "environment", "career"})
"""Fields of running text: their paragraphs are joined."""
TABLE_TARGETS = frozenset({"kpis", "authorities", "routines", "relations", "revisions", "competencies"})
"""Fields that a table can hold, one row per entry."""
SECTION_TARGETS = frozenset(
    {"basic", "duties", "responsibilities", "authorities", "kpis", "routines", "relations", "qualifications",
     "competencies", "revisions"}
)  # fmt: skip
"""Fields whose label can head other labels (任职资格 over 教育程度, 专业 …) in a table."""


def joined(first: str, second: str) -> str:
    """Two parts of one line: with a space between words, without one between Chinese characters."""
    if first and second and first[-1].isascii() and second[0].isascii():
        return f"{first} {second}"
    return first + second


@dataclass
class Item:
    """One value or list item as read, with the lower-level items written under it."""

    text: str
    place: Place
    group: str | None = None
    details: list[str] = field(default_factory=list)

    def extend(self, text: str) -> None:
        """Continue the item (or its last detail) with a wrapped line."""
        if self.details:
            self.details[-1] = joined(self.details[-1], text)
        else:
            self.text = joined(self.text, text)

    @property
    def last(self) -> str:
        return self.details[-1] if self.details else self.text

    @property
    def whole(self) -> str:
        """The item with its details, on one line."""
        text = self.text
        for detail in self.details:
            text = joined(text, detail) if not text[-1:].isascii() else f"{text} {detail}"
        return text


@dataclass
class Kept:
    """Text that found no field, under the label it stood under (None: under no label)."""

    label: str | None
    place: Place
    lines: list[str] = field(default_factory=list)

    @property
    def characters(self) -> int:
        return visible_length(self.label or "") + sum(visible_length(line) for line in self.lines)


def visible_length(text: str) -> int:
    """Characters that are not white space: what the share of text placed is counted in."""
    return sum(not char.isspace() for char in text)


@dataclass
class Reading:
    """Everything one document says, as read."""

    title: Item | None = None
    title_target: str | None = None
    fields: dict[str, list[Item]] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Item]]] = field(default_factory=dict)
    derived: list[tuple[str, Item]] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    read: int = 0
    """Characters of text read (white space not counted)."""
    labelled: bool = False
    """Whether a label, a heading or a title named a field: text under none (a title's lines) is no job description."""

    def items(self, target: str) -> list[Item]:
        return self.fields.setdefault(target, [])

    @property
    def kept_characters(self) -> int:
        return sum(kept.characters for kept in self.kept)

    @property
    def placed_share(self) -> float:
        """The share of the text read that went into a named field (1.0 for an empty document)."""
        return 1.0 if not self.read else max(0.0, 1 - self.kept_characters / self.read)

    @property
    def found_anything(self) -> bool:
        """Whether the document said anything a job description says, under a label of one."""
        return self.labelled or bool(self.rows)
