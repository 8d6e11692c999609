"""Diagnostics: what the checks say about the user's files.

Checks return diagnostics, never raise them; only the CLI prints them and
picks the exit code. A diagnostic holds a message key and its arguments so
it can be shown in the organisation's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any, Literal

from orgspec.i18n import Locale, Term, translate

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a file."""

    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the organisation's files."""

    code: str
    severity: Level
    file: str
    position: Position
    args: Mapping[str, object] = field(default_factory=dict)

    def message(self, locale: Locale) -> str:
        """The message and its hint, in the given language."""
        text = translate(f"{self.code}", locale, self.args)
        hint_key = f"{self.code}.hint"
        if "hint" in self.args:
            hint_key = str(self.args["hint"])
        hint = translate(hint_key, locale, self.args, missing="")
        separator = "；" if locale == "zh-CN" else "; "
        return f"{text}{separator}{hint}" if hint else text

    def format(self, locale: Locale) -> str:
        """The diagnostic as one line: ``file:line:col: severity: message [code]``."""
        where = f"{printable(self.file)}:{self.position.line}:{self.position.column}"
        level = translate(f"severity.{self.severity}", locale, {})
        return f"{where}: {level}: {printable(self.message(locale))} [{self.code}]"

    def annotation(self, locale: Locale, *, folder: str | PurePath = "") -> str:
        """The diagnostic as a GitHub Actions workflow command, shown on its line of a pull request.

        ``folder`` is the project folder as seen from where the command runs (the repository's root).
        """
        properties = {
            "file": PurePath(folder, self.file).as_posix(),
            "line": str(self.position.line),
            "col": str(self.position.column),
            "title": f"orgspec: {self.code}",
        }
        listed = ",".join(f"{name}={_escape_property(value)}" for name, value in properties.items())
        return printable(f"::{self.severity} {listed}::{_escape_data(self.message(locale))}")

    def as_dict(self, locale: Locale) -> dict[str, object]:
        """The diagnostic for machines (``--format json``)."""
        return {
            "file": printable(self.file),
            "line": self.position.line,
            "column": self.position.column,
            "severity": self.severity,
            "code": self.code,
            "message": printable(self.message(locale)),
        }

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.position.line, self.position.column, self.code)

    def as_record(self) -> dict[str, object]:
        """The diagnostic as JSON data that `from_record` reads back (to be printed again later)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.position.line,
            "column": self.position.column,
            "args": {name: _plain(value) for name, value in self.args.items()},
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Diagnostic:
        """The diagnostic `as_record` wrote; `KeyError`, `TypeError` or `ValueError` when it is not one."""
        severity = record["severity"]
        if severity not in ("error", "warning"):
            raise ValueError(f"not a severity: {severity!r}")
        position = Position(int(record["line"]), int(record["column"]))
        args = {str(name): _with_terms(value) for name, value in dict(record["args"]).items()}
        return cls(str(record["code"]), severity, str(record["file"]), position, args)


_TERM = "$term"


def _plain(value: object) -> object:
    """A message argument as JSON data: a `Term` as ``{"$term": key}``, lists item by item."""
    if isinstance(value, Term):
        return {_TERM: value.key}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _with_terms(value: object) -> object:
    if isinstance(value, dict) and set(value) == {_TERM}:
        return Term(str(value[_TERM]))
    if isinstance(value, list):
        return [_with_terms(item) for item in value]
    return value


@dataclass(frozen=True)
class Findings:
    """Everything a check said about an organisation, and the language to say it in."""

    diagnostics: list[Diagnostic]
    locale: Locale

    @property
    def errors(self) -> int:
        return sum(diagnostic.severity == "error" for diagnostic in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(diagnostic.severity == "warning" for diagnostic in self.diagnostics)

    def failed(self, *, strict: bool = False) -> bool:
        """Whether the organisation cannot be used: errors, or warnings under ``strict``."""
        return self.errors > 0 or (strict and self.warnings > 0)


def printable(text: str) -> str:
    """``text`` as valid UTF-8: the bytes of a file name that is not UTF-8 are shown as ``\\xff``.

    Python reads such a name with a lone surrogate in place of each bad byte,
    which no UTF-8 output can carry (a file from a Windows machine's zip, say).
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _escape_data(text: str) -> str:
    """A workflow command's message: ``%``, carriage returns and line feeds written as ``%25``, ``%0D``, ``%0A``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value: as a message, and ``:`` and ``,`` as ``%3A`` and ``%2C`` too."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def apply_severities(diagnostics: Iterable[Diagnostic], overrides: Mapping[str, str]) -> list[Diagnostic]:
    """Apply the project's severity settings, drop ignored ones, and sort by file and line."""
    result = []
    for diagnostic in diagnostics:
        wanted = None if diagnostic.code in FIXED_CODES else overrides.get(diagnostic.code)
        if wanted == "ignore":
            continue
        if wanted == "error":
            diagnostic = replace(diagnostic, severity="error")
        elif wanted == "warning":
            diagnostic = replace(diagnostic, severity="warning")
        result.append(diagnostic)
    return sorted(result, key=lambda diagnostic: diagnostic.sort_key)


FIXED_CODES = frozenset(
    {
        "yaml-syntax",
        "yaml-encoding",
        "yaml-tab",
        "yaml-empty",
        "yaml-duplicate-key",
        "yaml-alias",
        "yaml-merge",
        "yaml-tag",
        "yaml-not-mapping",
        "yaml-trap",
        "unknown-key",
        "missing-field",
        "invalid-value",
        "invalid-id",
        "no-settings",
    }
)
"""Codes whose severity cannot be changed: without them the data cannot be read."""
