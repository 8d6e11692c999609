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
