"""Goldens of what a person reads: the visible text of built pages (both engines) and of a Word job sheet.

Regenerate with ``make golden`` (``pytest tests/test_goldens.py --update-golden``) and review the diff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.sites import build, copy_example
from tests.visible import page_text, word_text

PAGES = {
    "post-customer-director": "handbook/posts/customer-director.html",
    "post-sales-manager-south": "handbook/posts/sales-manager-south.html",
    "department-customer-service": "handbook/departments/customer-service/index.html",
}
"""Two post pages (grouped duties and KPIs; authorities with limits, routines, relations, revisions)
and a department page (grouped functions, its chart, the post table)."""


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    engine: str = request.param
    return engine, build(copy_example(tmp_path_factory.mktemp(f"golden-{engine}")), engine)


@pytest.mark.parametrize("page", PAGES)
def test_page_text(site: tuple[str, Path], page: str, golden: Callable[[str, str], None]) -> None:
    engine, folder = site
    golden(f"pages/{page}.{engine}.txt", page_text(folder / PAGES[page]))


@pytest.mark.parametrize("post", ["customer-director", "sales-manager-south"])
def test_word_sheet_text(post: str, tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    example = copy_example(tmp_path / "example")
    result = run_cli("export", "docx", post, "--out", str(tmp_path / "out"), "-C", str(example))
    assert result.exit_code == 0, result.stderr
    golden(f"sheets/{post}.txt", word_text(tmp_path / "out" / f"{post}.docx"))
