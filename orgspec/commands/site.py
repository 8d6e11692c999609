"""`orgspec generate`, `orgspec build` and `orgspec serve`: from YAML to a site."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import click

from orgspec.commands.common import (
    edition_option,
    folder,
    print_findings,
    progress,
    project_folder,
    say,
)
from orgspec.core.diagnostics import Findings
from orgspec.core.errors import ProblemsFound
from orgspec.site.builders import ENGINES, command, ensure_installed, environment, run_build
from orgspec.site.generate import Generated
from orgspec.site.pipeline import check_and_generate
from orgspec.site.search import compact_search_index
from orgspec.site.stamp import source_files


class BuildFailed(ProblemsFound):
    """The site builder failed, or warned under --strict; its output has been printed."""


def _check_and_generate(root: Path, edition: str | None, out: Path | None = None, *, strict: bool = False) -> Generated:
    """Check (printing the problems), then generate; nothing at all when nothing changed since the last clean run."""
    outcome = check_and_generate(root, edition, out, strict=strict, show=_show, progress=progress())
    report = outcome.generated.report
    written = f"{len(report.written)} written, {report.unchanged} unchanged, {len(report.removed)} removed"
    say(f"{outcome.generated.folder}: {written}{' (nothing changed)' if outcome.result is None else ''}")
    return outcome.generated


def _show(findings: Findings) -> None:
    if findings.diagnostics:
        print_findings(findings, err=True)


@click.command(name="generate")
@project_folder
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), help="Write the pages here instead of docs/handbook."
)
@edition_option
def generate_command(path: Path | None, project: Path | None, out: Path | None, edition: str | None) -> None:
    """Render the handbook pages into docs/handbook (only changed files are written)."""
    _check_and_generate(folder(project, path), edition, out)


@click.command(name="build")
@project_folder
@click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True, help="The site builder.")
@click.option("--strict", is_flag=True, help="Fail on any warning of orgspec or of the builder.")
@edition_option
def build_command(path: Path | None, project: Path | None, engine: str, strict: bool, edition: str | None) -> None:
    """Check, generate, then build the site into site/."""
    root = folder(project, path)
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
    if engine == "mkdocs":
        compact_search_index(root / generated.user.site_dir)
    say(f"site built with {engine} into {root / generated.user.site_dir}")


def _sources(root: Path) -> dict[Path, float]:
    return {path: path.stat().st_mtime for path in source_files(root)}


def _watch(root: Path, edition: str | None, stop: threading.Event) -> None:
    """Regenerate whenever a source file changes; the builder's server reloads the pages."""
    seen = _sources(root)
    while not stop.wait(1.0):
        now = _sources(root)
        if now != seen:
            seen = now
            try:
                check_and_generate(root, edition, show=_show)
            except ProblemsFound:
                continue  # printed; the preview keeps the last good pages
            say(f"{time.strftime('%H:%M:%S')} regenerated")


@click.command(name="serve")
@project_folder
@click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True)
@click.option("--address", default="127.0.0.1:8000", show_default=True, help="Where to serve the preview.")
@edition_option
def serve_command(path: Path | None, project: Path | None, engine: str, address: str, edition: str | None) -> None:
    """Live preview: regenerate when a YAML file changes, reload the browser."""
    path = folder(project, path)
    generated = _check_and_generate(path, edition)
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
