"""`orgspec export docx|pdf|csv|xlsx`: job sheets for Word and print, the post register for spreadsheets."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from orgspec.edition import redact
from orgspec.export.guard import replaceable
from orgspec.export.package import document_time
from orgspec.export.pdf import PdfUnavailableError, pdf_document, sheet_html, weasyprint
from orgspec.export.selection import Document, SelectionError, documents
from orgspec.export.sheet import JobSheet, job_sheet
from orgspec.export.word import word_document
from orgspec.i18n import label, translate
from orgspec.load.project import is_project
from orgspec.model.types import ID_RE
from orgspec.organisation import Organisation
from orgspec.render.templates import environment
from orgspec.render.views import Ctx, Edition
from orgspec.write import write_if_changed

EDITION = click.option(
    "--edition",
    type=click.Choice(["internal", "public"]),
    default=None,
    help="public leaves out every item marked internal; default: the edition in orgspec.yaml.",
)
FORCE = click.option(
    "--force", is_flag=True, help="Also replace files that orgspec did not write (or that were edited)."
)


@click.group(name="export")
def export_command() -> None:
    """Job sheets as Word or PDF files; the post register as CSV or Excel."""


def _context(path: Path, edition: str | None) -> Ctx:
    """The checked organisation as the edition shows it; exits 1 when it has errors."""
    from orgspec.cli import print_result, project_root
    from orgspec.pipeline import check_project

    result = check_project(project_root(path))
    if result.diagnostics:
        print_result(result, "text")
    if result.failed():
        sys.exit(1)
    chosen = edition or result.organisation.settings.edition
    return Ctx(redact(result.organisation, chosen), Edition(chosen))


def split_arguments(arguments: Sequence[str]) -> tuple[list[str], Path]:
    """Post ids and the project folder: the last argument is the folder when it is one or cannot be an id."""
    if arguments and (is_project(Path(arguments[-1])) or not ID_RE.match(arguments[-1])):
        return list(arguments[:-1]), Path(arguments[-1])
    return list(arguments), Path()


def _write(files: dict[Path, bytes], force: bool) -> None:
    """Write every file, or none when one would replace a file that orgspec did not write."""
    foreign = [path for path, content in files.items() if not force and not replaceable(path, content)]
    if foreign:
        for path in foreign:
            click.echo(f"{path}: not replaced: orgspec did not write this file (or it was edited since)", err=True)
        click.echo("nothing written; move those files away, choose another --out, or use --force", err=True)
        sys.exit(1)
    written = [path for path, content in files.items() if write_if_changed(path, content)]
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"{len(written)} written, {len(files) - len(written)} unchanged", err=True)


def sheet_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The selection options shared by the docx and pdf exports."""
    for option in reversed(
        [
            click.argument("arguments", nargs=-1, metavar="[POST]... [PATH]"),
            click.option(
                "--department",
                "departments",
                multiple=True,
                metavar="ID",
                help="The posts of a department (repeatable).",
            ),
            click.option("--all", "every", is_flag=True, help="Every post."),
            click.option("--booklet", is_flag=True, help="One document per department holding all its posts."),
            click.option(
                "--out", type=click.Path(path_type=Path, file_okay=False), required=True, help="Folder to write to."
            ),
            EDITION,
            FORCE,
        ]
    ):
        function = option(function)
    return function


def _documents(
    ctx: Ctx, arguments: Sequence[str], departments: Sequence[str], every: bool, booklet: bool
) -> list[Document]:
    posts, _ = split_arguments(arguments)
    try:
        return documents(ctx.organisation, posts, departments, every=every, booklet=booklet)
    except SelectionError as error:
        raise click.UsageError(str(error)) from error


def booklet_title(organisation: Organisation, document: Document, sheets: Sequence[JobSheet]) -> str:
    if document.department is None:
        return sheets[0].heading
    name = organisation.departments[document.department].name
    return translate("sheet.booklet", organisation.settings.locale, {"department": name})


def _when(organisation: Organisation, posts: Sequence[str]) -> dt.datetime:
    """The documents' date: SOURCE_DATE_EPOCH, or the latest revision of the posts in them."""
    return document_time(revision.date for key in posts for revision in organisation.posts[key].revisions)


@export_command.command(name="docx")
@sheet_options
def docx_command(
    arguments: tuple[str, ...],
    departments: tuple[str, ...],
    every: bool,
    booklet: bool,
    out: Path,
    edition: str | None,
    force: bool,
) -> None:
    """Word job sheets (岗位说明书), one .docx per post, or per department with --booklet.

    The last argument is the project folder (default: here) when it is one.
    """
    ctx = _context(split_arguments(arguments)[1], edition)
    files: dict[Path, bytes] = {}
    for document in _documents(ctx, arguments, departments, every, booklet):
        sheets = [job_sheet(ctx, key) for key in document.posts]
        title = booklet_title(ctx.organisation, document, sheets)
        files[out / f"{document.name}.docx"] = word_document(
            sheets, _when(ctx.organisation, document.posts), title=title
        )
    _write(files, force)


@export_command.command(name="pdf")
@sheet_options
def pdf_command(
    arguments: tuple[str, ...],
    departments: tuple[str, ...],
    every: bool,
    booklet: bool,
    out: Path,
    edition: str | None,
    force: bool,
) -> None:
    """PDF job sheets (岗位说明书), one per post, or per department with --booklet (needs orgspec[pdf]).

    The last argument is the project folder (default: here) when it is one.
    """
    try:
        weasyprint()
    except PdfUnavailableError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    root = split_arguments(arguments)[1]
    ctx = _context(root, edition)
    env = environment(root, ctx.organisation.settings.locale)
    files: dict[Path, bytes] = {}
    for document in _documents(ctx, arguments, departments, every, booklet):
        sheets = [job_sheet(ctx, key) for key in document.posts]
        when = _when(ctx.organisation, document.posts)
        html = sheet_html(sheets, when, title=booklet_title(ctx.organisation, document, sheets), env=env)
        files[out / f"{document.name}.pdf"] = pdf_document(html, base=root)
    _write(files, force)


def register_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        [
            click.argument("path", type=click.Path(path_type=Path, file_okay=False), default="."),
            click.option(
                "--out", type=click.Path(path_type=Path, dir_okay=False), required=True, help="File to write."
            ),
            EDITION,
            FORCE,
        ]
    ):
        function = option(function)
    return function


@export_command.command(name="csv")
@register_options
def csv_command(path: Path, out: Path, edition: str | None, force: bool) -> None:
    """The post register: code, title, department, grade, superior and head counts, as CSV (UTF-8)."""
    from orgspec.export.register import register_csv, register_header, register_rows  # openpyxl: slow to import

    ctx = _context(path, edition)
    header = register_header(ctx.organisation.settings.locale)
    _write({out: register_csv(header, register_rows(ctx))}, force)


@export_command.command(name="xlsx")
@register_options
def xlsx_command(path: Path, out: Path, edition: str | None, force: bool) -> None:
    """The post register as an Excel workbook."""
    from orgspec.export.register import register_header, register_rows, register_xlsx  # openpyxl: slow to import

    ctx = _context(path, edition)
    settings = ctx.organisation.settings
    content = register_xlsx(
        register_header(settings.locale),
        register_rows(ctx),
        title=label("register.sheet", settings.locale),
        author=settings.name,
        when=_when(ctx.organisation, list(ctx.organisation.posts)),
    )
    _write({out: content}, force)
