"""The phases in order: load → validate → link → check.

A command that goes on to render pages (generate, build) has the checks
run beside it (`checks_aside`): they take a process of their own, forked
once the organisation is linked, while this one works out and renders the
pages; nothing is written before they have said the organisation can be used.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from orgspec.check import run_checks
from orgspec.core.diagnostics import Diagnostic, Findings, apply_severities
from orgspec.core.memory import loading
from orgspec.i18n import Locale
from orgspec.link.organisation import Organisation, link
from orgspec.load.project import Project, load_project


@dataclass(frozen=True)
class CheckResult:
    """A linked organisation and everything said about it."""

    organisation: Organisation
    diagnostics: list[Diagnostic]

    @property
    def locale(self) -> Locale:
        return self.organisation.settings.locale

    @property
    def findings(self) -> Findings:
        return Findings(self.diagnostics, self.locale)

    @property
    def errors(self) -> int:
        return self.findings.errors

    @property
    def warnings(self) -> int:
        return self.findings.warnings

    def failed(self, *, strict: bool = False) -> bool:
        """Whether the organisation cannot be used: errors, or warnings under ``strict``."""
        return self.findings.failed(strict=strict)


def check_project(root: Path, *, keep_parsed: bool = False) -> CheckResult:
    """Load, validate, link and check the project at ``root``; report everything (``keep_parsed``: see
    `load_project`)."""
    with loading():
        return check_loaded(*load_project(root, keep_parsed=keep_parsed))


def check_loaded(project: Project, diagnostics: list[Diagnostic]) -> CheckResult:
    """Link and check a project already read (from the disk or from a git revision)."""
    with loading():
        organisation = link(project)
        diagnostics.extend(run_checks(organisation))
    return CheckResult(organisation, apply_severities(diagnostics, project.settings.checks))


def load_linked(root: Path, *, keep_parsed: bool = False) -> tuple[Organisation, list[Diagnostic]]:
    """Load, validate and link the project at ``root``, without checking it (`checks_aside`); what loading
    said of its files."""
    with loading():
        project, diagnostics = load_project(root, keep_parsed=keep_parsed)
        return link(project), diagnostics


@contextmanager
def checks_aside(organisation: Organisation, diagnostics: list[Diagnostic]) -> Iterator[Callable[[], CheckResult]]:
    """The checks of a linked ``organisation`` run in a forked process while the block goes on; the function
    given waits for them and gives their result with ``diagnostics`` (what loading said), the same each time.

    Where forking is unsafe (threads, as in a builder's plugin) or the process dies, the checks run in this
    process when first asked for. A process not asked for by the end of the block is stopped.
    """
    aside = _fork_checks(organisation) if _may_fork() else None
    result: list[CheckResult] = []

    def checked() -> CheckResult:
        if not result:
            said = aside.diagnostics() if aside is not None else None
            if said is None:
                with _uncollected():
                    said = list(run_checks(organisation))
            result.append(
                CheckResult(organisation, apply_severities([*diagnostics, *said], organisation.settings.checks))
            )
        return result[0]

    try:
        yield checked
    finally:
        if aside is not None:
            aside.stop()


def _may_fork() -> bool:
    return (
        (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1  # forking a process with threads risks locks held by them
    )


@contextmanager
def _uncollected() -> Iterator[None]:
    """No cycle collection during the block: the checks make no cyclic garbage, and what the organisation is
    made of was set aside already (`orgspec.core.memory`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class _Aside:
    """A forked process running the checks, and the end of the pipe it sends what they said through."""

    process: BaseProcess
    receive: Connection

    def diagnostics(self) -> list[Diagnostic] | None:
        """What the checks said; None when the process failed or died before it said it."""
        try:
            sent = self.receive.recv_bytes()
        except (EOFError, OSError):
            sent = b""
        self.stop()
        said: list[Diagnostic] | None = pickle.loads(sent) if sent else None
        return said

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.receive.close()


def _fork_checks(organisation: Organisation) -> _Aside:
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_checks_in_child, args=(organisation, send), daemon=True)
    process.start()
    send.close()
    return _Aside(process, receive)


def _checks_in_child(organisation: Organisation, send: Connection) -> None:
    """Run the checks and send what they said, pickled; nothing when they fail (the parent runs them again
    and meets the failure itself)."""
    gc.disable()
    sent = b""
    with suppress(Exception):
        sent = pickle.dumps(list(run_checks(organisation)), protocol=pickle.HIGHEST_PROTOCOL)
    with send, suppress(OSError):  # the first process is gone: nobody is waiting for what they said
        send.send_bytes(sent)
