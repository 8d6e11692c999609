"""The second example (examples/public-documents), built from six public documents: it checks clean
under --strict, builds with both engines, shows its 三定, 兼任, 合署办公, job family and approval rules,
and its source table in examples/README.md drops no field.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from orgspec.check.pipeline import check_project
from tests.conftest import REPO, run_cli
from tests.html_links import broken_links
from tests.sites import build
from tests.visible import page_text

EXAMPLES = REPO / "examples"
EXAMPLE = EXAMPLES / "public-documents"
ENGINES = ("mkdocs", "zensical")


def copy_example(target: Path) -> Path:
    """A copy of the example's sources in ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("orgspec.yaml", "clauses.yaml", "approvals.yaml", "mkdocs.yml"):
        shutil.copy2(EXAMPLE / name, target / name)
    for name in ("departments", "roles"):
        shutil.copytree(EXAMPLE / name, target / name)
    shutil.copytree(EXAMPLE / "docs", target / "docs", ignore=shutil.ignore_patterns("handbook"))
    return target


def test_it_checks_clean_under_strict(tmp_path: Path) -> None:
    result = run_cli("check", "--strict", str(copy_example(tmp_path / "example")))
    assert result.exit_code == 0, result.stdout
    assert "没有问题" in result.stderr


@pytest.fixture(scope="module", params=ENGINES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example's copy and its site, built strictly with each engine."""
    project = copy_example(tmp_path_factory.mktemp(f"example2-{request.param}"))
    return project, build(project, str(request.param))


def lines(site: Path, page: str) -> list[str]:
    return page_text(site / "handbook" / page).splitlines()


def test_every_department_and_post_has_a_page_and_every_link_resolves(built: tuple[Path, Path]) -> None:
    project, site = built
    organisation = check_project(project).organisation
    assert len(organisation.departments) == 29 and len(organisation.posts) == 42
    for key in organisation.departments:
        assert (site / "handbook" / "departments" / key / "index.html").is_file(), key
    for key in organisation.posts:
        assert (site / "handbook" / "posts" / f"{key}.html").is_file(), key
    assert (site / "sources.html").is_file()
    assert broken_links(site) == []


def test_a_three_set_page_shows_rank_staffing_and_quotas_of_the_parent_unit(built: tuple[Path, Path]) -> None:
    _, site = built
    shown = lines(site, "departments/xinning-agriculture/index.html")
    assert "机构规格 | 正科级" in shown
    assert shown.index("[h2] 主要职责") < shown.index("[h2] 内设机构") < shown.index("[h2] 人员编制和领导职数")
    assert "机关后勤服务全额拨款事业编制 | 1 | 0" in shown
    # 股级职数 17 belongs to the bureau, not to one 股: a quota of the parent unit, no post holds it yet
    assert "股级 | 17 | 0" in shown
    assert any(line.startswith("人员编制 | 行政编制 | 25 | 5 |") for line in shown)
    weather = lines(site, "departments/zhongwei-meteorology/index.html")
    assert "机构规格 | 正处级" in weather
    assert "计划财务科（正科级）" in " ".join(weather)


def test_posts_held_concurrently_and_a_shared_office(built: tuple[Path, Path]) -> None:
    _, site = built
    office = lines(site, "departments/office-a/index.html")
    assert "市政府应急管理办公室主任兼市政府办公室副主任 | 1 | 1 | 市政府应急管理办公室主任 1" in office
    # the deputy's seat held by the emergency office's director is not counted among the three
    assert "副主任 | 3 | 3 | 副主任 3" in office
    emergency = lines(site, "posts/office-a-emergency-director.html")
    assert "兼任 | 市政府办公室副主任" in emergency
    assert "主任由市政府秘书长兼任，不另计人数。" in lines(site, "departments/office-b/index.html")
    shared = " ".join(lines(site, "departments/office-b-party-office/index.html"))
    assert "合署办公" in shared and "人事科" in shared


def test_the_ladder_adds_each_level_to_the_one_below(built: tuple[Path, Path]) -> None:
    _, site = built
    top = page_text(site / "handbook" / "posts" / "distinguished-engineer.html")
    for duty in (
        "Completes clearly-defined tasks and communicates when something is blocking.",
        "Defines and executes on an execution plan for specific features or internal system maintenance/upgrade.",
        "Understands the impact their activity on company OKRs",  # as published
    ):
        assert top.count(duty) == 1, duty
    assert "Typically requires a minimum of 12 years of professional experience." in top
    assert "No previous experience required." not in top  # each level's experience replaces the one below
    assert "At Principal and beyond, you are trying to help others be the best that they can be" in top
    family = page_text(site / "handbook" / "families" / "engineering.html")
    for level in ("Engineer I", "Engineer II", "Senior Engineer", "Staff Engineer", "Principal", "Distinguished"):
        assert level in family
    assert "职位等级" not in family  # no level has a grade: no empty row


class _Matrix(HTMLParser):
    """The cells of the authority matrix: its header, then each row's cells (the item's cell repeated)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.rows: list[list[str]] = []
        self.cell: str | None = None
        self.rowspan = 1
        self.spans: dict[int, tuple[str, int]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "table" and "orgspec-matrix" in (values.get("class") or ""):
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = ""
            self.rowspan = int(values.get("rowspan") or 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            row = self.rows[-1]
            while len(row) in self.spans:  # a cell spanning from a row above
                text, left = self.spans.pop(len(row))
                row.append(text)
                if left > 1:
                    self.spans[len(row) - 1] = (text, left - 1)
            row.append(" ".join(self.cell.split()))
            if self.rowspan > 1:
                self.spans[len(row) - 1] = (row[-1], self.rowspan - 1)
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell += data


def matrix_cell(header: list[str], rows: list[list[str]], item: str, tier: str, party: str) -> str:
    """The cell of the matrix at an item, a tier and a party (a post's heading: its title and department)."""
    column = header.index(party)
    row = next(row for row in rows if row[0] == item and row[1] == tier)
    return row[column]


def test_the_authority_matrix_shows_every_table_in_signing_order(built: tuple[Path, Path]) -> None:
    _, site = built
    parser = _Matrix()
    parser.feed((site / "handbook" / "indexes" / "authorities.html").read_text(encoding="utf-8"))
    header, *rows = parser.rows
    # source 01: 货款支付 200 万以上 审核① 审核② 审核③ 核准⑥ 审批④ 审批⑤
    assert matrix_cell(header, rows, "货款支付", ">200万", "有关部门") == "①审核"
    assert matrix_cell(header, rows, "货款支付", ">200万", "总经理 总公司") == "④审批"
    assert matrix_cell(header, rows, "货款支付", ">200万", "董事长 总公司") == "⑤审批"
    assert matrix_cell(header, rows, "货款支付", ">200万", "财务总监 总公司") == "⑥核准"
    # source 02: 额外奖金 报批时 1万元以上 部门主管 财务总监 总裁 董事长
    assert matrix_cell(header, rows, "额外奖金（报批时）", ">1万", "部门主管") == "①签字"
    assert matrix_cell(header, rows, "额外奖金（报批时）", ">1万", "董事长 总公司") == "④签字"
    # source 03: Approving expense >$5M: CEO Approves, Board Approves(2), CFO Signs
    assert matrix_cell(header, rows, "Approving expense: >$5M", "", "Board") == "②Approves"
    assert matrix_cell(header, rows, "Approving expense: >$5M", "", "CFO GitLab Inc.") == "③Signs"
    chairman = page_text(site / "handbook" / "posts" / "head-office-chairman.html")
    assert "货款支付" in chairman and "额外奖金（报批时）" in chairman


def test_the_matrix_exports_the_same_cells(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "example")
    out = tmp_path / "matrix.xlsx"
    assert run_cli("export", "approvals", "--out", str(out), "-C", str(project)).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    header, *rows = [
        ["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)
    ]
    column = next(index for index, name in enumerate(header) if name.split("\n")[0] == "董事长")
    row = next(row for row in rows if row[0] == "货款支付")
    assert row[column] == "⑤审批"


def source_tables() -> dict[str, list[dict[str, str]]]:
    """The field tables of examples/README.md, one per source: each row as {column heading: cell}."""
    tables: dict[str, list[dict[str, str]]] = {}
    source = ""
    header: list[str] = []
    for line in (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            source = line[3:] if line.startswith("## Source") else ""
            header = []
        elif source and line.startswith("|"):
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if not header:
                header = [cell.lower() for cell in cells]
            elif not set(line) <= set("|- "):
                tables.setdefault(source, []).append(dict(zip(header, cells, strict=True)))
    return tables


def test_the_source_table_drops_no_field() -> None:
    tables = source_tables()
    assert len(tables) == 6, list(tables)
    for source, rows in tables.items():
        assert len(rows) >= 10, source
        for row in rows:
            where = row["where"]
            assert where and not re.search(r"\bdropped\b", where, re.IGNORECASE), (source, row)
            # a place in the example names its files; "not carried" gives its reason
            files = re.findall(r"`([\w./*-]+\.(?:ya?ml|md))`", where)
            assert files or where.startswith("not carried: "), (source, row)
            for name in files:
                assert list(EXAMPLE.glob(name)), (source, name)
