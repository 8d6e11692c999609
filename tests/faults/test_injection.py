"""Text from the YAML never runs: not as a spreadsheet formula, not as script in the site's header."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.conftest import BASE_FILES, run_cli

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
