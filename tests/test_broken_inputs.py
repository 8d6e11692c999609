"""Every broken input is reported with its file, line, column, message and exit code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.broken_cases import CASES, Case
from tests.conftest import run_cli


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_broken_input(case: Case, project: Callable[..., Path], golden: Callable[[str, str], None]) -> None:
    result = run_cli("check", str(project(case.files)))
    assert result.exit_code == case.exit_code
    assert result.lines, "a broken input must be reported"
    golden(f"broken/{case.name}.txt", "\n".join(result.lines) + "\n")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_broken_input_as_json(case: Case, project: Callable[..., Path]) -> None:
    text_run = run_cli("check", str(project(case.files)))
    json_run = run_cli("check", "--format", "json", str(project(case.files)))
    document = json.loads(json_run.stdout)
    assert json_run.exit_code == case.exit_code
    shown = [
        f"{item['file']}:{item['line']}:{item['column']}: {item['severity']}: {item['message']} [{item['code']}]"
        for item in document["diagnostics"]
    ]
    assert shown == [
        line.replace(": 错误: ", ": error: ").replace(": 警告: ", ": warning: ") for line in text_run.lines
    ]
