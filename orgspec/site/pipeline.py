"""Check, then generate: what `orgspec generate` and `orgspec build` do before a site builder runs, and the
MkDocs plugin too. Nothing is loaded, checked or written when nothing changed since the last run that
generated (`orgspec.site.stamp`); what its check said is said again (`orgspec.site.findings`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from orgspec.check.pipeline import CheckResult, checks_aside, load_linked
from orgspec.core.diagnostics import Findings
from orgspec.core.errors import OrgspecError, ProblemsFound
from orgspec.core.lock import exclusive
from orgspec.core.progress import SILENT, Progress
from orgspec.edition.redact import chosen_edition
from orgspec.site import findings
from orgspec.site.generate import Generated, generate
from orgspec.site.mkdocs_config import read_user_config
from orgspec.site.stamp import Request, forget, inputs_digest, record, unchanged

LOCK = Path(".cache") / "orgspec" / "build.lock"
"""Held while a run writes the project: one generate, build or regeneration of serve at a time."""


def locked(root: Path) -> AbstractContextManager[None]:
    """Hold the lock of the project at ``root`` for a block, or raise `orgspec.core.lock.BusyError`."""
    return exclusive(root / LOCK, root)


@dataclass(frozen=True)
class Outcome:
    """What a check-and-generate did: the files; the check's result, or None when nothing had changed."""

    generated: Generated
    result: CheckResult | None


def check_and_generate(
    root: Path,
    edition: str | None,
    out: Path | None = None,
    *,
    strict: bool = False,
    show: Callable[[Findings], None] = lambda findings: None,
    progress: Progress = SILENT,
) -> Outcome:
    """Check the project at ``root`` (``show`` is given what the check found) and generate the handbook.

    `ProblemsFound` when the check finds errors, or warnings under ``strict``: then nothing is written.
    """
    request = Request(root, edition, out)
    digest = inputs_digest(request)
    report = unchanged(request, digest)
    said = None if report is None else findings.recall(root, digest)
    if report is not None and said is not None:
        show(said)
        if said.failed(strict=strict):
            raise ProblemsFound()
        return Outcome(Generated(request.folder(), report, request.config(), read_user_config(root)), None)
    forget(request)
    organisation, loaded = load_linked(root, keep_parsed=True)
    with checks_aside(organisation, loaded) as checked:
        shown: list[CheckResult] = []

        def usable() -> None:
            """Wait for the checks, show what they found, and stop here if the organisation cannot be used:
            asked for before anything is written."""
            if not shown:
                shown.append(checked())
                show(shown[0].findings)
            if shown[0].failed(strict=strict):
                raise ProblemsFound()

        chosen = chosen_edition(organisation, edition)
        try:
            generated = generate(organisation, root, edition=chosen, out=out, progress=progress, ready=usable)
        except OrgspecError:
            usable()  # what the checks found comes first
            raise
        usable()
        result = shown[0]
    if findings.keep(root, digest, result.findings):
        record(request, digest)
    return Outcome(generated, result)
