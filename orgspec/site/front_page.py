"""The site's front page, docs/index.md: the handbook's home, unless the project has a front page of its own.

Nothing a person wrote is replaced or removed. orgspec writes the front page
with a mark as the first line of its front matter, and the mark carries a
digest of everything after it. orgspec replaces the file only while both
hold: a docs/index.md without the mark was written by someone else, and a
generated one that was edited since has become its editor's. Either is left
as it is and stays the front page; the handbook's home then has a page of its
own in the handbook's folder, after it in the navigation.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from orgspec.render.urls import FRONT_PAGE

MARK = "# Written by orgspec generate, which replaces it while it is as written"
"""The start of the first line of a generated front page's front matter; the digest follows."""
FENCE = "---\n"


def _mark(body: str) -> str:
    digest = hashlib.blake2b(body.encode("utf-8"), digest_size=10).hexdigest()
    return f"{MARK} ({digest}); edited or replaced by a page of your own, it is yours and left alone."


def marked(page: str) -> str:
    """The front page with orgspec's mark (and the digest of the page) as the first line of its front matter."""
    body = page.removeprefix(FENCE) if page.startswith(FENCE) else FENCE + page
    return f"{FENCE}{_mark(body)}\n{body}"


def is_generated_front_page(path: Path) -> bool:
    """Whether ``path`` is a front page orgspec wrote and nobody changed since (and so may be replaced)."""
    try:
        if path.is_symlink() or not path.is_file():
            return False
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if not text.startswith(FENCE + MARK):
        return False
    mark, _, body = text.removeprefix(FENCE).partition("\n")
    return mark == _mark(body)


def has_own_front_page(docs: Path) -> bool:
    """Whether the project has a front page of its own: a docs/index.md that orgspec did not write as it is."""
    path = docs / FRONT_PAGE
    return (path.exists() or path.is_symlink()) and not is_generated_front_page(path)


__all__ = ["has_own_front_page", "is_generated_front_page", "marked"]
