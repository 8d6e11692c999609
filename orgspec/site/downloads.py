"""The Word and PDF copies of every job sheet and organisation sheet, offered on the post and department pages.

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
from orgspec.render.handbook import Handbook
from orgspec.site.cache import DownloadCache, cache_key
from orgspec.views.department_sheet import department_sheet
from orgspec.views.sheet import JobSheet, job_sheet


@dataclass(frozen=True)
class Copies:
    """The copies made: their files (path inside the generated folder → bytes) and their formats."""

    files: dict[str, bytes]
    formats: tuple[str, ...]


@dataclass(frozen=True)
class Copy:
    """One document offered for download: where it goes (without suffix), its sheets and its date."""

    name: str
    sheets: list[JobSheet]
    when: dt.datetime


def wanted_copies(book: Handbook) -> list[Copy]:
    """Every post's job sheet, and every department's organisation sheet (组织说明书)."""
    organisation = book.organisation
    ctx = book.ctx
    posts = [
        Copy(key, [job_sheet(ctx, key)], document_time(revision.date for revision in post.revisions))
        for key, post in organisation.posts.items()
    ]
    departments = [
        Copy(
            book.downloads.department_name(key),
            [department_sheet(ctx, key)],
            document_time(revision.date for revision in department.revisions),
        )
        for key, department in organisation.departments.items()
    ]
    return posts + departments


def make_copies(book: Handbook, root: Path, cache: Path | None, progress: Progress = SILENT) -> Copies:
    """Every Word and PDF copy, as ``orgspec.yaml`` asks (``downloads``), cached in ``cache``.

    PDF copies are left out, all of them, when WeasyPrint or its libraries are missing. Each copy
    made or taken from the cache is a step of ``progress``.
    """
    store = DownloadCache(cache)
    wanted = book.organisation.settings.downloads
    copies = wanted_copies(book) if wanted else []
    files: dict[str, bytes] = {}
    if "docx" in wanted:
        with progress.steps("Word copies", len(copies)) as step:
            for copy in copies:
                files[book.downloads.path(copy.name, "docx")] = _word_copy(copy, store)
                step(copy.name)
    pdfs = _pdf_copies(book, copies, root, store, progress) if "pdf" in wanted else {}
    files.update({book.downloads.path(name, "pdf"): pdf for name, pdf in pdfs.items()})
    return Copies(files, tuple(name for name in ("docx", "pdf") if name in wanted and (name != "pdf" or pdfs)))


def _word_copy(copy: Copy, store: DownloadCache) -> bytes:
    from orgspec.export.word import word_document  # python-docx: imported by a generate that makes Word copies

    word_key = cache_key(repr(copy.sheets), copy.when.isoformat(), version("python-docx"))
    return store.get(f"{copy.name}.docx", word_key, partial(word_document, copy.sheets, copy.when))


def _pdf_copies(
    book: Handbook, copies: list[Copy], root: Path, store: DownloadCache, progress: Progress
) -> dict[str, bytes]:
    """The PDF of every copy, or none when WeasyPrint or its libraries are missing."""
    if not pdf_installed():
        return {}
    made: dict[str, bytes] = {}
    with progress.steps("PDF copies", len(copies)) as step:
        for copy in copies:
            html = sheet_html(copy.sheets, copy.when, env=book.env)
            try:
                make = partial(pdf_document, html, base=root)
                made[copy.name] = store.get(f"{copy.name}.pdf", cache_key(source_hash(html)), make)
            except PdfUnavailableError:
                return {}  # the package is there, its system libraries are not: no PDFs rather than some
            step(copy.name)
    return made
