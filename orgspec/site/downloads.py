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

from orgspec.core.progress import SILENT, Progress
from orgspec.export.package import document_time
from orgspec.export.pdf import PdfUnavailableError, pdf_document, pdf_installed, sheet_html, source_hash
from orgspec.export.word import word_document
from orgspec.render.handbook import Handbook
from orgspec.site.cache import DownloadCache, cache_key
from orgspec.views.sheet import job_sheet


@dataclass(frozen=True)
class Copies:
    """The copies made: their files (path inside the generated folder → bytes) and their formats."""

    files: dict[str, bytes]
    formats: tuple[str, ...]


def make_copies(book: Handbook, root: Path, cache: Path | None, progress: Progress = SILENT) -> Copies:
    """Every post's Word and PDF copies, as ``orgspec.yaml`` asks (``downloads``), cached in ``cache``.

    PDF copies are left out, all of them, when WeasyPrint or its libraries are missing. Each copy
    made or taken from the cache is a step of ``progress``.
    """
    store = DownloadCache(cache)
    wanted = book.organisation.settings.downloads
    files: dict[str, bytes] = {}
    if "docx" in wanted:
        with progress.steps("Word copies", len(book.organisation.posts)) as step:
            for key in book.organisation.posts:
                files[book.downloads.path(key, "docx")] = _word_copy(book, key, store)
                step(key)
    pdfs = _pdf_copies(book, root, store, progress) if "pdf" in wanted else {}
    files.update({book.downloads.path(key, "pdf"): pdf for key, pdf in pdfs.items()})
    return Copies(files, tuple(name for name in ("docx", "pdf") if name in wanted and (name != "pdf" or pdfs)))


def _when(book: Handbook, key: str) -> dt.datetime:
    return document_time(revision.date for revision in book.organisation.posts[key].revisions)


def _word_copy(book: Handbook, key: str, store: DownloadCache) -> bytes:
    sheet = job_sheet(book.ctx, key)
    when = _when(book, key)
    word_key = cache_key(repr(sheet), when.isoformat(), version("python-docx"))
    return store.get(f"{key}.docx", word_key, partial(word_document, [sheet], when))


def _pdf_copies(book: Handbook, root: Path, store: DownloadCache, progress: Progress) -> dict[str, bytes]:
    """The PDF of every post, or none when WeasyPrint or its libraries are missing."""
    if not pdf_installed():
        return {}
    copies: dict[str, bytes] = {}
    with progress.steps("PDF copies", len(book.organisation.posts)) as step:
        for key in book.organisation.posts:
            html = sheet_html([job_sheet(book.ctx, key)], _when(book, key), env=book.env)
            try:
                make = partial(pdf_document, html, base=root)
                copies[key] = store.get(f"{key}.pdf", cache_key(source_hash(html)), make)
            except PdfUnavailableError:
                return {}  # the package is there, its system libraries are not: no PDFs rather than some
            step(key)
    return copies
