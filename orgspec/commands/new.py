"""`orgspec new post|department`: start a new YAML file from a commented skeleton."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from orgspec.load.project import Project, load_project
from orgspec.scaffold import (
    ScaffoldError,
    budgeting_department,
    department_path,
    department_skeleton,
    is_id,
    post_code,
    post_path,
    post_skeleton,
    require,
)
from orgspec.write import create_new

PATH_ARGUMENT = click.argument("path", type=click.Path(path_type=Path, file_okay=False), default=".")


def _id(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    if value is not None and not is_id(value):
        raise click.BadParameter(
            f"'{value}' is not an id: use lowercase letters, digits and hyphens, e.g. sales-manager"
        )
    return value


def _project(path: Path) -> Project:
    from orgspec.cli import project_root

    project, _ = load_project(project_root(path))  # problems in other files are `orgspec check`'s business
    return project


def _create(root: Path, relative: str, text: str) -> None:
    """Write the new file; never replace one that exists (exit 1, file untouched)."""
    target = root / relative
    if not create_new(target, text.encode("utf-8")):
        click.echo(f"{target}: exists already; not replaced (choose another id or edit the file)", err=True)
        sys.exit(1)
    click.echo(f"created {target}")
    click.echo(f"next: fill it in, then run orgspec check {root}", err=True)


@click.group(name="new")
def new_command() -> None:
    """Start a new post or department from a commented skeleton."""


@new_command.command(name="post")
@click.argument("key", metavar="ID", callback=_id)
@click.option(
    "--department", required=True, metavar="ID", callback=_id, help="Id of the department the post belongs to."
)
@click.option("--reports-to", metavar="ID", callback=_id, help="Id of the post it reports to (its direct superior).")
@click.option("--title", help="The post's title (岗位名称); default: the id.")
@PATH_ARGUMENT
def new_post(key: str, department: str, reports_to: str | None, title: str | None, path: Path) -> None:
    """Write roles/ID.yaml: a new post in DEPARTMENT, valid and ready to fill in."""
    project = _project(path)
    try:
        require("department", department, project.departments)
        require("post", reports_to, project.posts)
    except ScaffoldError as error:
        raise click.UsageError(str(error)) from error
    text = post_skeleton(
        key,
        department=department,
        title=title,
        reports_to=reports_to,
        code=post_code(project, department),
        grades=[grade.id for grade in project.settings.grades],
        clauses=list(project.clauses),
        budgeted_by=budgeting_department(project, department),
    )
    _create(path, post_path(key), text)


@new_command.command(name="department")
@click.argument("key", metavar="ID", callback=_id)
@click.option("--parent", metavar="ID", callback=_id, help="Id of the parent department.")
@click.option("--name", help="The department's name (部门名称); default: the id.")
@PATH_ARGUMENT
def new_department(key: str, parent: str | None, name: str | None, path: Path) -> None:
    """Write departments/ID.yaml: a new department, valid and ready to fill in."""
    project = _project(path)
    try:
        require("department", parent, project.departments)
    except ScaffoldError as error:
        raise click.UsageError(str(error)) from error
    _create(
        path, department_path(key), department_skeleton(key, name=name, parent=parent, clauses=list(project.clauses))
    )
