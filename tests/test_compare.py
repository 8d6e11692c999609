"""`orgspec compare` and the department comparison page (部门对比)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from orgspec.check.pipeline import check_project
from orgspec.render.compare_page import compare_page
from orgspec.render.handbook import handbook
from orgspec.render.navigation import handbook_nav
from orgspec.render.pages import render_pages
from tests.conftest import REPO, run_cli

Golden = Callable[[str, str], None]


@pytest.mark.parametrize(
    ("output_format", "suffix"), [("text", "txt"), ("markdown", "md"), ("json", "json"), ("csv", "csv")]
)
def test_example(output_format: str, suffix: str, golden: Golden) -> None:
    run = run_cli("compare", "--format", output_format, "-C", str(REPO))
    assert (run.exit_code, run.stderr) == (0, "")
    golden(f"compare/example.{suffix}", run.stdout)


def test_example_own_posts_only() -> None:
    run = run_cli("compare", "--own", "--format", "json", "-C", str(REPO), "marketing-centre", "member-service")
    document = json.loads(run.stdout)
    assert document["scope"] == "own"
    marketing, member_service = document["departments"]
    # the marketing director alone; its four reports head the sub-departments
    assert (marketing["posts"], marketing["managers"], marketing["span_max"], marketing["layers"]) == (1, 1, 4, 1)
    assert (member_service["posts"], member_service["authorised"], member_service["vacant"]) == (2, 4, 1)
    assert document["organisation"]["posts"] == 26


def test_chosen_departments_in_the_order_given(project: Callable[..., Path]) -> None:
    root = project({"departments/hr.yaml": "name: HR\n"})
    run = run_cli("compare", "-C", str(root), "hr", "cs")
    # cs: a lead and an agent post (2 authorised, 1 filled) reporting to it; 3 duties, one a clause
    assert run.lines == [
        "Department comparison",
        "Scope: With sub-departments",
        "",
        "Metric                            HR  客服部  Test Co",
        "--------------------------------  --  ------  -------",
        "Posts                              0       2        2",
        "Authorised head count              0       3        3",
        "Filled                             0       2        2",
        "Vacant                             0       1        1",
        "Managers                           0       1        1",
        "Individual contributors            0       1        1",
        "Layers                             0       2        2",
        "Mean span of control               –     1.0      1.0",
        "Largest span of control            0       1        1",
        "Posts with a span over 10          0       0        0",
        "Duties                             0       3        3",
        "KPIs                               0       2        2",
        "Authorities                        0       0        0",
        "Posts without KPIs                 0       0        0",
        "Duties repeated in several posts   0       0        0",
        "Standard clauses shared by posts   0       0        0",
    ]


def test_unknown_department_is_a_usage_error() -> None:
    run = run_cli("compare", "-C", str(REPO), "member-servise")
    assert run.exit_code == 2
    assert "'member-servise' is not a known department; did you mean 'member-service'?" in run.stderr


def test_an_organisation_with_errors_is_not_compared(project: Callable[..., Path]) -> None:
    root = project({"roles/cs-agent.yaml": "title: 客服专员\ndepartment: cs\nreports_to: nobody\n"})
    run = run_cli("compare", "-C", str(root))
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "roles/cs-agent.yaml:3:13: error: reports_to: 'nobody' is not a known post" in run.stderr


def test_page(golden: Golden) -> None:
    book = handbook(check_project(REPO).organisation)
    golden("compare/page.md", compare_page(book))


def test_page_is_in_the_handbook_and_its_navigation() -> None:
    organisation = check_project(REPO).organisation
    book = handbook(organisation)
    page = book.layout.index("compare")
    assert render_pages(book)[page] == compare_page(book)
    indexes = handbook_nav(organisation, book.layout)[-1]
    assert isinstance(indexes, dict)
    assert {"部门对比": page} in indexes["索引"]
