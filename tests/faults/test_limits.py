"""Values the files formats cannot carry are refused by the model, with the place and the range."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BASE_FILES, run_cli

AGENT = BASE_FILES["roles/cs-agent.yaml"]


def revision(date: str) -> str:
    return AGENT + f"revisions:\n  - version: '1.0'\n    date: {date}\n    change: 初版\n"


LATE = (
    "roles/cs-agent.yaml:14:11: error: revisions[0].date: 2108-01-01 is not valid:"
    " a date from 1900-01-01 to 2107-12-31 is expected (the dates inside Word and Excel files end in 2107)"
    " [invalid-value]"
)


@pytest.mark.parametrize(
    "command", [["check"], ["export", "docx", "--all", "--out", "sheets"], ["export", "xlsx", "--out", "posts.xlsx"]]
)
def test_a_date_after_2107_is_refused_before_anything_is_written(
    project: Callable[..., Path], command: list[str]
) -> None:
    root = project({"roles/cs-agent.yaml": revision("2108-01-01")})
    args = [str(root / arg) if arg in ("sheets", "posts.xlsx") else arg for arg in command]
    result = run_cli(*args, *(["-C", str(root)] if command[0] == "export" else [str(root)]))
    assert result.exit_code == 1
    assert LATE in (result.stdout + result.stderr).splitlines()
    assert not (root / "sheets").exists() and not (root / "posts.xlsx").exists()


def test_the_last_day_of_2107_is_a_valid_date(project: Callable[..., Path], tmp_path: Path) -> None:
    root = project({"roles/cs-agent.yaml": revision("2107-12-31")})
    assert run_cli("export", "docx", "cs-agent", "--out", str(tmp_path / "sheets"), "-C", str(root)).exit_code == 0


def duties(count: int) -> str:
    return "".join(f"  - 职责 {number}\n" for number in range(count))


def test_a_list_of_more_than_500_entries_is_refused(project: Callable[..., Path]) -> None:
    root = project({"roles/cs-agent.yaml": AGENT.replace("duties:\n  - 回访客户\n", "duties:\n" + duties(100_000))})
    result = run_cli("check", str(root))
    assert result.exit_code == 1
    assert result.lines == [
        "roles/cs-agent.yaml:9:3: error: duties: […] is not valid: at most 500 entries are allowed"
        " and there are 100000: shorten the list or merge entries [invalid-value]"
    ]


def test_the_items_of_duty_groups_count_towards_the_limit(project: Callable[..., Path]) -> None:
    groups = "".join(
        f"  - group: 第 {number} 组\n    items:\n" + duties(300).replace("  -", "      -") for number in (1, 2)
    )
    root = project({"roles/cs-agent.yaml": AGENT.replace("duties:\n  - 回访客户\n", "duties:\n" + groups)})
    result = run_cli("check", str(root))
    assert result.exit_code == 1
    assert "there are 600" in result.stdout


def test_500_entries_are_allowed(project: Callable[..., Path]) -> None:
    root = project({"roles/cs-agent.yaml": AGENT.replace("duties:\n  - 回访客户\n", "duties:\n" + duties(500))})
    assert run_cli("check", str(root)).exit_code == 0
