"""`orgspec generate`, `orgspec build` and `orgspec serve`: from YAML to a site."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import click

from orgspec.check.pipeline import CheckResult, check_project
from orgspec.commands.common import checked, chosen_edition, edition_option, folder, project_folder
from orgspec.core.errors import ProblemsFound
from orgspec.core.write import TreeReport, exclusive
from orgspec.site.builders import ENGINES, command, ensure_installed, environment, run_build
from orgspec.site.generate import Generated, generate
from orgspec.site.mkdocs_config import read_user_config
from orgspec.site.stamp import Request, forget, inputs_digest, record, source_files, unchanged

LOCK = Path(".cache") / "orgspec" / "build.lock"
"""Held while a run writes the project: one generate, build or regeneration of serve at a time."""
SHOWN = 10
"""Files found in the generated folder that orgspec did not write: how many are named."""


class BuildFailed(ProblemsFound):
    """The site builder failed, or warned under --strict; its output has been printed."""


def _report(folder: Path, report: TreeReport, note: str = "") -> None:
    """What generate changed, and a warning for each file in the folder that orgspec did not write."""
    changes = f"{len(report.written)} written, {report.unchanged} unchanged, {len(report.removed)} removed"
    click.echo(f"{folder}: {changes}{note}", err=True)
    for name in report.foreign[:SHOWN]:
        click.echo(
            f"warning: {folder / name}: not written by orgspec, left alone; keep your files outside {folder}", err=True
        )
    if len(report.foreign) > SHOWN:
        click.echo(f"warning: {folder}: {len(report.foreign) - SHOWN} more files not written by orgspec", err=True)


def _generate(result: CheckResult, root: Path, edition: str | None, out: Path | None = None) -> Generated:
    generated = generate(result.organisation, root, edition=chosen_edition(result, edition), out=out)
    _report(generated.folder, generated.report)
    return generated


def _check_and_generate(root: Path, edition: str | None, out: Path | None = None, *, strict: bool = False) -> Generated:
    """Check, then generate; nothing at all when nothing changed since the last clean run (`orgspec.site.stamp`)."""
    request = Request(root, edition, out)
    digest = inputs_digest(request)
    report = unchanged(request, digest)
    if report is not None:
        _report(request.folder(), report, " (nothing changed)")
        return Generated(request.folder(), report, request.config(), read_user_config(request.root))
    forget(request)
    result = checked(root, strict=strict)
    generated = _generate(result, root, edition, out)
    if not result.diagnostics:
        record(request, digest)
    return generated


@click.command(name="generate")
@project_folder
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), help="Write the pages here instead of docs/handbook."
)
@edition_option
def generate_command(path: Path | None, project: Path | None, out: Path | None, edition: str | None) -> None:
    """Render the handbook pages into docs/handbook (only changed files are written)."""
    root = folder(project, path)
    with exclusive(root / LOCK, root):
        _check_and_generate(root, edition, out)


@click.command(name="build")
@project_folder
@click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True, help="The site builder.")
@click.option("--strict", is_flag=True, help="Fail on any warning of orgspec or of the builder.")
@edition_option
def build_command(path: Path | None, project: Path | None, engine: str, strict: bool, edition: str | None) -> None:
    """Check, generate, then build the site into site/."""
    root = folder(project, path)
    with exclusive(root / LOCK, root):
        generated = _check_and_generate(root, edition, strict=strict)
        assert generated.config is not None
        run = run_build(engine, generated.config.resolve(), strict=strict)
    for line in run.warnings:
        click.echo(f"{engine}: {line}", err=True)
    if run.returncode != 0:
        click.echo(run.output, err=True)
        raise BuildFailed(f"{engine} build failed (exit {run.returncode})")
    if strict and run.warnings:
        raise BuildFailed(f"{engine}: {len(run.warnings)} warnings under --strict")
    click.echo(f"site built with {engine} into {root / generated.user.site_dir}", err=True)


def _sources(root: Path) -> dict[Path, float]:
    return {path: path.stat().st_mtime for path in source_files(root)}


def _watch(root: Path, edition: str | None, stop: threading.Event) -> None:
    """Regenerate whenever a source file changes; the builder's server reloads the pages."""
    seen = _sources(root)
    while not stop.wait(1.0):
        now = _sources(root)
        if now != seen:
            seen = now
            result = check_project(root)
            for diagnostic in result.diagnostics:
                click.echo(diagnostic.format(result.locale), err=True)
            if not result.failed():
                generate(result.organisation, root, edition=chosen_edition(result, edition))
                click.echo(f"{time.strftime('%H:%M:%S')} regenerated", err=True)


@click.command(name="serve")
@project_folder
@click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True)
@click.option("--address", default="127.0.0.1:8000", show_default=True, help="Where to serve the preview.")
@edition_option
def serve_command(path: Path | None, project: Path | None, engine: str, address: str, edition: str | None) -> None:
    """Live preview: regenerate when a YAML file changes, reload the browser."""
    path = folder(project, path)
    generated = _generate(checked(path), path, edition)
    assert generated.config is not None
    ensure_installed(engine)
    args = command(engine, generated.config.resolve(), strict=False, serve=True, address=address)
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(path, edition, stop), daemon=True)
    watcher.start()
    try:
        subprocess.run(args, cwd=path, env=environment(), check=False)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
