"""Build copies of a project with the real site builders, once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO, run_cli

PROJECT_FILES = ("orgspec.yaml", "clauses.yaml", "approvals.yaml", "mkdocs.yml")
PROJECT_FOLDERS = ("departments", "roles")


def copy_example(target: Path) -> Path:
    """A copy of the example project (sources only: nothing generated) in ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, target / name)
    for name in PROJECT_FOLDERS:
        shutil.copytree(REPO / name, target / name)
    shutil.copytree(REPO / "docs", target / "docs", ignore=shutil.ignore_patterns("handbook"))
    return target


def build(project: Path, engine: str, *extra: str, strict: bool = True) -> Path:
    """Build ``project`` with ``engine`` (strictly unless told); the built site folder."""
    result = run_cli("build", *(["--strict"] if strict else []), "--engine", engine, *extra, str(project))
    assert result.exit_code == 0, result.stderr
    if strict:
        assert "WARNING" not in result.stderr and "Warning:" not in result.stderr, result.stderr
    return project / "site"
