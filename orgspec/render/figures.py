"""Charts as the pages show them: scaled to the column, with the chart as a file of its own (pure).

A page holds the chart inline (its boxes are links) and links to the same
chart as an SVG file, to open at full size or download. The legend is left
to the page, which shows it beside the zoom buttons above the chart.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from orgspec.render.chart.build import Links
from orgspec.render.chart.cards import SMALL_SIZE, Chart
from orgspec.render.chart.svg import Drawing, draw, drawings
from orgspec.render.urls import SiteLayout

READABLE_PX = 8.0
"""The smallest size the chart's small text is scaled down to; a chart that would need less scrolls instead."""


@dataclass(frozen=True)
class Figure:
    """A chart on a page: the drawing, where its file is, its natural and smallest widths, its legend."""

    svg: Markup
    href: Markup | None
    width: float
    min_width: float
    legend: list[tuple[str, str]]


def figure(layout: SiteLayout, page: str, file: str, chart_for: Callable[[Links], Chart]) -> tuple[Figure, str]:
    """The figure of the chart ``chart_for`` builds, on ``page``, and the text of its file (at ``file``).

    A file in the page's own folder has the page's links, so one layout serves both.
    """
    drawn = drawings(chart_for(Links(layout, page)))
    same_folder = posixpath.dirname(layout.url(page)) == posixpath.dirname(layout.url(file))
    standalone = drawn.standalone if same_folder else draw(chart_for(Links(layout, file)))
    return _figure(drawn, Markup(layout.link(page, file))), standalone


def small_figure(chart: Chart) -> Figure:
    """The figure of a small chart that has no file of its own (a post's team)."""
    return _figure(drawings(chart), None)


def _figure(drawn: Drawing, href: Markup | None) -> Figure:
    smallest = min(drawn.width, round(drawn.width * READABLE_PX / SMALL_SIZE))
    return Figure(Markup(drawn.inline), href, drawn.width, smallest, drawn.legend)
