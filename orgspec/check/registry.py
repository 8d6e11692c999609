"""The checks orgspec runs: a stable code and a default severity for each.

A project changes a severity under ``checks:`` in orgspec.yaml; reading
errors (YAML, schema, ids) cannot be changed because without them the data
cannot be built.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import get_args

from orgspec.core.diagnostics import FIXED_CODES, Diagnostic, Level, Position
from orgspec.link.organisation import Organisation
from orgspec.load.yamlfile import Loc, SourceFile


def _read_checks() -> dict[str, tuple[Level, str]]:
    checks: dict[str, tuple[Level, str]] = {}
    for code, (level, finds) in tomllib.loads(files(__package__).joinpath("checks.toml").read_text("utf-8")).items():
        if level not in get_args(Level):
            raise RuntimeError(f"checks.toml: {code}: {level!r} is not a severity ({', '.join(get_args(Level))})")
        checks[code] = (level, finds)
    return checks


CHECKS = _read_checks()
"""Every configurable check: code → (default severity, what it finds), from checks.toml beside this module."""


def report(
    organisation: Organisation, code: str, owner: str, key: str, loc: Loc, /, *, as_key: bool = False, **args: object
) -> Diagnostic:
    """A diagnostic of check ``code`` about a field of the post or department ``key``."""
    if _ignored(organisation, code):
        # Dropped by apply_severities anyway; locating it would parse its file a second time
        # (thousands of times over when a project ignores a lint such as post-without-kpis).
        return Diagnostic(code, CHECKS[code][0], "", Position(), args)
    name, position = organisation.locate(owner, key, loc, as_key=as_key)
    return Diagnostic(code, CHECKS[code][0], name, position, args)


def report_in(
    organisation: Organisation, code: str, source: SourceFile, loc: Loc, /, *, as_key: bool = False, **args: object
) -> Diagnostic:
    """A diagnostic of check ``code`` about a field of a project file other than a post or department."""
    if _ignored(organisation, code):
        return Diagnostic(code, CHECKS[code][0], "", Position(), args)
    return Diagnostic(code, CHECKS[code][0], source.name, source.locate(loc, key=as_key), args)


def report_settings(
    organisation: Organisation, code: str, loc: Loc, /, *, as_key: bool = False, **args: object
) -> Diagnostic:
    """A diagnostic of check ``code`` about a field of orgspec.yaml."""
    return report_in(organisation, code, organisation.project.settings_source, loc, as_key=as_key, **args)


def _ignored(organisation: Organisation, code: str) -> bool:
    return code not in FIXED_CODES and organisation.settings.checks.get(code) == "ignore"
