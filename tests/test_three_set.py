"""The 三定 of a department: rank, staffing by kind, leadership quotas, shown in the 三定 order."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BASE_FILES, run_cli
from tests.test_fidelity import generated
from tests.visible import word_text

BUREAU = """\
name: 档案局
code: DA
rank: 正科级
head: director
functions: [负责全区档案工作]
staffing: {行政编制: 3, 工勤编制: 1}
leadership: {局长: 1, 股长: 2}
"""

OFFICE = "name: 办公室\ncode: BG\nparent: bureau\nrank: 股级\nhead: office-chief\n"
RECORDS = "name: 档案股\ncode: DG\nparent: bureau\nhead: records-chief\n"


def post(key: str, title: str, department: str, extra: str = "") -> tuple[str, str]:
    text = f"title: {title}\ndepartment: {department}\nduties: [{title}工作]\nkpis: [{{name: 完成率}}]\n{extra}"
    return f"roles/{key}.yaml", text


@pytest.fixture
def bureau(project: Callable[..., Path]) -> Path:
    posts = dict(
        [
            post("director", "局长", "bureau", "staffing_kind: 行政编制\nleadership: 局长\n"),
            post("driver", "驾驶员", "bureau", "reports_to: director\nstaffing_kind: 工勤编制\n"),
            post(
                "office-chief",
                "办公室主任",
                "office",
                "reports_to: director\nstaffing_kind: 行政编制\nleadership: 股长\n",
            ),
            post(
                "records-chief",
                "档案股股长",
                "records",
                "reports_to: director\nstaffing_kind: 行政编制\nleadership: 股长\n",
            ),
        ]
    )
    return project(
        {
            "orgspec.yaml": BASE_FILES["orgspec.yaml"].replace("locale: en\n", ""),
            "departments/bureau.yaml": BUREAU,
            "departments/office.yaml": OFFICE,
            "departments/records.yaml": RECORDS,
            **posts,
        }
    )


def test_a_quota_of_the_parent_unit_covers_its_internal_units(bureau: Path) -> None:
    result = run_cli("check", "--strict", str(bureau))
    assert result.exit_code == 0, result.stdout
    deputy = dict([post("deputy", "副股长", "records", "reports_to: records-chief\nleadership: 股长\n")])
    (bureau / "roles" / "deputy.yaml").write_text(deputy["roles/deputy.yaml"], encoding="utf-8")
    result = run_cli("check", str(bureau))
    assert "departments/bureau.yaml:7:21: 错误: 领导职数：股长 2 名，但有 3 个岗位编制担任股长" in result.stdout


def test_the_department_page_follows_the_three_set_order(bureau: Path) -> None:
    page = generated(bureau, "departments/bureau/index.md")
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings[:3] == ["## 主要职责", "## 内设机构", "## 人员编制和领导职数"]
    assert '<tr><th>机构规格</th><td colspan="3">正科级</td></tr>' in page
    assert '<a href="../office/index.html">办公室（股级）</a>' in page
    assert (
        '<tr><th rowspan="3">人员编制</th><td>行政编制</td><td>3</td><td>3</td><td>局长 1、办公室主任 1、档案股股长 1</td></tr>'
        in page
    )
    assert '<tr><th rowspan="2">领导职数</th><td>局长</td><td>1</td><td>1</td><td>局长 1</td></tr>' in page
    assert "<tr><td>股长</td><td>2</td><td>2</td><td>办公室主任 1、档案股股长 1</td></tr>" in page


def test_the_department_document_follows_it_too(bureau: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("export", "docx", "--department", "bureau", "--out", str(out), "-C", str(bureau)).exit_code == 0
    text = word_text(out / "booklet-bureau.docx")
    assert (
        text.index("[Heading 1] 主要职责")
        < text.index("[Heading 1] 内设机构")
        < text.index("[Heading 1] 人员编制和领导职数")
    )
    assert "办公室（股级）、档案股" in text
    assert (
        " | 类别 / 职务 | 核定 | 岗位合计 | 岗位\n人员编制 | 行政编制 | 3 | 3 | 局长 1、办公室主任 1、档案股股长 1"
        in text
    )
    assert "编制类别 | 行政编制 | 领导职务 | 局长" in text


def test_a_department_without_them_keeps_its_layout(bureau: Path) -> None:
    page = generated(bureau, "departments/cs/index.md")
    assert "## 部门职责" not in page and "人员编制和领导职数" not in page and "机构规格" not in page


def test_the_department_pdf_follows_it_too(bureau: Path, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    assert run_cli("export", "pdf", "--department", "bureau", "--out", str(out), "-C", str(bureau)).exit_code == 0
    (path,) = out.glob("*.pdf")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    shown = text.stdout
    assert (
        shown.index("主要职责") < shown.index("内设机构") < shown.index("人员编制和领导职数") < shown.index("岗位设置")
    )
    assert "机构规格" in shown and "正科级" in shown and "工勤编制" in shown
