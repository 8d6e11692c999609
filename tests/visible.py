"""What a person reads: the visible text of a built page, and of a Word file, in reading order.

Blocks (headings, paragraphs, list items, table rows) each become a line;
a heading is marked ``[h2]``, a list item ``-``, table cells are joined by
`` | ``. Markup that leaked into the text (a literal ``###``, ``&lt;b&gt;``)
shows as it would on screen, so a golden file of this text sees it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption", "dt", "dd", "pre"}
HIDDEN = {"script", "style", "template", "noscript"}
CELLS = {"td", "th"}


VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col"}


class _Visible(HTMLParser):
    def __init__(self, root_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root_class = root_class
        self.stack: list[bool] = []  # open elements inside the content root: hidden or not
        self.lines: list[str] = []
        self.line = ""
        self.nodes: list[str] = []
        """Each run of visible text as the browser shows it, one per text node."""

    def _break(self) -> None:
        text = re.sub(r"\s+", " ", self.line.replace("\u200b", "")).strip(" |")
        if text:
            self.lines.append(text)
        self.line = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if not self.stack:
            if tag == "article" and self.root_class in classes:
                self.stack.append(False)
            return
        if tag in VOID:
            if tag == "br":
                self._break()
            return
        hidden = (
            self.stack[-1]
            or tag in HIDDEN
            or "headerlink" in classes
            or values.get("aria-hidden") == "true"
            or "hidden" in values
        )
        self.stack.append(hidden)
        if tag in BLOCKS and self.line.strip() != "-":  # a list item's paragraph stays on its line
            self._break()
        if tag in CELLS and self.line:
            self.line += " | "
        if re.fullmatch(r"h[1-6]", tag):
            self.line = f"[{tag}] "
        elif tag == "li":
            self.line = "- "

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or tag in VOID:
            return
        self.stack.pop()
        if tag in BLOCKS or not self.stack:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.stack and not self.stack[-1]:
            self.line += data
            if data.strip():
                self.nodes.append(data.strip())


def _parse(path: Path) -> _Visible:
    parser = _Visible("md-content__inner")
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def page_text(path: Path) -> str:
    """The visible text of the main content of a built page (MkDocs + Material or Zensical)."""
    return "\n".join(_parse(path).lines) + "\n"


def text_nodes(path: Path) -> list[str]:
    """The runs of visible text of the main content of a built page, each as shown."""
    return _parse(path).nodes


def word_text(path: Path) -> str:
    """The text of a Word file in reading order: paragraphs, and table rows with merged cells once."""
    document = docx.Document(str(path))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            style = block.style.name if block.style is not None else ""
            text = block.text.strip()
            if text:
                lines.append(f"[{style}] {text}" if style and style.startswith("Heading") else text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(cell._tc for cell in row.cells))  # a merged cell repeats
                texts = [" / ".join(p.text for p in cell_paragraphs(row, tc)) for tc in cells]
                lines.append(" | ".join(texts))
    for section in document.sections:
        header = " ".join(paragraph.text for paragraph in section.header.paragraphs if paragraph.text)
        if header:
            lines.insert(0, f"[header] {header}")
            break
    return "\n".join(lines) + "\n"


def cell_paragraphs(row: object, tc: object) -> list[Paragraph]:
    for cell in row.cells:  # type: ignore[attr-defined]
        if cell._tc is tc:
            return [paragraph for paragraph in cell.paragraphs if paragraph.text]
    return []
