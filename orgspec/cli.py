"""The command line: the one place that turns errors into messages and exit codes.

Exit codes: 0 clean, 1 problems found (in the organisation, or a file orgspec
may not replace), 2 a usage or environment error (`orgspec.core.errors`).
"""

from __future__ import annotations

import importlib
import io
import sys
from pathlib import Path
from typing import Any

import click

from orgspec import __version__
from orgspec.check.pipeline import check_project
from orgspec.commands.common import folder, format_option, print_result, project_folder, set_verbosity
from orgspec.core.errors import OrgspecError


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

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; an `OrgspecError` becomes its message and its exit code, never a traceback."""
        try:
            return super().invoke(ctx)
        except OrgspecError as error:
            if error.said():
                click.echo(error.said(), err=True)
            sys.exit(error.exit_code)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, name = self.lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module), name)
            assert isinstance(command, click.Command) and command.name == cmd_name
            self.add_command(command)
        return super().get_command(ctx, cmd_name)


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
    "import": "orgspec.commands.importing:import_command",
}
"""Every command but ``check``: name → module:attribute, imported when it runs."""


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgspec")
@click.option(
    "-q", "--quiet", is_flag=True, help="Print only the output asked for and the problems: no progress, no summaries."
)
@click.option("-v", "--verbose", is_flag=True, help="Show progress even when standard error is not a terminal.")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """orgspec: organisation design as code.

    Long work (exports, Word and PDF copies) shows a progress bar on a terminal. NO_COLOR turns colour off.
    """
    set_verbosity(ctx, quiet=quiet, verbose=verbose)
    # A file name that is not UTF-8 (from a zip made on another system) is held with its bytes escaped;
    # printed as they are, they would make the output, JSON included, invalid UTF-8. Write them as \udcXX.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


@main.command()
@project_folder
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@format_option(["text", "json", "github"])
def check(path: Path | None, project: Path | None, strict: bool, output_format: str) -> None:
    """Validate and cross-check the organisation in PATH or -C DIR (default: here).

    --format github writes GitHub Actions annotations, which show each problem on its line in a pull request.
    """
    root = folder(project, path)
    result = check_project(root)
    print_result(result, output_format, root=root)
    sys.exit(1 if result.failed(strict=strict) else 0)
