"""Posts that share a title are told apart in the navigation: by their number, their superior, or their place."""

from __future__ import annotations

from pathlib import Path

from orgspec.check.pipeline import check_project
from orgspec.render.navigation import told_apart
from tests.conftest import write_files

SETTINGS = "name: 工厂\nlocale: zh-CN\n"
DEPARTMENT = "name: 生产部\n"


def post(title: str, *, reports_to: str | None = None, code: str | None = None) -> str:
    lines = [f"title: {title}", "department: production", "purpose: 组织生产。", "duties: [按计划组织生产。]"]
    lines += [f"reports_to: {reports_to}"] * (reports_to is not None) + [f"code: {code}"] * (code is not None)
    return "\n".join(lines) + "\n"


def names(tmp_path: Path, posts: dict[str, str]) -> dict[str, str]:
    files = {"orgspec.yaml": SETTINGS, "departments/production.yaml": DEPARTMENT}
    write_files(tmp_path, files | {f"roles/{key}.yaml": text for key, text in posts.items()})
    organisation = check_project(tmp_path).organisation
    return told_apart(organisation, organisation.department_posts["production"])


def test_a_title_of_its_own_stays_as_it_is(tmp_path: Path) -> None:
    assert names(tmp_path, {"manager": post("生产经理")}) == {"manager": "生产经理"}


def test_shared_titles_take_their_post_numbers(tmp_path: Path) -> None:
    found = names(
        tmp_path,
        {
            "manager": post("生产经理"),
            "lead-a": post("生产计划班长", reports_to="manager", code="SC-001"),
            "lead-b": post("生产计划班长", reports_to="manager", code="SC-002"),
        },
    )
    assert found == {"manager": "生产经理", "lead-a": "生产计划班长（SC-001）", "lead-b": "生产计划班长（SC-002）"}


def test_without_numbers_their_superiors_then_their_places(tmp_path: Path) -> None:
    found = names(
        tmp_path,
        {
            "manager": post("生产经理"),
            "day": post("值班长", reports_to="manager"),
            "night": post("值班长", reports_to="manager"),
            "quality": post("质量经理"),
            "inspector": post("检验员", reports_to="manager"),
            "inspector-2": post("检验员", reports_to="quality"),
        },
    )
    assert (found["day"], found["night"]) == ("值班长（1）", "值班长（2）")  # one superior: their places
    assert (found["inspector"], found["inspector-2"]) == ("检验员（生产经理）", "检验员（质量经理）")
