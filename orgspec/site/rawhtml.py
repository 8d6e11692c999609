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
left. Anything it does not foresee (a comment, a tag not written as orgspec
writes tags, a ``<`` in text, Markdown inside HTML, a block that does not end
at the end of a line) is left to Python-Markdown, and so is the rest of the
page after it.

MkDocs (1.6) reads the HTML of every page once more, with the same parser,
for the ids that links may point to (its ``validation`` of anchors): 2.4 s
of the 5.5 s MkDocs took to rebuild the pages of one edit at 10,000 posts.
The blocks are set aside before that reading; the ids in each are left
beside it on a line of empty anchors that MkDocs reads instead, and that
line is taken out again before the page is converted.

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

_TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*(/?)>')
"""A tag as orgspec writes it: a lower-case name, and attributes whose values are in double quotes and hold no
``<`` or ``>``. Any other ``<`` (a comment, a declaration, a stray one, a tag written otherwise) ends what this
extension sets aside."""
_TOKEN = re.compile(f"{_TAG.pattern}|<")
"""A tag as orgspec writes it, or any other ``<`` (which ends what is set aside): one step of a scan."""
_VALUES = re.compile(r'="[^"]*"')
_TEXT_ELEMENTS = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext"}
)
"""Elements whose content Python's HTML parser reads as text up to their end tag (which of them depends on the
version of Python): each must hold no ``<`` but its end tag."""
_PLACEHOLDERS = re.compile("[\x02\x03]")
"""The characters of Python-Markdown's placeholders."""
_BLANK_AFTER = re.compile(r"[ ]*\n[ ]*\n")
"""A blank line after a block's end tag (as Python-Markdown tells one: spaces only)."""
_ATTRIBUTE = re.compile(r'\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?')
_CARRIER = "\x02orgspec-anchors\x03"
"""What starts the line of a block's anchors (placeholder characters: no page holds them)."""
_CARRIERS = re.compile(f"\n{_CARRIER}[^\n]*")


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
            if tag is None or tag[1] or not at_line_start or not self.md.is_block_level(tag[2]):
                break  # not foreseen (a tag inside a line, an inline one, an end tag): left to Python-Markdown
            found = _block_end(source, start)
            if found is None:
                break
            end, anchors = found
            block = source[start:end]
            blank_after = _BLANK_AFTER.match(source, end) is not None
            placeholder = self.md.htmlStash.store(block + "\n" if blank_after else block)
            carried = f"\n{_CARRIER}{''.join(anchors)}" if anchors else ""
            done += [source[position:start], "\n", placeholder, carried, "\n\n"]
            position = end
        done.append(source[position:])
        return "".join(done).split("\n")


def _anchors(name: str, attributes: str) -> list[str]:
    """Empty anchors with the ids a reader of the page's HTML finds in a tag (MkDocs: any tag's ``id``, an ``a``
    tag's ``name``), for the line left beside the block that holds it."""
    anchors = []
    for attribute in _ATTRIBUTE.finditer(attributes):
        kind = attribute[1].lower()
        if attribute[2] is not None and (kind == "id" or (kind == "name" and name == "a")):
            value = attribute[2].replace("\n", "&#10;")  # the same value to the parser, on the anchors' one line
            anchors.append(f'<a {kind}="{value}"></a>')
    return anchors


class AnchorLines(Preprocessor):
    """Takes out the lines of anchors `RawHtmlBlocks` left for the builder's reading of the page's ids."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        return _CARRIERS.sub("", source).split("\n") if _CARRIER in source else lines


def _block_end(source: str, start: int) -> tuple[int, list[str]] | None:
    """Where the block of HTML whose first tag is at ``start`` ends: just after the end tag that empties the
    stack of open tags, kept as Python-Markdown's parser keeps it (an end tag closes the tags opened after the
    one it names; ``<hr>`` and self-closed tags are not kept), which must end a line; and the anchors its tags
    hold (`_anchors`). None when the block is not one this extension foresees."""
    stack: list[str] = []
    anchors: list[str] = []
    for tag in _TOKEN.finditer(source, start):
        closing, name, attributes, self_closed = tag.groups()
        if name is None:  # a "<" that is not a tag as orgspec writes it
            return None
        position = tag.end()
        if closing:
            if attributes or self_closed or name not in stack:
                return None
            while stack.pop() != name:
                pass
            if not stack:
                if position < len(source) and source[position] != "\n":
                    return None
                return None if _PLACEHOLDERS.search(source, start, position) else (position, anchors)
            continue
        lowered = attributes.lower()
        if "markdown" in lowered or "id" in lowered or "name" in lowered:  # in a name, or only in a value
            names = _VALUES.sub("", lowered)  # the attributes' names
            if "markdown" in names.split():
                return None  # Markdown inside HTML (md_in_html)
            if "id" in names or "name" in names:
                anchors += _anchors(name, attributes)
        if name in _TEXT_ELEMENTS and not source.startswith(f"</{name}>", source.find("<", position)):
            return None
        if not self_closed and name != "hr":
            stack.append(name)
        elif not stack:
            return None  # a block that starts with an empty element: Python-Markdown handles it apart
    return None


class RawHtmlExtension(Extension):
    """Registers `RawHtmlBlocks` before MkDocs reads the page's HTML for its ids (priority 21) and
    Python-Markdown its raw HTML (20), after every other preprocessor of the standard extensions (fenced code
    at 25 sets its blocks aside first); `AnchorLines` between the two."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RawHtmlBlocks(md), "orgspec_raw_html", 21.5)
        md.preprocessors.register(AnchorLines(md), "orgspec_anchor_lines", 20.5)


def makeExtension(**kwargs: Any) -> RawHtmlExtension:
    return RawHtmlExtension(**kwargs)
