"""The process that regenerates the handbook for `orgspec serve`, kept from one change to the next.

Serve watches the sources with threads, and a process with threads does
not fork the processes that check and render beside it
(`orgspec.site.incremental`): it regenerates in a process of its own. That
process lives as long as serve, so it has imported orgspec once, and it
keeps the models it validated (`orgspec.load.project.KeptModels`): after an
edit it validates only the files that changed. It loads the project once
as it starts, so that the first edit finds them too.

It is started afresh (Python's ``spawn``), not forked from serve's threads,
and takes Ctrl-C from serve alone: serve stops it between regenerations.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Callable
from contextlib import suppress
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType

import click

from orgspec.commands.common import QUIET, VERBOSE, set_verbosity
from orgspec.core.errors import OrgspecError
from orgspec.core.memory import loading, release
from orgspec.load.project import keeping_models, load_project

STOP_SECONDS = 10
"""How long a regeneration under way may take to end once serve stops."""


Generate = Callable[[Path, str | None], None]
"""What regenerates: ``orgspec generate`` of a project and an edition (`orgspec.commands.site.generate_here`),
given by its name to the process, which imports it."""


class Regenerator:
    """Regenerates the project at ``root`` on request (`regenerate`) with ``generate``, in the process it keeps
    while open."""

    def __init__(self, generate: Generate, root: Path, edition: str | None, verbosity: int) -> None:
        self.generate = generate
        self.root = root
        self.edition = edition
        self.verbosity = verbosity
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def __enter__(self) -> Regenerator:
        self._start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._stop()

    def regenerate(self) -> bool:
        """Check and generate, as ``orgspec generate`` does: whether it did (what went wrong has been said). A
        process that died is started again."""
        if self._process is None or not self._process.is_alive():
            self._stop()
            self._start()
        assert self._connection is not None
        try:
            self._connection.send(True)
            done: bool = self._connection.recv()
        except (EOFError, OSError):  # it died under way: the next change starts another
            click.echo(f"{time.strftime('%H:%M:%S')} not regenerated: the process regenerating stopped", err=True)
            self._stop()
            return False
        return done

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        # not a daemon, which may not start the processes that check and render
        self._process = context.Process(
            target=_serve_requests, args=(theirs, self.generate, self.root, self.edition, self.verbosity)
        )
        self._process.start()
        theirs.close()
        self._connection = ours

    def _stop(self) -> None:
        if self._connection is not None:
            with suppress(OSError):  # it died
                self._connection.send(False)
            self._connection.close()
            self._connection = None
        if self._process is not None:
            self._process.join(STOP_SECONDS)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
            self._process = None


def _serve_requests(
    connection: Connection, generate: Generate, root: Path, edition: str | None, verbosity: int
) -> None:
    """The regenerating process: regenerate at each request (True) until told to stop (False) or serve ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops serve, which stops this process
    with keeping_models(), click.Context(click.Command("serve")) as context:
        set_verbosity(context, quiet=verbosity == QUIET, verbose=verbosity == VERBOSE)
        with suppress(Exception), loading():  # what goes wrong is said by the regeneration that meets it
            load_project(root)  # the models the first edit needs
        while True:
            # What the last run set aside and no longer uses is collected now, while nobody waits: a load
            # would collect it first (a second at 10,000 posts, most of it walking over the models kept).
            release()
            try:
                asked = connection.recv()
            except (EOFError, OSError):
                return
            if not asked:
                return
            done = _regenerate(generate, root, edition)
            try:
                connection.send(done)
            except OSError:  # serve stopped meanwhile
                return


def _regenerate(generate: Generate, root: Path, edition: str | None) -> bool:
    """``orgspec generate``, here: whether it generated; what went wrong is said, never raised."""
    try:
        generate(root, edition)
        return True
    except OrgspecError as error:
        if error.said():
            click.echo(error.said(), err=True)
    except Exception as error:  # the next change tries again
        click.echo(f"{time.strftime('%H:%M:%S')} not regenerated: {type(error).__name__}: {error}", err=True)
    return False
