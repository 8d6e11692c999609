"""Draw a laid-out chart as SVG (pure: same input, same bytes).

The drawing, back to front: solid orthogonal edges (direct reporting),
dashed connectors with an arrowhead at the dotted-line superior (routed
through the gaps by `orgspec.render.chart.dotted`, so they never move the layout;
drawn under the boxes, so they never hide text), one box per card, and a
legend of the marks the chart uses.

The drawing is a group of links named by its label (``role="group"``),
not an image, so that assistive technology reaches every box's link.
Each box is an ``<a href>`` (a ``<g>`` when the card has no link) holding a
``<title>`` for hover and screen readers, a rectangle and its text rows.
A vacancy is marked three ways, so it shows in any colour scheme and in
black-and-white print: an accent-coloured thicker border, a stripe on the
left edge and the words "空缺 n" in bold (in the text's colour, which
stays readable on either scheme's background).  A sub-department standing for all its
posts has a second card offset behind it, like a stack of cards.

In a before/after chart a changed box carries a `Marker`, again three
ways: a colour of the Okabe–Ito palette (told apart by most colour-blind
readers), a border pattern (solid for added, dashed for removed, dash-dot
for moved, dotted for changed; a removed title is struck through) and its
words on the first line of the box. Their style sheet, `MARK_STYLE`, is
written only into charts that have a marker.

Colours come from Material's (and Zensical's) CSS custom properties, with
the light theme's values as fallbacks so that a standalone file looks the
same anywhere.  The style sheet is scoped to ``svg.orgspec-svg``, because a
``<style>`` inside inline SVG applies to the whole HTML page.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from orgspec.render.chart.cards import (
    MARK_KINDS,
    PAD_X,
    PAD_Y,
    SMALL_LINE,
    SMALL_SIZE,
    Card,
    Chart,
    Legend,
    Marker,
    Row,
    card_rows,
    row_width,
    to_nodes,
    walk,
)
from orgspec.render.chart.dotted import route
from orgspec.render.chart.layout import Box, Edge, Layout, layout
from orgspec.render.chart.measure import text_width_px
from orgspec.render.escape import escape

#: Spacing handed to the tidy-tree layout; a chart folds its widest teams into rows
#: rather than grow much wider than ``fold_width`` (a department of 500 posts: about 3,700 px).
SPACING = {"h_gap": 16.0, "v_gap": 32.0, "stack_indent": 24.0, "stack_gap": 8.0, "margin": 8.0, "fold_width": 3600.0}
LEGEND_HEIGHT = 22.0
ARROW = 7.0  # length of a dotted line's arrowhead
STRIPE = 4.0  # width of the vacancy stripe
SHADOW = 4.0  # offset of the second card behind a department box

FONT = (
    'system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,"PingFang SC","Hiragino Sans GB",'
    '"Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif'
)
_FG = "var(--md-default-fg-color,rgba(0,0,0,.87))"
_FG_LIGHT = "var(--md-default-fg-color--light,rgba(0,0,0,.54))"
_BG = "var(--md-default-bg-color,#fff)"
_PRIMARY = "var(--md-primary-fg-color,#4051b5)"
_ON_PRIMARY = "var(--md-primary-bg-color,#fff)"
_ACCENT = "var(--md-accent-fg-color,#526cfe)"
_S = "svg.orgspec-svg"
STYLE = "".join(
    (
        "<style>",
        f"{_S}{{font-family:{FONT};font-size:{SMALL_SIZE:g}px}}",
        f"{_S} .box,{_S} .shadow{{fill:{_BG};stroke:{_PRIMARY};stroke-width:1.2}}",
        f"{_S} .shadow{{stroke-opacity:.6}}",
        f"{_S} .root .box{{fill:{_PRIMARY}}}",
        f"{_S} .vacant .box{{stroke:{_ACCENT};stroke-width:2.5}}",
        f"{_S} .stripe{{fill:{_ACCENT}}}",
        f"{_S} text{{fill:{_FG_LIGHT};text-anchor:middle}}",
        f"{_S} .title{{fill:{_FG};font-size:14px;font-weight:600}}",
        f"{_S} .tag{{fill:{_PRIMARY};font-weight:600}}",
        f"{_S} .note{{fill:{_PRIMARY}}}",
        f"{_S} .vac{{fill:{_FG};font-weight:700}}",
        f"{_S} a{{text-decoration:none}}",
        f"{_S} .root text,{_S} .root tspan{{fill:{_ON_PRIMARY}}}",
        f"{_S} .edge{{fill:none;stroke:{_FG_LIGHT};stroke-width:1.2}}",
        f"{_S} .dotted{{fill:none;stroke:{_PRIMARY};stroke-width:1.5;stroke-dasharray:5 4}}",
        f"{_S} .arrow{{fill:{_PRIMARY}}}",
        f"{_S} .legend text{{text-anchor:start}}",
        f"{_S} a:hover .box,{_S} a:focus-visible .box{{stroke:{_ACCENT};stroke-width:3}}",
        f"{_S} .current .box{{stroke:{_PRIMARY};stroke-width:3.5}}",
        "</style>",
    )
)

CHART_CSS = STYLE.removeprefix("<style>").removesuffix("</style>") + "\n"
"""`STYLE` as a stylesheet of its own, for the charts drawn inside the handbook's pages."""


MARK_COLOURS = {
    # kind: (border, fill, text), from the Okabe–Ito palette; the text is darker, for contrast on the fill
    "added": ("#009e73", "#e3f4ee", "#00704f"),
    "removed": ("#d55e00", "#fbe9de", "#a84a00"),
    "moved": ("#0072b2", "#e2eef6", "#005a8c"),
    "changed": ("#e69f00", "#fdf2dc", "#8a5f00"),
}
MARK_DASHES = {"added": "none", "removed": "7 3", "moved": "12 3 2 3", "changed": "2 3"}
MARK_STYLE = "".join(
    (
        "<style>",
        f"{_S}{{print-color-adjust:exact;-webkit-print-color-adjust:exact}}",
        *(
            f"{_S} .mark-{kind} .box{{stroke:{MARK_COLOURS[kind][0]};fill:{MARK_COLOURS[kind][1]};"
            f"stroke-width:3;stroke-dasharray:{MARK_DASHES[kind]}}}"
            f"{_S} .mark-{kind} .mark{{fill:{MARK_COLOURS[kind][2]};font-weight:700}}"
            for kind in MARK_KINDS
        ),
        f"{_S} .mark-removed .title{{text-decoration:line-through}}",
        "</style>",
    )
)


def draw(chart: Chart) -> str:
    """Lay out and draw a chart, with its legend: a file of its own."""
    placed = layout(to_nodes(chart.root), **SPACING)
    cards = {node.card.key: node.card for node in walk(chart.root)}
    return render(placed, cards, label=chart.label, dotted=chart.dotted, legend=chart.legend)


@dataclass(frozen=True)
class Drawing:
    """A chart drawn for a page, which shows the legend itself beside the chart."""

    svg: str
    width: float
    """The width of the drawing, in pixels."""
    legend: list[tuple[str, str]]
    """(kind, label) of each legend entry the chart needs: ``edge``, ``dotted``, ``vacant``."""


def drawings(chart: Chart) -> Drawing:
    """The chart for a page: without its legend, which comes as entries for the page to show."""
    placed = layout(to_nodes(chart.root), **SPACING)
    cards = {node.card.key: node.card for node in walk(chart.root)}
    pairs = _dotted_pairs(placed, chart.dotted)
    entries = _legend_entries(chart.legend, placed, pairs, cards) if chart.legend else []
    svg = render(placed, cards, label=chart.label, dotted=chart.dotted, styled=False)
    return Drawing(svg, math.ceil(placed.width), entries)


def _dotted_pairs(placed: Layout, dotted: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The dotted lines whose both ends are boxes of the chart."""
    keys = {box.key for box in placed.boxes}
    return [(low, high) for low, high in dotted if low in keys and high in keys and low != high]


def render(
    placed: Layout,
    cards: Mapping[str, Card],
    *,
    label: str,
    dotted: Sequence[tuple[str, str]] = (),
    legend: Legend | None = None,
    styled: bool = True,
) -> str:
    """The SVG text of a laid-out chart; ``cards`` gives each box's content by key.

    ``styled=False`` leaves out `STYLE`, for a chart inside a page whose stylesheet carries it
    (`CHART_CSS`): written once per site instead of once per page."""
    boxes = {box.key: box for box in placed.boxes}
    pairs = _dotted_pairs(placed, dotted)
    entries = _legend_entries(legend, placed, pairs, cards) if legend else []
    width = max(placed.width, _legend_width(entries) + 2 * SPACING["margin"])
    height = placed.height + (LEGEND_HEIGHT if entries else 0.0)
    parts = [
        _open_tag(width, height, label),
        f"<title>{_text(label)}</title>",
        STYLE if styled else "",
        MARK_STYLE if any(card.marker for card in cards.values()) else "",
        _edges(placed.edges),
        *(_dotted(boxes[low], boxes[high], placed) for low, high in pairs),
        *(_card(box, cards[box.key]) for box in placed.boxes),
        *_legend(entries, placed.height),
        "</svg>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


# --- text and numbers ------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def _num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (kept: boxes line up on few coordinates)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _clean(text: str) -> str:
    """One line of text without characters XML cannot hold (controls, U+FFFE/FFFF, surrogates)."""
    kept = (char for char in text if char.isprintable() or char.isspace())
    return " ".join("".join(kept).split())


@functools.lru_cache(maxsize=65536)
def _text(text: str) -> str:
    """YAML text as SVG character data or attribute value (see `orgspec.render.escape`).

    Kept: the same titles, counts and labels are drawn in many charts.
    """
    return str(escape(_clean(text)))


@functools.lru_cache(maxsize=65536)
def _tooltip(text: str) -> str:
    return "&#10;".join(_text(line) for line in text.split("\n") if line.strip())


def _href(href: str) -> str:
    """Percent-encode what could end the attribute; relative paths from slugs pass unchanged."""
    return quote(href, safe="/:#?=%.-_~+,;@!$()*")


# --- pieces ----------------------------------------------------------------


def _open_tag(width: float, height: float, label: str) -> str:
    w, h = _num(math.ceil(width)), _num(math.ceil(height))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="orgspec-svg" role="group" aria-label="{_text(label)}" '
        f'viewBox="0 0 {w} {h}" width="{w}" height="{h}">'
    )


def drawn_width(svg: str) -> float:
    """The width of a chart that `render` drew, read from its opening tag (its label cannot hold a quote)."""
    found = re.search(r'width="([0-9.]+)"', svg[: svg.index(">")])
    return float(found.group(1)) if found else 0.0


def _edges(edges: Sequence[Edge]) -> str:
    """All solid edges as one path: shared bus segments are painted once, so
    a translucent stroke colour does not darken where edges overlap."""
    if not edges:
        return ""
    return f'<path class="edge" d="{"".join(_path(edge.points) for edge in edges)}"/>'


def _path(points: Sequence[tuple[float, float]]) -> str:
    """Path data of an orthogonal polyline (H and V where possible)."""
    (x, y), *rest = points
    path = [f"M{_num(x)} {_num(y)}"]
    for nx, ny in rest:
        if nx == x:
            path.append(f"V{_num(ny)}")
        elif ny == y:
            path.append(f"H{_num(nx)}")
        else:
            path.append(f"L{_num(nx)} {_num(ny)}")
        x, y = nx, ny
    return "".join(path)


def _dotted(low: Box, high: Box, placed: Layout) -> str:
    """A dashed route from a post to its dotted-line superior, arrowhead at the superior."""
    points = route(low, high, placed.boxes, placed.edges, SPACING["h_gap"], SPACING["v_gap"])
    (x1, y1), (x2, y2) = points[-2], points[-1]
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0:
        return ""
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    tip = min(ARROW, length)
    bx, by = x2 - ux * tip, y2 - uy * tip  # middle of the arrowhead's base
    wing = tip / 2
    arrow = " ".join(
        f"{_num(x)},{_num(y)}"
        for x, y in ((x2, y2), (bx - uy * wing, by + ux * wing), (bx + uy * wing, by - ux * wing))
    )
    line = _path([*points[:-1], (bx, by)])
    return f'<g class="dotted-line"><path class="dotted" d="{line}"/><polygon class="arrow" points="{arrow}"/></g>'


def _card(box: Box, card: Card) -> str:
    classes = card.kind + (" vacant" if card.vacancy else "") + (" current" if card.current else "")
    classes += f" mark-{card.marker.kind}" if card.marker else ""
    opening = f'<a href="{_href(card.href)}" class="{classes}">' if card.href else f'<g class="{classes}">'
    closing = "</a>" if card.href else "</g>"
    inner = [f"<title>{_tooltip(card.tooltip or card.title)}</title>"]
    x, y, w, h = _num(box.x), _num(box.y), _num(box.width), _num(box.height)
    if card.kind == "sub-department":
        inner.append(
            f'<rect class="shadow" x="{_num(box.x + SHADOW)}" y="{_num(box.y + SHADOW)}" '
            f'width="{w}" height="{h}" rx="4"/>'
        )
    inner.append(f'<rect class="box" x="{x}" y="{y}" width="{w}" height="{h}" rx="4"/>')
    if card.vacancy:
        inner.append(f'<rect class="stripe" x="{x}" y="{y}" width="{_num(STRIPE)}" height="{h}" rx="2"/>')
    inner.extend(_rows(box, card))
    return opening + "".join(inner) + closing


def _rows(box: Box, card: Card) -> Iterator[str]:
    """The text rows, as a block centred vertically in the box."""
    rows = card_rows(card)
    top = box.y + (box.height - sum(row.height for row in rows)) / 2
    centre = _num(box.x + box.width / 2)
    for row in rows:
        # Centre of the line plus about a third of the font size puts the
        # baseline where Latin and CJK glyphs both look centred.
        baseline = _num(top + row.height / 2 + row.size * 0.35)
        yield f'<text class="{row.role}" x="{centre}" y="{baseline}">{_row_text(row, card)}</text>'
        top += row.height


def _row_text(row: Row, card: Card) -> str:
    if row.role != "count" or not card.vacancy:
        return _text(row.text)
    count = f"{_text(card.count)} " if card.count else ""
    return f'{count}<tspan class="vac">{_text(card.vacancy)}</tspan>'


# --- legend ----------------------------------------------------------------

_SAMPLE = 24.0  # width of a line sample in the legend
_ENTRY_GAP = 16.0


def _legend_entries(
    legend: Legend, placed: Layout, pairs: Sequence[tuple[str, str]], cards: Mapping[str, Card]
) -> list[tuple[str, str]]:
    """(kind, label) of each legend entry the chart needs."""
    entries = [("edge", legend.reporting)] if placed.edges else []
    if pairs:
        entries.append(("dotted", legend.dotted))
    if any(card.vacancy for card in cards.values()):
        entries.append(("vacant", legend.vacant))
    return entries


def _legend_width(entries: Sequence[tuple[str, str]]) -> float:
    return sum(_SAMPLE + 6 + text_width_px(_clean(text), SMALL_SIZE) + _ENTRY_GAP for _, text in entries)


def _legend(entries: Sequence[tuple[str, str]], top: float) -> list[str]:
    if not entries:
        return []
    x, middle = SPACING["margin"], top + LEGEND_HEIGHT / 2 - 2
    parts = ['<g class="legend" aria-hidden="true">']
    for kind, text in entries:
        start, end = _num(x), _num(x + _SAMPLE)
        if kind == "vacant":
            parts.append(
                f'<rect class="stripe" x="{_num(x + _SAMPLE / 2 - STRIPE / 2)}" y="{_num(middle - 7)}" '
                f'width="{_num(STRIPE)}" height="14" rx="2"/>'
            )
        else:
            parts.append(f'<path class="{kind}" d="M{start} {_num(middle)}H{end}"/>')
        label_x = x + _SAMPLE + 6
        parts.append(f'<text x="{_num(label_x)}" y="{_num(middle + SMALL_SIZE * 0.35)}">{_text(text)}</text>')
        x = label_x + text_width_px(_clean(text), SMALL_SIZE) + _ENTRY_GAP
    parts.append("</g>")
    return ["".join(parts)]


def mark_sample(marker: Marker) -> str:
    """A small box marked as a chart marks one, with its words: an entry of a before/after page's legend.

    Its style sheets (`STYLE`, `MARK_STYLE`) are the page's to include once.
    """
    row = Row("mark", marker.label, SMALL_SIZE, SMALL_LINE)
    margin = 2.0  # room for the thick border
    width, height = math.ceil(row_width(row) + 2 * PAD_X), math.ceil(SMALL_LINE + 2 * PAD_Y)
    outer_width, outer_height = _num(width + 2 * margin), _num(height + 2 * margin)
    baseline = margin + height / 2 + SMALL_SIZE * 0.35
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="orgspec-svg" role="img" aria-label="{_text(marker.label)}" '
        f'viewBox="0 0 {outer_width} {outer_height}" width="{outer_width}" height="{outer_height}">'
        f'<g class="post mark-{marker.kind}">'
        f'<rect class="box" x="{_num(margin)}" y="{_num(margin)}" width="{width}" height="{height}" rx="4"/>'
        f'<text class="mark" x="{_num(margin + width / 2)}" y="{_num(baseline)}">{_text(marker.label)}</text>'
        "</g></svg>"
    )


__all__ = [
    "FONT",
    "MARK_STYLE",
    "SPACING",
    "STYLE",
    "Drawing",
    "draw",
    "drawings",
    "drawn_width",
    "mark_sample",
    "render",
]
