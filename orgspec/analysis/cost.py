"""What posts cost by the pay bands of their grades (pure).

A post costs its head count times the band of its grade: its authorised
heads for the **authorised** cost, the people in post for the **filled**
cost, each a range from the band's minimum to its maximum, in the
organisation's currency and for the period the bands are written for.

Only the bands the organisation shows are used: the public edition has
already left out the internal ones (`orgspec.edition.redact`), so a cost
made from a published organisation can never reveal an internal band. A
post whose grade gives no band (no grade, a grade without ``pay``, or a
band left out) is not priced; its authorised heads are counted apart as
**unpriced**.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from orgspec.link.organisation import Organisation
from orgspec.model.settings import PayBand

__all__ = ["Cost", "PayRange", "cost", "pay_bands", "priced"]

_ZERO = Decimal(0)


@dataclass(frozen=True)
class PayRange:
    """An amount of money between a lowest and a highest figure."""

    min: Decimal = _ZERO
    max: Decimal = _ZERO

    def __add__(self, other: PayRange) -> PayRange:
        return PayRange(self.min + other.min, self.max + other.max)

    def __sub__(self, other: PayRange) -> PayRange:
        return PayRange(self.min - other.min, self.max - other.max)


@dataclass(frozen=True)
class Cost:
    """The authorised and filled cost of some posts, and the authorised heads that have no band."""

    authorised: PayRange = PayRange()
    filled: PayRange = PayRange()
    unpriced: int = 0

    def __add__(self, other: Cost) -> Cost:
        return Cost(self.authorised + other.authorised, self.filled + other.filled, self.unpriced + other.unpriced)


def pay_bands(organisation: Organisation) -> dict[str, PayBand]:
    """Grade id → its pay band, for the grades that give one."""
    return {grade.id: grade.pay for grade in organisation.settings.grades if grade.pay is not None}


def priced(*organisations: Organisation) -> bool:
    """Does a grade of any of the organisations give a pay band?"""
    return any(pay_bands(organisation) for organisation in organisations)


def cost(organisation: Organisation, posts: Iterable[str]) -> Cost:
    """The cost of ``posts`` (ids of posts of ``organisation``) by the bands of their grades."""
    bands = pay_bands(organisation)
    total = Cost()
    for key in posts:
        post = organisation.posts[key]
        band = bands.get(post.grade or "")
        if band is None:
            total += Cost(unpriced=post.authorised)
            continue
        authorised = PayRange(band.min * post.authorised, band.max * post.authorised)
        filled = PayRange(band.min * post.filled_count, band.max * post.filled_count)
        total += Cost(authorised, filled)
    return total
