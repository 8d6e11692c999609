"""Tests for orgspec.render.chart.layout (tidy org-chart geometry) and .measure."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgspec.render.chart.layout import Box, Edge, Layout, Node, layout
from orgspec.render.chart.measure import ELLIPSIS, display_width, text_width_px, wrap

EPS = 1e-6
# Boxes are rounded to 2 decimals independently, so relative offsets of
# equal subtrees may differ by one unit in the last place on each side.
ROUND_TOL = 0.021

PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def leaf(key: str, width: float = 60, height: float = 40) -> Node:
    return Node(key, width, height)


def by_key(result: Layout) -> dict[str, Box]:
    return {box.key: box for box in result.boxes}


# --- hand-made trees with exact coordinates --------------------------------


def test_single_node() -> None:
    result = layout(Node("ceo", 100, 50))
    assert result == Layout((Box("ceo", 8, 8, 100, 50),), (), 116, 66)


def test_parent_with_two_non_leaf_children() -> None:
    # A(80) and B(120) each have one leaf (60) child, so nothing is stacked.
    # Within A: A1 at [0, 60], A centred over it at [-10, 70].
    # Within B: B1 at [0, 60], B at [-30, 90].
    # B is pushed until its root clears A's root by h_gap: 70 + 16 - (-30)
    # = 116, so B = [86, 206] and B1 = [116, 176] (A1 ends at 60: no push).
    # R(100) is centred over the child centres 30 and 146 -> [38, 138].
    # The leftmost box is A at -10, so x is shifted by 8 - (-10) = 18.
    root = Node(
        "R",
        100,
        40,
        (Node("A", 80, 40, (leaf("A1"),)), Node("B", 120, 40, (leaf("B1"),))),
    )
    result = layout(root)
    assert result.boxes == (
        Box("R", 56, 8, 100, 40),
        Box("A", 8, 88, 80, 40),  # y = 8 + 40 + v_gap 40
        Box("A1", 18, 168, 60, 40),
        Box("B", 104, 88, 120, 40),
        Box("B1", 134, 168, 60, 40),
    )
    # Bus: R bottom-centre (106, 48), down to mid-gap y 68, across, down.
    assert result.edges == (
        Edge("R", "A", ((106, 48), (106, 68), (48, 68), (48, 88))),
        Edge("A", "A1", ((48, 128), (48, 168))),
        Edge("R", "B", ((106, 48), (106, 68), (164, 68), (164, 88))),
        Edge("B", "B1", ((164, 128), (164, 168))),
    )
    assert (result.width, result.height) == (206 + 18 + 8, 168 + 40 + 8)


def test_parent_with_three_leaves_is_stacked() -> None:
    root = Node("P", 120, 40, (leaf("L1", 100), leaf("L2", 140, 50), leaf("L3", 80)))
    result = layout(root)
    # Leaves are indented by stack_indent 24 from P's left edge (8); the
    # column starts v_gap 40 below P's bottom (48) and leaves are
    # stack_gap 10 apart.
    assert result.boxes == (
        Box("P", 8, 8, 120, 40),
        Box("L1", 32, 88, 100, 40),
        Box("L2", 32, 138, 140, 50),  # 88 + 40 + 10
        Box("L3", 32, 198, 80, 40),  # 138 + 50 + 10
    )
    # Rail at x = 8 + 24 / 2 = 20 from P's bottom edge, connectors at each
    # leaf's vertical middle, ending on its left edge.
    assert result.edges == (
        Edge("P", "L1", ((20, 48), (20, 108), (32, 108))),
        Edge("P", "L2", ((20, 48), (20, 163), (32, 163))),
        Edge("P", "L3", ((20, 48), (20, 218), (32, 218))),
    )
    # Widest thing is L2: 32 + 140 = 172; bottom is L3: 198 + 40 = 238.
    assert (result.width, result.height) == (180, 246)


def test_small_subtree_tucks_under_overhang() -> None:
    # A is a wide leaf (200); B(60) has two children with one leaf each.
    # Within B: B1 at [0, 60], B2 at [76, 136], B centred at [38, 98].
    # Roots: B must start at 200 + 16 = 216, i.e. shift 178.  A has nothing
    # below it, so B1 moves under A's overhang: B1 = [178, 238] while A
    # ends at 200.  R(100) is centred over 100 and 246 -> [123, 223].
    b = Node(
        "B",
        60,
        40,
        (Node("B1", 60, 40, (leaf("B1a"),)), Node("B2", 60, 40, (leaf("B2a"),))),
    )
    result = layout(Node("R", 100, 40, (leaf("A", 200), b)))
    boxes = by_key(result)
    assert boxes["A"] == Box("A", 8, 88, 200, 40)
    assert boxes["B"] == Box("B", 224, 88, 60, 40)
    assert boxes["B1"] == Box("B1", 186, 168, 60, 40)
    assert boxes["B1a"] == Box("B1a", 186, 248, 60, 40)
    assert boxes["B2"] == Box("B2", 262, 168, 60, 40)
    assert boxes["B2a"] == Box("B2a", 262, 248, 60, 40)
    assert boxes["R"] == Box("R", 131, 8, 100, 40)
    assert boxes["B1"].x < boxes["A"].x + boxes["A"].width  # under the overhang
    assert result.width == 322 + 8


def test_tall_sibling_does_not_push_neighbour_rows_down() -> None:
    # Non-layered: children start v_gap below their *own* parent.
    root = Node(
        "R",
        60,
        40,
        (Node("T", 60, 70, (leaf("T1"),)), Node("S", 60, 40, (leaf("S1"),))),
    )
    boxes = by_key(layout(root))
    assert boxes["T1"].y == 88 + 70 + 40
    assert boxes["S1"].y == 88 + 40 + 40


def test_stacked_block_behaves_as_one_subtree() -> None:
    # X's stacked column (block [0, 24 + 200]) must keep Y clear of the
    # wide leaves, not just of X's own narrow box.
    x = Node("X", 60, 40, (leaf("X1", 200), leaf("X2", 200)))
    y = Node("Y", 60, 40, (leaf("Y1"),))
    boxes = by_key(layout(Node("R", 60, 40, (x, y))))
    assert boxes["Y"].x == boxes["X1"].x + 200 + 16
    # R is centred over the head boxes X and Y, not over the block.
    centre = (boxes["X"].x + 30 + boxes["Y"].x + 30) / 2
    assert boxes["R"].x + 30 == centre


def test_single_leaf_child_is_not_stacked() -> None:
    result = layout(Node("P", 100, 40, (leaf("C"),)))
    assert result.boxes[1] == Box("C", 28, 88, 60, 40)  # centred under P
    assert result.edges[0].points == ((58, 48), (58, 88))


def test_mixed_children_stack_their_leaves_in_a_column_where_the_first_leaf_is() -> None:
    root = Node("P", 60, 40, (leaf("A"), Node("B", 60, 40, (leaf("B1"),)), leaf("C")))
    result = layout(root)
    boxes = by_key(result)
    assert (boxes["A"].x, boxes["A"].y) == (32, 88)  # the column's rail at x 20, in the margin of its own
    assert (boxes["C"].x, boxes["C"].y) == (32, 138)  # stack_gap below A
    assert (boxes["B"].x, boxes["B"].y) == (108, 88)  # h_gap right of the column
    assert boxes["P"].x + 30 == (20 + 138) / 2  # centred over the rail and B
    by_child = {edge.child: edge.points for edge in result.edges}
    assert by_child["A"] == ((79, 48), (79, 68), (20, 68), (20, 108), (32, 108))  # bus, rail, leaf
    assert by_child["C"] == ((79, 48), (79, 68), (20, 68), (20, 158), (32, 158))
    assert by_child["B"] == ((79, 48), (79, 68), (138, 68), (138, 88))


def test_a_column_after_a_team_stays_after_it() -> None:
    root = Node("P", 60, 40, (Node("B", 60, 40, (leaf("B1"),)), leaf("A"), leaf("C")))
    boxes = by_key(layout(root))
    assert boxes["B"].x == 8 and boxes["A"].x == boxes["C"].x == 8 + 60 + 16 + 24
    assert boxes["A"].y == boxes["B"].y == 88 and boxes["C"].y == 138


def test_a_single_leaf_beside_a_team_stays_sideways() -> None:
    root = Node("P", 60, 40, (leaf("A"), Node("B", 60, 40, (leaf("B1"),))))
    boxes = by_key(layout(root))
    assert boxes["A"].y == boxes["B"].y == 88
    assert boxes["A"].x < boxes["B"].x


def test_children_wider_than_the_fold_width_are_stacked_below() -> None:
    teams = tuple(Node(f"T{n}", 60, 40, (leaf(f"T{n}a"), Node(f"T{n}b", 60, 40, (leaf(f"T{n}c"),)))) for n in range(3))
    root = Node("P", 60, 40, teams)
    wide, folded = layout(root), layout(root, fold_width=200)
    assert wide.width > 400 and folded.width < 250
    boxes = by_key(folded)
    assert [boxes[f"T{n}"].x for n in range(3)] == [70, 70, 70]  # each team one below the other
    assert [boxes[f"T{n}a"].x for n in range(3)] == [32, 32, 32]  # its subtree right of P's rail
    assert boxes["T0"].y == 88 and boxes["T1"].y == boxes["T0c"].y + 40 + 40  # a row below the one above
    edge = next(edge for edge in folded.edges if edge.child == "T1")
    bus = boxes["T1"].y - 20  # half of v_gap above the row
    assert edge.points == ((20, 48), (20, bus), (100, bus), (100, boxes["T1"].y))  # the rail, the bus, the box


def test_identical_subtrees_are_drawn_identically() -> None:
    def team(prefix: str) -> Node:
        lead = Node(f"{prefix}l", 90, 40, (leaf(f"{prefix}1"), leaf(f"{prefix}2", 150)))
        return Node(prefix, 120, 50, (lead, leaf(f"{prefix}s")))

    boxes = by_key(layout(Node("R", 80, 40, (team("a"), team("b")))))
    dx = boxes["b"].x - boxes["a"].x
    for suffix in ("l", "1", "2", "s"):
        assert boxes["b" + suffix].x - boxes["a" + suffix].x == pytest.approx(dx)
        assert boxes["b" + suffix].y == boxes["a" + suffix].y


def test_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        layout(Node("a", 10, 10, (leaf("a"),)))
    with pytest.raises(ValueError, match="size"):
        layout(Node("a", -1, 10))
    with pytest.raises(ValueError, match="h_gap"):
        layout(leaf("a"), h_gap=float("nan"))


def test_500_nodes_is_fast() -> None:
    tree = build_tree(random_parents("mixed", 500, random.Random(7)), random.Random(8))
    best = min(_timed(lambda: layout(tree)) for _ in range(5))
    assert best < 0.1


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# --- random trees -----------------------------------------------------------

SHAPES = ("chain", "fan", "random", "bushy", "caterpillar", "recent", "mixed")


def random_parents(shape: str, n: int, rng: random.Random) -> list[int]:
    """Parent index of every node; node 0 is the root and parents precede
    their children, so the result is always a tree."""
    branching = rng.randint(2, 6)
    window = rng.randint(1, 8)
    fan_out = max(1, n // rng.randint(2, 6))
    parents = [-1]
    for i in range(1, n):
        kind = rng.choice(SHAPES[:-1]) if shape == "mixed" else shape
        if kind == "chain":
            parents.append(i - 1)
        elif kind == "fan":  # a wide first level, the rest hang below it
            parents.append(0 if i <= fan_out else rng.randint(1, min(fan_out, i - 1)))
        elif kind == "bushy":
            parents.append((i - 1) // branching)
        elif kind == "caterpillar":  # a spine (even) with leaves (odd)
            parents.append(i - 1 if i % 2 else i - 2)
        elif kind == "recent":  # long chains with occasional branching
            parents.append(rng.randint(max(0, i - window), i - 1))
        else:
            parents.append(rng.randrange(i))
    return parents


def build_tree(parents: list[int], rng: random.Random) -> Node:
    """Build Node objects bottom-up (no recursion, so long chains are fine)."""
    n = len(parents)
    kids: list[list[int]] = [[] for _ in range(n)]
    for child in range(1, n):
        kids[parents[child]].append(child)
    sizes = [(round(rng.uniform(60, 220), 1), rng.randint(40, 70)) for _ in range(n)]
    built: dict[int, Node] = {}
    for i in reversed(range(n)):
        children = tuple(built[k] for k in kids[i])
        built[i] = Node(f"n{i}", sizes[i][0], sizes[i][1], children)
    return built[0]


@st.composite
def trees(draw: st.DrawFn, max_nodes: int = 500) -> Node:
    """Random trees of 1..max_nodes nodes, widths 60-220, heights 40-70."""
    # Mostly sizeable trees: a bare integers(1, max_nodes) spends about a
    # third of the examples on single nodes.
    n = draw(st.one_of(st.integers(1, 12), st.integers(13, max_nodes), st.just(max_nodes)))
    shape = draw(st.sampled_from(SHAPES))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)
    return build_tree(random_parents(shape, n, rng), rng)


def preorder(root: Node) -> list[Node]:
    out: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children))
    return out


def parent_index(nodes: list[Node]) -> list[int]:
    index = {node.key: i for i, node in enumerate(nodes)}
    parents = [-1] * len(nodes)
    for i, node in enumerate(nodes):
        for child in node.children:
            parents[index[child.key]] = i
    return parents


def is_stacked(node: Node) -> bool:
    return len(node.children) >= 2 and all(not c.children for c in node.children)


def overlapping_pairs(boxes: tuple[Box, ...], tol: float) -> Iterator[tuple[Box, Box]]:
    """Sweep over x so that the check is not quadratic for wide trees."""
    ordered = sorted(boxes, key=lambda b: b.x)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.x >= a.x + a.width - tol:
                break
            if b.y < a.y + a.height - tol and a.y < b.y + b.height - tol:
                yield a, b


def on_border(point: tuple[float, float], box: Box) -> bool:
    x, y = point
    right, bottom = box.x + box.width, box.y + box.height
    inside_x = box.x - EPS <= x <= right + EPS
    inside_y = box.y - EPS <= y <= bottom + EPS
    on_h = inside_x and (abs(y - box.y) < EPS or abs(y - bottom) < EPS)
    on_v = inside_y and (abs(x - box.x) < EPS or abs(x - right) < EPS)
    return on_h or on_v


@PROPERTY_SETTINGS
@given(trees())
def test_boxes_do_not_overlap(tree: Node) -> None:
    assert list(overlapping_pairs(layout(tree).boxes, tol=0.01)) == []


@PROPERTY_SETTINGS
@given(trees())
def test_structure_geometry_and_edges(tree: Node) -> None:
    assert_structure(tree, layout(tree))


@PROPERTY_SETTINGS
@given(trees())
def test_folded_layouts_keep_their_shape(tree: Node) -> None:
    result = layout(tree, fold_width=300)
    assert list(overlapping_pairs(result.boxes, tol=0.01)) == []
    assert_structure(tree, result)
    assert result == layout(tree, fold_width=300)


def assert_structure(tree: Node, result: Layout) -> None:
    """Every box once, in pre-order, at its size; one orthogonal edge per child, from border to border."""
    nodes = preorder(tree)
    parents = parent_index(nodes)
    assert [b.key for b in result.boxes] == [n.key for n in nodes]
    assert [(b.width, b.height) for b in result.boxes] == [(n.width, n.height) for n in nodes]
    assert len(result.edges) == len(nodes) - 1
    for i, edge in enumerate(result.edges, start=1):
        parent, child = result.boxes[parents[i]], result.boxes[i]
        assert (edge.parent, edge.child) == (parent.key, child.key)
        assert child.y > parent.y + parent.height
        assert on_border(edge.points[0], parent)
        assert on_border(edge.points[-1], child)
        for (x0, y0), (x1, y1) in zip(edge.points, edge.points[1:], strict=False):
            assert x0 == x1 or y0 == y1


@PROPERTY_SETTINGS
@given(trees())
def test_canvas_bounds_and_width_budget(tree: Node) -> None:
    result = layout(tree)
    for box in result.boxes:
        assert box.x >= 0 and box.y >= 0
        assert box.x + box.width <= result.width + EPS
        assert box.y + box.height <= result.height + EPS
    assert min(b.x for b in result.boxes) in (8, 8 + 24)  # a column's rail may come first
    assert min(b.y for b in result.boxes) == 8
    leaves = sum(1 for n in preorder(tree) if not n.children)
    widest = max(b.width for b in result.boxes)
    assert result.width <= leaves * (widest + 16) + 2 * 8 + 24


@PROPERTY_SETTINGS
@given(trees())
def test_deterministic(tree: Node) -> None:
    assert layout(tree) == layout(tree)


@PROPERTY_SETTINGS
@given(trees())
def test_equal_subtrees_have_equal_shapes(tree: Node) -> None:
    nodes = preorder(tree)
    boxes = layout(tree).boxes
    sizes = subtree_sizes(nodes)
    signature: dict[tuple[object, ...], int] = {}
    ids = [0] * len(nodes)
    for i in reversed(range(len(nodes))):
        kids = tuple(ids[k] for k in child_positions(nodes, sizes, i))
        ids[i] = signature.setdefault((nodes[i].width, nodes[i].height, kids), len(signature))
    first: dict[int, int] = {}
    for i, sig in enumerate(ids):
        j = first.setdefault(sig, i)
        if j == i:
            continue
        for k in range(sizes[i]):
            a, b = boxes[i + k], boxes[j + k]
            assert a.x - boxes[i].x == pytest.approx(b.x - boxes[j].x, abs=ROUND_TOL)
            assert a.y - boxes[i].y == pytest.approx(b.y - boxes[j].y, abs=ROUND_TOL)


def subtree_sizes(nodes: list[Node]) -> list[int]:
    """Size of each pre-order subtree (it occupies nodes[i : i + size])."""
    sizes = [1] * len(nodes)
    parents = parent_index(nodes)
    for i in reversed(range(1, len(nodes))):
        sizes[parents[i]] += sizes[i]
    return sizes


def child_positions(nodes: list[Node], sizes: list[int], i: int) -> list[int]:
    positions, at = [], i + 1
    for _ in nodes[i].children:
        positions.append(at)
        at += sizes[at]
    return positions


@PROPERTY_SETTINGS
@given(trees(max_nodes=120))
def test_siblings_are_packed_tight_and_parents_centred(tree: Node) -> None:
    # The last sideways child is pushed exactly until its contour (box plus
    # h_gap to the right and v_gap below) touches an earlier sibling's; a
    # column of leaves beside other children is the first sideways child.
    nodes = preorder(tree)
    boxes = layout(tree).boxes
    sizes = subtree_sizes(nodes)
    for i, node in enumerate(nodes):
        column = column_leaves(nodes, sizes, i)
        # The children side by side: a column stands where its first leaf would.
        sideways = [k for k in child_positions(nodes, sizes, i) if k not in column[1:]]
        if len(sideways) < 2 or is_stacked(node):
            continue

        def rects(k: int, column: list[int] = column) -> list[Rect]:
            return [column_rect(boxes, column)] if column and k == column[0] else units(nodes, boxes, sizes, k)

        def head(k: int, column: list[int] = column) -> float:
            return boxes[k].x - 12 if column and k == column[0] else centre_x(boxes[k])

        left = [r for k in sideways[:-1] for r in rects(k)]
        assert min_gap(left, rects(sideways[-1])) == pytest.approx(16, abs=ROUND_TOL)
        centre = (head(sideways[0]) + head(sideways[-1])) / 2
        assert centre_x(boxes[i]) == pytest.approx(centre, abs=ROUND_TOL)


def column_leaves(nodes: list[Node], sizes: list[int], i: int) -> list[int]:
    """The leaves of a node with mixed children that stand in a column (two or more), by pre-order index."""
    kids = child_positions(nodes, sizes, i)
    leaves = [k for k in kids if not nodes[k].children]
    return leaves if 2 <= len(leaves) < len(kids) else []


def column_rect(boxes: tuple[Box, ...], column: list[int]) -> Rect:
    group = [boxes[k] for k in column]
    return (
        group[0].x - 24,  # the rail's indent belongs to it
        min(b.y for b in group),
        max(b.x + b.width for b in group),
        max(b.y + b.height for b in group) + 40,
    )


def centre_x(box: Box) -> float:
    return box.x + box.width / 2


Rect = tuple[float, float, float, float]  # left, top, right, bottom


def units(nodes: list[Node], boxes: tuple[Box, ...], sizes: list[int], i: int) -> list[Rect]:
    """The rectangles the tidy tree keeps apart: boxes, with a stacked
    parent and its column merged into their bounding box, and a column of
    leaves beside other children as one rectangle."""
    rects: list[Rect] = []
    in_columns: set[int] = set()
    k = i
    while k < i + sizes[i]:
        column = column_leaves(nodes, sizes, k)
        if column:
            rects.append(column_rect(boxes, column))
            in_columns.update(column)
        if k in in_columns:
            k += 1
            continue
        group = boxes[k : k + (sizes[k] if is_stacked(nodes[k]) else 1)]
        rects.append(
            (
                min(b.x for b in group),
                min(b.y for b in group),
                max(b.x + b.width for b in group),
                max(b.y + b.height for b in group) + 40,  # v_gap below belongs to it
            )
        )
        k += len(group)
    return rects


def min_gap(left: list[Rect], right: list[Rect]) -> float:
    return min(r[0] - lt[2] for lt in left for r in right if r[1] < lt[3] - EPS and lt[1] < r[3] - EPS)


# --- measure ----------------------------------------------------------------


def test_display_width() -> None:
    assert display_width("") == 0
    assert display_width("Director") == 8
    assert display_width("国际合作司") == 10
    assert display_width("技术 Dept") == 9
    assert display_width("\uff24\uff45\uff50\uff54") == 8  # fullwidth "Dept" counts 2 each
    assert display_width("Cafe\u0301") == 4  # combining acute counts 0
    assert display_width(ELLIPSIS) == 1


def test_text_width_px() -> None:
    assert text_width_px("ab", 10) == pytest.approx(12.0)
    assert text_width_px("技术", 10) == pytest.approx(20.0)
    assert text_width_px("IT部", 10) == pytest.approx(22.0)
    assert text_width_px("e\u0301", 10) == pytest.approx(6.0)


def test_wrap_english_breaks_at_spaces() -> None:
    assert wrap("Head of Engineering", 12) == ("Head of", "Engineering")
    assert wrap("  Chief   Executive ", 20) == ("Chief Executive",)


def test_wrap_chinese_breaks_anywhere() -> None:
    assert wrap("国际合作司副司长", 8) == ("国际合作", "司副司长")
    assert wrap("国际合作司副司长", 9) == ("国际合作", "司副司长")
    assert wrap("国际合作司", 10) == ("国际合作司",)


def test_wrap_mixed() -> None:
    assert wrap("IT部门负责人", 6) == ("IT部门", "负责人")
    assert wrap("技术部 Engineering Team", 12) == ("技术部", "Engineering…")
    assert wrap("技术部 Engineering Team", 12, max_lines=3) == ("技术部", "Engineering", "Team")


def test_wrap_over_long_word_is_cut_hard() -> None:
    assert wrap("Supercalifragilistic", 8, max_lines=3) == ("Supercal", "ifragili", "stic")
    assert wrap("A Supercalifragilistic", 10, max_lines=3) == ("A", "Supercalif", "ragilistic")


def test_wrap_ellipsis() -> None:
    title = "Deputy Director of the Department of International Cooperation"
    assert wrap(title, 20) == ("Deputy Director of", "the Department of" + ELLIPSIS)
    assert wrap("国际合作司副司长兼主任", 8) == ("国际合作", "司副司" + ELLIPSIS)
    assert wrap("Supercalifragilistic", 8) == ("Supercal", "ifragil" + ELLIPSIS)
    assert wrap("Head of Engineering", 12, max_lines=1) == ("Head of" + ELLIPSIS,)
    assert wrap("国际合作", 2, max_lines=1) == (ELLIPSIS,)


COMMA = "\uff0c"  # fullwidth comma, escaped because it looks like ","


def test_wrap_keeps_closing_punctuation_off_line_starts() -> None:
    assert wrap(f"部门{COMMA}处室", 4, max_lines=3) == ("部", f"门{COMMA}", "处室")


def test_wrap_edge_cases() -> None:
    assert wrap("", 10) == ()
    assert wrap("   ", 10) == ()
    with pytest.raises(ValueError):
        wrap("x", 1)
    with pytest.raises(ValueError):
        wrap("x", 10, max_lines=0)


TEXT = st.text(
    alphabet=st.sampled_from([*"abcXYZ   -.国际合作司长", "\u0301", COMMA]),
    max_size=60,
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(TEXT, st.integers(2, 30), st.integers(1, 4))
def test_wrap_properties(text: str, columns: int, lines: int) -> None:
    wrapped = wrap(text, columns, lines)
    assert wrapped == wrap(text, columns, lines)
    assert len(wrapped) <= lines
    assert all(line and display_width(line) <= columns for line in wrapped)
    if wrapped and wrapped[-1].endswith(ELLIPSIS):
        return
    # Nothing lost: only whitespace may change.
    assert "".join("".join(wrapped).split()) == "".join(text.split())
