"""Job families: each level of a family adds to the level below.

A level's duties, responsibilities, KPIs and qualifications are those of
the level below followed by its own, each entry once: a duty group with
the heading of an inherited one extends it, a KPI with the name of an
inherited one takes its place. A level that lists a field under
``replaces`` starts that field afresh. What a level adds is derived from
the linked posts (`added`), never stored, so that an edition that leaves
entries out leaves them out of both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from orgspec.model import Post, Qualifications, Settings
from orgspec.model.common import ClauseRef, DutyGroup, Kpi, TextGroup
from orgspec.model.family import LEVEL_FIELDS, LevelField

QUALIFICATION_FIELDS = tuple(Qualifications.model_fields)


def family_levels(settings: Settings) -> dict[str, tuple[str, int]]:
    """Each post that is a level of a family: (family id, its index, 0 for the lowest); the first family wins."""
    levels: dict[str, tuple[str, int]] = {}
    for family, declared in settings.families.items():
        for index, key in enumerate(declared.levels):
            levels.setdefault(key, (family, index))
    return levels


def ladder(settings: Settings, family: str, posts: Mapping[str, object]) -> list[str]:
    """The family's levels that are posts and belong to it (not to a family named before), lowest first."""
    levels = family_levels(settings)
    return [key for key in dict.fromkeys(settings.families[family].levels) if key in posts and levels[key][0] == family]


def climb(settings: Settings, posts: dict[str, Post]) -> dict[str, Post]:
    """The levels of every family among ``posts``, each holding what the levels below it hold."""
    result: dict[str, Post] = {}
    for family in settings.families:
        below: Post | None = None
        for key in ladder(settings, family, posts):
            post = posts[key]
            if below is not None:
                kept = [name for name in LEVEL_FIELDS if name not in post.replaces]
                post = post.model_copy(update={name: _merged(name, below, post) for name in kept})
            result[key] = below = post
    return result


def _merged(name: LevelField, below: Post, own: Post) -> Any:
    if name == "qualifications":
        return _qualifications(below.qualifications, own.qualifications)
    if name == "kpis":
        return _kpis(below.kpis, own.kpis)
    return _entries(getattr(below, name), getattr(own, name))


def identity(entry: object) -> object:
    """What makes two entries the same entry: their text, or the clause they cite (or a KPI's name)."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, ClauseRef):
        return ("clause", entry.clause)
    if isinstance(entry, Kpi):
        return ("kpi", entry.name)
    return getattr(entry, "text", entry)


def _entries(below: Sequence[Any], own: Sequence[Any]) -> list[Any]:
    """The entries below, then the level's own that are new; a group of an inherited heading extends it."""
    merged = list(below)
    headings = {entry.group: index for index, entry in enumerate(merged) if isinstance(entry, DutyGroup | TextGroup)}
    seen = {identity(item) for item in _flat(merged)}
    for entry in own:
        if isinstance(entry, DutyGroup | TextGroup):
            fresh = [item for item in entry.items if identity(item) not in seen]
            if entry.group in headings:
                index = headings[entry.group]
                merged[index] = merged[index].model_copy(update={"items": [*merged[index].items, *fresh]})
            elif fresh:
                headings[entry.group] = len(merged)
                merged.append(entry.model_copy(update={"items": fresh}))
            seen.update(identity(item) for item in fresh)
        elif identity(entry) not in seen:
            merged.append(entry)
            seen.add(identity(entry))
    return merged


def _flat(entries: Sequence[Any]) -> Iterator[Any]:
    for entry in entries:
        yield from entry.items if isinstance(entry, DutyGroup | TextGroup) else (entry,)


def _kpis(below: Sequence[Kpi], own: Sequence[Kpi]) -> list[Kpi]:
    """The KPIs below, each replaced in place by the level's own of the same name, then the level's new ones."""
    mine = {kpi.name: kpi for kpi in own}
    merged = [mine.pop(kpi.name, kpi) for kpi in below]
    return merged + [kpi for kpi in own if kpi.name in mine]


def _qualifications(below: Qualifications | None, own: Qualifications | None) -> Qualifications | None:
    if below is None or own is None:
        return own or below
    return own.model_copy(
        update={name: _entries(getattr(below, name), getattr(own, name)) for name in QUALIFICATION_FIELDS}
    )


def added(lower: Post | None, level: Post, name: LevelField) -> list[tuple[str, Any]]:
    """What ``level`` adds to ``lower`` in one field, as (heading or qualification, entry) pairs.

    The heading is a duty group's heading, or the name of a qualification
    field; empty for plain entries. All of the field when the level replaces it.
    """
    mine = list(_pairs(name, getattr(level, name)))
    if lower is None or name in level.replaces:
        return mine
    below = set(map(repr, (entry for _, entry in _pairs(name, getattr(lower, name)))))
    return [(heading, entry) for heading, entry in mine if repr(entry) not in below]


def _pairs(name: LevelField, value: Any) -> Iterator[tuple[str, Any]]:
    if name == "qualifications":
        for field in QUALIFICATION_FIELDS:
            yield from ((field, entry) for entry in (getattr(value, field) if value else []))
        return
    for entry in value:
        if isinstance(entry, DutyGroup | TextGroup):
            yield from ((entry.group, item) for item in entry.items)
        else:
            yield "", entry
