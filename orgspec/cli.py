"""The command line: the one place that prints diagnostics and picks exit codes.

Exit codes: 0 clean, 1 problems in the organisation, 2 usage error.
"""

from __future__ import annotations

import gc
import importlib
import json
import sys
from pathlib import Path
from typing import Any

import click

from orgspec import __version__
from orgspec.i18n import translate
from orgspec.load.project import SETTINGS_FILE, is_project
from orgspec.pipeline import CheckResult, check_project


def project_root(path: Path) -> Path:
    """The project folder, or a usage error (exit 2) when it is not one."""
    if not is_project(path):
        message = f"{path} has no {SETTINGS_FILE}: it is not an orgspec project (run orgspec init to create one)"
        raise click.UsageError(message)
    return path


def print_result(result: CheckResult, output_format: str) -> None:
    """Print diagnostics as text lines with a summary, or as one JSON document."""
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
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    for diagnostic in result.diagnostics:
        click.echo(diagnostic.format(locale))
    if result.diagnostics:
        files = len({diagnostic.file for diagnostic in result.diagnostics})
        args = {"errors": result.errors, "warnings": result.warnings, "files": files}
        click.echo(translate("summary.problems", locale, args), err=True)
    else:
        args = {"departments": len(organisation.departments), "posts": len(organisation.posts)}
        click.echo(translate("summary.clean", locale, args), err=True)


class LazyGroup(click.Group):
    """A command group that imports a command's module only when that command runs.

    ``orgspec check`` then starts without loading the site, chart and export
    code (Word, PDF, pinyin sorting), which would add half a second to
    every check.
    """

    def __init__(self, *args: Any, lazy: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, name = self.lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module), name)
            assert isinstance(command, click.Command) and command.name == cmd_name
            self.add_command(command)
        return super().get_command(ctx, cmd_name)


GC_THRESHOLD = 50_000
"""Allocations between two collections of the youngest generation (Python's default: 700)."""

COMMANDS = {
    "schema": "orgspec.commands.schema:schema",
    "init": "orgspec.commands.init:init_command",
    "generate": "orgspec.commands.site:generate_command",
    "build": "orgspec.commands.site:build_command",
    "serve": "orgspec.commands.site:serve_command",
    "chart": "orgspec.commands.chart:chart_command",
    "compare": "orgspec.commands.compare:compare_command",
    "diff": "orgspec.commands.diff:diff_command",
    "export": "orgspec.commands.export:export_command",
    "new": "orgspec.commands.new:new_command",
}
"""Every command but ``check``: name → module:attribute, imported when it runs."""


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgspec")
def main() -> None:
    """orgspec: organisation design as code."""
    # Loading builds hundreds of thousands of small objects and almost no cycles: with the default
    # thresholds the cycle collector runs over all of them again and again (a quarter of a check
    # of 10,000 posts). Collect less often; memory stays bounded by the data, which is kept anyway.
    gc.set_threshold(GC_THRESHOLD, 20, 100)


@main.command()
@click.argument("path", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check(path: Path, strict: bool, output_format: str) -> None:
    """Validate and cross-check the organisation in PATH (default: here)."""
    result = check_project(project_root(path))
    print_result(result, output_format)
    sys.exit(1 if result.failed(strict=strict) else 0)
