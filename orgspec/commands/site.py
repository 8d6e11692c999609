"""`orgspec generate`, `orgspec build` and `orgspec serve`: from YAML to a site."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import click

from orgspec.builders import ENGINES, BuilderMissingError, command, ensure_installed, environment, run_build
from orgspec.generate import ConfigConflictError, Generated, generate
from orgspec.pipeline import CheckResult, check_project
from orgspec.render.mkdocs_config import read_user_config
from orgspec.stamp import Request, forget, inputs_digest, record, source_files, unchanged
from orgspec.write import ForeignFolderError, TreeReport

PATH_ARGUMENT = click.argument("path", type=click.Path(path_type=Path, file_okay=False), default=".")
EDITION_OPTION = click.option(
    "--edition",
    type=click.Choice(["internal", "public"]),
    default=None,
    help="public leaves out every item marked internal; default: the edition in orgspec.yaml (internal).",
)


def _checked(path: Path, output_format: str = "text") -> CheckResult:
    from orgspec.cli import print_result, project_root

    result = check_project(project_root(path))
    if result.diagnostics:
        print_result(result, output_format)
    return result


def _generate(result: CheckResult, path: Path, edition: str | None, out: Path | None = None) -> Generated:
    edition = edition or result.organisation.settings.edition
    try:
        generated = generate(result.organisation, path, edition=edition, out=out)
    except ForeignFolderError as error:
        click.echo(
            f"{error}: not written: the folder has files that orgspec did not write; move them away or choose another --out",
            err=True,
        )
        sys.exit(1)
    except ConfigConflictError as error:
        click.echo(f"{error}: not written: the file exists and was not written by orgspec; rename it", err=True)
        sys.exit(1)
    report = generated.report
    click.echo(
        f"{generated.folder}: {len(report.written)} written, {report.unchanged} unchanged, {len(report.removed)} removed",
        err=True,
    )
    return generated


def _check_and_generate(path: Path, edition: str | None, out: Path | None = None, *, strict: bool = False) -> Generated:
    """Check, then generate; nothing at all when nothing changed since the last clean run (`orgspec.stamp`)."""
    from orgspec.cli import project_root

    request = Request(project_root(path), edition, out)
    digest = inputs_digest(request)
    files = unchanged(request, digest)
    if files is not None:
        click.echo(f"{request.folder()}: 0 written, {files} unchanged, 0 removed (nothing changed)", err=True)
        report = TreeReport(written=[], unchanged=files, removed=[])
        return Generated(request.folder(), report, request.config(), read_user_config(request.root))
    forget(request)
    result = _checked(path)
    if result.failed(strict=strict):
        sys.exit(1)
    generated = _generate(result, path, edition, out)
    if not result.diagnostics:
        record(request, digest)
    return generated


@click.command(name="generate")
@PATH_ARGUMENT
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), help="Write the pages here instead of docs/handbook."
)
@EDITION_OPTION
def generate_command(path: Path, out: Path | None, edition: str | None) -> None:
    """Render the handbook pages into docs/handbook (only changed files are written)."""
    _check_and_generate(path, edition, out)


@click.command(name="build")
@PATH_ARGUMENT
@click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True, help="The site builder.")
@click.option("--strict", is_flag=True, help="Fail on any warning of orgspec or of the builder.")
@EDITION_OPTION
def build_command(path: Path, engine: str, strict: bool, edition: str | None) -> None:
    """Check, generate, then build the site into site/."""
    generated = _check_and_generate(path, edition, strict=strict)
    assert generated.config is not None
    try:
        run = run_build(engine, generated.config.resolve(), strict=strict)
    except BuilderMissingError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    for line in run.warnings:
        click.echo(f"{engine}: {line}", err=True)
    if run.returncode != 0:
        click.echo(run.output, err=True)
        click.echo(f"{engine} build failed (exit {run.returncode})", err=True)
        sys.exit(1)
    if strict and run.warnings:
        click.echo(f"{engine}: {len(run.warnings)} warnings under --strict", err=True)
        sys.exit(1)
    click.echo(f"site built with {engine} into {path / generated.user.site_dir}", err=True)


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
                generate(result.organisation, root, edition=edition or result.organisation.settings.edition)
                click.echo(f"{time.strftime('%H:%M:%S')} regenerated", err=True)


@click.command(name="serve")
@PATH_ARGUMENT
@click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True)
@click.option("--address", default="127.0.0.1:8000", show_default=True, help="Where to serve the preview.")
@EDITION_OPTION
def serve_command(path: Path, engine: str, address: str, edition: str | None) -> None:
    """Live preview: regenerate when a YAML file changes, reload the browser."""
    result = _checked(path)
    if result.failed():
        sys.exit(1)
    generated = _generate(result, path, edition)
    assert generated.config is not None
    try:
        ensure_installed(engine)
        args = command(engine, generated.config.resolve(), strict=False, serve=True, address=address)
    except BuilderMissingError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(path, edition, stop), daemon=True)
    watcher.start()
    try:
        subprocess.run(args, cwd=path, env=environment(), check=False)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
