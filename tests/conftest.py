"""Shared fixtures: a small valid project written into a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgspec.cli import main

os.environ["NO_MKDOCS_2_WARNING"] = "1"  # Material's end-of-life notice: one test sees it, the rest build quietly

REPO = Path(__file__).resolve().parent.parent

BASE_FILES: dict[str, str] = {
    "orgspec.yaml": """\
name: Test Co
locale: en
grades:
  - id: M1
  - id: P1
code_pattern: T-{department}-{seq:2}
""",
    "clauses.yaml": """\
obey-rules: 遵守公司各项规章制度
""",
    "departments/cs.yaml": """\
name: 客服部
code: CS
head: cs-lead
authorised: 3
""",
    "roles/cs-lead.yaml": """\
title: 客服主管
code: T-CS-01
department: cs
grade: M1
duties:
  - 受理来电
  - clause: obey-rules
kpis:
  - name: 满意度
""",
    "roles/cs-agent.yaml": """\
title: 客服专员
code: T-CS-02
department: cs
grade: P1
reports_to: cs-lead
authorised: 2
filled: 1
duties:
  - 回访客户
kpis:
  - name: 回访率
""",
}
"""A valid project: one department, a lead and two agents (one vacancy)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from the current output.")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/<name>, or rewrite it under --update-golden."""

    def compare(name: str, actual: str) -> None:
        path = REPO / "tests" / "golden" / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert path.is_file(), f"no golden file {name}: run pytest --update-golden and review it"
        assert actual == path.read_text(encoding="utf-8")

    return compare


@dataclass
class Run:
    """What one CLI run printed and returned."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def run_cli(*args: str) -> Run:
    """Run the orgspec CLI in-process; an uncaught exception fails the test."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Write the base project with some files replaced (or removed with None)."""

    def make(changes: dict[str, str | bytes | None] | None = None) -> Path:
        files: dict[str, str | bytes] = dict(BASE_FILES)
        for name, content in (changes or {}).items():
            if content is None:
                files.pop(name, None)
            else:
                files[name] = content
        write_files(tmp_path, files)
        return tmp_path

    return make
