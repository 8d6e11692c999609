"""Charts as the pages show them: scaled to the column, with the chart as a file of its own (pure).

A page holds the chart inline (its boxes are links) and links to the same
chart as an SVG file, to open at full size or download. The legend is left
to the page, which shows it beside the zoom buttons above the chart.

A page's values hold a `Plot`: the chart built but not yet drawn, so that
the values stay plain data (`orgspec.site.incremental` hashes them) and the
drawing is done only for a page that is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from orgspec.render.chart.cards import SMALL_SIZE, CardTree, Chart
from orgspec.render.chart.svg import drawings
from orgspec.render.urls import SiteLayout

READABLE_PX = 8.0
"""The smallest size the chart's small text is scaled down to; a chart that would need less scrolls instead."""

PRINT_READABLE_PX = 6.0
"""The smallest size the chart's small text may print at, squeezed to the width of an A4 page."""
PRINT_WIDTH_PX = 688.0
"""The width of an A4 page inside the handbook's print margins (182 mm), in CSS pixels."""
PRINT_MAX_WIDTH = PRINT_WIDTH_PX * SMALL_SIZE / PRINT_READABLE_PX
"""A chart wider than this prints as its tree in words (an outline) instead: its picture would be unreadable."""


@dataclass(frozen=True)
class Plot:
    """A chart to show on a page, and the link to its own file (None: a small chart without one)."""

    chart: Chart
    href: str | None = None


@dataclass(frozen=True)
class Figure:
    """A chart on a page: the drawing, where its file is, its natural and smallest widths, its legend."""

    svg: Markup
    href: Markup | None
    width: float
    min_width: float
    legend: list[tuple[str, str]]
    outline: CardTree | None = None
    """The chart's tree, to print as an indented list in place of a picture too wide to read on paper."""


def linked(layout: SiteLayout, page: str, file: str, chart: Chart) -> Plot:
    """``chart`` on ``page``, linked to its own file at ``file``."""
    return Plot(chart, layout.link(page, file))


def figure(plot: Plot) -> Figure:
    """The figure a page shows for ``plot``: the chart drawn without its legend, which the page shows itself."""
    drawn = drawings(plot.chart)
    smallest = min(drawn.width, round(drawn.width * READABLE_PX / SMALL_SIZE))
    href = None if plot.href is None else Markup(plot.href)
    outline = plot.chart.root if drawn.width > PRINT_MAX_WIDTH else None
    return Figure(Markup(drawn.svg), href, drawn.width, smallest, drawn.legend, outline)
