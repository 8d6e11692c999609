"""`orgspec import docx|xlsx|csv`: bring existing job descriptions and staffing tables into the project."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from orgspec.commands.common import format_option, options, project_option, project_root, writing
from orgspec.core.errors import RefusedError, UnknownNameError, UsageError
from orgspec.core.write import create_new
from orgspec.importer.documents import Options, import_documents
from orgspec.importer.plan import Plan
from orgspec.importer.report import as_json, summary_lines
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


def finish(plan: Plan, *, dry_run: bool, output_format: str) -> None:
    """Write the plan's files (never replacing one), print the report, exit 1 when a file could not be imported."""
    if not dry_run:
        for path, text in plan.files:
            with writing(path):
                if not create_new(path, text.encode("utf-8")):
                    raise RefusedError(f"{path}: appeared while importing; not replaced")
    if output_format == "json":
        click.echo(json.dumps(as_json(plan, dry_run=dry_run), ensure_ascii=False, indent=2))
    else:
        for note in plan.notes:
            click.echo(note.format(plan.locale), err=True)
        for line in summary_lines(plan, dry_run=dry_run):
            click.echo(line)
    sys.exit(1 if plan.failed else 0)


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
    plan = import_documents(loaded, paths, Options(out or loaded.root / ROLES_DIR, department, post_id))
    finish(plan, dry_run=dry_run, output_format=output_format)
