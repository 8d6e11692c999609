"""Text from the YAML never runs: not as a spreadsheet formula, not as script in the site's header."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import BASE_FILES, run_cli
from tests.sites import build

FORMULAS = {
    "title": '=HYPERLINK("http://x","y")',
    "code": "+1+2",
    "grade": "@SUM(A1)",
}
HOSTILE_POST = (
    f"title: '{FORMULAS['title']}'\n"
    f"code: '{FORMULAS['code']}'\n"
    "department: cs\n"
    f"grade: '{FORMULAS['grade']}'\n"
    "reports_to: cs-lead\n"
    "authorised: 2\n"
    "filled: 1\n"
    "duties: [回访客户]\n"
    "kpis: [{name: 回访率}]\n"
)
DEPARTMENT = BASE_FILES["departments/cs.yaml"].replace("name: 客服部", 'name: "-2+3"')
SETTINGS = BASE_FILES["orgspec.yaml"].replace("  - id: P1\n", f"  - id: P1\n  - id: '{FORMULAS['grade']}'\n")


def hostile_project(project: Callable[..., Path]) -> Path:
    return project({"roles/cs-agent.yaml": HOSTILE_POST, "departments/cs.yaml": DEPARTMENT, "orgspec.yaml": SETTINGS})


def test_csv_cells_that_start_like_a_formula_are_neutralised(project: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "posts.csv"
    result = run_cli("export", "csv", "--out", str(out), "-C", str(hostile_project(project)))
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().decode("utf-8-sig").splitlines()[2] == (
        '"\'+1+2","\'=HYPERLINK(""http://x"",""y"")","\'-2+3","\'@SUM(A1)","客服主管",2,1,1'
    )


def test_xlsx_text_cells_are_text_never_formulas(project: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "posts.xlsx"
    result = run_cli("export", "xlsx", "--out", str(out), "-C", str(hostile_project(project)))
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(out) as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    cells = sheet[3]
    assert [cell.value for cell in cells[:4]] == [FORMULAS["code"], FORMULAS["title"], "-2+3", FORMULAS["grade"]]
    assert {cell.data_type for cell in cells[:4]} == {"s"}


class _HeaderTitle(HTMLParser):
    """The visible text of the first header topic of a Material page: the site's name."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.done = False
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif not self.done and "md-header__topic" in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text += data


def header_title(page: Path) -> str:
    parser = _HeaderTitle()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.text.strip()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_organisation_name_is_shown_not_run_in_the_page_header(project: Callable[..., Path], engine: str) -> None:
    name = "示例<script>alert(1)</script>"
    root = project({"orgspec.yaml": BASE_FILES["orgspec.yaml"].replace("name: Test Co", f"name: {name}")})
    site = build(root, engine)
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        assert "<script>alert" not in page.read_text(encoding="utf-8"), page
        assert header_title(page) == name, page
