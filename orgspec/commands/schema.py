"""`orgspec schema`: write the JSON Schemas that editors use to autocomplete."""

from __future__ import annotations

from pathlib import Path

import click

from orgspec.commands.common import say, writing
from orgspec.core.errors import RefusedError
from orgspec.core.write import write_if_changed
from orgspec.model.schema import is_ours, schema_files


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
def schema(out: Path, to_stdout: str | None) -> None:
    """Write JSON Schemas (draft 2020-12) for post, department, settings, clause and approval files."""
    files = schema_files()
    if to_stdout:
        click.echo(files[f"{to_stdout}.schema.json"], nl=False)
        return
    with writing(out):
        for name, text in files.items():
            path = out / name
            if path.exists() and not is_ours(path.read_text(encoding="utf-8", errors="replace")):
                raise RefusedError(
                    f"{path}: not written: the file exists and was not written by orgspec; move it away first"
                )
            changed = write_if_changed(path, text.encode("utf-8"))
            say(f"{path}{'' if changed else ' (unchanged)'}", err=False)
