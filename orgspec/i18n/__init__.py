"""One catalogue of messages and labels, in Chinese and English."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from orgspec.i18n.catalogue import CATALOGUE
from orgspec.model.types import Locale

LOCALES: tuple[Locale, ...] = ("zh-CN", "en")


@dataclass(frozen=True)
class Term:
    """An argument that is itself a catalogue entry, translated with the message."""

    key: str


def translate(key: str, locale: Locale, args: Mapping[str, object], *, missing: str | None = None) -> str:
    """The text for ``key`` in ``locale`` with ``args`` filled in.

    Lists are joined with the language's separator, `Term` arguments are
    translated too, and quotes around values are the language's own.
    """
    entry = CATALOGUE.get(key)
    if entry is None:
        if missing is not None:
            return missing
        raise KeyError(f"no message {key!r} in the catalogue")
    template = entry[0] if locale == "zh-CN" else entry[1]
    template = _PLURAL.sub(lambda match: _counted(match, args), template)
    plain = {name: value for name, value in args.items() if not _has_term(value)}
    values = _Values({name: _render(value, locale, plain) for name, value in args.items()})
    return template.format_map(values)


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")
"""``{errors|error|errors}``: the number, then the word in the singular or the plural as the number asks."""


def _counted(match: re.Match[str], args: Mapping[str, object]) -> str:
    name, singular, plural = match.groups()
    if name not in args:
        return match.group(0)
    word = singular if args[name] == 1 else plural
    return f"{{{name}}} {word}"


class _Values(dict[str, str]):
    """Arguments of a message; a placeholder without a value stays visible rather than failing."""

    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def _has_term(value: object) -> bool:
    if isinstance(value, list | tuple):
        return any(_has_term(item) for item in value)
    return isinstance(value, Term)


def _render(value: object, locale: Locale, plain: Mapping[str, object]) -> str:
    """One argument as text; a `Term` is translated with the arguments that hold no term (``plain``)."""
    if isinstance(value, Term):
        return translate(value.key, locale, plain)
    if isinstance(value, list | tuple):
        separator = "、" if locale == "zh-CN" else ", "
        return separator.join(_render(item, locale, plain) for item in value)
    return str(value)


def label(key: str, locale: Locale) -> str:
    """A label without arguments (a heading, a column name)."""
    return translate(key, locale, {})


def aside(text: str, note: str | None, locale: Locale) -> str:
    """``text`` with ``note`` in brackets as the language writes them: 经理级（M2）, Manager (M2)."""
    if not note:
        return text
    return f"{text}{label('punct.open', locale)}{note}{label('punct.close', locale)}"


__all__ = ["LOCALES", "Locale", "Term", "aside", "label", "translate"]
