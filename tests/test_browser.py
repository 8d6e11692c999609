"""The built handbook in a real headless Chromium: pages, links, Chinese search and printing."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import Browser, browser, serve
from tests.sites import build, copy_example

SEARCH = {
    # Material: the search input in the header; results as a list of links.
    "mkdocs": """(async (query) => {
        const input = document.querySelector('.md-search__input');
        input.focus(); input.value = query;
        input.dispatchEvent(new Event('input', {bubbles: true}));
        input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
        return true;
    })(%s)""",
    "zensical": """(async (query) => {
        document.querySelector('.md-search__button').click();
        await new Promise(resolve => setTimeout(resolve, 300));
        const root = [...document.querySelectorAll('*')].find(element => element.shadowRoot).shadowRoot;
        const input = root.querySelector('input');
        input.focus(); input.value = query;
        input.dispatchEvent(new Event('input', {bubbles: true}));
        return true;
    })(%s)""",
}
RESULTS = {
    "mkdocs": "[...document.querySelectorAll('.md-search-result__item a')].map(link => link.textContent + ' ' + link.href).join('\\n')",
    "zensical": "(() => { const host = [...document.querySelectorAll('*')].find(element => element.shadowRoot); if (!host) return ''; return [...host.shadowRoot.querySelectorAll('ol li, a')].map(item => item.textContent + ' ' + (item.href || '')).join('\\n'); })()",
}


PAGES: dict[str, list[str]] = {}
"""Every page each builder wrote (404 aside), as paths under the site's root."""


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    engine = str(request.param)
    built = build(copy_example(tmp_path_factory.mktemp(f"browser-{engine}")), engine)
    PAGES[engine] = sorted(
        page.relative_to(built).as_posix() for page in built.rglob("*.html") if page.name != "404.html"
    )
    with serve(built) as url:
        yield engine, url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with browser() as instance:
        yield instance


def test_home_page_shows_the_organisation(site: tuple[str, str], chromium: Browser) -> None:
    _, url = site
    chromium.open(url + "index.html")
    assert chromium.eval("document.querySelector('h1').textContent").startswith("示例集团")
    totals = chromium.eval("[...document.querySelectorAll('.orgspec-totals dd')].map(cell => cell.textContent)")
    assert totals == ["9", "26", "40", "37", "3"]
    cards = chromium.eval("[...document.querySelectorAll('.orgspec-card__title a')].map(link => link.textContent)")
    assert cards == ["营销中心", "客户服务中心", "客户服务部", "客户关爱部"]
    nav = chromium.eval(
        "[...document.querySelectorAll('.md-nav--primary .md-nav__link')].map(link => link.textContent.trim())"
    )
    assert nav.count("示例集团 组织手册") <= 1  # the site's name, not again as the home's entry


def test_finding_a_post_from_the_home_page(site: tuple[str, str], chromium: Browser) -> None:
    _, url = site
    for query, found in (("xsjl", 2), ("jingli", 5), ("Sales Management", 2), ("EX-HJ-002", 1), ("坐席", 1)):
        chromium.open(url + "index.html")
        chromium.eval(f"document.querySelector('#orgspec-find-post').value = {json.dumps(query)}")
        chromium.click(".orgspec-find button")
        assert chromium.eval("location.pathname") == "/handbook/indexes/posts.html"
        shown = chromium.eval(
            "[...document.querySelectorAll('#orgspec-posts-table tbody tr:not([hidden]) td:first-child')].map(cell => cell.textContent)"
        )
        assert len(shown) == found, (query, shown)


def test_post_page_basic_table_and_superior_link(site: tuple[str, str], chromium: Browser) -> None:
    _, url = site
    chromium.open(url + "handbook/posts/call-centre-agent.html")
    cells = chromium.eval(
        "[...document.querySelectorAll('.orgspec-basic th, .orgspec-basic td')].map(cell => cell.textContent.trim())"
    )
    assert cells[:4] == ["岗位名称", "客服中心坐席员", "岗位编号", "EX-HJ-002"]
    assert "岗位编制" in cells and "12" in cells and "10 / 2" in cells
    chromium.click(".orgspec-basic a[href='call-centre-director.html']")
    assert chromium.eval("location.pathname") == "/handbook/posts/call-centre-director.html"
    assert chromium.eval("document.querySelector('h1').firstChild.textContent") == "客服中心主任"


def test_a_post_page_shows_where_it_stands(site: tuple[str, str], chromium: Browser) -> None:
    _, url = site
    chromium.open(url + "handbook/posts/call-centre-agent.html")
    chain = chromium.eval("[...document.querySelectorAll('.orgspec-chain li')].map(step => step.textContent)")
    assert chain == ["客户维系中心经理", "客服中心主任", "客服中心坐席员"]  # up to the top, across departments
    team = chromium.eval("[...document.querySelectorAll('.orgspec-team svg > *')].map(box => box.textContent)")
    assert any(box.startswith("客服中心主任") for box in team)
    marked = chromium.eval(
        "[...document.querySelectorAll('.orgspec-team svg .current text')].map(row => row.textContent)"
    )
    assert marked[:2] == ["本岗位", "客服中心坐席员"]
    chromium.click(".orgspec-chain a")
    assert chromium.eval("location.pathname") == "/handbook/posts/customer-service-manager.html"


MANAGERS = ("customer-service-manager", "market-manager", "sales-manager-north", "sales-manager-south")
"""The posts whose titles end in 经理 besides 部门经理 (service-centre-manager)."""
SALES_MANAGERS = ("sales-manager-north", "sales-manager-south")
"""Two posts of one title, 销售管理部经理 (Sales Management Manager), in two departments."""
QUERIES = {
    # query: (a page the first page of results must hold, the posts that may come first)
    "经理": ("posts/service-centre-manager.html", ("service-centre-manager", *MANAGERS)),  # part of a title
    "部门经理": ("posts/service-centre-manager.html", ("service-centre-manager",)),
    "坐席": ("posts/call-centre-agent.html", ("call-centre-agent",)),  # 客服中心坐席员
    "jingli": ("posts/service-centre-manager.html", ("service-centre-manager", *MANAGERS)),  # pinyin
    "xsjl": ("posts/sales-manager-south.html", SALES_MANAGERS),  # initials of 销售管理部经理, shortened
    "Sales Manager": ("posts/sales-manager-north.html", SALES_MANAGERS),  # Sales Management Manager
    "EX-HJ-002": ("posts/call-centre-agent.html", ("call-centre-agent",)),  # a post number
}
"""What people type, with either engine: a page the first page of results must hold, and which posts may be
the first result (any post of the title typed when several have it)."""


def search(chromium: Browser, engine: str, url: str, query: str, expected: str) -> str:
    """The results of ``query`` once they hold ``expected``, as their visible text and links."""
    chromium.open(url + "index.html", settle=0.5)
    chromium.eval(SEARCH[engine] % json.dumps(query))
    results = RESULTS[engine]
    found: str = chromium.wait_for(
        f"(() => {{ const r = {results}; return r.includes({json.dumps(expected)}) ? r : ''; }})()", timeout=15
    )
    return found


def pages_found(results: str) -> list[str]:
    """The pages of search results in their order, each once (a page's sections after it are left out)."""
    pages = [href.split("#")[0] for href in re.findall(r"\S+\.html\S*", results)]
    return list(dict.fromkeys(page.removeprefix(page[: page.find("/handbook/") + 1]) for page in pages))


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_what_people_type(site: tuple[str, str], chromium: Browser, query: str) -> None:
    engine, url = site
    expected, first = QUERIES[query]
    found = search(chromium, engine, url, query, expected)
    assert "\u200b" not in found  # MkDocs joins jieba's words with zero-width spaces; not where people read
    assert pages_found(found)[0] in [f"handbook/posts/{post}.html" for post in first]


def test_search_results_name_the_department(site: tuple[str, str], chromium: Browser) -> None:
    engine, url = site
    found = search(chromium, engine, url, "销售管理部经理", "sales-manager-north.html")
    assert "北方区销售管理部" in found and "南方区销售管理部" in found
    assert "xsglbjl" not in chromium.eval("document.body.innerText")  # the search words stay out of sight


def test_zensical_search_speaks_the_sites_language(site: tuple[str, str], chromium: Browser) -> None:
    engine, url = site
    if engine != "zensical":
        pytest.skip("MkDocs' search is in the site's language already")
    search(chromium, engine, url, "坐席", "call-centre-agent.html")
    words = chromium.wait_for(
        "(() => { const root = [...document.body.children].find(e => e.shadowRoot).shadowRoot;"
        " const status = root.querySelector('[role=status]').textContent;"
        " return status.includes('结果') ? [status, root.querySelector('input').placeholder] : null; })()"
    )
    status, placeholder = words
    assert status.endswith(" 个符合条件的结果")  # was "11 results"
    assert placeholder == chromium.eval("document.querySelector('.md-search__button').textContent.trim()")  # "Search"


def test_printing_a_post_gives_a_clean_a4_job_sheet(site: tuple[str, str], chromium: Browser, tmp_path: Path) -> None:
    _, url = site
    chromium.open(url + "handbook/posts/call-centre-agent.html")
    pdf = chromium.pdf(tmp_path / "sheet.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 1 <= pages <= 2
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("客服中心坐席员", "岗位说明书", "负责受理客户来电", "任职资格"):
        assert words in text
    first_page = text.split("\f")[0]
    assert first_page.lstrip().startswith("示例集团") and "岗位编号：EX-HJ-002" in first_page  # as the PDF copy
    assert f"第 1 页，共 {pages} 页" in first_page
    for chrome in ("首页", "搜索", "打印岗位说明书", "在组织中的位置", "汇报关系", "本岗位"):
        assert chrome not in text, chrome


@pytest.mark.parametrize("width", [1280, 390])
def test_no_page_scrolls_sideways(site: tuple[str, str], chromium: Browser, width: int) -> None:
    engine, url = site
    chromium.send(
        "Emulation.setDeviceMetricsOverride", width=width, height=800, deviceScaleFactor=1, mobile=width < 500
    )
    try:
        too_wide = {}
        for page in PAGES[engine]:
            chromium.open(url + page, settle=0.05)
            scroll, inner = chromium.eval("[document.documentElement.scrollWidth, innerWidth]")
            if scroll > inner:
                too_wide[page] = scroll
        assert len(PAGES[engine]) > 30
        assert too_wide == {}
    finally:
        chromium.send("Emulation.setDeviceMetricsOverride", width=1280, height=1000, deviceScaleFactor=1, mobile=False)
