"""Standard clauses are written once: changing one changes every post that uses it, and no other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from pydantic import BaseModel

from orgspec.check.pipeline import check_project
from tests.conftest import run_cli
from tests.sites import copy_example

CLAUSE = "other-tasks"
OLD = "完成上级交办的其他工作。"
NEW = "完成上级临时交办的其他工作任务"
"""Chinese only, so the page shows it as written (ASCII punctuation is written as character references)."""


def names_clause(value: Any, clause: str) -> bool:
    """Whether a model refers to ``clause`` anywhere (duties, groups, authorities …)."""
    if isinstance(value, BaseModel):
        if getattr(value, "clause", None) == clause:
            return True
        return any(names_clause(getattr(value, name), clause) for name in type(value).model_fields)
    if isinstance(value, list):
        return any(names_clause(item, clause) for item in value)
    return False


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with one clause reworded, generated and exported to Word."""
    project = copy_example(tmp_path_factory.mktemp("clauses"))
    clauses = project / "clauses.yaml"
    text = clauses.read_text(encoding="utf-8")
    assert f"{CLAUSE}: {OLD}" in text
    clauses.write_text(text.replace(f"{CLAUSE}: {OLD}", f"{CLAUSE}: {NEW}"), encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    assert run_cli("export", "docx", "--all", "--out", str(project / "word"), "-C", str(project)).exit_code == 0
    return project


@pytest.fixture(scope="module")
def users(changed: Path) -> set[str]:
    """The posts that use the clause, their based_on posts resolved."""
    posts = check_project(changed).organisation.posts
    found = {key for key, post in posts.items() if names_clause(post, CLAUSE)}
    assert len(found) >= 2, "the example should use the clause in several posts"
    assert len(found) < len(posts)
    return found


def test_the_change_shows_on_every_page_that_uses_the_clause(changed: Path, users: set[str]) -> None:
    pages = changed / "docs" / "handbook" / "posts"
    showing = {path.stem for path in pages.glob("*.md") if NEW in path.read_text(encoding="utf-8")}
    assert showing == users


def test_the_change_shows_in_every_word_copy_that_uses_the_clause(changed: Path, users: set[str]) -> None:
    showing = {path.stem for path in (changed / "word").glob("*.docx") if NEW in docx_text(path)}
    assert showing == users


def test_the_downloads_of_the_handbook_follow_too(changed: Path, users: set[str]) -> None:
    downloads = changed / "docs" / "handbook" / "downloads"
    showing = {path.stem for path in downloads.glob("*.docx") if NEW in docx_text(path)}
    assert showing == users


def test_the_old_wording_is_gone_from_the_posts_that_used_it(changed: Path, users: set[str]) -> None:
    for key in users:
        assert OLD not in docx_text(changed / "word" / f"{key}.docx"), key
