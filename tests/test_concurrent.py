"""Posts held concurrently (兼任): both posts say so, and head counts count the person once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from orgspec.analysis.metrics import department_metrics
from orgspec.check.pipeline import check_project
from tests.conftest import BASE_FILES, run_cli
from tests.test_fidelity import exported_word, generated

SECTION_CHIEF = """\
title: 机要科科长
code: T-CS-03
department: cs
reports_to: cs-lead
duties: [管理机要文件]
kpis: [{name: 差错率}]
"""


@pytest.fixture
def concurrent(project: Callable[..., Path]) -> Path:
    lead = BASE_FILES["roles/cs-lead.yaml"] + "also_holds: section-chief\n"
    return project({"roles/cs-lead.yaml": lead, "roles/section-chief.yaml": SECTION_CHIEF})


def test_the_person_is_counted_once(concurrent: Path) -> None:
    result = check_project(concurrent)
    assert result.diagnostics == []  # the department's 编制 of 3 still adds up
    organisation = result.organisation
    assert organisation.headcount("cs").authorised == 3
    assert organisation.total_headcount().filled == 2
    assert department_metrics(organisation, "cs", with_sub_departments=True).headcount.authorised == 3
    compared = json.loads(run_cli("compare", "--format", "json", "-C", str(concurrent)).stdout)
    assert compared["departments"][0]["authorised"] == 3


def test_a_vacancy_is_counted_once(concurrent: Path) -> None:
    lead = concurrent / "roles" / "cs-lead.yaml"
    lead.write_text(lead.read_text(encoding="utf-8") + "filled: 0\n", encoding="utf-8")
    organisation = check_project(concurrent).organisation
    assert organisation.headcount("cs").vacant == 2  # the lead's seat and the agent's, not the section chief's


def test_both_pages_and_sheets_say_who_holds_what(concurrent: Path) -> None:
    lead = generated(concurrent, "posts/cs-lead.md")
    assert '<tr><th>Also holds</th><td colspan="3"><a href="section-chief.html">机要科科长</a></td></tr>' in lead
    chief = generated(concurrent, "posts/section-chief.md")
    assert '<tr><th>Held concurrently by</th><td colspan="3"><a href="cs-lead.html">客服主管</a></td></tr>' in chief
    department = generated(concurrent, "departments/cs/index.md")
    assert "机要科科长 is held by the holder of 客服主管 and not counted again." in department
    assert "Also holds | 机要科科长" in exported_word(concurrent, "cs-lead")
    assert "Held concurrently by | 客服主管" in exported_word(concurrent, "section-chief")


def test_the_chart_shows_it(concurrent: Path) -> None:
    svg = generated(concurrent, "departments/cs/index.md")
    assert ">Also holds 机要科科长</text>" in svg and ">Held by 客服主管</text>" in svg


def test_the_register_names_both(concurrent: Path, tmp_path: Path) -> None:
    out = tmp_path / "posts.csv"
    assert run_cli("export", "csv", "--out", str(out), "-C", str(concurrent)).exit_code == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].endswith('"Also holds","Held concurrently by"')
    assert lines[1].endswith('"机要科科长",""') and lines[3].endswith('"","客服主管"')


def test_departments_sharing_an_office(project: Callable[..., Path]) -> None:
    sales = "name: 销售部\ncode: SA\nshares_office_with: [cs]\n"
    root = project({"departments/sales.yaml": sales})
    assert '<tr><th>Shares its office with</th><td colspan="3"><a href="../sales/index.html">销售部</a></td></tr>' in (
        generated(root, "departments/cs/index.md")
    )
    assert ">Shares its office with 客服部</text>" in generated(root, "index.md")
