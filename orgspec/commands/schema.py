"""`orgspec schema`: write the JSON Schemas that editors use to autocomplete."""

from __future__ import annotations

from pathlib import Path

import click

from orgspec.commands.common import force_option, say, writing
from orgspec.export.guard import write_owned
from orgspec.model.schema import schema_files


@click.command()
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write the schemas into.",
)
@click.option(
    "--stdout",
    "to_stdout",
    type=click.Choice(["post", "department", "organisation", "clauses", "approvals"]),
    help="Print one schema instead.",
)
@force_option
def schema(out: Path, to_stdout: str | None, force: bool) -> None:
    """Write JSON Schemas (draft 2020-12) for post, department, settings, clause and approval files."""
    files = schema_files()
    if to_stdout:
        click.echo(files[f"{to_stdout}.schema.json"], nl=False)
        return
    with writing(out):
        written = write_owned({out / name: text.encode("utf-8") for name, text in files.items()}, force=force)
    for name in files:
        say(f"{out / name}{'' if out / name in written else ' (unchanged)'}", err=False)
