"""Goldens of what a person reads: the visible text of built pages (both engines) and of a Word job sheet.

Regenerate with ``make golden`` (``pytest tests/test_goldens.py --update-golden``) and review the diff.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.sites import build, copy_example
from tests.visible import page_text, text_nodes, word_text

PAGES = {
    "post-customer-director": "handbook/posts/customer-director.html",
    "post-sales-manager-south": "handbook/posts/sales-manager-south.html",
    "post-driver": "handbook/posts/driver.html",
    "department-customer-service": "handbook/departments/customer-service/index.html",
}
"""Three post pages (grouped duties and KPIs; authorities with limits, routines, relations, revisions;
a thin one) and a department page (grouped functions, its chart, the post table)."""


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    engine: str = request.param
    return engine, build(copy_example(tmp_path_factory.mktemp(f"golden-{engine}")), engine)


@pytest.mark.parametrize("page", PAGES)
def test_page_text(site: tuple[str, Path], page: str, golden: Callable[[str, str], None]) -> None:
    engine, folder = site
    golden(f"pages/{page}.{engine}.txt", page_text(folder / PAGES[page]))


@pytest.mark.parametrize("post", ["customer-director", "sales-manager-south", "driver"])
def test_word_sheet_text(post: str, tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    example = copy_example(tmp_path / "example")
    result = run_cli("export", "docx", post, "--out", str(tmp_path / "out"), "-C", str(example))
    assert result.exit_code == 0, result.stderr
    golden(f"sheets/{post}.txt", word_text(tmp_path / "out" / f"{post}.docx"))


MARKUP = {
    "a heading mark": re.compile(r"^#{1,6}\s"),
    "bold or emphasis marks": re.compile(r"\*\*|__"),
    "a character reference": re.compile(r"&(#\d+|#x[0-9a-f]+|lt|gt|amp|quot);", re.IGNORECASE),
    "an attribute list": re.compile(r"\{[:#.]"),
    "a Markdown link": re.compile(r"\]\("),
    "a table pipe": re.compile(r"(^|\s)\|(\s|$)"),
    "a list or numbering mark": re.compile(r"^(\d+\.|[-+*])\s"),
}
"""Markup that shows as text when a template's Markdown or HTML is not read as markup."""


def project_text(root: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(root.rglob("*.y*ml")))


def test_no_markup_shows_as_text(site: tuple[str, Path]) -> None:
    """Every built page: no run of visible text holds markup, unless the YAML itself wrote it."""
    _, folder = site
    written = project_text(folder.parent)
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) > 30
    found = []
    for page in pages:
        for node in text_nodes(page):
            for what, pattern in MARKUP.items():
                match = pattern.search(node)
                if match and match.group(0).strip() not in written:
                    found.append(f"{page.relative_to(folder)}: {what}: {node[:60]}")
    assert found == []


@pytest.mark.parametrize("document", ["customer-director", "driver", "department-customer-care"])
def test_pdf_text(document: str, tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    """The text of a PDF job sheet (and of a department's document), as pdftotext reads it."""
    example = copy_example(tmp_path / "example")
    department = document.removeprefix("department-")
    selection = ["--department", department] if document.startswith("department-") else [document]
    result = run_cli("export", "pdf", *selection, "--out", str(tmp_path / "out"), "-C", str(example))
    assert result.exit_code == 0, result.stderr
    (path,) = (tmp_path / "out").glob("*.pdf")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    golden(f"sheets/{document}.pdf.txt", "\n".join(line.rstrip() for line in text.stdout.splitlines()) + "\n")
