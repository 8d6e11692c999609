"""A content-addressed cache of the handbook's downloads, in the project's ``.cache/orgspec``.

Making a PDF takes WeasyPrint about a tenth of a second per post, a Word
file a few hundredths; over hundreds of posts that would dominate every
build. A copy is made again only when something that shapes it changed:
the key hashes the input, the version of the library and the source of the
code that lays it out. Each post keeps only its latest copy, so the cache
does not grow with edits. ``.cache/`` is ignored by git in new projects.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from orgspec.core.write import write_if_changed

CACHE_DIR = Path(".cache") / "orgspec" / "downloads"
FINGERPRINTED = ("views", "export", "i18n", "site")
"""The packages whose code shapes a copy: what a sheet shows, how it is laid out, its labels."""


@cache
def code_fingerprint(packages: tuple[str, ...] = FINGERPRINTED) -> str:
    """A hash of the code of orgspec's ``packages`` (``""``: all of it), so that what changed code would
    make differently is never served from an old copy. By default: the sheet, export and label code."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for path in sorted(path for package in packages for path in (root / package).rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def library_version(distribution: str) -> str:
    """The installed version of ``distribution`` ("-" when it is not installed), for keys of what it makes."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


def cache_key(*parts: str) -> str:
    """A key over ``parts`` and the export code."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class DownloadCache:
    """Made copies by name (e.g. ``internal/driver.pdf``) and key; a folder of None caches nothing."""

    folder: Path | None

    def get(self, name: str, key: str, make: Callable[[], bytes]) -> bytes:
        """The copy of ``name`` for ``key``: from the cache, or made and stored (best effort)."""
        if self.folder is None:
            return make()
        path = self._path(name, key)
        try:
            return path.read_bytes()
        except OSError:
            pass
        content = make()
        try:
            write_if_changed(path, content)
            self._forget_others(path)
        except OSError:
            pass  # a read-only project still builds, just without the cache
        return content

    def _path(self, name: str, key: str) -> Path:
        stem, _, suffix = name.rpartition(".")
        assert self.folder is not None
        return self.folder / stem / f"{key}.{suffix}"

    @staticmethod
    def _forget_others(path: Path) -> None:
        """Only the latest copy of a post is kept."""
        for other in path.parent.glob(f"*{path.suffix}"):
            if other != path:
                other.unlink(missing_ok=True)
