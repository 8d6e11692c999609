"""The one hierarchy of errors orgspec reports in words, never as a traceback.

Code below the command line raises these; `orgspec.cli` prints the message
and exits with the error's code: 1 when the organisation or a file in the
way is the problem, 2 for a usage or environment problem.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgspec.core.suggest import did_you_mean

PROBLEMS = 1
"""Exit code: problems found (in the organisation, or a file orgspec may not replace)."""
USAGE = 2
"""Exit code: a usage or environment error (bad argument, not a project, a tool missing)."""


class OrgspecError(Exception):
    """Something orgspec cannot do, said in words; ``exit_code`` is what the command line exits with."""

    exit_code = USAGE

    def said(self) -> str:
        """What the command line prints for it: a usage error after ``Error:``; empty when said already."""
        text = str(self)
        return f"Error: {text}" if text and self.exit_code == USAGE else text


class UsageError(OrgspecError):
    """An argument or option that cannot be used: an unknown name, a folder that is not a project."""


class UnknownNameError(UsageError):
    """A name given on the command line that the organisation does not know."""

    def __init__(self, kind: str, value: str, known: Iterable[str]) -> None:
        super().__init__(did_you_mean(kind, value, known))


class EnvironmentProblem(OrgspecError):
    """A program, library or folder orgspec needs is missing or failed (git, a site builder, WeasyPrint,
    a folder it cannot list)."""


class RefusedError(OrgspecError):
    """orgspec would have to replace or remove something it did not write; nothing was changed."""

    exit_code = PROBLEMS


class ProblemsFound(OrgspecError):
    """The organisation has errors (already printed); the command stops without output."""

    exit_code = PROBLEMS


__all__ = [
    "PROBLEMS",
    "USAGE",
    "EnvironmentProblem",
    "OrgspecError",
    "ProblemsFound",
    "RefusedError",
    "UnknownNameError",
    "UsageError",
]
