"""`orgspec export docx|pdf|csv|xlsx`: job sheets for Word and print, the post register for spreadsheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from orgspec.commands.common import (
    checked,
    chosen_edition,
    edition_option,
    folder,
    force_option,
    options,
    project_option,
)
from orgspec.edition.redact import redact
from orgspec.export.guard import write_owned
from orgspec.export.package import document_time
from orgspec.export.pdf import pdf_document, sheet_html, weasyprint
from orgspec.export.selection import Document, documents
from orgspec.export.word import word_document
from orgspec.i18n import label, translate
from orgspec.link.organisation import Organisation
from orgspec.render.templates import environment
from orgspec.views.common import Ctx
from orgspec.views.sheet import JobSheet, job_sheet


@click.group(name="export")
def export_command() -> None:
    """Job sheets as Word or PDF files; the post register as CSV or Excel."""


def _context(root: Path, edition: str | None) -> Ctx:
    """The checked organisation as the edition shows it; `ProblemsFound` when it has errors."""
    result = checked(root)
    return Ctx(redact(result.organisation, chosen_edition(result, edition)))


def _write(files: dict[Path, bytes], force: bool) -> None:
    """Write every file, or none when one would replace a file that orgspec did not write (`orgspec.export.guard`)."""
    written = write_owned(files, force=force)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"{len(written)} written, {len(files) - len(written)} unchanged", err=True)


WRITES = options(project_option, edition_option, force_option)
"""What every export takes: the project, the edition, and whether to replace files orgspec did not write."""
sheet_options = options(
    click.argument("posts", nargs=-1, metavar="[POST]..."),
    click.option(
        "--department", "departments", multiple=True, metavar="ID", help="The posts of a department (repeatable)."
    ),
    click.option("--all", "every", is_flag=True, help="Every post."),
    click.option("--booklet", is_flag=True, help="One document per department holding all its posts."),
    click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True, help="Folder to write to."),
    WRITES,
)
"""The selection options shared by the docx and pdf exports."""
register_options = options(
    click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True, help="File to write."),
    WRITES,
)


def _documents(
    ctx: Ctx, posts: Sequence[str], departments: Sequence[str], every: bool, booklet: bool
) -> list[Document]:
    return documents(ctx.organisation, list(posts), departments, every=every, booklet=booklet)


def booklet_title(organisation: Organisation, document: Document, sheets: Sequence[JobSheet]) -> str:
    if document.department is None:
        return sheets[0].heading
    name = organisation.departments[document.department].name
    return translate("sheet.booklet", organisation.settings.locale, {"department": name})


def _when(organisation: Organisation, posts: Sequence[str]) -> dt.datetime:
    """The documents' date: SOURCE_DATE_EPOCH, or the latest revision of the posts in them."""
    return document_time(revision.date for key in posts for revision in organisation.posts[key].revisions)


@dataclass(frozen=True)
class SheetRequest:
    """What ``export docx`` and ``export pdf`` were asked for."""

    posts: tuple[str, ...]
    departments: tuple[str, ...]
    every: bool
    booklet: bool
    out: Path
    project: Path | None
    edition: str | None
    force: bool


Render = Callable[[list[JobSheet], dt.datetime, str], bytes]


def _export_sheets(request: SheetRequest, suffix: str, render: Callable[[Ctx, Path], Render]) -> None:
    """One file per document: each post, or each department's booklet."""
    root = folder(request.project)
    ctx = _context(root, request.edition)
    make = render(ctx, root)
    files: dict[Path, bytes] = {}
    for document in _documents(ctx, request.posts, request.departments, request.every, request.booklet):
        sheets = [job_sheet(ctx, key) for key in document.posts]
        title = booklet_title(ctx.organisation, document, sheets)
        files[request.out / f"{document.name}.{suffix}"] = make(sheets, _when(ctx.organisation, document.posts), title)
    _write(files, request.force)


def _word(_ctx: Ctx, _root: Path) -> Render:
    return lambda sheets, when, title: word_document(sheets, when, title=title)


def _pdf(ctx: Ctx, root: Path) -> Render:
    env = environment(root, ctx.organisation.settings.locale)
    return lambda sheets, when, title: pdf_document(sheet_html(sheets, when, title=title, env=env), base=root)


@export_command.command(name="docx")
@sheet_options
def docx_command(**options: Any) -> None:
    """Word job sheets (岗位说明书), one .docx per post, or per department with --booklet."""
    _export_sheets(SheetRequest(**options), "docx", _word)


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
    from orgspec.export.register import register_csv, register_header, register_rows  # openpyxl: slow to import

    ctx = _context(folder(project), edition)
    header = register_header(ctx.organisation.settings.locale)
    _write({out: register_csv(header, register_rows(ctx))}, force)


@export_command.command(name="xlsx")
@register_options
def xlsx_command(out: Path, project: Path | None, edition: str | None, force: bool) -> None:
    """The post register as an Excel workbook."""
    from orgspec.export.register import register_header, register_rows, register_xlsx  # openpyxl: slow to import

    ctx = _context(folder(project), edition)
    settings = ctx.organisation.settings
    content = register_xlsx(
        register_header(settings.locale),
        register_rows(ctx),
        title=label("register.sheet", settings.locale),
        author=settings.name,
        when=_when(ctx.organisation, list(ctx.organisation.posts)),
    )
    _write({out: content}, force)
