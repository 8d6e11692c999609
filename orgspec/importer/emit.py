"""The YAML text of an imported post: the schema modeline, what to check, the data, the text kept aside.

Values are written by PyYAML, which quotes whatever YAML 1.1 would read
as something else (``'1.0'``, ``'no'``); the comments are orgspec's own.
Text that found no field is kept at the end of the file as comments,
under its label and with its place in the document, for a person to move
into a field or delete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import yaml

from orgspec.i18n import Locale, translate
from orgspec.importer.reading import Kept

NOT_COMMENT = str.maketrans({"\r": " ", "\x0b": " ", "\x0c": " ", "\x85": " ", "\u2028": " ", "\u2029": " "})
"""Characters that would end a comment line early."""


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, several lines as a block, amounts as numbers."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _amount(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value.normalize(), "f")
    return dumper.represent_scalar("tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float", text)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(Decimal, _amount)
_Dumper.add_representer(dt.date, yaml.SafeDumper.represent_date)


def dump(data: dict[str, Any]) -> str:
    """``data`` as block YAML, keys in the order given."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000, indent=2)


def comment(lines: Sequence[str], indent: str = "") -> str:
    """Lines as YAML comments (each line of a multi-line text on its own)."""
    result = []
    for line in lines:
        for part in line.translate(NOT_COMMENT).split("\n"):
            result.append(f"# {indent}{part}".rstrip())
    return "\n".join(result) + "\n" if result else ""


def kept_section(kept: Sequence[Kept], locale: Locale, places: Sequence[str]) -> str:
    """The text kept aside, under its labels, with each place (``places``, in the order of ``kept``)."""
    if not kept:
        return ""
    lines = [translate("import.kept-heading", locale, {})]
    for item, place in zip(kept, places, strict=True):
        lines.append(translate("import.kept-label", locale, {"label": item.label or "—", "place": place}))
        lines.extend(f"  {line}" for line in item.lines)
    return "\n" + comment(lines)


def post_text(
    data: dict[str, Any], *, schema: str, source: str, checks: Sequence[str], kept: str, locale: Locale
) -> str:
    """The whole file: modeline, where it came from, what to check, the data, the text kept aside."""
    header = [f"yaml-language-server: $schema={schema}", translate("import.source", locale, {"file": source})]
    if checks:
        header.append(translate("import.check-heading", locale, {}))
        header.extend(f"- {line}" for line in checks)
    return comment(header) + dump(data) + kept
