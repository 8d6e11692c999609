"""An unchanged generate skips loading, checking and rendering (and says the same warnings again); any change
brings the whole run back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from orgspec.core.diagnostics import Diagnostic, Findings, Position
from orgspec.i18n import Term
from orgspec.site import findings
from orgspec.site.stamp import STAMP
from tests.conftest import run_cli
from tests.sites import copy_example

SKIPPED = "(nothing changed)"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_example(tmp_path)
    first = run_cli("generate", str(root))
    assert first.exit_code == 0, first.stderr
    assert SKIPPED not in first.stderr and (root / STAMP).is_file()
    return root


def generate(project: Path, *args: str) -> str:
    result = run_cli("generate", str(project), *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stderr


def test_an_unchanged_project_is_not_generated_again(project: Path) -> None:
    pages = sum(1 for path in (project / "docs" / "handbook").rglob("*") if path.is_file()) - 1  # the marker
    assert f"0 written, {pages} unchanged, 0 removed {SKIPPED}" in generate(project)


def test_without_the_stamp_the_whole_run_also_writes_nothing(project: Path) -> None:
    (project / STAMP).unlink()
    output = generate(project)
    assert "0 written" in output and SKIPPED not in output
    assert SKIPPED in generate(project)


def test_a_changed_source_file_is_generated(project: Path) -> None:
    post = project / "roles" / "driver.yaml"
    post.write_text(post.read_text(encoding="utf-8").replace("title: 司机", "title: 专职司机"), encoding="utf-8")
    output = generate(project)
    assert SKIPPED not in output and " 0 written" not in output
    assert "专职司机" in (project / "docs" / "handbook" / "posts" / "driver.md").read_text(encoding="utf-8")


def test_a_page_changed_or_removed_by_hand_is_repaired(project: Path) -> None:
    page = project / "docs" / "handbook" / "posts" / "driver.md"
    original = page.read_bytes()
    page.write_text("edited by hand\n", encoding="utf-8")
    assert "1 written" in generate(project)
    assert page.read_bytes() == original
    page.unlink()
    assert "1 written" in generate(project)
    assert page.read_bytes() == original


def test_another_edition_or_folder_is_generated(project: Path, tmp_path: Path) -> None:
    assert SKIPPED not in generate(project, "--edition", "public")
    assert SKIPPED in generate(project, "--edition", "public")
    assert SKIPPED not in generate(project)
    assert SKIPPED not in generate(project, "--out", str(tmp_path / "elsewhere"))


def test_a_new_hand_written_page_changes_the_navigation(project: Path) -> None:
    (project / "docs" / "welcome.md").write_text("# Welcome\n", encoding="utf-8")
    assert SKIPPED not in generate(project)
    assert "welcome.md" in (project / ".orgspec-mkdocs.yml").read_text(encoding="utf-8")


def _warn_of_posts_without_kpis(project: Path) -> None:
    settings = project / "orgspec.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("post-without-kpis: ignore", "post-without-kpis: warning"),
        encoding="utf-8",
    )


def test_warnings_are_printed_again_by_an_unchanged_run(project: Path) -> None:
    _warn_of_posts_without_kpis(project)
    first = run_cli("generate", str(project))
    again = run_cli("generate", str(project))
    assert first.exit_code == again.exit_code == 0
    assert SKIPPED not in first.stderr and SKIPPED in again.stderr
    warnings = [line for line in first.stderr.splitlines() if "[post-without-kpis]" in line]
    assert warnings and warnings == [line for line in again.stderr.splitlines() if "[post-without-kpis]" in line]


def test_an_unchanged_run_with_warnings_fails_under_strict(project: Path) -> None:
    _warn_of_posts_without_kpis(project)
    assert run_cli("generate", str(project)).exit_code == 0
    strict = run_cli("build", "--strict", str(project))
    assert strict.exit_code == 1
    assert "[post-without-kpis]" in strict.stderr and "site built" not in strict.stderr


def test_findings_that_json_cannot_carry_are_not_kept(tmp_path: Path) -> None:
    odd = Diagnostic("post-without-kpis", "warning", "roles/a.yaml", Position(1, 1), {"when": (1, 2)})
    assert not findings.keep(tmp_path, "digest", Findings([odd], "zh-CN"))
    assert findings.recall(tmp_path, "digest") is None


def test_findings_are_read_back_as_they_were(tmp_path: Path) -> None:
    said = Diagnostic("unknown-reference", "warning", "roles/a.yaml", Position(3, 5), {"kind": Term("kind.post")})
    kept = Findings([said, replace(said, args={"names": ["甲", "乙"], "count": 2})], "en")
    assert findings.keep(tmp_path, "digest", kept)
    assert findings.recall(tmp_path, "digest") == kept
    assert findings.recall(tmp_path, "another digest") is None
