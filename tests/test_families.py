"""Job families: each level adds to the one below; the family's page shows what each adds."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BASE_FILES, run_cli
from tests.test_fidelity import exported_word, generated

FAMILY = """\
families:
  support:
    name: 客服序列
    name_en: Support family
    levels: [cs-agent, cs-senior, cs-lead]
"""

SENIOR = """\
title: 高级客服专员
code: T-CS-03
department: cs
grade: P1
reports_to: cs-lead
authorised: 0
filled: 0
duties:
  - 处理投诉
  - group: 质量
    items: [复核工单]
responsibilities: [对投诉结果负责]
kpis:
  - {name: 满意度, target: ≥ 90}
qualifications:
  experience: 两年客服经验
"""

LEAD = """\
title: 客服主管
code: T-CS-01
department: cs
grade: M1
duties:
  - 管理团队
  - group: 质量
    items: [抽查录音, 复核工单]
  - clause: obey-rules
kpis:
  - {name: 满意度, target: ≥ 95}
qualifications:
  preferred: 有团队管理经验
"""


@pytest.fixture
def family(project: Callable[..., Path]) -> Path:
    agent = BASE_FILES["roles/cs-agent.yaml"] + "qualifications:\n  education: 大专\n"
    return project(
        {
            "orgspec.yaml": BASE_FILES["orgspec.yaml"] + FAMILY,
            "roles/cs-agent.yaml": agent,
            "roles/cs-senior.yaml": SENIOR,
            "roles/cs-lead.yaml": LEAD,
        }
    )


def section(page: str, heading: str) -> str:
    return page.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_the_top_level_has_the_duties_of_every_level_once(family: Path) -> None:
    assert run_cli("check", str(family)).exit_code == 0  # a warning: the lead writes out 复核工单 again
    duties = section(generated(family, "posts/cs-lead.md"), "Duties")
    for duty in ("回访客户", "处理投诉", "复核工单", "抽查录音", "管理团队", "遵守公司各项规章制度"):
        assert len(re.findall(rf"\d+\. {duty}\n", duties)) == 1, duty
    assert duties.count("### 质量") == 1  # a group of an inherited heading goes on under it


def test_a_kpi_of_an_inherited_name_takes_its_place(family: Path) -> None:
    kpis = section(generated(family, "posts/cs-lead.md"), "Key performance indicators")
    assert ">回访率</td>" in kpis and ">≥ 95</td>" in kpis
    assert "≥ 90" not in kpis


def test_a_level_may_replace_a_field(family: Path) -> None:
    lead = family / "roles" / "cs-lead.yaml"
    lead.write_text(lead.read_text(encoding="utf-8") + "replaces: [kpis]\n", encoding="utf-8")
    kpis = section(generated(family, "posts/cs-lead.md"), "Key performance indicators")
    assert "回访率" not in kpis
    page = generated(family, "families/support.md")
    assert "(replaces what the levels below say)" in page


def test_the_family_page_shows_what_each_level_adds(family: Path) -> None:
    page = generated(family, "families/support.md")
    rows = {row.split("</th>")[0].removeprefix("<tr><th>"): row for row in page.splitlines() if row.startswith("<tr>")}
    cells = [cell.split("</td>")[0] for cell in rows["Duties"].split("<td>")[1:]]
    assert cells == [
        "<ul><li>回访客户</li></ul>",
        "<ul><li>处理投诉</li><li>质量: 复核工单</li></ul>",
        "<ul><li>质量: 抽查录音</li><li>管理团队</li><li>遵守公司各项规章制度</li></ul>",
    ]
    kpis = [cell.split("</td>")[0] for cell in rows["Key performance indicators"].split("<td>")[1:]]
    assert kpis == ["<ul><li>回访率</li></ul>", "<ul><li>满意度 (≥ 90)</li></ul>", "<ul><li>满意度 (≥ 95)</li></ul>"]
    assert "<li>Preferred: 有团队管理经验</li>" in rows["Qualifications"]
    assert "Grade" in rows  # its levels have grades
    nav = (family / ".orgspec-mkdocs.yml").read_text(encoding="utf-8")
    assert "Job families:" in nav and "handbook/families/support.md" in nav


def test_the_post_names_its_family_and_level(family: Path) -> None:
    page = generated(family, "posts/cs-senior.md")
    assert '<a href="../families/support.html">Support family (level 2 of 3)</a>' in page
    word = exported_word(family, "cs-lead")
    assert "Job family | Support family (level 3 of 3)" in word
    assert "Education | 大专\nExperience | 两年客服经验\nPreferred | 有团队管理经验" in word


def test_a_post_based_on_a_level_shares_all_the_level_holds(family: Path) -> None:
    copy = (
        "title: 客服主管（夜班）\ncode: T-CS-04\ndepartment: cs\nbased_on: cs-lead\nreports_to: null\nauthorised: 0\n"
    )
    (family / "roles" / "cs-night-lead.yaml").write_text(copy, encoding="utf-8")
    duties = section(generated(family, "posts/cs-night-lead.md"), "Duties")
    assert "1. 管理团队" in duties and "1. 回访客户" in duties
    assert "Job family" not in generated(family, "posts/cs-night-lead.md")  # a copy is no level of the family
