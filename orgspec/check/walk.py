"""Walk a model's fields to find every value of one type with its location."""

from __future__ import annotations

import datetime
import decimal
import types
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from orgspec.load.yamlfile import Loc

FoundT = TypeVar("FoundT")


def find(value: object, wanted: type[FoundT], loc: Loc = ()) -> Iterator[tuple[Loc, FoundT]]:
    """Every ``wanted`` instance inside ``value`` (models, lists and mappings), in document order."""
    for place, found in find_any(value, (wanted,), loc):
        assert isinstance(found, wanted)
        yield place, found


def find_any(value: object, wanted: tuple[type, ...], loc: Loc = ()) -> Iterator[tuple[Loc, object]]:
    """Every instance of one of the ``wanted`` types inside ``value``, in document order: one walk where a
    check looks for several kinds of values."""
    found: list[tuple[Loc, object]] = []
    # Only models, lists and wanted values are visited: most fields are plain text. The walk collects
    # into a list rather than yielding through every level: generators nested as deep as a post's
    # fields made checking 10,000 posts slow.
    if _HOLDS[type(value), wanted]:
        _collect(value, wanted, loc, found)
    return iter(found)


def _collect(value: object, wanted: tuple[type, ...], loc: Loc, found: list[tuple[Loc, object]]) -> None:
    if isinstance(value, wanted):
        found.append((loc, value))
    if isinstance(value, BaseModel):
        for name in _fields_to_walk(type(value), wanted):
            field = getattr(value, name)
            if _HOLDS[type(field), wanted]:
                _collect(field, wanted, (*loc, name), found)
    elif isinstance(value, list | dict):
        for place, item in enumerate(value) if isinstance(value, list) else value.items():
            if _HOLDS[type(item), wanted]:
                _collect(item, wanted, (*loc, place), found)


class _Holding(dict[tuple[type, tuple[type, ...]], bool]):
    """Whether a value of a type is or may hold a value of the wanted types: worked out once per type, so that
    the walk does not step into each of a post's thirty duties only to find nothing to walk in it."""

    def __missing__(self, key: tuple[type, tuple[type, ...]]) -> bool:
        kind, wanted = key
        holds = issubclass(kind, wanted) or issubclass(kind, list | dict)
        self[key] = holds = holds or (issubclass(kind, BaseModel) and bool(_fields_to_walk(kind, wanted)))
        return holds


_HOLDS = _Holding()


@cache
def _fields_to_walk(model: type[BaseModel], wanted: tuple[type, ...]) -> tuple[str, ...]:
    """The fields of ``model`` whose declared type may hold a ``wanted`` value, in declaration order.

    A post has some twenty fields and most cannot hold what a check looks
    for (a clause reference is never inside a KPI); skipping them by their
    type, worked out once per model and wanted type, keeps the walks of the
    checks from dominating `orgspec check` on large organisations.
    """
    return tuple(name for name, field in model.model_fields.items() if _may_hold(field.annotation, wanted, frozenset()))


def _may_hold(annotation: Any, wanted: tuple[type, ...], seen: frozenset[type]) -> bool:
    """Whether a value declared as ``annotation`` may be or contain a ``wanted`` value (True when unsure)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _may_hold(get_args(annotation)[0], wanted, seen)
    if origin in (Union, types.UnionType, list, tuple, dict):
        return any(_may_hold(argument, wanted, seen) for argument in get_args(annotation))
    if origin is Literal:
        return any(isinstance(value, wanted) for value in get_args(annotation))
    if not isinstance(annotation, type) or origin is not None:
        return True  # a form not worked out here (a forward reference, a generic …): walk it
    if issubclass(annotation, _LEAVES):
        return issubclass(annotation, wanted)
    if issubclass(annotation, BaseModel) and not any(issubclass(kind, annotation) for kind in wanted):
        inner = seen | {annotation}
        fields = annotation.model_fields.values()
        return annotation not in seen and any(_may_hold(field.annotation, wanted, inner) for field in fields)
    return True


_LEAVES = (type(None), str, int, float, bytes, datetime.date, datetime.time, decimal.Decimal)
"""Types whose values hold nothing inside."""
