"""A value before and after: the vocabulary of every comparison of two versions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Change", "changed"]

T = TypeVar("T")


@dataclass(frozen=True)
class Change(Generic[T]):
    """A value before and after."""

    old: T
    new: T


def changed(old: T, new: T) -> Change[T] | None:
    """The change from ``old`` to ``new``, or None when they are equal."""
    return None if old == new else Change(old, new)
