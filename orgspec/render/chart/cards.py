"""What an org chart shows, before it is drawn: cards (boxes) in a tree.

A `Chart` is plain data built from the organisation by `orgspec.render.chart.build`
and drawn by `orgspec.render.chart.svg`.  This module also fixes the typography of
a card (font sizes, padding, title wrapping), because the layout needs each
box's size before anything is drawn, and the drawing must use the same
numbers.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from orgspec.render.chart.layout import Node
from orgspec.render.chart.measure import display_width, text_width_px, wrap

CardKind = Literal["post", "department", "sub-department", "root"]
"""``post``: a post; ``department``: a department in the overview;
``sub-department``: a sub-department standing for all its posts in its
parent's chart; ``root``: the organisation, or a department heading a chart
of several top posts."""

TITLE_SIZE = 14.0
SMALL_SIZE = 11.0
TITLE_LINE = 18.0
SMALL_LINE = 15.0
PAD_X = 10.0
PAD_Y = 7.0
MIN_WIDTH = 96.0
#: Bold glyphs are wider than the regular ones `measure` assumes.
BOLD_FACTOR = 1.08
#: A title wider than this many columns (10 CJK characters) wraps, to at
#: most two lines; longer ones are cut with an ellipsis (the tooltip keeps
#: the whole title).
TITLE_COLUMNS = 20


MarkKind = Literal["added", "removed", "moved", "changed"]
MARK_KINDS: tuple[MarkKind, ...] = ("added", "removed", "moved", "changed")


@dataclass(frozen=True)
class Marker:
    """How a box changed, in a before/after chart: its kind (a colour and a border pattern) and words on the box."""

    kind: MarkKind
    label: str


@dataclass(frozen=True)
class Card:
    """The content of one box; all text is plain (escaped when drawn)."""

    key: str
    title: str
    kind: CardKind = "post"
    tag: str | None = None  # a small line above the title, e.g. "下级部门"
    detail: str | None = None  # post code and grade, or a department's head post
    count: str | None = None  # "编制 3 / 实有 2"
    vacancy: str | None = None  # "空缺 1"; a card with one is marked
    note: str | None = None  # a last line, e.g. dotted-line superiors outside the chart
    href: str | None = None
    tooltip: str = ""  # the <title>: lines separated by "\n"
    current: bool = False  # the post whose page shows the chart
    marker: Marker | None = None  # a before/after chart: what changed, as a first line and a border
    stands_for: str | None = None  # a sub-department box keyed by its head post: the department's own key


@dataclass(frozen=True)
class CardTree:
    """A card and the cards below it, left to right."""

    card: Card
    children: tuple[CardTree, ...] = ()


@dataclass(frozen=True)
class Legend:
    """Labels of the legend under a chart; only entries the chart uses are drawn."""

    reporting: str
    dotted: str
    vacant: str


@dataclass(frozen=True)
class Chart:
    """A chart ready to draw.

    ``dotted`` holds (post, dotted-line superior) card keys; pairs whose
    cards are not both in the tree are not drawn.  ``label`` is the
    accessible name of the whole chart.
    """

    root: CardTree
    label: str
    dotted: tuple[tuple[str, str], ...] = ()
    legend: Legend | None = None


@functools.lru_cache(maxsize=65536)
def title_lines(title: str) -> tuple[str, ...]:
    """The title as drawn: one line, or two balanced lines, or two lines cut short."""
    if display_width(title) <= TITLE_COLUMNS:
        return wrap(title, TITLE_COLUMNS, max_lines=1) or ("",)
    # The narrowest width that still fits two lines balances them:
    # "客户服务质量 / 管理人员" rather than "客户服务质量管理人 / 员".
    for columns in range(max(2, math.ceil(display_width(title) / 2)), TITLE_COLUMNS + 1):
        lines = wrap(title, columns, max_lines=3)
        if len(lines) <= 2:
            return lines
    return wrap(title, TITLE_COLUMNS, max_lines=2)


@dataclass(frozen=True)
class Row:
    """One line of text in a card: its role (a CSS class), text and metrics."""

    role: Literal["mark", "tag", "title", "detail", "count", "note"]
    text: str
    size: float
    height: float


@functools.lru_cache(maxsize=65536)
def card_rows(card: Card) -> tuple[Row, ...]:
    """The lines of a card from top to bottom (the vacancy is drawn inside the count row).

    Kept for the cards drawn again: a post's box is in the charts of its superior, peers and subordinates.
    """
    rows: list[Row] = []
    if card.marker:
        rows.append(Row("mark", card.marker.label, SMALL_SIZE, SMALL_LINE))
    if card.tag:
        rows.append(Row("tag", card.tag, SMALL_SIZE, SMALL_LINE))
    rows.extend(Row("title", line, TITLE_SIZE, TITLE_LINE) for line in title_lines(card.title))
    if card.detail:
        rows.append(Row("detail", card.detail, SMALL_SIZE, SMALL_LINE))
    if card.count or card.vacancy:
        rows.append(Row("count", count_text(card), SMALL_SIZE, SMALL_LINE))
    if card.note:
        rows.append(Row("note", card.note, SMALL_SIZE, SMALL_LINE))
    return tuple(rows)


def count_text(card: Card) -> str:
    """The count row as one string: the count, then the vacancy."""
    return "  ".join(part for part in (card.count, card.vacancy) if part)


def row_width(row: Row) -> float:
    factor = BOLD_FACTOR if row.role in ("title", "mark") else 1.0
    return text_width_px(row.text, row.size) * factor


@functools.lru_cache(maxsize=65536)
def card_size(card: Card) -> tuple[float, float]:
    """Width and natural height of a card in pixels (whole pixels, so edges stay crisp)."""
    rows = card_rows(card)
    width = max([MIN_WIDTH, *(row_width(row) + 2 * PAD_X for row in rows)])
    height = sum(row.height for row in rows) + 2 * PAD_Y
    return float(math.ceil(width)), float(math.ceil(height))


def walk(tree: CardTree) -> list[CardTree]:
    """Every subtree in pre-order (iterative: deep chains cannot overflow the stack)."""
    order: list[CardTree] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(node.children))
    return order


def to_nodes(tree: CardTree) -> Node:
    """The layout input: one node per card, all of the chart's tallest card's height.

    One height for every box keeps siblings on a common row and the chart
    calm to read; short cards centre their text vertically.
    """
    sizes = {node.card.key: card_size(node.card) for node in walk(tree)}
    height = max(size[1] for size in sizes.values())
    built: dict[int, Node] = {}
    for node in reversed(walk(tree)):  # children before parents
        children = tuple(built[id(child)] for child in node.children)
        built[id(node)] = Node(node.card.key, sizes[node.card.key][0], height, children)
    return built[id(tree)]


# --- trees -----------------------------------------------------------------


def forest(order: list[str], parents: dict[str, str | None]) -> tuple[list[str], dict[str, list[str]]]:
    """Top keys and children lists, siblings in ``order``.

    A key whose parent chain never reaches a top (a reporting cycle, which
    the checks report) becomes a top itself, so the result is always a
    forest that contains every key once.
    """
    children: dict[str, list[str]] = {key: [] for key in order}
    tops: list[str] = []
    for key in order:
        parent = parents.get(key)
        (children[parent] if parent is not None and parent in children else tops).append(key)
    reached = set(_reach(tops, children))
    for key in order:
        if key not in reached:
            children[str(parents[key])].remove(key)
            tops.append(key)
            reached.update(_reach([key], children))
    return tops, children


def _reach(starts: list[str], children: dict[str, list[str]]) -> list[str]:
    """The keys under ``starts`` (included), in pre-order."""
    seen: list[str] = []
    stack = list(reversed(starts))
    visited: set[str] = set()
    while stack:
        key = stack.pop()
        if key in visited:
            continue
        visited.add(key)
        seen.append(key)
        stack.extend(reversed(children[key]))
    return seen


def marked(chart: Chart, markers: Mapping[str, Marker]) -> Chart:
    """The chart with each box whose key (or the department it stands for) is in ``markers`` marked.

    The box at the root, the organisation or the department heading a chart, is not marked.
    """
    built: dict[int, CardTree] = {}
    for node in reversed(walk(chart.root)):  # children before parents
        card = node.card
        key = card.stands_for or card.key
        if key in markers and card.kind != "root":
            card = replace(card, marker=markers[key])
        built[id(node)] = CardTree(card, tuple(built[id(child)] for child in node.children))
    return replace(chart, root=built[id(chart.root)])


def card_tree(top: str, cards: dict[str, Card], children: dict[str, list[str]]) -> CardTree:
    """The card tree under ``top``; built bottom-up, so deep chains need no recursion."""
    built: dict[str, CardTree] = {}
    for key in reversed(_reach([top], children)):
        built[key] = CardTree(cards[key], tuple(built[child] for child in children[key]))
    return built[top]
