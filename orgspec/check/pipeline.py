"""The phases in order: load → validate → link → check."""

from __future__ import annotations

from dataclasses import dataclass
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
