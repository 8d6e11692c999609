"""`orgspec new post|department`: start a new YAML file from a commented skeleton."""

from __future__ import annotations

from pathlib import Path

import click

from orgspec.commands.common import folder, project_folder, say, writing
from orgspec.core.errors import RefusedError
from orgspec.core.write import create_new
from orgspec.load.project import DEPARTMENTS_DIR, ROLES_DIR, Project, files_defining, load_project
from orgspec.scaffold.new import (
    budgeting_department,
    department_path,
    department_skeleton,
    is_id,
    post_code,
    post_path,
    post_skeleton,
    require,
)


def _id(_context: click.Context, _parameter: click.Parameter, value: str | None) -> str | None:
    if value is not None and not is_id(value):
        raise click.BadParameter(
            f"'{value}' is not an id: use lowercase letters, digits and hyphens, e.g. sales-manager"
        )
    return value


def _project(root: Path) -> Project:
    project, _ = load_project(root)  # problems in other files are `orgspec check`'s business
    return project


def _refuse_taken(root: Path, folder_name: str, kind: str, key: str) -> None:
    """Refuse an id that a file gives already, wherever it lies in the folder (``roles/sub/driver.yaml`` too)."""
    for taken in files_defining(root, folder_name, key):
        raise RefusedError(
            f"{root / taken}: the {kind} '{key}' exists already; not replaced (choose another id or edit this file)"
        )


def _create(root: Path, relative: str, text: str) -> None:
    """Write the new file; never replace one that exists (exit 1, file untouched)."""
    target = root / relative
    with writing(target):
        created = create_new(target, text.encode("utf-8"))
    if not created:
        raise RefusedError(f"{target}: exists already; not replaced (choose another id or edit the file)")
    say(f"created {target}", err=False)
    say(f"next: fill it in, then run orgspec check {root}")


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
@project_folder
def new_post(
    key: str, department: str, reports_to: str | None, title: str | None, path: Path | None, project: Path | None
) -> None:
    """Write roles/ID.yaml: a new post in DEPARTMENT, valid and ready to fill in."""
    root = folder(project, path)
    _refuse_taken(root, ROLES_DIR, "post", key)
    project_read = _project(root)
    require("department", department, project_read.departments)
    require("post", reports_to, project_read.posts)
    text = post_skeleton(
        key,
        department=department,
        title=title,
        reports_to=reports_to,
        code=post_code(project_read, department),
        grades=[grade.id for grade in project_read.settings.grades],
        clauses=list(project_read.clauses),
        budgeted_by=budgeting_department(project_read, department),
    )
    _create(root, post_path(key), text)


@new_command.command(name="department")
@click.argument("key", metavar="ID", callback=_id)
@click.option("--parent", metavar="ID", callback=_id, help="Id of the parent department.")
@click.option("--name", help="The department's name (部门名称); default: the id.")
@project_folder
def new_department(key: str, parent: str | None, name: str | None, path: Path | None, project: Path | None) -> None:
    """Write departments/ID.yaml: a new department, valid and ready to fill in."""
    root = folder(project, path)
    _refuse_taken(root, DEPARTMENTS_DIR, "department", key)
    project_read = _project(root)
    require("department", parent, project_read.departments)
    skeleton = department_skeleton(key, name=name, parent=parent, clauses=list(project_read.clauses))
    _create(root, department_path(key), skeleton)
