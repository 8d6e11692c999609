"""`orgspec diff --format html`: the restructure on one offline page, the org charts before and after side by side."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.browser import browser
from tests.conftest import run_cli
from tests.restructures import commit_reorganisation, edit, example_repository

SVG = "{http://www.w3.org/2000/svg}"
PAIR = re.compile(r'<(h[23])>(?P<heading>[^<]*)</\1>\n<div class="pair"[^>]*>\n(?P<figures>.*?)\n</div>', re.S)
FIGURE = re.compile(r"<figure><figcaption>(?P<caption>.*?)</figcaption>(?P<body>.*?)</figure>", re.S)


class Mark(NamedTuple):
    """A marked box as a reader finds it: the pair's heading, the side, the kind (colour and border), words, name."""

    heading: str
    side: str
    kind: str
    words: str
    name: str

    def __str__(self) -> str:
        return " | ".join(self)


@pytest.fixture(scope="module")
def reorganised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return commit_reorganisation(example_repository(tmp_path_factory.mktemp("page")))


@pytest.fixture(scope="module")
def page(reorganised: Path) -> str:
    run = run_cli("diff", "HEAD~1", "HEAD", "--format", "html", "-C", str(reorganised))
    assert (run.exit_code, run.stderr) == (0, "")
    return run.stdout


def plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup)).strip()


def marks(page: str) -> Iterator[Mark]:
    """Every marked box of every chart of the page, pair by pair, before then after."""
    for pair in PAIR.finditer(page):
        for figure in FIGURE.finditer(pair["figures"]):
            if not figure["body"].startswith("<svg"):
                continue
            for box in ElementTree.fromstring(figure["body"]).iter():
                kind = next((name for name in box.get("class", "").split() if name.startswith("mark-")), None)
                if kind is None:
                    continue
                title = box.find(f"{SVG}title")
                words = box.find(f"{SVG}text[@class='mark']")
                assert title is not None and title.text and words is not None and words.text
                side = plain(figure["caption"]).split()[0]
                yield Mark(plain(pair["heading"]), side, kind, words.text, title.text.split("\n")[0])


def test_each_department_change_is_a_marked_box(page: str, golden: Callable[[str, str], None]) -> None:
    found = list(marks(page))
    tree = [mark for mark in found if mark.heading == "部门结构"]
    for mark in [
        Mark("部门结构", "调整前", "mark-changed", "Δ 更名", "市场部"),
        Mark("部门结构", "调整后", "mark-changed", "Δ 更名", "品牌部"),
        Mark("部门结构", "调整后", "mark-changed", "Δ 更名", "客户关怀部"),
        Mark("部门结构", "调整前", "mark-moved", "→ 调整上级", "客服部"),
        Mark("部门结构", "调整后", "mark-moved", "→ 调整上级", "客服部"),
        Mark("部门结构", "调整前", "mark-removed", "− 合并", "北方区销售管理部"),
        Mark("部门结构", "调整后", "mark-changed", "Δ 合并", "南方区销售管理部"),
        Mark("部门结构", "调整前", "mark-changed", "Δ 拆分", "客户服务部"),
        Mark("部门结构", "调整后", "mark-changed", "Δ 拆分", "客户服务部"),
        Mark("部门结构", "调整后", "mark-added", "+ 拆分", "后期服务部"),
    ]:
        assert mark in tree, mark
    # the posts that followed their department, and the one post moved on its own
    assert Mark("南方区销售管理部", "调整后", "mark-moved", "→ 随部门调动", "销售管理部经理") in found
    assert Mark("后期服务部", "调整后", "mark-moved", "→ 随部门调动", "后期服务主管") in found
    assert Mark("客服部", "调整后", "mark-moved", "→ 调动", "客服主管") in found
    golden("compare/diff-departments-marks.txt", "".join(f"{mark}\n" for mark in found))


def test_the_page_stands_alone(page: str) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n')
    for outside in ("<script", "<link", "src=", "href=", "url(", "@import"):
        assert outside not in page, outside
    assert set(re.findall(r"https?://[^\"' )]+", page)) == {"http://www.w3.org/2000/svg"}  # a namespace, not a fetch
    # the department summary and the cost are on the page too
    for heading in ("部门调整", "部门影响（含下级部门）", "成本影响（按薪酬带宽，含下级部门）", "岗位变更"):
        assert f"<h2>{heading}</h2>" in page


def test_text_from_yaml_is_escaped(reorganised: Path) -> None:
    edit(reorganised / "departments" / "brand.yaml", ("name: 品牌部\n", "name: 品牌部<script>alert(1)</script>\n"))
    run = run_cli("diff", "HEAD~1", "--format", "html", "-C", str(reorganised))
    assert "<script" not in run.stdout
    assert "品牌部&#60;script&#62;alert&#40;1&#41;&#60;&#47;script&#62;" in run.stdout


def test_in_a_browser_the_charts_stand_side_by_side(page: str, tmp_path: Path) -> None:
    path = tmp_path / "restructure.html"
    path.write_text(page, encoding="utf-8")
    with browser() as chromium:
        chromium.open(path.as_uri())
        pairs = chromium.eval(
            "[...document.querySelectorAll('.pair')].map(pair => [...pair.querySelectorAll('figure')]"
            ".map(figure => { const box = figure.getBoundingClientRect(); return [box.left, box.top, box.right]; }))"
        )
        overflow = chromium.eval("document.documentElement.scrollWidth - window.innerWidth")
        marked = chromium.eval("document.querySelectorAll('svg [class*=\"mark-\"]').length")
    assert len(pairs) == 10  # the department tree, then the nine departments touched
    for before, after in pairs:
        assert before[1] == after[1] and before[2] <= after[0]  # one row, before on the left
    assert overflow <= 0
    assert marked == len(list(marks(page))) + 4  # and the four samples of the legend
