"""`orgspec diff OLD [NEW]`: what a restructure changes, between two git revisions.

Exit codes: 0 the diff was printed, 1 a revision's organisation does not
validate (its errors are printed), 2 not a git repository, unknown revision,
or not a project folder.
"""

from __future__ import annotations

from pathlib import Path

import click

from orgspec.analysis.diff import diff
from orgspec.analysis.gitread import check_revision, git, read_revision
from orgspec.check.pipeline import CheckResult, check_project
from orgspec.commands.common import (
    chosen_edition,
    edition_option,
    folder,
    format_option,
    project_option,
    stop_on_problems,
)
from orgspec.core.errors import ProblemsFound, UsageError
from orgspec.edition import publish
from orgspec.i18n import translate
from orgspec.render.diff_json import as_json
from orgspec.render.diff_page import as_html
from orgspec.render.diff_report import as_markdown, as_text
from orgspec.render.diff_style import Side


def _version(path: Path, revision: str | None) -> tuple[CheckResult, Side]:
    """The checked organisation of a revision, or of the working tree (None)."""
    if revision is None:
        return check_project(folder(path)), Side()
    read = read_revision(path, revision)
    return check_revision(path, read), Side(revision, read.commit)


def _valid(result: CheckResult, side: Side) -> CheckResult:
    """The version, or `ProblemsFound` with its errors printed when it does not validate."""
    where = f"{side.revision}:" if side.revision is not None else ""
    try:
        return stop_on_problems(result, show="errors", where=where)
    except ProblemsFound:
        key = "diff.invalid" if side.revision is not None else "diff.invalid-working-tree"
        message = translate(key, result.locale, {"revision": side.revision, "errors": result.errors})
        raise ProblemsFound(f"orgspec diff: {message}") from None


@click.command(name="diff")
@click.argument("old")
@click.argument("new", required=False)
@format_option(["text", "markdown", "json", "html"])
@project_option
@edition_option
def diff_command(old: str, new: str | None, output_format: str, project: Path | None, edition: str | None) -> None:
    """Departments and posts changed from git revision OLD to NEW (default: the working tree).

    html writes one offline page with the org charts before and after side by side.
    """
    path = project or Path()
    if not path.is_dir():
        raise UsageError(f"{path} is not a folder")
    git(path, "rev-parse", "--git-dir")
    path = path.resolve()  # its name stands in for the organisation's when a revision has no settings file
    before, old_side = _version(path, old)
    before = _valid(before, old_side)
    after, new_side = _version(path, new)
    after = _valid(after, new_side)
    chosen = chosen_edition(after, edition)
    versions = (publish(before.organisation, chosen), publish(after.organisation, chosen))
    result = diff(*versions)
    if output_format == "json":
        click.echo(as_json(result, old_side, new_side), nl=False)
    elif output_format == "html":
        click.echo(as_html(result, versions, (old_side, new_side)), nl=False)
    else:
        render = as_markdown if output_format == "markdown" else as_text
        click.echo(render(result, old_side, new_side, after.locale), nl=False)
