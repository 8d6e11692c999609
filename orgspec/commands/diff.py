"""`orgspec diff OLD [NEW]`: what a restructure changes, between two git revisions.

Exit codes: 0 the diff was printed, 1 a revision's organisation does not
validate (its errors are printed), 2 not a git repository, unknown revision,
or not a project folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from orgspec.commands.compare import PATH_OPTION, print_errors
from orgspec.diff import diff
from orgspec.diff_report import Side, as_json, as_markdown, as_text
from orgspec.gitread import GitError, check_revision, git, read_revision
from orgspec.i18n import translate
from orgspec.pipeline import CheckResult, check_project


class GitProblem(click.ClickException):
    """git refused: not a repository, an unknown revision; a usage error (exit 2)."""

    exit_code = 2


def _version(path: Path, revision: str | None) -> tuple[CheckResult, Side]:
    """The checked organisation of a revision, or of the working tree (None)."""
    if revision is None:
        from orgspec.cli import project_root

        return check_project(project_root(path)), Side()
    try:
        read = read_revision(path, revision)
    except GitError as error:
        raise GitProblem(str(error)) from None
    return check_revision(path, read), Side(revision, read.commit)


def _valid(result: CheckResult, side: Side) -> None:
    """Stop with exit 1, printing the errors, when a version does not validate."""
    if not result.failed():
        return
    where = f"{side.revision}:" if side.revision is not None else ""
    print_errors(result, where=where)
    key = "diff.invalid" if side.revision is not None else "diff.invalid-working-tree"
    message = translate(key, result.locale, {"revision": side.revision, "errors": result.errors})
    click.echo(f"orgspec diff: {message}", err=True)
    sys.exit(1)


@click.command(name="diff")
@click.argument("old")
@click.argument("new", required=False)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True
)
@PATH_OPTION
def diff_command(old: str, new: str | None, output_format: str, path: Path) -> None:
    """Posts added, removed, renamed, moved and changed from git revision OLD to NEW (default: the working tree)."""
    if not path.is_dir():
        raise click.UsageError(f"{path} is not a folder")
    try:
        git(path, "rev-parse", "--git-dir")
    except GitError as error:
        raise GitProblem(str(error)) from None
    path = path.resolve()  # its name stands in for the organisation's when a revision has no settings file
    before, old_side = _version(path, old)
    _valid(before, old_side)
    after, new_side = _version(path, new)
    _valid(after, new_side)
    result = diff(before.organisation, after.organisation)
    if output_format == "json":
        click.echo(as_json(result, old_side, new_side), nl=False)
    else:
        render = as_markdown if output_format == "markdown" else as_text
        click.echo(render(result, old_side, new_side, after.locale), nl=False)
