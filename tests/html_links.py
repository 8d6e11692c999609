"""Read the links of built HTML pages (standard library parser)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class LinkParser(HTMLParser):
    """Collects href/src values, and the start tags with their attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"
        for name, value in attrs:
            if name in ("href", "src", "xlink:href") and value:
                self.links.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def internal_target(site: Path, page: Path, href: str) -> Path | None:
    """The file an internal link points to, or None for external, anchor-only and data links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("#", "data:", "mailto:")):
        return None
    if not parts.path:
        return None
    path = unquote(parts.path)
    target = (site / path.lstrip("/")).resolve() if path.startswith("/") else (page.parent / path).resolve()
    if parts.path.endswith("/"):
        target = target / "index.html"
    return target


def broken_links(site: Path) -> list[str]:
    """Every internal href/src in the site that points to no file."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for href in parse(page).links:
            target = internal_target(site, page, href)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(site)} → {href}")
    return broken


def reachable(site: Path, start: Path) -> set[Path]:
    """Pages reachable from ``start`` by following internal links."""
    seen = {start.resolve()}
    queue = [start.resolve()]
    while queue:
        page = queue.pop()
        for href in parse(page).links:
            target = internal_target(site, page, href)
            if target is not None and target.suffix == ".html" and target.exists() and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen
