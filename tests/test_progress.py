"""Long work shows its progress and writes each file as it is done; -q, -v and NO_COLOR."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgspec.cli import main
from tests.conftest import BASE_FILES, REPO, run_cli
from tests.sites import copy_example


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("progress-example"))


def test_export_writes_each_job_sheet_as_it_is_done(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "sheets"
    command = [sys.executable, "-m", "orgspec", "-v", "export", "pdf", "--all", "--out", str(out), "-C", str(example)]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    with (
        (tmp_path / "stderr.txt").open("w+", encoding="utf-8") as stderr,
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True, env=environment) as process,
    ):
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith(f"wrote {out}/"), first
        assert Path(first.removeprefix("wrote ").strip()).is_file()
        assert process.poll() is None, "the first file must be on disk while the others are still being made"
        rest = process.stdout.read().splitlines()
        assert process.wait() == 0
        stderr.seek(0)
        progress = stderr.read().splitlines()
    assert len([first, *rest]) == 26
    assert progress[0].startswith("pdf documents: 1/26 ")
    assert progress[25].startswith("pdf documents: 26/26 ")
    assert progress[-1] == "26 written, 0 unchanged"


def test_quiet_prints_nothing_but_writes(example: Path, tmp_path: Path) -> None:
    run = run_cli("-q", "export", "docx", "--all", "--out", str(tmp_path), "-C", str(example))
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")
    assert len(list(tmp_path.glob("*.docx"))) == 26


def test_verbose_shows_the_word_copies_of_a_generate(project: Callable[..., Path]) -> None:
    root = project({"orgspec.yaml": BASE_FILES["orgspec.yaml"] + "downloads: [docx]\n"})
    run = run_cli("-v", "generate", str(root))
    assert run.exit_code == 0, run.stderr
    assert run.stderr.splitlines()[:3] == [
        "Word copies: 1/3 cs-agent",
        "Word copies: 2/3 cs-lead",
        "Word copies: 3/3 departments/cs",
    ]
    assert run.stderr.splitlines()[-2:] == [
        "pages: 1/1 handbook/indexes/completeness.md",
        f"{root}/docs/handbook: 16 written, 0 unchanged, 0 removed",
    ]


def test_without_a_terminal_or_verbose_there_is_no_progress(project: Callable[..., Path]) -> None:
    root = project({"orgspec.yaml": BASE_FILES["orgspec.yaml"] + "downloads: [docx]\n"})
    run = run_cli("generate", str(root))
    assert "Word copies" not in run.stderr


def test_quiet_and_verbose_together_are_refused() -> None:
    run = run_cli("-q", "-v", "check")
    assert run.exit_code == 2
    assert "-q/--quiet and -v/--verbose" in run.stderr


@pytest.mark.parametrize(("no_color", "coloured"), [("", True), ("1", False)])
def test_no_color_turns_colour_off(project: Callable[..., Path], no_color: str, coloured: bool) -> None:
    root = project(
        {"roles/cs-agent.yaml": BASE_FILES["roles/cs-agent.yaml"].replace("reports_to: cs-lead", "reports_to: x")}
    )
    result = CliRunner().invoke(main, ["check", str(root)], color=True, env={"NO_COLOR": no_color})
    assert result.exit_code == 1
    assert ("\x1b[" in result.stdout) is coloured
    assert "reports_to: 'x' is not a known post" in result.stdout
