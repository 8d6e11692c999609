"""The handbook's search: Material's index made smaller, or a Pagefind index, after a build.

Material for MkDocs writes ``search/search_index.json`` with every
character beyond ASCII as a ``\\uXXXX`` escape: six bytes for a Chinese
character that UTF-8 writes in three, which makes the index of a Chinese
handbook nearly twice the size a browser has to download before its
first search. The same document written as UTF-8 is read the same way.

Even so, the browser downloads that index whole: tens of megabytes for
thousands of posts. Pagefind (``search: engine`` in orgspec.yaml) writes
an index in small pieces into ``pagefind/`` instead, of which a query
fetches only the few its words need. Its search box comes with the theme
folder ``site_templates/theme`` (``PAGEFIND_CONFIG`` adds it to the build,
and switches the builder's own search off): Material's own under MkDocs,
a dialog of the handbook's under Zensical, whose script owns Material's
search toggle; the results are drawn by the handbook's script.

What is searched at all is decided by the pages: index pages and the
tables and charts that only repeat other pages are left out of search
(``search: exclude`` in their front matter, ``data-search-exclude`` on the
element), which both MkDocs and Zensical honour, and which the theme
folder and ``PAGEFIND_OPTIONS`` say to Pagefind in its words.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Literal

from orgspec import requirement
from orgspec.core.errors import EnvironmentProblem
from orgspec.core.write import Tree, write_if_changed
from orgspec.model.settings import SearchSettings
from orgspec.render.templates import builtin_templates

MKDOCS_INDEX = Path("search") / "search_index.json"
PAGEFIND_DIR = "pagefind"
PAGEFIND_ROOT = "[data-pagefind-body]"
"""The element of a page that Pagefind reads: the searched body that the theme folder marks in each page's
content. Pagefind then skips the header, the navigation and the footer, which it would leave out anyway:
the same index, in about a quarter less CPU time."""
PAGEFIND_OPTIONS = (
    *("--root-selector", PAGEFIND_ROOT),
    *("--exclude-selectors", "[data-search-exclude]", "--exclude-selectors", ".headerlink"),
    "--silent",
)
"""Where Pagefind reads, and what it leaves out there: the elements marked for the builders' search (the
pages are marked by the theme) and the headings' permalinks (¶)."""


class PagefindMissingError(EnvironmentProblem):
    """Pagefind is wanted but not installed; the message says how to install it."""


class PagefindFailedError(EnvironmentProblem):
    """Pagefind could not index the site; the message carries what it said."""


def handbook_search(settings: SearchSettings, posts: int) -> Literal["builtin", "pagefind"]:
    """The search of a build (either builder) of an organisation with ``posts`` posts."""
    if settings.engine == "auto":
        return "pagefind" if posts >= settings.pagefind_from else "builtin"
    return settings.engine


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


def pagefind_command(site: Path) -> list[str]:
    """The command line that indexes the built ``site`` into ``site/pagefind``."""
    try:  # the extended binary, which segments Chinese words; its wheel ships it: nothing is downloaded
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]
    except ImportError as error:
        raise PagefindMissingError(
            f"search: engine: pagefind needs Pagefind, which is not installed: pip install '{requirement('mkdocs')}'"
        ) from error
    return [str(get_executable()), "--site", str(site), *PAGEFIND_OPTIONS]


def index_with_pagefind(site: Path) -> None:
    """Index the built ``site`` with Pagefind (offline: the binary is in its wheel)."""
    process = subprocess.run(pagefind_command(site), capture_output=True, text=True, check=False)
    if process.returncode != 0:
        said = (process.stdout + process.stderr).strip()
        raise PagefindFailedError(f"{site}: Pagefind could not index the site (exit {process.returncode}): {said}")


THEME_FILES = ("main.html", "partials/header.html", "partials/search.html")
"""The theme folder's files (``site_templates/theme``): the page marked for Pagefind, the header with its
search box, the search box."""
PROJECT_MAIN = "orgspec-project-main.html"
"""Where a project's own ``main.html`` goes in a merged theme folder: orgspec's ``main.html`` extends it."""
MERGED_THEME = Path(".cache") / "orgspec" / "theme"
EXTENDS = b'{% extends "base.html" %}'


def pagefind_theme(root: Path, own: str | None) -> Path | None:
    """The theme folder of a build searched with Pagefind: orgspec's, or, when the project has a theme folder
    of its own (``own``, theme.custom_dir in mkdocs.yml), the two merged into ``.cache/orgspec/theme``.

    The project's files are all kept; its ``main.html``, if any, is extended by orgspec's, which only marks
    the page's content for Pagefind. A project that draws its own header or search box keeps the builder's
    search (None): orgspec's would replace them.
    """
    theme = builtin_templates() / "theme"
    if own is None:
        return theme
    folder = root / own
    if not folder.is_dir():  # the builder says so
        return None
    if (root / MERGED_THEME).resolve().is_relative_to(folder.resolve()):  # it would copy its own copies
        return None
    files = {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*")) if path.is_file()}
    if any(name in files for name in THEME_FILES[1:]):
        return None
    merged = {name: path.read_bytes() for name, path in files.items()}
    if "main.html" in merged:
        merged[PROJECT_MAIN] = merged["main.html"]
    for name in THEME_FILES:
        merged[name] = (theme / name).read_bytes()
    if PROJECT_MAIN in merged:
        assert EXTENDS in merged["main.html"], "site_templates/theme/main.html extends base.html"
        merged["main.html"] = merged["main.html"].replace(EXTENDS, f'{{% extends "{PROJECT_MAIN}" %}}'.encode())
    tree = Tree(root / MERGED_THEME, merged)
    tree.end({name: tree.put(name, content) for name, content in merged.items()})
    return root / MERGED_THEME


def finish_site(site: Path, *, pagefind: bool) -> None:
    """What a build needs after the builder: its Pagefind index, or Material's index made smaller (a Zensical
    build has none)."""
    if pagefind:
        index_with_pagefind(site)
    else:
        compact_search_index(site)


__all__ = [
    "PAGEFIND_DIR",
    "compact_search_index",
    "finish_site",
    "handbook_search",
    "index_with_pagefind",
    "pagefind_theme",
]
