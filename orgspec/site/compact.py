"""Built pages without the indentation between their tags.

The themes' templates indent every element of the navigation, which MkDocs
and Zensical render into each page: at 5,000 posts a third of a post page's
bytes were spaces and line ends between tags. A run of blank space between
two tags that holds a line end becomes that one line end: the browser shows
a page the same either way (blank space between tags is one space, or none,
to it), except inside ``<pre>`` and ``<textarea>``, which keep theirs, as do
scripts (their line ends are part of their meaning) and the text itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from orgspec.core.write import write_atomically

_KEPT_OR_BLANK = re.compile(
    # up to its closing tag's name: the closing ">" may start blank space to cut
    r"(<(pre|textarea|script)\b.*?</\2)|>[ \t\r\f\v]*\n\s*(?=<)",
    re.DOTALL | re.IGNORECASE,
)


def _replace(found: re.Match[str]) -> str:
    kept = found.group(1)
    return kept if kept is not None else ">\n"


def compact_html(html: str) -> str:
    """``html`` with each run of blank space between two tags that holds a line end cut to the line end."""
    return _KEPT_OR_BLANK.sub(_replace, html)


def compact_pages(site: Path) -> int:
    """Compact every HTML page of the built ``site`` in place; how many pages were rewritten."""
    rewritten = 0
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        compacted = compact_html(html)
        if compacted != html:
            write_atomically(path, compacted.encode("utf-8"))
            rewritten += 1
    return rewritten
