"""Org charts in the built handbook (MkDocs and Zensical): links resolve, boxes click through."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from orgspec.check.pipeline import check_project
from tests.browser import Browser, browser, serve
from tests.conftest import REPO
from tests.html_links import internal_target
from tests.sites import build, copy_example

ENGINES = ("mkdocs", "zensical")


class SvgLinks(HTMLParser):
    """The hrefs inside inline <svg> elements of a page, chart by chart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.charts: list[list[str]] = []
        self._depth = 0  # open <svg> elements

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "svg":
            if self._depth == 0:
                self.charts.append([])
            self._depth += 1
        elif self._depth and tag == "a":
            self.charts[-1].append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self._depth:
            self._depth -= 1


def svg_links(page: Path) -> list[list[str]]:
    parser = SvgLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    return [links for links in parser.charts if links]  # icons are SVG too, without links


@pytest.fixture(scope="module", params=ENGINES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    engine = str(request.param)
    return engine, build(copy_example(tmp_path_factory.mktemp(f"charts-{engine}")), engine)


def test_every_chart_link_resolves_to_a_page(built: tuple[str, Path]) -> None:
    _, site = built
    pages = [site / "index.html", *sorted((site / "handbook" / "departments").rglob("index.html"))]
    broken = []
    for page in pages:
        for href in (href for chart in svg_links(page) for href in chart):
            target = internal_target(site, page, href)
            if target is None or not target.is_file():
                broken.append(f"{page.relative_to(site)} → {href}")
    assert broken == []


def test_home_and_every_department_page_show_one_chart(built: tuple[str, Path]) -> None:
    _, site = built
    organisation = check_project(REPO).organisation
    home = svg_links(site / "index.html")
    assert len(home) == 1 and len(home[0]) == 1 + len(organisation.departments)
    for key in organisation.departments:
        charts = svg_links(site / "handbook" / "departments" / key / "index.html")
        assert len(charts) == 1, key
        assert len(charts[0]) >= len(organisation.department_posts[key]), key


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with browser() as instance:
        yield instance


def test_clicking_a_chart_box_opens_the_post(built: tuple[str, Path], chromium: Browser) -> None:
    _, site = built
    with serve(site) as url:
        chromium.open(url + "handbook/departments/customer-service/index.html")
        assert chromium.eval("getComputedStyle(document.querySelector('.orgspec-chart')).overflowX") == "auto"
        chromium.click(".orgspec-chart svg a[href='../../posts/reception-supervisor.html']")
        assert chromium.eval("location.pathname") == "/handbook/posts/reception-supervisor.html"
        assert chromium.eval("document.querySelector('h1').firstChild.textContent").strip() == "前台接待主管"


def test_clicking_a_sub_department_box_opens_the_department(built: tuple[str, Path], chromium: Browser) -> None:
    _, site = built
    with serve(site) as url:
        chromium.open(url + "handbook/departments/customer-service/index.html")
        chromium.click(".orgspec-chart svg a.sub-department")
        assert chromium.eval("location.pathname") == "/handbook/departments/call-centre/index.html"
        chart = chromium.eval("document.querySelector('.orgspec-chart svg').getBoundingClientRect().height")
        assert chart > 100  # drawn at its own size, not collapsed


CHART = """(() => {
    const frame = document.querySelector('.orgspec-chart'), svg = frame.querySelector('svg');
    return {drawn: svg.getBoundingClientRect().width, column: frame.clientWidth, scrolls: frame.scrollWidth,
            natural: parseFloat(svg.getAttribute('width'))};
})()"""


def test_every_department_chart_fits_its_column(built: tuple[str, Path], chromium: Browser) -> None:
    _, site = built
    with serve(site) as url:
        for key in check_project(REPO).organisation.departments:
            chromium.open(url + f"handbook/departments/{key}/index.html", settle=0.1)
            chart = chromium.eval(CHART)
            assert chart["drawn"] <= chart["column"] + 0.5, (key, chart)
            assert chart["scrolls"] <= chart["column"], (key, chart)


def test_zoom_changes_the_scale_and_the_full_size_file_opens(built: tuple[str, Path], chromium: Browser) -> None:
    _, site = built
    with serve(site) as url:
        chromium.open(url + "handbook/departments/customer-service/index.html")
        assert chromium.eval("document.querySelector('.orgspec-chart-tools').hidden") is False
        fitted = chromium.eval(CHART)["drawn"]
        chromium.eval("document.querySelector('[data-zoom=in]').click()")
        assert chromium.eval(CHART)["drawn"] == pytest.approx(fitted * 1.25, abs=1)
        chromium.eval(
            "document.querySelector('[data-zoom=out]').click(); document.querySelector('[data-zoom=out]').click()"
        )
        assert chromium.eval(CHART)["drawn"] < fitted
        chromium.eval("document.querySelector('[data-zoom=fit]').click()")
        assert chromium.eval(CHART)["drawn"] == fitted
        chromium.click(".orgspec-chart-open")
        assert chromium.eval("location.pathname") == "/handbook/departments/customer-service/chart.svg"
        assert chromium.eval("document.contentType") == "image/svg+xml"
        assert chromium.eval("document.querySelectorAll('a').length") >= 10  # every box, still a link


def test_without_javascript_the_chart_shows_and_every_box_links(built: tuple[str, Path], chromium: Browser) -> None:
    _, site = built
    chromium.send("Emulation.setScriptExecutionDisabled", value=True)
    try:
        with serve(site) as url:
            chromium.open(url + "handbook/departments/customer-service/index.html")
            assert chromium.eval(CHART)["drawn"] > 300
            assert chromium.eval("document.querySelector('.orgspec-chart-tools').hidden") is True
            boxes = chromium.eval(
                "[...document.querySelectorAll('.orgspec-chart svg a')].map(a => a.getAttribute('href'))"
            )
            assert len(boxes) == 11 and all(href.endswith(".html") for href in boxes)
            chromium.click(".orgspec-chart svg a[href='../../posts/reception-supervisor.html']")
            assert chromium.eval("location.pathname") == "/handbook/posts/reception-supervisor.html"
    finally:
        chromium.send("Emulation.setScriptExecutionDisabled", value=False)


def test_a_phone_shows_the_whole_top_box(built: tuple[str, Path], chromium: Browser) -> None:
    _, site = built
    chromium.send("Emulation.setDeviceMetricsOverride", width=390, height=800, deviceScaleFactor=1, mobile=True)
    try:
        with serve(site) as url:
            chromium.open(url + "index.html")
            inside = chromium.eval("""(() => {
                const frame = document.querySelector('.orgspec-chart').getBoundingClientRect();
                const top = document.querySelector('.orgspec-chart svg .box').getBoundingClientRect();
                return top.left >= frame.left && top.right <= frame.right;
            })()""")
            assert inside
    finally:
        chromium.send("Emulation.setDeviceMetricsOverride", width=1280, height=1000, deviceScaleFactor=1, mobile=False)
