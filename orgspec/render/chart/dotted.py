"""Routes for dotted-line (secondary) reporting, drawn over a finished layout.

A dotted line never moves a box: it is routed through the gaps the tidy
layout left.  The route leaves the post's box sideways at its vertical
middle (to the right for a stacked leaf, whose left side carries its solid
connector), runs to the nearest free vertical lane (a corridor between
boxes), climbs it and enters the superior's box from below::

        +-----------+
        | superior  |
        +-----------+
              ^
              :          the lane: no box overlaps it between the two ends
        +---+ :
        |post|.:
        +---+

When the lane misses the superior's box, the route turns into the gap just
under the superior and enters its bottom edge from there.  A superior that
is not above the post (rare) gets a straight line.
"""

from __future__ import annotations

from collections.abc import Sequence

from orgspec.render.chart.layout import Box, Edge

Point = tuple[float, float]

#: Distance kept from box borders, and where in a gap a lane runs.
CLEARANCE = 3.0
#: Where the route turns under the superior: a quarter of the way down the
#: gap, above the bus line (half-way) of the superior's own children.
TURN = 0.25


def route(
    post: Box, superior: Box, boxes: Sequence[Box], edges: Sequence[Edge], h_gap: float, v_gap: float
) -> list[Point]:
    """The polyline from ``post`` to ``superior``; its last point is on the superior's border."""
    bottom = superior.y + superior.height
    start_y = post.y + post.height / 2
    if bottom >= post.y:
        return _straight(post, superior)
    rightwards = _centre_x(superior) >= _centre_x(post) or _enters_from_left(post, edges)
    start_x = post.x + post.width if rightwards else post.x
    blockers = [box for box in boxes if box not in (post, superior) and _spans(box, bottom, start_y)]
    lane = _free_lane(start_x, rightwards, blockers, max(h_gap / 2, 2 * CLEARANCE))
    points = [(start_x, start_y), (lane, start_y)]
    if superior.x + h_gap / 2 <= lane <= superior.x + superior.width - h_gap / 2:
        return [*points, (lane, bottom)]
    turn_y = bottom + v_gap * TURN
    end_x = superior.x + superior.width - h_gap / 2 if lane > superior.x else superior.x + h_gap / 2
    return [*points, (lane, turn_y), (end_x, turn_y), (end_x, bottom)]


def _centre_x(box: Box) -> float:
    return box.x + box.width / 2


def _enters_from_left(box: Box, edges: Sequence[Edge]) -> bool:
    """Does the box's solid connector arrive at its left side (a stacked leaf)?"""
    return any(edge.points[-1][0] == box.x and edge.points[-1][1] > box.y for edge in edges)


def _spans(box: Box, top: float, bottom: float) -> bool:
    """Does the box overlap the horizontal band from ``top`` to ``bottom``?"""
    return box.y < bottom + CLEARANCE and box.y + box.height > top - CLEARANCE


def _free_lane(start: float, rightwards: bool, blockers: Sequence[Box], offset: float) -> float:
    """The nearest x beyond ``start`` (in the given direction) that no blocker covers."""
    if rightwards:
        candidates = sorted({start + offset, *(box.x + box.width + offset for box in blockers)})
        candidates = [x for x in candidates if x > start]
    else:
        candidates = sorted({start - offset, *(box.x - offset for box in blockers)}, reverse=True)
        candidates = [x for x in candidates if x < start]
    for x in candidates:
        if not any(box.x - CLEARANCE < x < box.x + box.width + CLEARANCE for box in blockers):
            return x
    return candidates[-1]  # beyond every blocker: always free


def _straight(post: Box, superior: Box) -> list[Point]:
    """Centre to centre, clipped to both borders (boxes of a layout never share a centre)."""
    dx = _centre_x(superior) - _centre_x(post)
    dy = (superior.y + superior.height / 2) - (post.y + post.height / 2)
    if dx == dy == 0:
        return [(_centre_x(post), post.y), (_centre_x(post), post.y)]
    return [_border_point(post, dx, dy), _border_point(superior, -dx, -dy)]


def _border_point(box: Box, dx: float, dy: float) -> Point:
    """Where a ray from the box's centre in direction (dx, dy) leaves the box."""
    half_w, half_h = box.width / 2, box.height / 2
    scale = min(half_w / abs(dx) if dx else float("inf"), half_h / abs(dy) if dy else float("inf"))
    return box.x + half_w + dx * scale, box.y + half_h + dy * scale
