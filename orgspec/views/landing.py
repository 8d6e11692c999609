"""What the handbook's home shows a reader: the numbers, the departments as cards, the way in (pure)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from orgspec.link.organisation import Headcount
from orgspec.views.common import Ctx, Link


@dataclass(frozen=True)
class Unit:
    """A department as its card shows it: name, head, posts and head counts with its sub-departments."""

    link: Link
    head: Link | None
    posts: int
    count: Headcount
    depth: int


@dataclass(frozen=True)
class Card:
    """A top-level department and the departments below it, in tree order."""

    department: Unit
    below: list[Unit]


def department_cards(ctx: Ctx) -> list[Card]:
    """One card per top-level department, holding every department below it."""
    organisation = ctx.organisation
    cards: list[Card] = []
    for key, depth in organisation.department_tree():
        unit = Unit(
            ctx.department_link(key) or Link(key),
            ctx.post_link(organisation.departments[key].head),
            len(organisation.posts_in(key, recursive=True)),
            organisation.headcount(key, recursive=True),
            depth,
        )
        if depth == 0 or not cards:
            cards.append(Card(unit, []))
        else:
            cards[-1].below.append(unit)
    return cards


def paragraphs(text: str | None) -> list[str]:
    """A note written in orgspec.yaml (``about``) as its paragraphs: a blank line starts a new one.

    The lines of a paragraph are joined with a space, except between two Chinese characters.
    """
    if text is None:
        return []
    return [_unwrapped(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


def _unwrapped(words: list[str]) -> str:
    text = words[0]
    for word in words[1:]:
        text += ("" if _wide(text[-1]) and _wide(word[0]) else " ") + word
    return text


def _wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")
