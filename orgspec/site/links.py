"""The links of the project's own pages, followed in the built site.

A Zensical build runs with Zensical's own check of links off where orgspec
chose so (`orgspec.site.mkdocs_config.zensical_config`): the check reads
every page again, a byte at a time, for half of the build of orgspec's
pages, whose links orgspec makes. The pages whose links a person writes are
the project's own (`orgspec.site.generate.hand_written_pages`): their built
pages are read here, and each link of their content that leads to no file of
the site, or to an anchor its page does not have, is said, as Zensical would
have said it (images too, which Zensical does not follow). Links elsewhere
(another site, an address from the site's root) are left alone, as Zensical
leaves them.
"""

from __future__ import annotations

from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from orgspec.core.diagnostics import printable

LINKED = {"a": "href", "img": "src"}
"""The elements whose links are followed, by the attribute that holds the link."""


class _Page(HTMLParser):
    """The links of a built page's content (inside ``<article>``, not the theme's navigation), and every anchor
    of the page: ``id`` of any element, ``name`` of a link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.anchors: set[str] = set()
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.anchors.update(value for name in ("id", "name") if (value := values.get(name)))
        if tag == "article":
            self._depth += 1
        link = values.get(LINKED.get(tag, ""))
        if self._depth and link:
            self.links.append(link)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._depth:
            self._depth -= 1


class _Built(dict[Path, _Page]):
    """The built pages read so far, each read once: a page and the pages its links name."""

    def __missing__(self, path: Path) -> _Page:
        page = self[path] = _Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        page.close()
        return page


def broken_links(site: Path, docs: Path, pages: Iterable[str]) -> list[str]:
    """What is wrong with the links of each of ``pages`` (Markdown files in ``docs``, built into ``site`` as
    ``.html`` files): a line per link that leads nowhere, naming the page's file and line."""
    site = site.resolve()
    built_pages = _Built()
    said = []
    for name in pages:
        built = site / PurePosixPath(name).with_suffix(".html")
        if not built.is_file():  # left out of the build (exclude_docs, a draft): nothing to follow
            continue
        for link in dict.fromkeys(built_pages[built].links):
            problem = _problem(site, built, link, built_pages)
            if problem is not None:
                line, written = _written(docs / name, link)
                said.append(f"{printable(f'{docs.name}/{name}{line}')}: the link '{printable(written)}' {problem}")
    return said


def _problem(site: Path, page: Path, link: str, built_pages: _Built) -> str | None:
    """What is wrong with ``link`` on ``page``: None when it leads to a file of the site (and to an anchor there)
    or leaves the site."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return None
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    if not target.is_relative_to(site) or not target.is_file():
        return "leads to no page or file of the site; correct the link, or add what it names"
    anchor = unquote(parts.fragment)
    if anchor and target.suffix == ".html" and anchor not in built_pages[target].anchors:
        return "names an anchor its page does not have; correct the link to a heading's anchor of that page"
    return None


def _written(source: Path, link: str) -> tuple[str, str]:
    """Where in ``source`` the link is written, and how: ``:N`` for the first line that holds it (a page's
    ``.md`` for its ``.html``; failing that, its address without the anchor), and the link as written there;
    ``("", link)`` where no line holds it."""
    parts = urlsplit(link)
    path, anchor = unquote(parts.path), f"#{unquote(parts.fragment)}" if parts.fragment else ""
    paths = [path.removesuffix(".html") + ".md", path] if path.endswith(".html") else [path]
    try:
        lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return "", link
    for form, shown in [*((text + anchor, text) for text in paths), *((text, text) for text in paths if text)]:
        for number, line in enumerate(lines, start=1):
            if form in line:
                return f":{number}", shown + anchor
    return "", link
