"""The Word and PDF copies of every job sheet, offered for download on the post pages.

They are generated with the handbook into ``docs/handbook/downloads``; the
site builders copy files that are not Markdown as they are. Word copies are
always made (python-docx is a dependency); PDF copies when the ``pdf``
extra and its system libraries are installed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from importlib.metadata import version
from pathlib import Path

from markupsafe import Markup

from orgspec.export.cache import CACHE_DIR, DownloadCache, cache_key
from orgspec.export.package import document_time
from orgspec.export.pdf import PdfUnavailableError, pdf_document, pdf_installed, sheet_html, source_hash
from orgspec.export.sheet import job_sheet
from orgspec.export.word import word_document
from orgspec.render.layout import SiteLayout
from orgspec.render.pages import Handbook

DOWNLOADS_DIR = "downloads"


@dataclass(frozen=True)
class Downloads:
    """Which copies the handbook offers and where they are; given to the post template as ``downloads``."""

    layout: SiteLayout
    formats: tuple[str, ...]

    def path(self, key: str, file_format: str) -> str:
        """Where the copy lives, relative to the generated folder."""
        return f"{DOWNLOADS_DIR}/{key}.{file_format}"

    def href(self, key: str, file_format: str) -> Markup:
        """The link from the post's page to its copy (ids are safe slugs, so the href needs no escaping)."""
        target = f"{self.layout.folder}/{self.path(key, file_format)}"
        return Markup(self.layout.link(self.layout.post(key), target))


def offer_downloads(book: Handbook, root: Path, *, cached: bool = True) -> dict[str, bytes]:
    """Every post's copies, keyed by path inside the generated folder.

    Also tells the post template which formats there are, so call it before
    rendering the pages.
    """
    store = DownloadCache(root / CACHE_DIR / book.ctx.edition.name if cached else None)
    layout = Downloads(book.layout, ())
    wanted = book.organisation.settings.downloads
    files: dict[str, bytes] = {}
    if "docx" in wanted:
        files.update({layout.path(key, "docx"): _word_copy(book, key, store) for key in book.organisation.posts})
    pdfs = _pdf_copies(book, root, store) if "pdf" in wanted else {}
    files.update({layout.path(key, "pdf"): pdf for key, pdf in pdfs.items()})
    formats = tuple(name for name in ("docx", "pdf") if name in wanted and (name != "pdf" or pdfs))
    book.env.globals["downloads"] = Downloads(book.layout, formats)
    return files


def _when(book: Handbook, key: str) -> dt.datetime:
    return document_time(revision.date for revision in book.organisation.posts[key].revisions)


def _word_copy(book: Handbook, key: str, store: DownloadCache) -> bytes:
    sheet = job_sheet(book.ctx, key)
    when = _when(book, key)
    word_key = cache_key(repr(sheet), when.isoformat(), version("python-docx"))
    return store.get(f"{key}.docx", word_key, partial(word_document, [sheet], when))


def _pdf_copies(book: Handbook, root: Path, store: DownloadCache) -> dict[str, bytes]:
    """The PDF of every post, or none when WeasyPrint or its libraries are missing."""
    if not pdf_installed():
        return {}
    copies: dict[str, bytes] = {}
    for key in book.organisation.posts:
        html = sheet_html([job_sheet(book.ctx, key)], _when(book, key), env=book.env)
        try:
            copies[key] = store.get(f"{key}.pdf", cache_key(source_hash(html)), partial(pdf_document, html, base=root))
        except PdfUnavailableError:
            return {}  # the package is there, its system libraries are not: no PDFs rather than some
    return copies
