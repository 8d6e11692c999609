"""The authority matrix linked: rules gathered by business item, tiers in order, parties resolved.

A party is written once as a post id or as the name (or English name) of a
body declared in ``orgspec.yaml``; `party` is the one place that tells
which, for the checks and for every output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from orgspec.link.organisation import Organisation
from orgspec.model.approvals import ApprovalRule

_NO_LIMIT = Decimal("Infinity")


@dataclass(frozen=True)
class Placed:
    """A rule with its place in approvals.yaml (``rules[index]``)."""

    index: int
    rule: ApprovalRule


@dataclass(frozen=True)
class Item:
    """A business item and its rules, from the lowest tier up."""

    name: str
    rules: list[Placed]


def approval_items(rules: Sequence[ApprovalRule]) -> list[Item]:
    """The business items in the order they first appear, each with its rules from the lowest tier up."""
    grouped: dict[str, list[Placed]] = {}
    for index, rule in enumerate(rules):
        grouped.setdefault(rule.item, []).append(Placed(index, rule))
    return [Item(name, sorted(placed, key=tier_key)) for name, placed in grouped.items()]


def tier_key(placed: Placed) -> tuple[Decimal, Decimal]:
    """Where a rule's tier starts and ends; a rule without a tier covers every amount."""
    rule = placed.rule
    return (Decimal(-1) if rule.above is None else rule.above, _NO_LIMIT if rule.up_to is None else rule.up_to)


@dataclass(frozen=True)
class Party:
    """Who signs: a post (``name`` is its id) or a body (``name`` is its declared name)."""

    name: str
    post: bool


def party(organisation: Organisation, written: str) -> Party | None:
    """The party a rule names, or None when it names no post and no declared body."""
    if written in organisation.posts:
        return Party(written, post=True)
    body = organisation.settings.approvals.body(written)
    return None if body is None else Party(body.name, post=False)


def parties_in_order(organisation: Organisation, named: set[Party]) -> list[Party]:
    """The parties of ``named`` as the matrix orders its columns: posts in the order of the organisation
    (departments as in the tree, head first), then bodies in the order orgspec.yaml declares them."""
    posts = [Party(key, post=True) for key in organisation.posts_in_tree_order()]
    bodies = [Party(body.name, post=False) for body in organisation.settings.approvals.bodies]
    return [candidate for candidate in posts + bodies if candidate in named]
