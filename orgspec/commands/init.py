"""`orgspec init DIR`: start a handbook for an organisation."""

from __future__ import annotations

from pathlib import Path

import click

from orgspec.commands.common import say, writing
from orgspec.scaffold.init import init_project


@click.command(name="init")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--name", default="我的公司", show_default=True, help="The organisation's name.")
@click.option("--locale", type=click.Choice(["zh-CN", "en"]), default="zh-CN", show_default=True)
@click.option("--force", is_flag=True, help="Use a folder that already has files (existing files are kept).")
def init_command(directory: Path, name: str, locale: str, force: bool) -> None:
    """Create a new handbook project in DIRECTORY: settings, a department, a post, site and CI files."""
    with writing(directory):
        created = init_project(directory, name=name, locale=locale, force=force)
    for relative in created.written:
        say(f"created {directory / relative}", err=False)
    for relative in created.skipped:
        say(f"kept    {directory / relative} (exists)", err=False)
    say(f"next: cd {directory} && orgspec build")
