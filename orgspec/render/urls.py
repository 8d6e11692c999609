"""Where each generated page lives and how pages link to each other.

Neither MkDocs nor Zensical rewrites links inside raw HTML or inline SVG,
so every link is computed here, relative to the page that holds it, for
the site's ``use_directory_urls`` setting.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

GENERATED_DIR = "handbook"
"""The folder inside docs/ that orgspec writes; everything else there belongs to the user, except
the front page (`FRONT_PAGE`) when the project has none of its own."""

FRONT_PAGE = "index.md"
"""The site's front page, inside docs/."""


@dataclass(frozen=True)
class SiteLayout:
    """Paths of the generated pages, relative to docs/, and the URLs they get."""

    folder: str = GENERATED_DIR
    directory_urls: bool = True
    front_page: bool = False
    """Whether the handbook's home is the site's front page (docs/index.md) rather than its own folder's."""

    def home(self) -> str:
        return FRONT_PAGE if self.front_page else f"{self.folder}/index.md"

    def department(self, key: str) -> str:
        return f"{self.folder}/departments/{key}/index.md"

    def post(self, key: str) -> str:
        return f"{self.folder}/posts/{key}.md"

    def family(self, key: str) -> str:
        return f"{self.folder}/families/{key}.md"

    def index(self, name: str) -> str:
        return f"{self.folder}/indexes/{name}.md"

    def department_chart(self, key: str) -> str:
        """The department's chart as a file of its own, beside its page (so the links inside are the page's)."""
        return f"{self.folder}/departments/{key}/chart.svg"

    def overview_chart(self) -> str:
        return f"{self.folder}/overview.svg"

    def asset(self, name: str) -> str:
        return f"{self.folder}/assets/{name}"

    def url(self, page: str) -> str:
        """The URL path (relative to the site root) at which a page is served."""
        if not page.endswith(".md"):
            return page
        stem = page[: -len(".md")]
        if stem.endswith("/index") or stem == "index":
            base = stem[: -len("index")]
            return base if self.directory_urls else f"{base}index.html"
        return f"{stem}/" if self.directory_urls else f"{stem}.html"

    def link(self, from_page: str, to: str) -> str:
        """A relative href from the page ``from_page`` to ``to`` (a page or an asset)."""
        return self.links_from(from_page)(to)

    def links_from(self, page: str) -> Callable[[str], str]:
        """`link` from ``page``, for a page that links to many: what depends on it alone is worked out once."""
        here = self.url(page)
        base = (here if here.endswith("/") else posixpath.dirname(here) + "/").rstrip("/") or "."
        folders: dict[str, str] = {}  # a site has few folders: each one's way from here, once

        def href(to: str) -> str:
            target = self.url(to)
            if target.endswith("/") or not target:
                relative = _relative(target or ".", base)
                if target.endswith("/") and not relative.endswith("/"):
                    relative += "/"
            else:
                folder, _, name = target.rpartition("/")
                up = folders.get(folder)
                if up is None:
                    up = folders[folder] = _relative(folder or ".", base)
                relative = name if up == "." else f"{up}/{name}"
            return "./" if relative in (".", "./") else relative

        return href


@functools.lru_cache(maxsize=4096)
def _relative(target: str, base: str) -> str:
    return posixpath.relpath(target, base)


DOWNLOADS_DIR = "downloads"
"""Where the Word and PDF copies of the job sheets go, inside the generated folder."""


@dataclass(frozen=True)
class Downloads:
    """Which copies the handbook offers and where they are; handed to the post template."""

    layout: SiteLayout
    formats: tuple[str, ...]

    def path(self, key: str, file_format: str) -> str:
        """Where the copy lives, relative to the generated folder."""
        return f"{DOWNLOADS_DIR}/{key}.{file_format}"

    def department_name(self, key: str) -> str:
        """Where a department's organisation sheet goes, inside the downloads folder (without suffix)."""
        return f"departments/{key}"

    def href(self, key: str, file_format: str) -> Markup:
        """The link from the post's page to its copy (ids are safe slugs, so the href needs no escaping)."""
        target = f"{self.layout.folder}/{self.path(key, file_format)}"
        return Markup(self.layout.link(self.layout.post(key), target))

    def department_href(self, key: str, file_format: str, page: str | None = None) -> Markup:
        """The link to a department's organisation sheet from ``page`` (by default the department's own page)."""
        target = f"{self.layout.folder}/{self.path(self.department_name(key), file_format)}"
        return Markup(self.layout.link(page or self.layout.department(key), target))
