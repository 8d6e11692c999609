"""How the `orgspec diff` reports write a value: plain text, Markdown or HTML (pure).

Every piece of a report is written once, through a `Style`; the style
decides the escaping (`orgspec.render.escape` for Markdown and HTML),
emphasis, code, line breaks inside a table cell and the table itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from orgspec.analysis.cost import PayRange
from orgspec.i18n import Locale, label, translate
from orgspec.render.escape import escape
from orgspec.render.tables import html_table, markdown_table, text_table
from orgspec.views.common import figure

__all__ = ["Flavour", "Side", "Style", "amounts", "count", "side"]

Flavour = Literal["text", "markdown", "html"]


@dataclass(frozen=True)
class Side:
    """One of the two versions compared: a revision and its commit, or (both None) the working tree."""

    revision: str | None = None
    commit: str | None = None


@dataclass(frozen=True)
class Style:
    """Text for the terminal, Markdown for a pull request, or HTML for the before/after page."""

    flavour: Flavour
    locale: Locale

    @property
    def markup(self) -> bool:
        """Markdown or HTML: text from YAML is escaped, a cell breaks lines with ``<br>``."""
        return self.flavour != "text"

    def text(self, value: str) -> str:
        return str(escape(value)) if self.markup else value

    def code(self, value: str) -> str:
        return str(Markup("<code>{}</code>").format(escape(value))) if self.markup else value

    def strong(self, value: str) -> str:
        if self.flavour == "html":
            return f"<strong>{value}</strong>"
        return f"**{value}**" if self.markup else value

    def label(self, key: str) -> str:
        return self.text(label(key, self.locale))

    def translate(self, key: str, args: Mapping[str, object]) -> str:
        """A catalogue message whose arguments are written in this style already."""
        return translate(key, self.locale, args)

    def field(self, key: str, value: str) -> str:
        return self.translate("diff.field", {"field": self.label(key), "value": value})

    def name(self, title: str, key: str) -> str:
        """A post's or a department's name and id: ``name <code>id</code>``, or ``name (id)`` in text."""
        shown_key = self.code(key) if self.markup else f"({key})"
        return f"{self.text(title)} {shown_key}"

    def paragraph(self, text: str) -> str:
        return f"<p>{text}</p>" if self.flavour == "html" else text

    def cell(self, lines: Sequence[str]) -> str:
        """Several lines in one table cell."""
        return "<br>".join(lines)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], *, first_numeric: int = 1) -> list[str]:
        render = {"text": text_table, "markdown": markdown_table, "html": html_table}[self.flavour]
        return render(header, rows, first_numeric=first_numeric)


def side(version: Side, style: Style) -> str:
    """A version as the summary names it: its revision, or the working tree."""
    return style.code(version.revision) if version.revision is not None else style.label("diff.working-tree")


def count(old: int | None, new: int | None, style: Style) -> str:
    """``5``, or ``4 → 5 (+1)`` with the delta in bold in Markdown and HTML; a missing side is a dash."""
    if old == new:
        return str(new)
    delta = (new or 0) - (old or 0)
    return f"{'–' if old is None else old} → {'–' if new is None else new} ({style.strong(f'{delta:+d}')})"


def amounts(old: PayRange | None, new: PayRange | None, style: Style, *, compared: bool = True) -> str:
    """``9,000–14,000``, or ``9,000–14,000 → 18,000–28,000 (+9,000–+14,000)``; a missing side is a dash.

    Without ``compared`` (the two sides are in different currencies) no difference is shown.
    """
    if old == new:
        return _range(new)
    shown = f"{_range(old)} → {_range(new)}"
    if not compared:
        return shown
    before, after = old or PayRange(), new or PayRange()
    delta = after - before
    return f"{shown} ({style.strong(f'{figure(delta.min, sign=True)}–{figure(delta.max, sign=True)}')})"


def _range(amount: PayRange | None) -> str:
    return "–" if amount is None else f"{figure(amount.min)}–{figure(amount.max)}"
