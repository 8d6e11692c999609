"""A Python-Markdown extension that sets the handbook's blocks of HTML aside without parsing them.

The generated pages are mostly blocks of HTML (job-sheet tables, charts,
indexes of every post). Python-Markdown finds such a block by running
every tag of the page through Python's HTML parser, and sets it aside,
unchanged, to be put back after the Markdown around it is converted: that
parse was a third of MkDocs' time on a handbook, and 6 MB of it on the
authority index of 10,000 posts. This extension sets the same blocks aside
first, found by their first tag at the start of a line and its matching end
tag at the end of a line, each exactly as Python-Markdown's own parser would
(the same text kept, the same blank lines left around it), so the page comes
out the same to the byte; the builder's parser then goes through what is
left. Anything it does not foresee (a comment, a script, ``markdown=``, a
block that does not end at the end of a line) is left to Python-Markdown,
and so is the rest of the page after it.

MkDocs and Zensical load it from ``markdown_extensions`` in the generated
configuration (``orgspec.site.rawhtml``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

if TYPE_CHECKING:
    from markdown import Markdown

_TAG = re.compile(r"<([a-z][a-z0-9]*)(?=[\s>])")
"""A start tag, named in lower case (as Python-Markdown and orgspec write them; ``<hr>`` is one Python-Markdown
handles apart, left to it)."""
_UNFORESEEN = re.compile(r"<!|<\?|<script|\smarkdown(?=[\s=>/])|\x02|\x03", re.IGNORECASE)
"""What this extension leaves to Python-Markdown: comments and declarations, scripts, Markdown inside HTML
(``markdown``, with a value or without), and the characters of its own placeholders."""
_BLANK_AFTER = re.compile(r"[ ]*\n[ ]*\n")
"""A blank line after a block's end tag (as Python-Markdown tells one: spaces only)."""
_CDATA = ("style",)
"""Tags whose content the HTML parser reads as text up to their end tag."""


class RawHtmlBlocks(Preprocessor):
    """Sets aside each block of HTML that Python-Markdown would set aside, as it would."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        done: list[str] = []
        position = 0
        # Between the blocks set aside there is no other HTML: Python-Markdown's parser, which reads the page
        # afterwards, is then in the state it would have been in at each block (no tag of a paragraph left open).
        while (start := source.find("<", position)) >= 0:
            tag = _TAG.match(source, start)
            at_line_start = start == 0 or source[start - 1] == "\n"
            if tag is None or not at_line_start or tag[1] == "hr" or not self.md.is_block_level(tag[1]):
                break  # not foreseen (a tag inside a line, an inline one, a comment): left to Python-Markdown
            end = _block_end(source, start, tag[1])
            if end is None:
                break
            block = source[start:end]
            blank_after = _BLANK_AFTER.match(source, end) is not None
            placeholder = self.md.htmlStash.store(block + "\n" if blank_after else block)
            done += [source[position:start], "\n", placeholder, "\n\n"]
            position = end
        done.append(source[position:])
        return "".join(done).split("\n")


def _block_end(source: str, start: int, tag: str) -> int | None:
    """Where the block of HTML that opens with ``tag`` at ``start`` ends: just after its end tag, which must end a
    line and close the tag opened at ``start`` (same-named tags inside it opened and closed in turn); None when
    the block is not one this extension foresees."""
    tags = re.compile(rf"<(/?){tag}(?=[\s>/])", re.IGNORECASE)
    depth = 0
    for found in tags.finditer(source, start):
        if found.group(1):
            depth -= 1
            if depth == 0:
                close = source.find(">", found.end())
                if close < 0 or source[found.end() : close].strip():
                    return None
                end = close + 1
                if end < len(source) and source[end] != "\n":
                    return None
                block = source[start:end]
                if _UNFORESEEN.search(block) or _cdata_holds_a_tag(block):
                    return None
                return end
        else:
            if source[found.end() : source.find(">", found.end()) + 1].endswith("/>"):
                return None  # a self-closed tag: the parser's stack would not count it
            depth += 1
    return None


def _cdata_holds_a_tag(block: str) -> bool:
    """Whether a style element in ``block`` holds a ``<`` (read as text by the HTML parser, not as a tag)."""
    for tag in _CDATA:
        for content in re.finditer(rf"<{tag}\b[^>]*>(.*?)</{tag}>", block, re.IGNORECASE | re.DOTALL):
            if "<" in content.group(1):
                return True
    return False


class RawHtmlExtension(Extension):
    """Registers `RawHtmlBlocks` just before Python-Markdown's own raw HTML (priority 20), after every other
    preprocessor of the standard extensions (fenced code at 25 sets its blocks aside first)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RawHtmlBlocks(md), "orgspec_raw_html", 20.5)


def makeExtension(**kwargs: Any) -> RawHtmlExtension:
    return RawHtmlExtension(**kwargs)
