"""What every command shares: the options spelled once, and loading a checked project.

Click lives here, in the command modules and in `orgspec.cli`, nowhere
else. A command reports a failure by raising an `OrgspecError`;
`orgspec.cli` prints it and picks the exit code.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar

import click

from orgspec.check.pipeline import CheckResult, check_project
from orgspec.core.diagnostics import Findings
from orgspec.core.errors import ProblemsFound, UsageError
from orgspec.core.progress import SILENT, Progress
from orgspec.core.write import writing as writing  # every command writes through the one home of the rule
from orgspec.edition.redact import chosen_edition as edition_of
from orgspec.i18n import translate
from orgspec.load.project import SETTINGS_FILE, is_project
from orgspec.model.types import Edition

F = TypeVar("F", bound=Callable[..., Any])
Shown = Literal["all", "errors", "none"]
QUIET, NORMAL, VERBOSE = -1, 0, 1
"""How much a command says besides its output and its problems (``-q``, neither, ``-v``)."""
_VERBOSITY = "orgspec.verbosity"
SEVERITY_COLOURS = {"error": "red", "warning": "yellow"}
"""Diagnostics on a terminal (never with NO_COLOR, never in a file or a pipe)."""


def options(*decorators: Callable[[Any], Any]) -> Callable[[F], F]:
    """The options and arguments ``decorators``, in the order given (as if written one above the other)."""

    def apply(function: F) -> F:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return apply


def project_option(function: F) -> F:
    """``-C/--project DIR``: the project folder, the same spelling on every command (default: here)."""
    return click.option(
        "-C",
        "--project",
        "project",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="The orgspec project folder (default: here).",
    )(function)


def project_folder(function: F) -> F:
    """``[PATH]`` as well as ``-C DIR``, for commands that take no other argument (``orgspec check .``)."""
    function = click.argument("path", type=click.Path(path_type=Path, file_okay=False), required=False)(function)
    return project_option(function)


def folder(project: Path | None, path: Path | None = None) -> Path:
    """The project folder chosen with ``-C`` or ``[PATH]``; both at once must agree."""
    if project is not None and path is not None and project.resolve() != path.resolve():
        raise UsageError(f"two project folders given: -C {project} and {path}; give one")
    return project_root(project or path or Path())


def project_root(path: Path) -> Path:
    """The project folder, or a usage error (exit 2) when it is not one."""
    if not is_project(path):
        raise UsageError(
            f"{path} has no {SETTINGS_FILE}: it is not an orgspec project (run orgspec init to create one)"
        )
    return path


def edition_option(function: F) -> F:
    """``--edition internal|public``, default: the edition in orgspec.yaml."""
    return click.option(
        "--edition",
        type=click.Choice(["internal", "public"]),
        default=None,
        help="public leaves out every item marked internal; default: the edition in orgspec.yaml.",
    )(function)


def format_option(choices: Sequence[str]) -> Callable[[F], F]:
    """``--format``, with the first choice as the default."""
    return click.option(
        "--format", "output_format", type=click.Choice(list(choices)), default=choices[0], show_default=True
    )


def force_option(function: F) -> F:
    return click.option(
        "--force", is_flag=True, help="Also replace files that orgspec did not write (or that were edited)."
    )(function)


def checked(
    root: Path, *, strict: bool = False, show: Shown = "all", where: str = "", output_format: str = "text"
) -> CheckResult:
    """The checked project at ``root``; its diagnostics printed; `ProblemsFound` when it cannot be used."""
    return stop_on_problems(check_project(root), strict=strict, show=show, where=where, output_format=output_format)


def stop_on_problems(
    result: CheckResult, *, strict: bool = False, show: Shown = "all", where: str = "", output_format: str = "text"
) -> CheckResult:
    """Print what ``show`` asks for; raise `ProblemsFound` on errors (and on warnings under ``strict``)."""
    if show == "all" and result.diagnostics:
        print_result(result, output_format, err=True)  # standard output is the command's own (an SVG, a table)
    elif show == "errors":
        print_errors(result, where=where)
    if result.failed(strict=strict):
        raise ProblemsFound()
    return result


def print_findings(findings: Findings, output_format: str = "text", *, err: bool = False, root: Path = Path()) -> None:
    """Print diagnostics as text lines or GitHub annotations, then how many problems in how many files."""
    locale = findings.locale
    for diagnostic in findings.diagnostics:
        if output_format == "github":
            click.echo(diagnostic.annotation(locale, folder=root), err=err)
        else:
            click.secho(diagnostic.format(locale), fg=SEVERITY_COLOURS[diagnostic.severity], err=err)
    files = len({diagnostic.file for diagnostic in findings.diagnostics})
    counts = {"errors": findings.errors, "warnings": findings.warnings, "files": files}
    say(translate("summary.problems", locale, counts))


def chosen_edition(result: CheckResult, edition: str | None) -> Edition:
    """The edition asked for on the command line, or the organisation's own."""
    return edition_of(result.organisation, edition)


def print_errors(result: CheckResult, *, where: str = "") -> None:
    """Print the errors of a check to stderr, each file name prefixed with ``where`` (e.g. ``HEAD~1:``)."""
    for diagnostic in result.diagnostics:
        if diagnostic.severity == "error":
            click.echo(f"{where}{diagnostic.format(result.locale)}", err=True)


def print_result(result: CheckResult, output_format: str, *, err: bool = False, root: Path = Path()) -> None:
    """Print diagnostics as text lines with a summary, as one JSON document, or as GitHub annotations.

    To stderr with ``err``; ``root`` is the project folder, which annotations name files from.
    """
    locale = result.locale
    organisation = result.organisation
    if output_format == "json":
        document = {
            "diagnostics": [diagnostic.as_dict(locale) for diagnostic in result.diagnostics],
            "summary": {
                "errors": result.errors,
                "warnings": result.warnings,
                "departments": len(organisation.departments),
                "posts": len(organisation.posts),
            },
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2), err=err)
        return
    if result.diagnostics:
        print_findings(result.findings, output_format, err=err, root=root)
    else:
        say(
            translate(
                "summary.clean",
                locale,
                {"departments": len(organisation.departments), "posts": len(organisation.posts)},
            )
        )


def set_verbosity(ctx: click.Context, *, quiet: bool, verbose: bool) -> None:
    """Remember ``-q`` or ``-v`` for every command of this run; honour ``NO_COLOR`` (no colour at all)."""
    if quiet and verbose:
        raise UsageError("-q/--quiet and -v/--verbose ask for opposite things; give one")
    ctx.meta[_VERBOSITY] = QUIET if quiet else VERBOSE if verbose else NORMAL
    if os.environ.get("NO_COLOR"):
        ctx.color = False


def verbosity() -> int:
    """`QUIET`, `NORMAL` or `VERBOSE`, as the command line asked."""
    context = click.get_current_context(silent=True)
    return NORMAL if context is None else int(context.meta.get(_VERBOSITY, NORMAL))


def say(message: str, *, err: bool = True) -> None:
    """A line that tells what happened (a file written, a summary): not under ``-q``."""
    if verbosity() > QUIET:
        click.echo(message, err=err)


def _terminal(name: Literal["stdout", "stderr"]) -> bool:
    return bool(getattr(sys, name).isatty())


def list_files() -> bool:
    """Whether to name each file written on standard output: not under ``-q``, nor beside a bar on the same terminal."""
    return verbosity() > QUIET and not (_terminal("stdout") and _terminal("stderr"))


class ShownProgress(Progress):
    """Progress on standard error: click's bar on a terminal, otherwise (under ``-v``) a line per step."""

    def __init__(self, terminal: bool) -> None:
        self.terminal = terminal
        self.bar: Any = None
        self.label, self.total, self.done = "", 0, 0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0
        if self.terminal and total:
            self.bar = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True, item_show_func=str)
            self.bar.__enter__()

    def advance(self, item: str) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1, item)
        else:
            click.echo(f"{self.label}: {self.done}/{self.total} {item}", err=True)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def progress() -> Progress:
    """How this run shows long work: a bar on a terminal, lines under ``-v``, nothing under ``-q``."""
    terminal = _terminal("stderr")
    if verbosity() == QUIET or not (terminal or verbosity() == VERBOSE):
        return SILENT
    return ShownProgress(terminal)
