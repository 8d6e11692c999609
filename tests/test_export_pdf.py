"""`orgspec export pdf` and the downloads of the handbook: PDFs read back with poppler-utils."""

from __future__ import annotations

import importlib
import re
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from orgspec import requirement
from orgspec.check.pipeline import check_project
from orgspec.link.organisation import Organisation
from orgspec.views.common import Ctx
from tests.conftest import run_cli
from tests.sites import build, copy_example

CJK_FONT = re.compile(r"WenQuanYi|CJK|SourceHan|Source-Han|Hei|Song|Ming|Kai|YaHei|Gothic|Mincho", re.IGNORECASE)


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert found is not None
    return int(found.group(1))


def embedded_fonts(path: Path) -> list[str]:
    """Names of the fonts embedded in the PDF (pdffonts: name … emb sub uni …)."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    return [line.split()[0] for line in lines[2:] if re.search(r"\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)]


def squeeze(text: str) -> str:
    """Text without white space: PDF lines wrap wherever the page ends."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("pdf-example"))


@pytest.fixture(scope="module")
def organisation(example: Path) -> Organisation:
    return check_project(example).organisation


@pytest.fixture(scope="module")
def exported(example: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    result = run_cli("export", "pdf", "--all", "--out", str(out), "-C", str(example))
    assert result.exit_code == 0, result.stderr
    return out


def test_title_and_duties_are_in_the_text(exported: Path, organisation: Organisation) -> None:
    ctx = Ctx(organisation)
    for key, post in organisation.posts.items():
        text = squeeze(pdftotext(exported / f"{key}.pdf"))
        assert squeeze(f"{post.title}岗位说明书") in text, key
        assert squeeze(post.code or "") in text, key
        for group in ctx.groups(post.duties):
            for line in group.lines:
                assert squeeze(line.text) in text, (key, line.text)


def test_a_cjk_font_is_embedded(exported: Path) -> None:
    fonts = embedded_fonts(exported / "customer-director.pdf")
    assert fonts, "no embedded font"
    assert [name for name in fonts if CJK_FONT.search(name)], fonts


def test_a_typical_post_fits_on_two_pages(exported: Path, organisation: Organisation) -> None:
    counts = {key: pages(exported / f"{key}.pdf") for key in organisation.posts}
    assert max(counts.values()) <= 2, counts
    assert counts["driver"] == 1


def test_header_and_page_numbers(exported: Path) -> None:
    text = pdftotext(exported / "customer-director.pdf")
    assert "示例集团" in text and "岗位编号：EX-GA-001" in text
    assert "第 1 页，共 2 页" in text and "第 2 页，共 2 页" in text


def test_same_input_same_bytes(example: Path, tmp_path: Path) -> None:
    for out in ("one", "two"):
        assert run_cli("export", "pdf", "driver", "--out", str(tmp_path / out), "-C", str(example)).exit_code == 0
    assert (tmp_path / "one" / "driver.pdf").read_bytes() == (tmp_path / "two" / "driver.pdf").read_bytes()


def test_department_booklet(example: Path, tmp_path: Path, organisation: Organisation) -> None:
    result = run_cli(
        "export", "pdf", "--department", "customer-service", "--booklet", "--out", str(tmp_path), "-C", str(example)
    )
    assert result.exit_code == 0, result.stderr
    booklet = tmp_path / "booklet-customer-service.pdf"
    text = squeeze(pdftotext(booklet))
    posts = organisation.posts_in("customer-service")
    positions = [text.index(squeeze(f"{organisation.posts[key].title}岗位说明书")) for key in posts]
    assert positions == sorted(positions)
    assert pages(booklet) >= len(posts)


def test_missing_weasyprint_says_what_to_install(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.import_module

    def without_weasyprint(name: str, package: str | None = None) -> ModuleType:
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real(name, package)

    monkeypatch.setattr("orgspec.export.pdf.importlib.import_module", without_weasyprint)
    result = run_cli("export", "pdf", "driver", "--out", str(tmp_path / "out"), "-C", str(example))
    assert result.exit_code == 2  # an environment problem
    assert f"pip install '{requirement('pdf')}'" in result.stderr
    assert "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_post_pages_link_to_their_downloads(tmp_path: Path, engine: str) -> None:
    site = build(copy_example(tmp_path), engine)
    page = (site / "handbook" / "posts" / "driver.html").read_text(encoding="utf-8")
    assert 'href="../downloads/driver.docx"' in page
    assert 'href="../downloads/driver.pdf"' in page
    assert (site / "handbook" / "downloads" / "driver.docx").read_bytes()[:2] == b"PK"
    assert "司机岗位说明书" in pdftotext(site / "handbook" / "downloads" / "driver.pdf")


def test_unchanged_posts_are_not_laid_out_again(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    cache = project / ".cache" / "orgspec" / "downloads" / "internal"
    before = {path.relative_to(cache): path.stat().st_mtime_ns for path in cache.rglob("*.pdf")}
    assert len(before) == 26 + 9  # every post's job sheet, every department's organisation sheet
    driver = project / "roles" / "driver.yaml"
    driver.write_text(driver.read_text(encoding="utf-8").replace("车辆管理", "车辆调度"), encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    after = {path.relative_to(cache): path.stat().st_mtime_ns for path in cache.rglob("*.pdf")}
    changed = sorted(str(path.parent) for path in set(after) ^ set(before))
    assert changed == ["driver", "driver"]  # its department's sheet names the post, not its duties
    assert all(after[path] == before[path] for path in after if path in before)
    text = pdftotext(project / "docs" / "handbook" / "downloads" / "driver.pdf")
    assert "车辆调度" in text


def test_without_weasyprint_the_handbook_offers_word_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("orgspec.site.downloads.pdf_installed", lambda: False)
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    handbook = project / "docs" / "handbook"
    page = (handbook / "posts" / "driver.md").read_text(encoding="utf-8")
    assert "../downloads/driver.docx" in page and ".pdf" not in page
    assert sorted(path.suffix for path in (handbook / "downloads").rglob("*.*")) == [".docx"] * (26 + 9)


def test_without_its_system_libraries_the_handbook_offers_word_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.import_module

    def without_pango(name: str, package: str | None = None) -> ModuleType:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real(name, package)

    monkeypatch.setattr("orgspec.export.pdf.importlib.import_module", without_pango)
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    page = (project / "docs" / "handbook" / "posts" / "driver.md").read_text(encoding="utf-8")
    assert "../downloads/driver.docx" in page and ".pdf" not in page
