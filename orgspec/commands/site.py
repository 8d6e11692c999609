"""`orgspec generate`, `orgspec build` and `orgspec serve`: from YAML to a site."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from orgspec.commands.common import (
    edition_option,
    folder,
    print_findings,
    progress,
    project_folder,
    say,
    verbosity,
)
from orgspec.core.diagnostics import Findings
from orgspec.core.errors import OrgspecError, ProblemsFound, UsageError
from orgspec.core.memory import release
from orgspec.core.write import TreeReport, write_atomically, writing
from orgspec.site.builders import ENGINES, command, ensure_installed, environment, notice, run_build
from orgspec.site.compact import compact_pages
from orgspec.site.config_names import USER_CONFIGS, ZENSICAL_CONFIG
from orgspec.site.generate import Generated, hand_written_pages
from orgspec.site.links import broken_links
from orgspec.site.mkdocs_config import UserConfig, builder_config, compacted_by_builder, searched_with_pagefind
from orgspec.site.pipeline import check_and_generate, locked
from orgspec.site.search import finish_site

if TYPE_CHECKING:
    from orgspec.commands.regenerator import Regenerator

SHOWN = 10
"""Files found in the generated folder that orgspec did not write: how many are named."""
DIRTY_FROM = 400
"""Generated files from which MkDocs serve, after a change, rebuilds only the pages whose files changed: MkDocs
builds some 40 pages a second, and rebuilt 10,754 in four and a half minutes."""


class BuildFailed(ProblemsFound):
    """The site builder failed, or warned under --strict; its output has been printed."""


def _check_and_generate(root: Path, edition: str | None, out: Path | None = None, *, strict: bool = False) -> Generated:
    """Check (printing the problems), then generate; nothing at all when nothing changed since the last clean run."""
    outcome = check_and_generate(root, edition, out, strict=strict, show=_show, progress=progress())
    _report(outcome.generated.folder, outcome.generated.report, "" if outcome.result else " (nothing changed)")
    return outcome.generated


def _report(folder: Path, report: TreeReport, note: str = "") -> None:
    """What generate changed, and a warning for each file in the folder that orgspec did not write."""
    say(f"{folder}: {len(report.written)} written, {report.unchanged} unchanged, {len(report.removed)} removed{note}")
    for name in report.foreign[:SHOWN]:
        click.echo(
            f"warning: {folder / name}: not written by orgspec, left alone; keep your files outside {folder}", err=True
        )
    if len(report.foreign) > SHOWN:
        click.echo(f"warning: {folder}: {len(report.foreign) - SHOWN} more files not written by orgspec", err=True)


def _show(findings: Findings) -> None:
    if findings.diagnostics:
        print_findings(findings, err=True)


def generate_here(root: Path, edition: str | None, out: Path | None = None) -> None:
    """What ``orgspec generate`` does, in this process."""
    with locked(root):
        _check_and_generate(root, edition, out)


@click.command(name="generate")
@project_folder
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), help="Write the pages here instead of docs/handbook."
)
@edition_option
def generate_command(path: Path | None, project: Path | None, out: Path | None, edition: str | None) -> None:
    """Render the handbook pages into docs/handbook (only changed files are written)."""
    generate_here(folder(project, path), edition, out)


@click.command(name="build")
@project_folder
@click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True, help="The site builder.")
@click.option("--strict", is_flag=True, help="Fail on any warning of orgspec or of the builder.")
@edition_option
def build_command(path: Path | None, project: Path | None, engine: str, strict: bool, edition: str | None) -> None:
    """Check, generate, then build the site into site/."""
    root = folder(project, path)
    with locked(root):
        generated = _check_and_generate(root, edition, strict=strict)
        assert generated.config is not None
        release()  # the organisation, gone with the check, is not held while the builder runs
        config = builder_config(generated.config, engine)
        run = run_build(engine, config.resolve(), strict=strict)
    for line in [*notice(run.output), *run.warnings]:
        click.echo(f"{engine}: {line}", err=True)
    if run.returncode != 0:
        click.echo(run.output, err=True)
        raise BuildFailed(f"{engine} build failed (exit {run.returncode})")
    site = root / generated.user.site_dir
    links = _followed_links(root, generated.user, site) if config.name == ZENSICAL_CONFIG else []
    for line in links:
        click.echo(f"orgspec: {line}", err=True)
    if strict and (run.warnings or links):
        raise BuildFailed(f"{engine}: {len(run.warnings) + len(links)} warnings under --strict")
    if not compacted_by_builder(config, engine):  # before Pagefind reads them, as with the plugin
        compact_pages(site)
    finish_site(site, pagefind=searched_with_pagefind(root))
    say(f"site built with {engine} into {site}")


def _followed_links(root: Path, user: UserConfig, site: Path) -> list[str]:
    """What is wrong with the links of the project's own pages in the built ``site``: for a build whose builder
    did not check them (`orgspec.site.links`)."""
    docs = root / user.docs_dir
    return broken_links(site, docs, hand_written_pages(docs))


def _regenerate(root: Path, regenerator: Regenerator, changed: set[str], config: Path) -> bool:
    """Check and generate after a change, as ``orgspec generate`` does (`orgspec.commands.regenerator`): whether
    it did. Any failure is said, and serve goes on watching."""
    if not regenerator.regenerate():  # it has said why
        click.echo(f"{time.strftime('%H:%M:%S')} not regenerated: the preview shows the last handbook", err=True)
        return False
    try:
        if changed & set(USER_CONFIGS):
            # The builders watch the generated configuration, not the mkdocs.yml it inherits:
            # a new copy of it (the same text) makes them read both again.
            with locked(root), writing(root):
                write_atomically(config, config.read_bytes())
    except OrgspecError as error:
        if str(error):
            click.echo(str(error), err=True)
        return False
    except OSError as error:  # serve must outlive any one failure: the next change tries again
        click.echo(f"{time.strftime('%H:%M:%S')} not regenerated: {error}", err=True)
        return False
    say(f"{time.strftime('%H:%M:%S')} regenerated")
    return True


def _stop_on_terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@click.command(name="serve")
@project_folder
@click.option("--engine", type=click.Choice(ENGINES), default="mkdocs", show_default=True)
@click.option("--address", default="127.0.0.1:8000", show_default=True, help="Where to serve the preview.")
@click.option(
    "--dirty/--no-dirty",
    default=None,
    help="MkDocs: after a change, rebuild only the pages whose files changed (the other pages' navigation may "
    "show an old title until serve restarts; a change to mkdocs.yml rebuilds every page). "
    f"Default: --dirty from {DIRTY_FROM} generated files on.",
)
@edition_option
def serve_command(
    path: Path | None, project: Path | None, engine: str, address: str, dirty: bool | None, edition: str | None
) -> None:
    """Live preview: regenerate when a source changes, reload the browser; Ctrl-C (or SIGTERM) stops both."""
    from orgspec.commands.regenerator import Regenerator
    from orgspec.site.watch import SourceWatcher  # watchdog: only serve needs it

    root = folder(project, path)
    if dirty is not None and engine != "mkdocs":
        raise UsageError(f"--dirty and --no-dirty choose how MkDocs rebuilds; {engine} has no such choice")
    ensure_installed(engine)
    with locked(root):
        generated = _check_and_generate(root, edition)
    assert generated.config is not None
    release()
    if dirty is None:
        dirty = engine == "mkdocs" and len(generated.report.written) + generated.report.unchanged >= DIRTY_FROM
    if dirty:
        say("after a change, MkDocs rebuilds only the pages generate writes (--no-dirty: every page)")
    args = command(engine, generated.config.resolve(), strict=False, serve=True, address=address, dirty=dirty)
    previous = signal.signal(signal.SIGTERM, _stop_on_terminate)
    try:
        with Regenerator(generate_here, root, edition, verbosity()) as regenerator, SourceWatcher(root) as watcher:
            while True:
                with _running(args, root) as builder:
                    settings_changed = False
                    while builder.poll() is None and not settings_changed:
                        changed = watcher.changes(timeout=0.5)
                        if changed and _regenerate(root, regenerator, changed, generated.config):
                            # A dirty build would give new settings (theme, extensions) only to the pages
                            # written: every page is built again, by a new server.
                            settings_changed = dirty and bool(changed & set(USER_CONFIGS))
                if not settings_changed:
                    break
                say(f"{time.strftime('%H:%M:%S')} mkdocs.yml changed: MkDocs builds every page again")
    except KeyboardInterrupt:
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
    raise BuildFailed(f"{engine} serve stopped (exit {builder.returncode})")


@contextmanager
def _running(args: list[str], root: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The site builder's server, stopped when the block ends, however it ends."""
    builder = subprocess.Popen(args, cwd=root, env=environment())
    try:
        yield builder
    finally:
        if builder.poll() is None:
            builder.terminate()
            try:
                builder.wait(timeout=10)
            except subprocess.TimeoutExpired:
                builder.kill()
                builder.wait()
