"""Tidy-tree geometry for org charts: box positions and edge polylines.

Only geometry is computed here; drawing (SVG) and text live elsewhere.

Algorithm
    The non-layered tidy tree of A. van der Ploeg, "Drawing non-layered
    tidy trees in linear time" (Software: Practice and Experience 44, 2014),
    which is Walker's algorithm with the linear-time improvements of
    Buchheim, Juenger and Leipert, generalised to boxes of any width and
    height.  Children start ``v_gap`` below their own parent instead of on
    a global row, so one tall box does not push every row beneath it down.
    Subtrees are pushed together until their contours are ``h_gap`` apart,
    smaller subtrees caught between two pushed subtrees are spread evenly,
    and a parent is centred over its first and last child.  The layout of a
    subtree depends on that subtree only, so identical subtrees are drawn
    identically.  Time is O(n).

Compact org-chart convention
    When a node has two or more children and all of them are leaves, the
    leaves are stacked in a column instead of spread sideways::

        +--------+          parent (x, y), height h
        +-+------+
          |                 rail at x + stack_indent / 2
          |   +-------+     first leaf at (x + stack_indent, y + h + v_gap)
          +---| leaf  |     connector at the leaf's vertical middle
          |   +-------+
          |                 stack_gap between leaves
          |   +-------+
          +---| leaf  |
              +-------+

    The parent and its column then take part in the tidy tree as a single
    rectangle (their bounding box).  A node with both leaf and non-leaf
    children lays all of them out sideways.

Output
    Coordinates are translated so that the smallest x and y equal
    ``margin`` and are rounded to 2 decimals (edges are derived from the
    rounded boxes, so they meet box borders exactly).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

_DECIMALS = 2


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


@dataclass(frozen=True)
class _Params:
    """The spacing options of one ``layout`` call."""

    h_gap: float
    v_gap: float
    stack_indent: float
    stack_gap: float
    margin: float


@dataclass(frozen=True)
class _Flat:
    """The input tree flattened to pre-order, addressed by index."""

    nodes: tuple[Node, ...]
    parents: tuple[int, ...]  # -1 for the root
    kids: tuple[tuple[int, ...], ...]
    stacked: tuple[bool, ...]  # are this node's children a stacked column?


class _Tidy:
    """Mutable working record of one tidy-tree node (a box or a block).

    Field names follow van der Ploeg's paper.  ``w`` and ``h`` include the
    gaps (``h_gap`` to the right, ``v_gap`` below), which turns "keep boxes
    apart" into "keep rectangles from overlapping".
    """

    __slots__ = (
        "change",
        "el",
        "er",
        "h",
        "head_w",
        "index",
        "kids",
        "mod",
        "msel",
        "mser",
        "msum",
        "parent",
        "prelim",
        "shift",
        "tl",
        "tr",
        "w",
        "x",
        "y",
    )

    def __init__(self, index: int, parent: _Tidy | None, w: float, h: float, head_w: float) -> None:
        self.index = index  # pre-order index of the (head) input node
        self.parent = parent
        self.kids: list[_Tidy] = []
        self.w = w
        self.h = h
        self.head_w = head_w  # width of the box the parent's edge points at
        self.y: float = 0.0 if parent is None else parent.y + parent.h
        self.prelim = self.mod = self.shift = self.change = 0.0
        self.x = self.msum = self.msel = self.mser = 0.0
        self.tl: _Tidy | None = None  # threads: next contour node of a leaf
        self.tr: _Tidy | None = None
        self.el: _Tidy = self  # extreme (lowest) left / right descendants
        self.er: _Tidy = self


class _IYL:
    """Linked list of (lowest y, sibling index) of the left siblings.

    Tells which sibling owns the right-contour node at a given depth, so a
    push can be spread over the siblings in between.
    """

    __slots__ = ("index", "low_y", "nxt")

    def __init__(self, low_y: float, index: int, nxt: _IYL | None) -> None:
        self.low_y = low_y
        self.index = index
        self.nxt = nxt


def layout(
    root: Node,
    *,
    h_gap: float = 16,
    v_gap: float = 40,
    stack_indent: float = 24,
    stack_gap: float = 10,
    margin: float = 8,
) -> Layout:
    """Lay out the tree under *root* as a compact tidy org chart.

    ``h_gap`` separates neighbouring subtrees, ``v_gap`` a parent from its
    children, ``stack_indent`` indents stacked leaves from their parent's
    left edge, ``stack_gap`` separates stacked leaves, and ``margin`` is
    left around the drawing.  Raises ``ValueError`` on duplicate keys or on
    negative or non-finite sizes.
    """
    params = _Params(h_gap, v_gap, stack_indent, stack_gap, margin)
    flat = _flatten(root)
    _validate(flat, params)
    tidies = _build_tidy(flat, params)
    for tidy in reversed(tidies):  # reverse pre-order: children first
        _first_walk(tidy)
    _second_walk(tidies)
    boxes = _make_boxes(flat, _raw_positions(flat, tidies, params), params)
    edges = _make_edges(flat, boxes, params)
    width = max(box.x + box.width for box in boxes) + margin
    height = max(box.y + box.height for box in boxes) + margin
    return Layout(tuple(boxes), tuple(edges), _round(width), _round(height))


# --- input handling --------------------------------------------------------


def _flatten(root: Node) -> _Flat:
    """Flatten the tree to pre-order; iterative so long chains cannot hit
    the recursion limit."""
    nodes: list[Node] = []
    parents: list[int] = []
    kids: list[list[int]] = []
    stack: list[tuple[Node, int]] = [(root, -1)]
    while stack:
        node, parent = stack.pop()
        index = len(nodes)
        nodes.append(node)
        parents.append(parent)
        kids.append([])
        if parent >= 0:
            kids[parent].append(index)
        stack.extend((child, index) for child in reversed(node.children))
    stacked = [len(k) >= 2 and all(not kids[c] for c in k) for k in kids]
    return _Flat(tuple(nodes), tuple(parents), tuple(map(tuple, kids)), tuple(stacked))


def _validate(flat: _Flat, params: _Params) -> None:
    """Reject input that would give a meaningless drawing."""
    for name, value in vars(params).items():
        if not (math.isfinite(value) and value >= 0):
            raise ValueError(f"{name} must be finite and >= 0, got {value!r}")
    seen: set[str] = set()
    for node in flat.nodes:
        if node.key in seen:
            raise ValueError(f"duplicate node key {node.key!r}")
        seen.add(node.key)
        for size in (node.width, node.height):
            if not (math.isfinite(size) and size >= 0):
                raise ValueError(f"node {node.key!r} has invalid size {size!r}")


def _block_size(flat: _Flat, index: int, params: _Params) -> tuple[float, float]:
    """Width and height of a node's box, or of the bounding box of a node
    and its stacked column."""
    head = flat.nodes[index]
    if not flat.stacked[index]:
        return head.width, head.height
    leaves = [flat.nodes[k] for k in flat.kids[index]]
    width = max(head.width, params.stack_indent + max(n.width for n in leaves))
    column = sum(n.height for n in leaves) + params.stack_gap * (len(leaves) - 1)
    return width, head.height + params.v_gap + column


def _build_tidy(flat: _Flat, params: _Params) -> list[_Tidy]:
    """Create the tidy-tree records in pre-order; stacked leaves get none
    because they travel inside their parent's block."""
    tidies: list[_Tidy] = []
    by_index: list[_Tidy | None] = [None] * len(flat.nodes)
    for index, node in enumerate(flat.nodes):
        parent_index = flat.parents[index]
        if parent_index >= 0 and flat.stacked[parent_index]:
            continue
        parent = None if parent_index < 0 else by_index[parent_index]
        width, height = _block_size(flat, index, params)
        tidy = _Tidy(index, parent, width + params.h_gap, height + params.v_gap, node.width)
        if parent is not None:
            parent.kids.append(tidy)
        by_index[index] = tidy
        tidies.append(tidy)
    return tidies


# --- first walk: relative positions, bottom-up -----------------------------


def _bottom(tidy: _Tidy) -> float:
    return tidy.y + tidy.h


def _first_walk(tidy: _Tidy) -> None:
    """Place the children of *tidy* (whose subtrees are already laid out)
    side by side and centre *tidy* over them."""
    kids = tidy.kids
    if not kids:
        _set_extremes(tidy)
        return
    iyl = _update_iyl(_bottom(kids[0].el), 0, None)
    for i in range(1, len(kids)):
        # Read before _separate, which may redirect kids[i].er to a sibling.
        low_y = _bottom(kids[i].er)
        _separate(tidy, i, iyl)
        iyl = _update_iyl(low_y, i, iyl)
    _position_root(tidy)
    _set_extremes(tidy)


def _set_extremes(tidy: _Tidy) -> None:
    """Record the lowest leftmost/rightmost descendants and their mod sums."""
    if not tidy.kids:
        tidy.el = tidy.er = tidy
        tidy.msel = tidy.mser = 0.0
        return
    first, last = tidy.kids[0], tidy.kids[-1]
    tidy.el, tidy.msel = first.el, first.msel
    tidy.er, tidy.mser = last.er, last.mser


def _update_iyl(low_y: float, index: int, iyl: _IYL | None) -> _IYL:
    """Push sibling *index*, dropping the siblings it hides from the right."""
    while iyl is not None and low_y >= iyl.low_y:
        iyl = iyl.nxt
    return _IYL(low_y, index, iyl)


def _next_left(tidy: _Tidy) -> _Tidy | None:
    return tidy.kids[0] if tidy.kids else tidy.tl


def _next_right(tidy: _Tidy) -> _Tidy | None:
    return tidy.kids[-1] if tidy.kids else tidy.tr


def _separate(tidy: _Tidy, i: int, iyl: _IYL) -> None:
    """Move child *i* so that it clears children 0..i-1 by exactly h_gap
    where they come closest, walking both contours top-down once."""
    sr: _Tidy | None = tidy.kids[i - 1]  # right contour of the left forest
    cl: _Tidy | None = tidy.kids[i]  # left contour of subtree i
    mssr, mscl = tidy.kids[i - 1].mod, tidy.kids[i].mod
    first = True
    while sr is not None and cl is not None:
        while _bottom(sr) > iyl.low_y and iyl.nxt is not None:
            iyl = iyl.nxt
        dist = (mssr + sr.prelim + sr.w) - (mscl + cl.prelim)
        # The roots always share a row, so the first distance is applied
        # even when negative: it pulls a subtree whose root starts out too
        # far right back against its neighbour; deeper rows only push.
        if dist > 0 or first:
            mscl += dist
            _move_subtree(tidy, i, iyl.index, dist)
        first = False
        sy, cy = _bottom(sr), _bottom(cl)
        if sy <= cy:
            sr = _next_right(sr)
            mssr += sr.mod if sr is not None else 0.0
        if sy >= cy:
            cl = _next_left(cl)
            mscl += cl.mod if cl is not None else 0.0
    if sr is None and cl is not None:
        _set_left_thread(tidy, i, cl, mscl)
    elif sr is not None and cl is None:
        _set_right_thread(tidy, i, sr, mssr)


def _move_subtree(tidy: _Tidy, i: int, si: int, dist: float) -> None:
    """Shift child *i* by *dist*; spread the shift over the children
    between sibling *si* (the one pushed against) and *i*."""
    kid = tidy.kids[i]
    kid.mod += dist
    kid.msel += dist
    kid.mser += dist
    if si != i - 1:
        # Applied lazily by _add_child_spacing, which keeps this O(1).
        share = dist / (i - si)
        tidy.kids[si + 1].shift += share
        kid.shift -= share
        kid.change -= dist - share


def _set_left_thread(tidy: _Tidy, i: int, cl: _Tidy, mscl: float) -> None:
    """Subtree i is deeper: continue the left forest's left contour into it."""
    first = tidy.kids[0]
    li = first.el
    li.tl = cl
    # Make "mod sum at li + cl.mod" equal cl's real mod sum; li itself does
    # not move because prelim compensates (li is a leaf, so nothing else
    # depends on its mod).
    diff = (mscl - cl.mod) - first.msel
    li.mod += diff
    li.prelim -= diff
    first.el, first.msel = tidy.kids[i].el, tidy.kids[i].msel


def _set_right_thread(tidy: _Tidy, i: int, sr: _Tidy, mssr: float) -> None:
    """The left forest is deeper: continue subtree i's right contour into it."""
    kid = tidy.kids[i]
    ri = kid.er
    ri.tr = sr
    diff = (mssr - sr.mod) - kid.mser
    ri.mod += diff
    ri.prelim -= diff
    kid.er, kid.mser = tidy.kids[i - 1].er, tidy.kids[i - 1].mser


def _position_root(tidy: _Tidy) -> None:
    """Centre the parent's box over the boxes of its first and last child.

    For a block, that is the block's head box, so a single child sits right
    below its parent and its edge is a straight line.
    """
    first, last = tidy.kids[0], tidy.kids[-1]
    left = first.prelim + first.mod + first.head_w / 2
    right = last.prelim + last.mod + last.head_w / 2
    tidy.prelim = (left + right) / 2 - tidy.head_w / 2


# --- second walk: absolute positions, top-down -----------------------------


def _second_walk(tidies: list[_Tidy]) -> None:
    """Turn relative positions into absolute x; *tidies* is in pre-order,
    so every parent is final before its children are visited."""
    for tidy in tidies:
        base = 0.0 if tidy.parent is None else tidy.parent.msum
        tidy.msum = base + tidy.mod
        tidy.x = tidy.prelim + tidy.msum
        _add_child_spacing(tidy)


def _add_child_spacing(tidy: _Tidy) -> None:
    """Apply the pending even spreading recorded by _move_subtree."""
    shift = delta = 0.0
    for kid in tidy.kids:
        shift += kid.shift
        delta += shift + kid.change
        kid.mod += delta


# --- output ----------------------------------------------------------------


def _round(value: float) -> float:
    # "+ 0.0" turns a rounded -0.0 into 0.0 so that output compares equal.
    return round(value, _DECIMALS) + 0.0


def _raw_positions(flat: _Flat, tidies: list[_Tidy], params: _Params) -> list[tuple[float, float]]:
    """Unrounded top-left corner of every input node, by pre-order index."""
    positions = [(0.0, 0.0)] * len(flat.nodes)
    for tidy in tidies:
        positions[tidy.index] = (tidy.x, tidy.y)
        if not flat.stacked[tidy.index]:
            continue
        x = tidy.x + params.stack_indent
        y = tidy.y + flat.nodes[tidy.index].height + params.v_gap
        for leaf in flat.kids[tidy.index]:
            positions[leaf] = (x, y)
            y += flat.nodes[leaf].height + params.stack_gap
    return positions


def _make_boxes(flat: _Flat, positions: list[tuple[float, float]], params: _Params) -> list[Box]:
    """Translate so the drawing starts at (margin, margin) and round."""
    dx = params.margin - min(x for x, _ in positions)
    dy = params.margin - min(y for _, y in positions)
    return [
        Box(node.key, _round(x + dx), _round(y + dy), _round(node.width), _round(node.height))
        for node, (x, y) in zip(flat.nodes, positions, strict=True)
    ]


def _make_edges(flat: _Flat, boxes: list[Box], params: _Params) -> list[Edge]:
    """One edge per non-root node, in pre-order of the child."""
    edges: list[Edge] = []
    for index in range(1, len(boxes)):
        parent_index = flat.parents[index]
        parent, child = boxes[parent_index], boxes[index]
        stacked = flat.stacked[parent_index]
        points = _stack_points(parent, child, params) if stacked else _bus_points(parent, child)
        edges.append(Edge(parent.key, child.key, _simplify(points)))
    return edges


def _bus_points(parent: Box, child: Box) -> list[tuple[float, float]]:
    """Parent bottom-centre, down to the middle of the gap, across, down to
    the child's top-centre.  Siblings share the horizontal bus segment."""
    px = _round(parent.x + parent.width / 2)
    cx = _round(child.x + child.width / 2)
    top = _round(parent.y + parent.height)
    mid = _round((top + child.y) / 2)
    return [(px, top), (px, mid), (cx, mid), (cx, child.y)]


def _stack_points(parent: Box, child: Box, params: _Params) -> list[tuple[float, float]]:
    """Down the rail from the parent's bottom edge, then right to the
    leaf's left edge at its vertical middle."""
    # The rail stays on the parent's bottom edge even for a very narrow box.
    rail = _round(parent.x + min(params.stack_indent / 2, parent.width / 2))
    top = _round(parent.y + parent.height)
    mid = _round(child.y + child.height / 2)
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
