"""`orgspec import docx|xlsx|csv`: bring existing job descriptions and staffing tables into the project."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from orgspec.commands.common import F, format_option, options, project_option, project_root, writing
from orgspec.core.errors import ProblemsFound, RefusedError, UnknownNameError, UsageError
from orgspec.core.suggest import did_you_mean
from orgspec.core.write import create_new, write_if_changed
from orgspec.importer.documents import Options, import_documents, word_files
from orgspec.importer.merge import import_staffing
from orgspec.importer.plan import Plan
from orgspec.importer.report import as_json, staffing_lines, summary_lines
from orgspec.importer.spreadsheet import STAFFING_TARGETS
from orgspec.load.project import ROLES_DIR, Project, load_project
from orgspec.scaffold.new import is_id


def _id(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    if value is not None and not is_id(value):
        raise click.BadParameter(
            f"'{value}' is not an id: use lowercase letters, digits and hyphens, e.g. sales-manager"
        )
    return value


def _project(project: Path | None) -> Project:
    loaded, _ = load_project(project_root(project or Path()))  # problems in other files are `check`'s business
    return loaded


def finish(plan: Plan, lines: Callable[..., list[str]], *, dry_run: bool, output_format: str) -> None:
    """Write the plan's files (never replacing one), print the report, exit 1 when a file could not be imported."""
    if not dry_run:
        for path, text in plan.files:
            with writing(path):
                if not create_new(path, text.encode("utf-8")):
                    raise RefusedError(f"{path}: appeared while importing; not replaced")
        for path, text in plan.updated:
            with writing(path):
                write_if_changed(path, text.encode("utf-8"))
    if output_format == "json":
        click.echo(json.dumps(as_json(plan, dry_run=dry_run), ensure_ascii=False, indent=2))
    else:
        for note in plan.notes:
            click.echo(note.format(plan.locale), err=True)
        for line in lines(plan, dry_run=dry_run):
            click.echo(line)
    if plan.failed:
        raise ProblemsFound()  # what failed is reported above


dry_run_option = click.option("--dry-run", is_flag=True, help="Read and report, write nothing.")


@click.group(name="import")
def import_command() -> None:
    """Bring existing documents in: Word job descriptions and staffing spreadsheets."""


@import_command.command(name="docx")
@click.argument("paths", metavar="FILE|FOLDER...", nargs=-1, required=True, type=click.Path(path_type=Path))
@options(
    click.option("--department", metavar="ID", callback=_id, help="Put every post into this department."),
    click.option(
        "--out",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="Folder of the post files (default: roles/ of the project).",
    ),
    click.option("--id", "post_id", metavar="ID", callback=_id, help="The post's id, when one file is imported."),
    dry_run_option,
    format_option(["text", "json"]),
    project_option,
)
def import_docx(
    paths: tuple[Path, ...],
    department: str | None,
    out: Path | None,
    post_id: str | None,
    dry_run: bool,
    output_format: str,
    project: Path | None,
) -> None:
    """Import Word job descriptions (.docx, .doc): one post file each, and the departments they name."""
    loaded = _project(project)
    missing = [path for path in paths if not path.exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder")
    if post_id is not None and (len(paths) != 1 or paths[0].is_dir()):
        raise UsageError("--id names the post of one file: give one .docx with it")
    if department is not None and department not in loaded.departments:
        raise UnknownNameError("department", department, loaded.departments)
    if not word_files(paths):
        raise UsageError(f"{paths[0]}: no Word file (.docx or .doc) in it")
    plan = import_documents(loaded, paths, Options(out or loaded.root / ROLES_DIR, department, post_id))
    finish(plan, summary_lines, dry_run=dry_run, output_format=output_format)


def _mapping(_context: click.Context, _parameter: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    """``--map COLUMN=FIELD`` options as column → field, every field one a staffing table can fill."""
    mapping = {}
    for value in values:
        column, equals, target = value.rpartition("=")
        if not equals or not column.strip():
            raise click.BadParameter(f"'{value}' is not COLUMN=FIELD, e.g. 职务=title")
        if target.strip() not in STAFFING_TARGETS:
            raise click.BadParameter(did_you_mean("field", target.strip(), STAFFING_TARGETS))
        mapping[column.strip()] = target.strip()
    return mapping


def staffing_options(function: F) -> F:
    """What ``import xlsx`` and ``import csv`` share: --map, --update, --dry-run, --format and -C."""
    return options(
        click.option(
            "--map",
            "mapping",
            metavar="COLUMN=FIELD",
            multiple=True,
            callback=_mapping,
            help=f"Read COLUMN as FIELD ({', '.join(sorted(STAFFING_TARGETS))}); repeat for several.",
        ),
        click.option("--update", is_flag=True, help="Also set the head counts of posts the project has."),
        dry_run_option,
        format_option(["text", "json"]),
        project_option,
    )(function)


def _staffing(
    path: Path, sheet: str | None, mapping: dict[str, str], update: bool, dry_run: bool, output_format: str,
    project: Path | None,
) -> None:  # fmt: skip
    plan = import_staffing(_project(project), path, sheet=sheet, mapping=mapping, update=update)
    finish(plan, staffing_lines, dry_run=dry_run, output_format=output_format)


spreadsheet_argument = click.argument(
    "path", metavar="FILE", type=click.Path(path_type=Path, exists=True, dir_okay=False)
)


@import_command.command(name="xlsx")
@spreadsheet_argument
@click.option("--sheet", metavar="NAME", help="The worksheet to read (default: the first).")
@staffing_options
def import_xlsx(
    path: Path, sheet: str | None, mapping: dict[str, str], update: bool, dry_run: bool, output_format: str,
    project: Path | None,
) -> None:  # fmt: skip
    """Import a staffing table (.xlsx): the departments and posts it lists, with head counts and superiors."""
    _staffing(path, sheet, mapping, update, dry_run, output_format, project)


@import_command.command(name="csv")
@spreadsheet_argument
@staffing_options
def import_csv(
    path: Path, mapping: dict[str, str], update: bool, dry_run: bool, output_format: str, project: Path | None
) -> None:
    """Import a staffing table (.csv, UTF-8 or GB18030): the departments and posts it lists."""
    _staffing(path, None, mapping, update, dry_run, output_format, project)
