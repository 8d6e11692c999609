"""The edges of a laid-out org chart: orthogonal polylines from a parent's box to a child's.

A child hangs from its parent in one of four ways (`Hang`): from the bus
under the parent (``bus``), from the rail down the parent's left side
(``stack``: stacked leaves), from the rail of the column of leaves that
stands beside the parent's other children (``column``, with the key of the
column's first leaf), or from the bus of its row, which leads from the
rail down the side of a folded parent (``row``).  Edges are
derived from the rounded boxes, so they meet box borders exactly.
"""

from __future__ import annotations

from typing import Literal

from orgspec.render.chart.geometry import Box, Edge, round2

Hang = tuple[Literal["bus", "stack", "column", "row"], str]
BUS: Hang = ("bus", "")
STACK: Hang = ("stack", "")
ROW: Hang = ("row", "")


def make_edges(
    boxes: list[Box], parents: tuple[int, ...], hangs: dict[str, Hang], stack_indent: float, v_gap: float
) -> list[Edge]:
    """One edge per box but the first (the root), in the boxes' order; ``parents`` by index."""
    by_key = {box.key: box for box in boxes}
    edges: list[Edge] = []
    for index in range(1, len(boxes)):
        parent, child = boxes[parents[index]], boxes[index]
        kind, first = hangs[child.key]
        if kind == "stack":
            points = _stack_points(parent, child, stack_indent)
        elif kind == "column":
            points = _column_points(parent, child, by_key[first], stack_indent)
        elif kind == "row":
            points = _row_points(parent, child, stack_indent, v_gap)
        else:
            points = _bus_points(parent, child)
        edges.append(Edge(parent.key, child.key, _simplify(points)))
    return edges


def _bus_points(parent: Box, child: Box) -> list[tuple[float, float]]:
    """Parent bottom-centre, down to the middle of the gap, across, down to
    the child's top-centre.  Siblings share the horizontal bus segment."""
    px = round2(parent.x + parent.width / 2)
    cx = round2(child.x + child.width / 2)
    top = round2(parent.y + parent.height)
    mid = round2((top + child.y) / 2)
    return [(px, top), (px, mid), (cx, mid), (cx, child.y)]


def _column_points(parent: Box, leaf: Box, first: Box, stack_indent: float) -> list[tuple[float, float]]:
    """Down from the parent to the bus, along it to the column's rail, down
    the rail to the leaf's vertical middle, then right to its left edge."""
    px = round2(parent.x + parent.width / 2)
    top = round2(parent.y + parent.height)
    mid = round2((top + first.y) / 2)
    rail = round2(first.x - stack_indent / 2)
    middle = round2(leaf.y + leaf.height / 2)
    return [(px, top), (px, mid), (rail, mid), (rail, middle), (leaf.x, middle)]


def _row_points(parent: Box, child: Box, stack_indent: float, v_gap: float) -> list[tuple[float, float]]:
    """Down the rail from the parent's bottom edge to the bus above the child's row, along it, down to the child."""
    rail = round2(parent.x + min(stack_indent / 2, parent.width / 2))
    bus = round2(child.y - v_gap / 2)
    centre = round2(child.x + child.width / 2)
    return [(rail, round2(parent.y + parent.height)), (rail, bus), (centre, bus), (centre, child.y)]


def _stack_points(parent: Box, child: Box, stack_indent: float) -> list[tuple[float, float]]:
    """Down the rail from the parent's bottom edge, then right to the
    leaf's left edge at its vertical middle."""
    # The rail stays on the parent's bottom edge even for a very narrow box.
    rail = round2(parent.x + min(stack_indent / 2, parent.width / 2))
    top = round2(parent.y + parent.height)
    mid = round2(child.y + child.height / 2)
    return [(rail, top), (rail, mid), (child.x, mid)]


def _simplify(points: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """Drop repeated points and the middle point of straight runs."""
    out: list[tuple[float, float]] = []
    for point in points:
        if out and point == out[-1]:
            continue
        if len(out) >= 2 and _collinear(out[-2], out[-1], point):
            out[-1] = point
        else:
            out.append(point)
    if len(out) == 1:  # zero-length edge (touching boxes): keep both ends
        out.append(out[0])
    return tuple(out)


def _collinear(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> bool:
    return (a[0] == b[0] == c[0]) or (a[1] == b[1] == c[1])
