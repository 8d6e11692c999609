"""`orgspec export docx|pdf|csv|xlsx|approvals`: job sheets for Word and print, the post register for
spreadsheets, the authority matrix for Excel (and Word, with docx --approvals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import click

from orgspec.commands.common import (
    checked,
    chosen_edition,
    edition_option,
    folder,
    force_option,
    list_files,
    options,
    progress,
    project_option,
    say,
    writing,
)
from orgspec.edition import publish
from orgspec.export.approval_word import approval_document
from orgspec.export.guard import OwnedFiles
from orgspec.export.package import document_time as package_time
from orgspec.export.pdf import pdf_document, sheet_html, source_hash, weasyprint
from orgspec.export.selection import Document, document_sheets, document_time, documents
from orgspec.export.word import word_document
from orgspec.i18n import label, translate
from orgspec.link.organisation import Organisation
from orgspec.render.templates import environment
from orgspec.site.cache import DownloadCache, cache_key, library_version
from orgspec.views.approvals import approval_grid
from orgspec.views.common import Ctx
from orgspec.views.sheet import JobSheet


@click.group(name="export")
def export_command() -> None:
    """Job sheets as Word or PDF files; the post register as CSV or Excel; the authority matrix as Excel."""


def _context(root: Path, edition: str | None) -> Ctx:
    """The checked organisation as the edition shows it; `ProblemsFound` when it has errors."""
    result = checked(root)
    return Ctx(publish(result.organisation, chosen_edition(result, edition)))


def _write(files: dict[Path, bytes], force: bool, out: Path) -> None:
    """Write every file (into ``out``), or none when one would replace a file that orgspec did not write."""
    with writing(out), OwnedFiles(files, force=force, contents=files) as owned:
        written = [path for path, content in files.items() if _write_one(owned, path, content)]
    say(f"{len(written)} written, {len(files) - len(written)} unchanged")


def _write_one(owned: OwnedFiles, path: Path, content: bytes) -> bool:
    """Write one file if it changed, and name it; True if written."""
    written = owned.write(path, content)
    if written and list_files():
        click.echo(f"wrote {path}")
    return written


WRITES = options(project_option, edition_option, force_option)
"""What every export takes: the project, the edition, and whether to replace files orgspec did not write."""
sheet_options = options(
    click.argument("posts", nargs=-1, metavar="[POST]..."),
    click.option(
        "--department", "departments", multiple=True, metavar="ID", help="The posts of a department (repeatable)."
    ),
    click.option("--all", "every", is_flag=True, help="Every post."),
    click.option(
        "--booklet", is_flag=True, help="With --all: one document per department, its organisation sheet first."
    ),
    click.option("--each", is_flag=True, help="With --department: one file per post instead of one per department."),
    click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True, help="Folder to write to."),
    WRITES,
)
"""The selection options shared by the docx and pdf exports."""
register_options = options(
    click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True, help="File to write."),
    WRITES,
)


def booklet_title(organisation: Organisation, document: Document, sheets: Sequence[JobSheet]) -> str:
    if document.department is None:
        return sheets[0].heading
    name = organisation.departments[document.department].name
    return translate("sheet.booklet", organisation.settings.locale, {"department": name})


@dataclass(frozen=True)
class SheetRequest:
    """What ``export docx`` and ``export pdf`` were asked for."""

    posts: tuple[str, ...]
    departments: tuple[str, ...]
    every: bool
    booklet: bool
    each: bool
    out: Path
    project: Path | None
    edition: str | None
    force: bool


Made = tuple[str, Callable[[], bytes]]
"""A document's cache key, and how to make it when the cache does not hold it."""
Render = Callable[[list[JobSheet], dt.datetime, str], Made]
EXPORT_CACHE = Path(".cache") / "orgspec" / "exports"
"""Where exported documents are kept by content: an export of unchanged posts reads them instead of making them."""


def _export_sheets(request: SheetRequest, suffix: str, render: Callable[[Ctx, Path], Render]) -> None:
    """One file per document (each post, or each department's booklet), written as soon as it is made.

    Files in the way that orgspec did not write are found first: then nothing at all is written
    (`orgspec.export.guard`).
    """
    root = folder(request.project)
    ctx = _context(root, request.edition)
    make = render(ctx, root)
    store = DownloadCache(root / EXPORT_CACHE)
    chosen = documents(
        ctx.organisation,
        list(request.posts),
        request.departments,
        every=request.every,
        booklet=request.booklet,
        each=request.each,
    )
    targets = [request.out / f"{document.name}.{suffix}" for document in chosen]
    written = 0
    with (
        writing(request.out),
        OwnedFiles(targets, force=request.force) as owned,
        progress().steps(f"{suffix} documents", len(chosen)) as step,
    ):
        for document, path in zip(chosen, targets, strict=True):
            sheets = document_sheets(ctx, document)
            title = booklet_title(ctx.organisation, document, sheets)
            key, make_one = make(sheets, document_time(ctx.organisation, document), title)
            written += _write_one(owned, path, store.get(path.name, key, make_one))
            step(path.name)
    say(f"{written} written, {len(targets) - written} unchanged")


def _word(_ctx: Ctx, _root: Path) -> Render:
    def made(sheets: list[JobSheet], when: dt.datetime, title: str) -> Made:
        key = cache_key(repr(sheets), when.isoformat(), title, library_version("python-docx"))
        return key, partial(word_document, sheets, when, title=title)

    return made


def _pdf(ctx: Ctx, root: Path) -> Render:
    env = environment(root, ctx.organisation.settings.locale)

    def made(sheets: list[JobSheet], when: dt.datetime, title: str) -> Made:
        html = sheet_html(sheets, when, title=title, env=env)
        return cache_key(source_hash(html)), partial(pdf_document, html, base=root)

    return made


@export_command.command(name="docx")
@sheet_options
@click.option(
    "--approvals",
    is_flag=True,
    help="The authority matrix (分权手册) as approvals.docx in --out; alone, or with the posts named.",
)
def docx_command(approvals: bool, **options: Any) -> None:
    """Word job sheets (岗位说明书), one .docx per post, or per department with --booklet."""
    request = SheetRequest(**options)
    if approvals:
        _export_matrix(request)
    if not approvals or request.posts or request.departments or request.every:
        _export_sheets(request, "docx", _word)


APPROVALS_DOCUMENT = "approvals.docx"


def _export_matrix(request: SheetRequest) -> None:
    """The authority matrix as a Word document in the folder of the job sheets."""
    ctx = _context(folder(request.project), request.edition)
    settings = ctx.organisation.settings
    content = approval_document(
        approval_grid(ctx), organisation=settings.name, locale=settings.locale, when=_matrix_time(ctx)
    )
    _write({request.out / APPROVALS_DOCUMENT: content}, request.force, request.out)


def _matrix_time(ctx: Ctx) -> dt.datetime:
    """The matrix's date: SOURCE_DATE_EPOCH, or the latest revision of the organisation."""
    organisation = ctx.organisation
    dates = [revision.date for post in organisation.posts.values() for revision in post.revisions]
    dates += [revision.date for department in organisation.departments.values() for revision in department.revisions]
    return package_time(dates)


@export_command.command(name="pdf")
@sheet_options
def pdf_command(**options: Any) -> None:
    """PDF job sheets (岗位说明书), one per post, or per department with --booklet (needs orgspec[pdf])."""
    weasyprint()
    _export_sheets(SheetRequest(**options), "pdf", _pdf)


@export_command.command(name="csv")
@register_options
def csv_command(out: Path, project: Path | None, edition: str | None, force: bool) -> None:
    """The post register: code, title, department, grade, superior and head counts, as CSV (UTF-8)."""
    from orgspec.export.register import register_csv, register_table  # openpyxl: slow to import

    ctx = _context(folder(project), edition)
    _write({out: register_csv(*register_table(ctx))}, force, out)


@export_command.command(name="xlsx")
@register_options
def xlsx_command(out: Path, project: Path | None, edition: str | None, force: bool) -> None:
    """The post register as an Excel workbook."""
    from orgspec.export.register import register_table, register_xlsx  # openpyxl: slow to import

    ctx = _context(folder(project), edition)
    settings = ctx.organisation.settings
    content = register_xlsx(
        *register_table(ctx),
        title=label("register.sheet", settings.locale),
        author=settings.name,
        when=package_time(revision.date for post in ctx.organisation.posts.values() for revision in post.revisions),
    )
    _write({out: content}, force, out)


@export_command.command(name="approvals")
@register_options
def approvals_command(out: Path, project: Path | None, edition: str | None, force: bool) -> None:
    """The authority matrix (分权手册) as an Excel workbook: items by tier, the parties that sign them."""
    from orgspec.export.approval_xlsx import approval_xlsx  # openpyxl: slow to import

    ctx = _context(folder(project), edition)
    settings = ctx.organisation.settings
    content = approval_xlsx(approval_grid(ctx), settings.locale, author=settings.name, when=_matrix_time(ctx))
    _write({out: content}, force, out)
