"""Tidy-tree geometry for org charts: box positions and edge polylines.

Only geometry is computed here; drawing (SVG) and text live elsewhere.

Algorithm
    The non-layered tidy tree (`orgspec.render.chart.tidy`): children start
    ``v_gap`` below their own parent instead of on a global row, so one tall
    box does not push every row beneath it down.  Subtrees are pushed
    together until their contours are ``h_gap`` apart, smaller subtrees
    caught between two pushed subtrees are spread evenly, and a parent is
    centred over its first and last child.  The layout of a subtree depends
    on that subtree only, so identical subtrees are drawn identically.

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
    rectangle (their bounding box).

    A node with both leaf and non-leaf children (two or more leaves) stacks
    its leaves the same way, in a column that stands among the subtrees of
    its other children where its first leaf would; the column hangs from
    the bus like a child box, its rail in place of a box's centre::

              +--------+
              | parent |
              +---+----+
          +-------+-----------+    bus
          |   +-------+       |
          +---| leaf  |   +--------+
          |   +-------+   | child  |
          |   +-------+   +--------+
          +---| leaf  |       ...
              +-------+

    so that a manager with many staff and a few sub-teams draws about as
    wide as the sub-teams, not as wide as all of them side by side.

Folding
    A tree of hundreds of posts has dozens of teams side by side at its
    widest row.  A node whose children would spread wider than
    ``fold_width`` side by side folds them: its children's subtrees (each
    laid out the same way) are set in rows no wider than ``fold_width``,
    one row below the other, each row hanging from a bus that leads from
    the rail down the node's left side::

        +--------+
        +-+------+
          |   +---------+----------+        bus of the first row
          |   +---+---+  +---+---+
          |   | subtree |  | subtree |
          |   +---------+  +---------+
          +---+---------+                   bus of the second row
              +---+---+
              | subtree |

    The node and its rows then take part in the tidy tree as one block.
    Nodes are folded from the bottom up, so a chart grows taller rather
    than much wider than ``fold_width``.  Time is O(n) per level of folds
    inside folds.

Output
    Coordinates are translated so that the smallest x and y equal
    ``margin`` and are rounded to 2 decimals (edges are derived from the
    rounded boxes, so they meet box borders exactly).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from orgspec.render.chart.edges import BUS, ROW, STACK, Hang, make_edges
from orgspec.render.chart.geometry import Box, Edge, Layout, Node, round2
from orgspec.render.chart.tidy import Tidy, first_walk, second_walk

__all__ = ["Box", "Edge", "Layout", "Node", "layout"]


@dataclass(frozen=True)
class _Params:
    """The spacing options of one ``layout`` call."""

    h_gap: float
    v_gap: float
    stack_indent: float
    stack_gap: float
    margin: float
    fold_width: float = math.inf


@dataclass(frozen=True)
class _Flat:
    """The input tree flattened to pre-order, addressed by index."""

    nodes: tuple[Node, ...]
    parents: tuple[int, ...]  # -1 for the root
    kids: tuple[tuple[int, ...], ...]
    stacked: tuple[bool, ...]  # are this node's children a stacked column?
    columns: tuple[tuple[int, ...], ...]  # the leaves of a node with mixed children, stacked in a column
    column_top: tuple[int, ...]  # for a leaf in such a column: the column's first leaf; -1 otherwise


@dataclass(frozen=True)
class _Arranged:
    """A subtree placed with its bounding box's top-left corner at (0, 0), unrounded."""

    positions: dict[str, tuple[float, float]]
    hangs: dict[str, Hang]  # how each box but the subtree's root hangs from its parent
    width: float
    height: float


def layout(
    root: Node,
    *,
    h_gap: float = 16,
    v_gap: float = 40,
    stack_indent: float = 24,
    stack_gap: float = 10,
    margin: float = 8,
    fold_width: float = math.inf,
) -> Layout:
    """Lay out the tree under *root* as a compact tidy org chart.

    ``h_gap`` separates neighbouring subtrees, ``v_gap`` a parent from its
    children, ``stack_indent`` indents stacked leaves from their parent's
    left edge, ``stack_gap`` separates stacked leaves, and ``margin`` is
    left around the drawing.  A node whose children would spread wider
    than ``fold_width`` side by side stacks them instead (see "Folding").
    Raises ``ValueError`` on duplicate keys or on negative or non-finite
    sizes.
    """
    params = _Params(h_gap, v_gap, stack_indent, stack_gap, margin, fold_width)
    flat = _flatten(root)
    _validate(flat, params)
    arranged = _arrange(flat, params)
    boxes = _make_boxes(flat, [arranged.positions[node.key] for node in flat.nodes], params.margin)
    edges = make_edges(boxes, flat.parents, arranged.hangs, stack_indent, v_gap)
    width = max(box.x + box.width for box in boxes) + margin
    height = max(box.y + box.height for box in boxes) + margin
    return Layout(tuple(boxes), tuple(edges), round2(width), round2(height))


def _arrange(flat: _Flat, params: _Params) -> _Arranged:
    """Place a (sub)tree: its folded nodes as blocks, the rest as a tidy tree around them."""
    blocks = {flat.nodes[index].key: _folded_block(flat.nodes[index], params) for index in _folds(flat, params)}
    tree = _flatten(_with_blocks(flat, blocks)) if blocks else flat
    tidies = _build_tidy(tree, params)
    for tidy in reversed(tidies):  # reverse pre-order: children first
        first_walk(tidy)
    second_walk(tidies)
    raw = _raw_positions(tree, tidies, params)
    left, top = min(tidy.x for tidy in tidies), min(tidy.y for tidy in tidies)  # a column's rail is left of its boxes
    positions: dict[str, tuple[float, float]] = {}
    hangs: dict[str, Hang] = {}
    for index, node in enumerate(tree.nodes):
        x, y = raw[index][0] - left, raw[index][1] - top
        if index:
            hangs[node.key] = _hang(tree, index)
        block = blocks.get(node.key)
        if block is None:
            positions[node.key] = (x, y)
            continue
        positions.update({key: (x + bx, y + by) for key, (bx, by) in block.positions.items()})
        hangs.update(block.hangs)
    width = max(raw[index][0] - left + node.width for index, node in enumerate(tree.nodes))
    height = max(raw[index][1] - top + node.height for index, node in enumerate(tree.nodes))
    return _Arranged(positions, hangs, width, height)


def _hang(tree: _Flat, index: int) -> Hang:
    if tree.stacked[tree.parents[index]]:
        return STACK
    if tree.column_top[index] >= 0:
        return ("column", tree.nodes[tree.column_top[index]].key)
    return BUS


# --- folding ---------------------------------------------------------------


def _folds(flat: _Flat, params: _Params) -> list[int]:
    """The nodes whose children are folded, outermost only (the inner ones fold inside their blocks)."""
    if math.isinf(params.fold_width):
        return []
    folded = _folded(flat, params)
    inside = [False] * len(flat.nodes)
    outermost = []
    for index, parent in enumerate(flat.parents):  # pre-order: parents first
        inside[index] = parent >= 0 and (inside[parent] or folded[parent])
        if folded[index] and not inside[index]:
            outermost.append(index)
    return outermost


def _folded(flat: _Flat, params: _Params) -> list[bool]:
    """Which nodes fold, bottom-up: those whose children, side by side, would be wider than ``fold_width``.

    Widths are estimated as the sum of the children's (tidy packing can
    only be narrower), counting each child as folded or not already.
    """
    count = len(flat.nodes)
    width = [0.0] * count
    folded = [False] * count
    for index in reversed(range(count)):
        node, kids = flat.nodes[index], flat.kids[index]
        if not kids or flat.stacked[index]:
            width[index] = _block_size(flat, index, params)[0]
            continue
        column = flat.columns[index]
        stacked = set(column)
        sideways = [width[kid] for kid in kids if kid not in stacked]
        if column:
            sideways.append(_column_size(flat, column, params)[0])
        spread = sum(sideways) + params.h_gap * (len(sideways) - 1)
        folded[index] = spread > params.fold_width and len(sideways) >= 2
        width[index] = max(node.width, params.fold_width + params.stack_indent if folded[index] else spread)
    return folded


def _folded_block(node: Node, params: _Params) -> _Arranged:
    """A node with its children's subtrees in rows below it, each row no wider than ``fold_width``.

    The rows hang from the rail down the node's left side: a bus above each
    row leads from the rail to the row's subtrees.
    """
    parts = [_arrange(_flatten(child), params) for child in node.children]
    positions = {node.key: (0.0, 0.0)}
    hangs: dict[str, Hang] = {}
    width, y = node.width, node.height + params.v_gap
    for row in _rows([part.width for part in parts], params):
        x = params.stack_indent
        for index in row:
            positions.update({key: (x + px, y + py) for key, (px, py) in parts[index].positions.items()})
            hangs.update(parts[index].hangs)
            hangs[node.children[index].key] = ROW
            x += parts[index].width + params.h_gap
        width = max(width, x - params.h_gap)
        y += max(parts[index].height for index in row) + params.v_gap
    return _Arranged(positions, hangs, width, y - params.v_gap)


def _rows(widths: list[float], params: _Params) -> list[list[int]]:
    """Indexes of ``widths`` in rows, in order, a new row where the next would pass ``fold_width``."""
    rows: list[list[int]] = [[]]
    used = 0.0
    for index, width in enumerate(widths):
        if rows[-1] and used + params.h_gap + width > params.fold_width:
            rows.append([])
            used = 0.0
        used += (params.h_gap if rows[-1] else 0.0) + width
        rows[-1].append(index)
    return rows


def _with_blocks(flat: _Flat, blocks: dict[str, _Arranged]) -> Node:
    """The tree with each folded node and its subtree as one leaf of the block's size (built bottom-up)."""
    built: list[Node | None] = [None] * len(flat.nodes)
    for index in reversed(range(len(flat.nodes))):
        node = flat.nodes[index]
        block = blocks.get(node.key)
        if block is not None:
            built[index] = Node(node.key, block.width, block.height)
        else:
            built[index] = Node(
                node.key, node.width, node.height, tuple(_built(built, kid) for kid in flat.kids[index])
            )
    return _built(built, 0)


def _built(built: list[Node | None], index: int) -> Node:
    node = built[index]
    assert node is not None  # children are built before their parents
    return node


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
    columns = [_column(k, kids) if not stacked[n] else () for n, k in enumerate(kids)]
    column_top = [-1] * len(nodes)
    for leaves in columns:
        for leaf in leaves:
            column_top[leaf] = leaves[0]
    return _Flat(
        tuple(nodes), tuple(parents), tuple(map(tuple, kids)), tuple(stacked), tuple(columns), tuple(column_top)
    )


def _column(children: list[int], kids: list[list[int]]) -> tuple[int, ...]:
    """The leaves among ``children`` that are stacked in a column: two or more, beside non-leaf siblings."""
    leaves = tuple(child for child in children if not kids[child])
    return leaves if len(leaves) >= 2 and len(leaves) < len(children) else ()


def _validate(flat: _Flat, params: _Params) -> None:
    """Reject input that would give a meaningless drawing."""
    for name, value in vars(params).items():
        if not (math.isfinite(value) and value >= 0) and not (name == "fold_width" and value == math.inf):
            raise ValueError(f"{name} must be finite and >= 0, got {value!r}")
    seen: set[str] = set()
    for node in flat.nodes:
        if node.key in seen:
            raise ValueError(f"duplicate node key {node.key!r}")
        seen.add(node.key)
        for size in (node.width, node.height):
            if not (math.isfinite(size) and size >= 0):
                raise ValueError(f"node {node.key!r} has invalid size {size!r}")


def _column_size(flat: _Flat, leaves: tuple[int, ...], params: _Params) -> tuple[float, float]:
    """Width and height of a column of stacked leaves, the rail's indent included."""
    nodes = [flat.nodes[leaf] for leaf in leaves]
    width = params.stack_indent + max(node.width for node in nodes)
    return width, sum(node.height for node in nodes) + params.stack_gap * (len(nodes) - 1)


def _block_size(flat: _Flat, index: int, params: _Params) -> tuple[float, float]:
    """Width and height of a node's box, or of the bounding box of a node
    and its stacked column."""
    head = flat.nodes[index]
    if not flat.stacked[index]:
        return head.width, head.height
    width, column = _column_size(flat, flat.kids[index], params)
    return max(head.width, width), head.height + params.v_gap + column


def _build_tidy(flat: _Flat, params: _Params) -> list[Tidy]:
    """Create the tidy-tree records in pre-order; stacked leaves get none
    because they travel inside their parent's block, or inside the column
    that stands among their parent's children (keyed by its first leaf)."""
    tidies: list[Tidy] = []
    by_index: list[Tidy | None] = [None] * len(flat.nodes)
    for index, node in enumerate(flat.nodes):
        parent_index = flat.parents[index]
        if parent_index >= 0 and flat.stacked[parent_index]:
            continue
        parent = None if parent_index < 0 else by_index[parent_index]
        if flat.column_top[index] >= 0:
            if flat.column_top[index] == index and parent is not None:  # the column stands where its first leaf would
                width, height = _column_size(flat, flat.columns[parent_index], params)
                column = Tidy(index, parent, width + params.h_gap, height + params.v_gap, params.stack_indent)
                parent.kids.append(column)
                tidies.append(column)
            continue
        width, height = _block_size(flat, index, params)
        tidy = Tidy(index, parent, width + params.h_gap, height + params.v_gap, node.width)
        if parent is not None:
            parent.kids.append(tidy)
        by_index[index] = tidy
        tidies.append(tidy)
    return tidies


# --- output ----------------------------------------------------------------


def _raw_positions(flat: _Flat, tidies: list[Tidy], params: _Params) -> list[tuple[float, float]]:
    """Unrounded top-left corner of every input node, by pre-order index."""
    positions = [(0.0, 0.0)] * len(flat.nodes)
    for tidy in tidies:
        if flat.column_top[tidy.index] >= 0:  # a column beside its parent's other children
            parent = flat.parents[tidy.index]
            _place_column(flat, flat.columns[parent], tidy.x + params.stack_indent, tidy.y, positions, params)
            continue
        positions[tidy.index] = (tidy.x, tidy.y)
        if flat.stacked[tidy.index]:
            top = tidy.y + flat.nodes[tidy.index].height + params.v_gap
            _place_column(flat, flat.kids[tidy.index], tidy.x + params.stack_indent, top, positions, params)
    return positions


def _place_column(
    flat: _Flat, leaves: tuple[int, ...], x: float, y: float, positions: list[tuple[float, float]], params: _Params
) -> None:
    for leaf in leaves:
        positions[leaf] = (x, y)
        y += flat.nodes[leaf].height + params.stack_gap


def _make_boxes(flat: _Flat, positions: list[tuple[float, float]], margin: float) -> list[Box]:
    """Move the drawing ``margin`` away from the top and left and round."""
    return [
        Box(node.key, round2(x + margin), round2(y + margin), round2(node.width), round2(node.height))
        for node, (x, y) in zip(flat.nodes, positions, strict=True)
    ]
