"""The authority matrix (分权手册) of a built handbook in a real Chromium: a cell read by its item, tier and
party shows the step and action; 40 items by 15 parties scroll inside the grid's own box, which keeps the
heading row and the item column in view."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.approval_demo import CELL, write_demo
from tests.browser import Browser, browser, serve
from tests.sites import build
from tests.test_second_example import copy_example
from tests.visible import page_text

PAGE = "handbook/indexes/authorities.html"

READ_CELL = """((item, tier, party) => {
    const table = document.querySelector('table.orgspec-matrix');
    const parties = [...table.querySelectorAll('thead th.orgspec-approval-party')];
    const column = parties.findIndex(heading => heading.firstChild.textContent.trim() === party);
    let current = null;
    for (const row of table.tBodies[0].rows) {
        const heading = row.querySelector('th.orgspec-approval-item');
        if (heading) current = heading.textContent.trim();
        const shown = row.querySelector('td.orgspec-approval-tier').textContent.trim();
        if (current === item && shown === tier) {
            return row.querySelectorAll('td.orgspec-approval-cell')[column].textContent.trim();
        }
    }
    return null;
})(%s, %s, %s)"""

SCROLLED = """(() => {
    const box = document.querySelector('.orgspec-grid-scroll');
    const wide = box.scrollWidth > box.clientWidth && box.scrollHeight > box.clientHeight;
    const page = document.documentElement.scrollWidth <= window.innerWidth;
    box.scrollLeft = box.scrollWidth; box.scrollTop = box.scrollHeight / 2;
    const left = box.getBoundingClientRect().left, top = box.getBoundingClientRect().top;
    const items = [...box.querySelectorAll('tbody th.orgspec-approval-item')];
    const visible = items.filter(cell => {
        const rect = cell.getBoundingClientRect();
        return rect.bottom > top + 60 && rect.top < box.getBoundingClientRect().bottom;
    });
    const heading = box.querySelector('thead th').getBoundingClientRect();
    return {wide, page, itemLeft: Math.round(visible[0].getBoundingClientRect().left - left),
            headingTop: Math.round(heading.top - top)};
})()"""


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str]]:
    engine = str(request.param)
    built = build(write_demo(tmp_path_factory.mktemp(f"matrix-{engine}")), engine)
    with serve(built) as url:
        yield engine, built, url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with browser() as instance:
        yield instance


def test_a_cell_shows_the_step_and_action_of_its_party(site: tuple[str, Path, str], chromium: Browser) -> None:
    _, _, url = site
    chromium.open(url + PAGE)
    item, tier, party, shown = CELL
    assert chromium.eval(READ_CELL % (json.dumps(item), json.dumps(tier), json.dumps(party))) == shown
    assert chromium.eval(READ_CELL % (json.dumps("资金支付"), json.dumps(">200万"), json.dumps("股东会"))) == "⑤核准"


def test_the_grid_scrolls_in_its_own_box_with_its_headings_in_view(
    site: tuple[str, Path, str], chromium: Browser
) -> None:
    _, _, url = site
    chromium.open(url + PAGE)
    found = chromium.eval(SCROLLED)
    assert found["wide"], "40 items by 15 parties are larger than the box"
    assert found["page"], "the page itself does not scroll sideways"
    assert found["itemLeft"] == 0, "the item column stays at the left of the box"
    assert found["headingTop"] == 0, "the heading row stays at the top of the box"


def test_page_text(site: tuple[str, Path, str], golden: Callable[[str, str], None]) -> None:
    engine, built, _ = site
    golden(f"pages/approvals-demo.{engine}.txt", page_text(built / PAGE))


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def example(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The second example (examples/public-documents), built from public authority tables, served."""
    engine = str(request.param)
    with serve(build(copy_example(tmp_path_factory.mktemp(f"example-{engine}") / "example"), engine)) as url:
        yield url


@pytest.mark.parametrize(
    ("item", "tier", "party", "shown"),
    [
        ("货款支付", ">200万", "董事长", "⑤审批"),  # 公司各类单项资金管理审批权限一览表
        ("货款支付", ">200万", "财务总监", "⑥核准"),
        ("额外奖金（报批时）", ">1万", "部门主管", "①签字"),  # 总公司资金审批权限一览表
    ],
)
def test_the_example_matrix_from_public_tables_reads_by_item_tier_and_party(
    example: str, chromium: Browser, item: str, tier: str, party: str, shown: str
) -> None:
    chromium.open(example + PAGE)
    assert chromium.eval(READ_CELL % (json.dumps(item), json.dumps(tier), json.dumps(party))) == shown
