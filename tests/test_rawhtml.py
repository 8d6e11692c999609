"""orgspec's Markdown extension sets the pages' blocks of HTML aside exactly as Python-Markdown would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.pages import _RawHTMLPreprocessor

from orgspec.site.mkdocs_config import RAW_HTML
from tests.conftest import REPO, run_cli, write_files
from tests.sites import copy_example
from tests.test_hostile import hostile_project  # noqa: F401 (a fixture)

EXAMPLE = ["tables", "attr_list", "md_in_html", "toc"]
"""The example's extensions (mkdocs.yml)."""
PLAIN = ["tables", "toc"]
"""Without md_in_html: Python-Markdown's own raw HTML."""
CONFIGS = {"toc": {"permalink": True}}


def converted(text: str, extensions: list[str], *, raw_html: bool) -> str:
    converter = markdown.Markdown(
        extensions=[*extensions, *([RAW_HTML] if raw_html else [])], extension_configs=CONFIGS
    )
    return converter.convert(text)


def blocks(text: str, extensions: list[str], preprocessor: str) -> int:
    """How many blocks of HTML in ``text`` a preprocessor sets aside, after the whitespace is normalised."""
    converter = markdown.Markdown(extensions=[*extensions, RAW_HTML])
    converter.preprocessors[preprocessor].run(converter.preprocessors["normalize_whitespace"].run(text.split("\n")))
    return int(converter.htmlStash.html_counter)


def assert_same(text: str, extensions: list[str]) -> None:
    assert converted(text, extensions, raw_html=True) == converted(text, extensions, raw_html=False)


def pages(project: Path) -> list[tuple[str, str]]:
    """Every Markdown page of ``project``, generated: name and text without its front matter."""
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stderr
    found = []
    for path in sorted((project / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        found.append(
            (path.relative_to(project).as_posix(), text.split("---\n", 2)[2] if text.startswith("---\n") else text)
        )
    return found


@pytest.mark.parametrize("extensions", [EXAMPLE, PLAIN], ids=["md_in_html", "plain"])
def test_every_page_of_the_example_comes_out_the_same(tmp_path: Path, extensions: list[str]) -> None:
    found = pages(copy_example(tmp_path))
    for _, text in found:
        assert_same(text, extensions)
    assert len(found) > 40
    # Every block of every generated page is set aside by the extension: none left to Python-Markdown's parser.
    generated = [(name, text) for name, text in found if name.startswith("docs/handbook/")]
    missed = {
        name
        for name, text in generated
        if blocks(text, extensions, "orgspec_raw_html") != blocks(text, extensions, "html_block")
    }
    assert not missed
    assert all(blocks(text, extensions, "orgspec_raw_html") > 0 for _, text in generated)


def test_every_page_with_hostile_text_comes_out_the_same(hostile_project: Path) -> None:  # noqa: F811
    for _, text in pages(hostile_project):
        assert_same(text, [*EXAMPLE, "abbr", "footnotes"])


def read_by_mkdocs(text: str, *, raw_html: bool) -> tuple[str, set[str]]:
    """The page as MkDocs converts it, and the ids MkDocs finds in its HTML for links to point to."""
    converter = markdown.Markdown(extensions=[*EXAMPLE, *([RAW_HTML] if raw_html else [])], extension_configs=CONFIGS)
    reader = _RawHTMLPreprocessor()
    reader._register(converter)
    return converter.convert(text), reader.present_anchor_ids


def test_mkdocs_finds_the_same_ids_in_every_page(tmp_path: Path, hostile_project: Path) -> None:  # noqa: F811
    """The blocks are set aside before MkDocs reads the page's HTML for ids; the ids in them are not lost."""
    found: set[str] = set()
    for name, text in [*pages(copy_example(tmp_path)), *pages(hostile_project)]:
        page, ids = read_by_mkdocs(text, raw_html=True)
        assert (page, ids) == read_by_mkdocs(text, raw_html=False), name
        found |= ids
    assert {"orgspec-chart", "orgspec-team", "orgspec-filter-posts"} <= found
    sample = '<div>\n<a name="x&amp;y" id="z"></a><p id="q" name="not-an-anchor">\n<i id="two\nlines"></i></div>'
    assert blocks(sample, EXAMPLE, "orgspec_raw_html") == 1  # set aside by orgspec, read from its line of anchors
    assert read_by_mkdocs(sample, raw_html=True) == read_by_mkdocs(sample, raw_html=False)
    assert read_by_mkdocs(sample, raw_html=True)[1] == {"x&y", "z", "q", "two\nlines"}


BLOCKS = [
    '<div class="a">\n<p>one</p>\n\n<div>inner</div>\n</div>',
    "<table>\n<tr><td>1</td></tr>\n</table>",
    "<p>a</p>\n<p>b</p>",
    "<div>a</div><div>b</div>",
    "<div>a</div> tail",
    "  <div>indented</div>",
    "<DIV>upper</DIV>",
    "<div>\n<!-- a comment </div> -->\n</div>",
    '<div markdown="1">\n*md*\n</div>',
    "<div markdown>\n*md*\n</div>",
    "<p markdown>*foo*</p>",
    '<div class="a" markdown><div class="b" markdown>**foo**</div></div>',
    "<style>p { color: red }</style>",
    "<style>/* < */</style>",
    "<div><div/></div>",
    "<section>\n<h2>x</h2>\n\n## heading inside\n\n</section>",
    "<hr>",
    "<span>inline</span> text",
    "<div>unclosed",
    "<p>x &#45; &amp; &lt;</p >",
    "<script>var a = '<div>';</script>",
    "```\n<div>fenced</div>\n```",
    "    <div>code</div>",
    "- item\n<div>after a list item</div>",
    "<nav><ol><li>a</li></ol></nav>",
    "<div>a</div>  ",
    "<div>\n\n<div>\n\nx\n\n</div>\n\n</div>",
    "<div>a</div>\ntext right after",
    "<div>a\n</div\n>",
    '<div title="a>b">x</div>',
    "<p>a</p>\n\n\n<p>b</p>",
    "<pre>\n<div>\n</pre>",
    "<div>\n<span><div>\n</span>\n</div>\n*x*\n</div>",
    "<div>\n<style>\n</div>\ntext",
    "<div>\n<style>\n</div>\n</style>\n</div>",
    '<div data-x="</div>\nfoo">text</div>',
    '<div>\n<span title="<div>">x</span>\n</div>\n*x*\n</div>',
    '<div>\n<div title=">"/>\n</div>\n*x*\n</div>',
    "<div data-x=`y`>\nfoo\n</div>",
    '<div title="a\n<div>\n</div>',
    '<div class="a"markdown="1">\n*hi*\n</div>',
    "<div>\n<textarea>\n</div>\n</textarea>\n</div>",
    '<div>\n<title>a &amp; b</title><br><img src="x.png"/>\n</div>',
]
TEXTS = [
    "# Title",
    "Some *text*.",
    "A paragraph\nover two lines",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "",
    "text <span>left open",
    "<!-- a comment -->",
    "text <!-- a comment --> more",
    "<https://example.com>",
    "a < b and c > d",
]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.sampled_from(BLOCKS + TEXTS), min_size=1, max_size=8),
    st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n"]), min_size=8, max_size=8),
)
def test_any_arrangement_of_blocks_comes_out_the_same(parts: list[str], breaks: list[str]) -> None:
    text = "".join(part + gap for part, gap in zip(parts, breaks, strict=False))
    assert_same(text, [*EXAMPLE, "fenced_code"])
    assert_same(text, [*PLAIN, "fenced_code"])


def generated_extensions(project: Path) -> Any:
    config = (project / ".orgspec-mkdocs.yml").read_text(encoding="utf-8")
    return yaml.safe_load(config).get("markdown_extensions")


def test_the_generated_configuration_adds_the_extension_to_the_projects_own(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "own")
    assert run_cli("generate", str(project)).exit_code == 0
    own = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
    assert generated_extensions(project) == [*own, RAW_HTML]
    # Tags the project's list holds are passed on as written, not run.
    config = project / "mkdocs.yml"
    tagged = "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - md_in_html\n", "  - md_in_html\n" + tagged), encoding="utf-8"
    )
    assert run_cli("generate", str(project)).exit_code == 0
    text = (project / ".orgspec-mkdocs.yml").read_text(encoding="utf-8")
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in text
    assert text.rstrip().endswith(f"- {RAW_HTML}")
    # A project that lists none keeps the builder's defaults (MkDocs' and Zensical's differ): nothing added.
    config.write_text("site_name: x\n", encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    assert generated_extensions(project) is None
    # Without a mkdocs.yml, orgspec's own defaults hold it.
    config.unlink()
    write_files(project, {})
    assert run_cli("generate", str(project)).exit_code == 0
    assert RAW_HTML in generated_extensions(project)
