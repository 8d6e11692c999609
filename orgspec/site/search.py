"""The search index of a MkDocs build, made smaller after the build.

Material for MkDocs writes ``search/search_index.json`` with every
character beyond ASCII as a ``\\uXXXX`` escape: six bytes for a Chinese
character that UTF-8 writes in three, which makes the index of a Chinese
handbook nearly twice the size a browser has to download before its
first search. The same document written as UTF-8 is read the same way.

What is searched at all is decided by the pages: index pages and the
tables and charts that only repeat other pages are left out of search
(``search: exclude`` in their front matter, ``data-search-exclude`` on the
element), which both MkDocs and Zensical honour.
"""

from __future__ import annotations

import json
from pathlib import Path

from orgspec.core.write import write_if_changed

MKDOCS_INDEX = Path("search") / "search_index.json"


def compact_search_index(site: Path) -> bool:
    """Rewrite the MkDocs search index in ``site`` as UTF-8; True if there was one to rewrite."""
    path = site / MKDOCS_INDEX
    try:
        document = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    write_if_changed(path, text.encode("utf-8"))
    return True
