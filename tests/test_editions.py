"""The public edition leaves every internal item out of every file of the site."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest

from orgspec.check.pipeline import check_project
from orgspec.check.walk import find
from orgspec.model.common import Authority, Duty, Kpi, TextItem
from tests.sites import build, copy_example


def document_text(path: Path) -> str:
    """The text of a Word file (its XML) or of a PDF (pdftotext)."""
    if path.suffix == ".docx":
        document = docx.Document(str(path))
        paragraphs = [paragraph.text for paragraph in document.paragraphs]
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join(paragraphs + cells)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def internal_texts(project: Path) -> list[str]:
    organisation = check_project(project).organisation
    models = [*organisation.posts.values(), *organisation.departments.values()]
    texts: list[str] = []
    for model in models:
        texts += [item.text for _, item in find(model, TextItem) if item.internal]
        texts += [item.text for _, item in find(model, Duty) if item.internal]
        texts += [item.text or "" for _, item in find(model, Authority) if item.internal]
        texts += [item.name for _, item in find(model, Kpi) if item.internal]
    return [text for text in texts if text]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_public_edition_has_no_internal_text(tmp_path: Path, engine: str) -> None:
    project = copy_example(tmp_path)
    secrets = internal_texts(project)
    assert len(secrets) >= 2, "the example marks some items internal"
    site = build(project, engine, "--edition", "public")
    files = [
        path
        for path in site.rglob("*")
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".md", ".txt", ".csv", ".svg")
    ]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for secret in secrets:
            assert secret not in text, (path.relative_to(site), secret)
    downloads = sorted(site.rglob("*.docx")) + sorted(site.rglob("*.pdf"))
    assert len(downloads) >= 2 * 26, "every post offers its Word and PDF copy"
    for path in downloads:
        text = document_text(path)
        for secret in secrets:
            assert secret not in text, (path.relative_to(site), secret)
    for path in (project / "docs" / "handbook").rglob("*.md"):
        assert "职位等级</th><td></td>" in path.read_text(encoding="utf-8") or "posts/" not in path.as_posix()


@pytest.mark.parametrize("engine", ["mkdocs"])
def test_internal_edition_has_everything(tmp_path: Path, engine: str) -> None:
    project = copy_example(tmp_path)
    site = build(project, engine)
    html = (site / "handbook" / "posts" / "sales-manager-south.html").read_text(encoding="utf-8")
    assert "规定范围内客户信用额审批权" in html
    assert "<th>职位等级</th><td>经理级（M2）</td>" in html
