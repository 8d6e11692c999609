"""The one place where text from YAML becomes safe Markdown and HTML.

Plain ``html.escape`` is not enough inside Markdown: links, emphasis,
attribute lists (``{: onclick=...}``), snippet includes (``--8<--``),
footnotes, abbreviations and template macros are all written with ASCII
punctuation. Every such character is written as a numeric character
reference, which browsers show as the character and which no Markdown
extension reads as syntax. Line breaks become ``<br>`` so that user text
never starts a line of the page, where block syntax lives.
"""

from __future__ import annotations

import functools

from markupsafe import Markup

_SPECIAL = "&<>\"'`\\*_{}[]()#+-.!|~:=%@$^;/?"
_TABLE = {ord(char): f"&#{ord(char)};" for char in _SPECIAL}
_TABLE[ord("\r")] = ""


def escape(text: object) -> Markup:
    """``text`` as inert Markdown/HTML: shows as written, never as markup or syntax."""
    if isinstance(text, Markup):
        return text
    return _escaped(str(text))


@functools.lru_cache(maxsize=65536)
def _escaped(text: str) -> Markup:
    """Kept: the same names, titles and labels are printed on thousands of pages."""
    escaped = text.translate(_TABLE)
    if "\n" not in escaped:
        return Markup(escaped.strip())
    return Markup("<br>".join(line.strip() for line in escaped.split("\n")))


def label_text(text: str) -> Markup:
    """A label of orgspec's own catalogue, escaped as `escape` does but with its spaces kept: the separators
    ``, `` and `` (`` of English are a label each, and lose their meaning without their space."""
    return Markup(text.translate(_TABLE))


def css_string(text: str) -> Markup:
    """``text`` as a CSS string literal: every character but ASCII letters and digits as a hex escape."""
    body = "".join(char if char.isascii() and char.isalnum() else f"\\{ord(char):06x}" for char in text)
    return Markup(f'"{body}"')
