"""Competencies (能力要求) as documents write them: a rating on the organisation's scale, or a skill.

A line or a table row under 能力要求 names a competency and may rate it
(沟通协调能力：熟练（4）, 公文写作 3级, a 等级 column). A rating is read as
a level of `competency_scale` in orgspec.yaml, by number or by the name of
a step — the project's, or the scale the document writes above its
competencies (评级标准：1 了解、2 熟悉 …, which is then read, not kept).
A competency the post file can rate becomes an entry of ``competencies``;
one without a rating is a skill (能力要求 is also what many documents call
their list of skills); one rated off the scale, or in a project that has
no scale, is a skill too, with a note saying how to rate it.
"""

from __future__ import annotations

import re
from typing import Any

from orgspec.i18n import LOCALES, translate
from orgspec.importer import values
from orgspec.importer.labels import normalise
from orgspec.importer.lines import split_label
from orgspec.importer.problems import Note, Place
from orgspec.importer.reading import Item
from orgspec.model import Settings

SCALE_LABELS = frozenset(
    {
        *(normalise(translate("competency.scale", locale, {"steps": []})) for locale in LOCALES),
        *(
            normalise(word)
            for word in ("等级标准", "评分标准", "能力等级", "等级说明", "评级说明", "rating scale", "levels")
        ),
    }
)
"""Labels of the line that writes the scale out (评级标准：1 了解、2 熟悉 …)."""

_BRACKETED = re.compile(r"(?P<name>.+?)\s*[(（](?P<rating>[^()（）]+)[)）]\s*[，,；;。]?\s*(?P<rest>.*)")
_TRAILING = re.compile(r"(?P<name>.+?)\s+(?P<rating>★+|(?:level|l)\s*\d{1,3}|\d{1,3}\s*级)$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[，,；;。]")


class Competencies:
    """Reads the competencies of one document; what cannot be rated is left in `unrated` as skills."""

    def __init__(self, settings: Settings, file: str, notes: list[Note]) -> None:
        self.levels = {step.level for step in settings.competency_scale}
        self.names = {values.fold(step.name).casefold(): step.level for step in settings.competency_scale}
        self.file = file
        self.notes = notes
        """Where the notes on ratings the post file cannot hold go."""
        self.unrated: list[str] = []

    def read(self, items: list[Item], rows: list[dict[str, Item]]) -> list[dict[str, Any]]:
        """The competencies of ``items`` (lines) and ``rows`` (a table), in order."""
        result = []
        for item in items:
            if self._scale(item):
                continue
            name, rating, description = _parts(item)
            result += self._entry(name, rating, description, item.whole, item.place)
        for row in rows:
            named, level = row["competency.name"], row.get("competency.level")
            description = row["competency.description"].text if "competency.description" in row else None
            whole = "：".join(part for part in (named.text, level.text if level else None, description) if part)
            result += self._entry(named.text, level.text if level else None, description, whole, named.place)
        return result

    def _scale(self, item: Item) -> bool:
        """Whether ``item`` writes the scale out; its steps' names are then read as ratings."""
        label, rest = split_label(item.whole)
        steps = values.scale_steps(rest) if label is not None and normalise(label) in SCALE_LABELS else {}
        self.names = {**steps, **self.names}
        return bool(steps)

    def _entry(
        self, name: str, rating: str | None, description: str | None, whole: str, place: Place
    ) -> list[dict[str, Any]]:
        level = values.rating(rating, self.names) if rating else None
        if level is not None and level in self.levels:
            entry: dict[str, Any] = {"name": name, "level": level}
            return [{**entry, "description": description} if description else entry]
        if level is not None:
            code = "import.competency-off-scale" if self.levels else "import.competency-no-scale"
            args = {"name": name, "rating": rating, "levels": sorted(self.levels)}
            self.notes.append(Note("check", code, self.file, place, args))
        self.unrated.append(whole)
        return []


def _parts(item: Item) -> tuple[str, str | None, str | None]:
    """A competency line's name, rating and description: 沟通协调能力：熟练（4），能主动协调 → (沟通协调能力, 熟练（4）, 能主动协调)."""
    details = " ".join(item.details) or None
    label, rest = split_label(item.text)
    if label is not None:
        rating, description = _first_clause(rest)
        return label.strip(), rating, _joined(description, details)
    bracketed = _BRACKETED.fullmatch(item.text)
    if bracketed is not None:
        return bracketed.group("name"), bracketed.group("rating"), _joined(bracketed.group("rest") or None, details)
    trailing = _TRAILING.fullmatch(item.text)
    if trailing is not None:
        return trailing.group("name"), trailing.group("rating"), details
    return item.text, None, details


def _first_clause(text: str) -> tuple[str | None, str | None]:
    """``熟练（4），能主动协调`` → (熟练（4）, 能主动协调)."""
    first, _, rest = _CLAUSE_END.sub("\x00", text, count=1).partition("\x00")
    return first.strip() or None, rest.strip() or None


def _joined(first: str | None, second: str | None) -> str | None:
    return " ".join(part for part in (first, second) if part) or None
