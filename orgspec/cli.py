"""The command line: the one place that prints diagnostics and picks exit codes.

Exit codes: 0 clean, 1 problems in the organisation, 2 usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orgspec")
def main() -> None:
    """orgspec: organisation design as code."""


@main.command()
@click.argument("path", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check(path: Path, strict: bool, output_format: str) -> None:
    """Validate and cross-check the organisation in PATH (default: here)."""
    result = check_project(project_root(path))
    print_result(result, output_format)
    sys.exit(1 if result.failed(strict=strict) else 0)


from orgspec.commands import chart as _chart  # noqa: E402
from orgspec.commands import compare as _compare  # noqa: E402
from orgspec.commands import diff as _diff  # noqa: E402
from orgspec.commands import export as _export  # noqa: E402
from orgspec.commands import init as _init  # noqa: E402
from orgspec.commands import new as _new  # noqa: E402
from orgspec.commands import schema as _schema  # noqa: E402
from orgspec.commands import site as _site  # noqa: E402

main.add_command(_schema.schema)
main.add_command(_init.init_command)
main.add_command(_site.generate_command)
main.add_command(_site.build_command)
main.add_command(_site.serve_command)
main.add_command(_chart.chart_command)
main.add_command(_compare.compare_command)
main.add_command(_diff.diff_command)
main.add_command(_export.export_command)
main.add_command(_new.new_command)
