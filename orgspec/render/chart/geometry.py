"""The shapes of a laid-out org chart: the input tree, placed boxes, edges, the whole layout."""

from __future__ import annotations

from dataclasses import dataclass

_DECIMALS = 2


def round2(value: float) -> float:
    """A coordinate rounded to two decimals; "+ 0.0" turns -0.0 into 0.0 so that output compares equal."""
    return round(value, _DECIMALS) + 0.0


@dataclass(frozen=True)
class Node:
    """One box of the input tree.

    ``key`` must be unique in the tree; ``width`` and ``height`` are the
    box size in pixels; ``children`` are drawn left to right in order.
    """

    key: str
    width: float
    height: float
    children: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Box:
    """Placed box: ``(x, y)`` is its top-left corner."""

    key: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Edge:
    """Connector from ``parent`` to ``child`` as an orthogonal polyline.

    The first point lies on the parent's border and the last point on the
    child's; consecutive points share an x or a y coordinate.
    """

    parent: str
    child: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Layout:
    """A laid-out tree.

    ``boxes`` are in pre-order of the input tree; ``edges[i]`` leads to
    ``boxes[i + 1]`` (one edge per non-root box, also in pre-order).
    ``width`` and ``height`` include ``margin`` on every side.
    """

    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]
    width: float
    height: float
