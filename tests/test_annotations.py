"""`orgspec check --format github`: every problem as an annotation on its line of a pull request."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path, PurePath

import pytest

from orgspec.core.diagnostics import Diagnostic, Position
from tests.broken_cases import CASES, Case
from tests.conftest import BASE_FILES, run_cli

MISSPELT = {
    "roles/cs-agent.yaml": BASE_FILES["roles/cs-agent.yaml"].replace("reports_to: cs-lead", "reports_to: cs-leed")
}


def test_annotations_name_the_file_line_column_and_check(project: Callable[..., Path]) -> None:
    root = project(MISSPELT)
    run = run_cli("check", "--format", "github", "-C", str(root))
    assert run.exit_code == 1
    assert run.lines[0] == (
        f"::error file={root.as_posix()}/roles/cs-agent.yaml,line=5,col=13,title=orgspec%3A unknown-reference"
        "::reports_to: 'cs-leed' is not a known post; did you mean 'cs-lead'?"
    )
    assert len(run.lines) == 1
    assert run.stderr == "1 error, 0 warnings in 1 file\n"


def test_annotation_files_are_named_from_where_the_command_runs(project: Callable[..., Path]) -> None:
    root = project(MISSPELT)
    diagnostic = Diagnostic("unknown-reference", "warning", "roles/cs-agent.yaml", Position(3, 13))
    assert "file=roles/cs-agent.yaml," in diagnostic.annotation("en")
    assert "file=handbook/roles/cs-agent.yaml," in diagnostic.annotation("en", folder=PurePath("./handbook"))
    assert run_cli("check", "--format", "github", str(root)).lines[0].startswith(f"::error file={root.as_posix()}/")


def test_messages_and_properties_are_escaped() -> None:
    diagnostic = Diagnostic("yaml-syntax", "error", "roles/a,b:c%.yaml", Position(2, 5), {"problem": "50%\r\nnext"})
    line = diagnostic.annotation("en")
    assert line.startswith("::error file=roles/a%2Cb%3Ac%25.yaml,line=2,col=5,title=orgspec%3A yaml-syntax::")
    assert "\n" not in line and "\r" not in line
    assert "50%25%0D%0Anext" in line


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_diagnostic_has_its_annotation(case: Case, project: Callable[..., Path]) -> None:
    root = project(case.files)
    text_lines = run_cli("check", str(root)).lines
    github = run_cli("check", "--format", "github", str(root))
    assert github.exit_code == case.exit_code
    assert len(github.lines) == len(text_lines)
    for annotation, text in zip(github.lines, text_lines, strict=True):
        match = re.fullmatch(
            r"::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=orgspec%3A ([a-z0-9-]+)::(.*)", annotation
        )
        assert match, annotation
        _, file, line, column, code, message = match.groups()
        unescaped = message.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        assert text.startswith(f"{file.removeprefix(root.as_posix() + '/')}:{line}:{column}: ")
        assert text.endswith(f"{unescaped} [{code}]")
