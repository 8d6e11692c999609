"""`orgspec diff` output: text for the terminal, Markdown for a pull request, JSON for tools (pure).

The JSON document (keys are always present; a field that did not change is
``null``; lists may be empty)::

    {
      "old": {"revision": "HEAD~1", "commit": "<sha>"},
      "new": {"revision": "HEAD", "commit": "<sha>"},       # both null: the working tree
      "summary": {
        "posts": Delta, "added": int, "removed": int, "renamed": int, "moved": int, "changed": int,
        "authorised": Delta, "filled": Delta, "vacant": Delta
      },
      "added":   [Post, ...],                               # sorted by id
      "removed": [Post, ...],
      "changed": [{
        "id": str, "title": str (new title), "moved": bool,
        "renamed": Pair | null, "department": Pair | null, "reports_to": Pair | null,
        "grade": Pair | null, "authorised": Delta | null, "filled": Delta | null,
        "dotted_line": Texts, "duties": Texts, "kpis": Texts, "authorities": Texts
      }, ...],
      "departments": [{                                     # new tree order, then removed ones
        "id": str, "name": str, "status": "added" | "removed" | "changed",
        "posts": Delta, "authorised": Delta, "filled": Delta, "vacant": Delta,
        "span_max": Delta, "layers": Delta
      }, ...]
    }

    Post  = {"id", "title", "department", "reports_to", "grade", "authorised", "filled"}
    Pair  = {"old": value, "new": value}
    Delta = {"old": int | null, "new": int | null, "delta": int}   # a missing side counts as 0
    Texts = {"added": [str], "removed": [str]}                     # KPIs by name, clauses expanded
"""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass

from markupsafe import Markup

from orgspec.analysis.diff import IMPACT_FIELDS, Change, OrgDiff, PostChange, PostSummary, TextChange
from orgspec.i18n import Locale, label, translate
from orgspec.render.escape import escape
from orgspec.render.tables import markdown_table, text_table

__all__ = ["Side", "as_json", "as_markdown", "as_text"]


@dataclass(frozen=True)
class Side:
    """One of the two versions compared: a revision and its commit, or (both None) the working tree."""

    revision: str | None = None
    commit: str | None = None


def _delta(old: int | None, new: int | None) -> dict[str, int | None]:
    return {"old": old, "new": new, "delta": (new or 0) - (old or 0)}


def _pair(change: Change[str] | Change[str | None] | None) -> dict[str, str | None] | None:
    return None if change is None else {"old": change.old, "new": change.new}


def _texts(change: TextChange) -> dict[str, list[str]]:
    return {"added": list(change.added), "removed": list(change.removed)}


def _post(summary: PostSummary) -> dict[str, object]:
    return {
        "id": summary.id,
        "title": summary.title,
        "department": summary.department,
        "reports_to": summary.reports_to,
        "grade": summary.grade,
        "authorised": summary.authorised,
        "filled": summary.filled,
    }


def _changed(change: PostChange) -> dict[str, object]:
    return {
        "id": change.id,
        "title": change.title,
        "moved": change.moved,
        "renamed": _pair(change.renamed),
        "department": _pair(change.department),
        "reports_to": _pair(change.reports_to),
        "grade": _pair(change.grade),
        "authorised": None if change.authorised is None else _delta(change.authorised.old, change.authorised.new),
        "filled": None if change.filled is None else _delta(change.filled.old, change.filled.new),
        "dotted_line": _texts(change.dotted_line),
        "duties": _texts(change.duties),
        "kpis": _texts(change.kpis),
        "authorities": _texts(change.authorities),
    }


def _summary(result: OrgDiff) -> dict[str, object]:
    old, new = result.total.old, result.total.new
    return {
        "posts": _delta(result.posts.old, result.posts.new),
        "added": len(result.added),
        "removed": len(result.removed),
        "renamed": len(result.renamed),
        "moved": len(result.moved),
        "changed": len(result.changed),
        "authorised": _delta(old.authorised, new.authorised),
        "filled": _delta(old.filled, new.filled),
        "vacant": _delta(old.vacant, new.vacant),
    }


def as_json(result: OrgDiff, old: Side, new: Side) -> str:
    """The diff as one JSON document (shape in the module docstring)."""
    departments = []
    for impact in result.departments:
        numbers = {name: _delta(impact.old[name], impact.new[name]) for name in IMPACT_FIELDS}
        departments.append({"id": impact.id, "name": impact.name, "status": impact.status, **numbers})
    document = {
        "old": {"revision": old.revision, "commit": old.commit},
        "new": {"revision": new.revision, "commit": new.commit},
        "summary": _summary(result),
        "added": [_post(summary) for summary in result.added],
        "removed": [_post(summary) for summary in result.removed],
        "changed": [_changed(change) for change in result.changed],
        "departments": departments,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class _Style:
    """How text and Markdown differ: escaping, emphasis, line breaks inside a cell."""

    markdown: bool
    locale: Locale

    def text(self, value: str) -> str:
        return str(escape(value)) if self.markdown else value

    def code(self, value: str) -> str:
        return str(Markup("<code>{}</code>").format(escape(value))) if self.markdown else value

    def strong(self, value: str) -> str:
        return f"**{value}**" if self.markdown else value

    def label(self, key: str) -> str:
        return self.text(label(key, self.locale))

    def field(self, key: str, value: str) -> str:
        return translate("diff.field", self.locale, {"field": self.label(key), "value": value})


def _side(side: Side, style: _Style) -> str:
    return style.code(side.revision) if side.revision is not None else style.label("diff.working-tree")


def _count(old: int | None, new: int | None, style: _Style) -> str:
    """``5``, or ``4 → 5 (+1)`` with the delta in bold in Markdown."""
    if old == new:
        return str(new)
    delta = (new or 0) - (old or 0)
    return f"{'–' if old is None else old} → {'–' if new is None else new} ({style.strong(f'{delta:+d}')})"


def summary_line(result: OrgDiff, old: Side, new: Side, style: _Style) -> str:
    """The first line: how many posts were added, removed, renamed, moved and changed, and the totals."""
    args = {
        "old": _side(old, style),
        "new": _side(new, style),
        "added": style.strong(str(len(result.added))),
        "removed": style.strong(str(len(result.removed))),
        "renamed": style.strong(str(len(result.renamed))),
        "moved": style.strong(str(len(result.moved))),
        "changed": style.strong(str(len(result.changed))),
        "authorised": _count(result.total.old.authorised, result.total.new.authorised, style),
        "filled": _count(result.total.old.filled, result.total.new.filled, style),
    }
    return translate("diff.summary", style.locale, args)


def _post_name(title: str, key: str, style: _Style) -> str:
    """The title and the id: ``title <code>id</code>`` in Markdown, ``title (id)`` in text."""
    shown_key = style.code(key) if style.markdown else f"({key})"
    return f"{style.text(title)} {shown_key}"


def _post_rows(result: OrgDiff, posts: list[PostSummary], style: _Style) -> list[list[str]]:
    return [
        [
            _post_name(post.title, post.id, style),
            style.text(result.department_names.get(post.department, post.department)),
            _superior(result, post.reports_to, style),
            str(post.authorised),
            str(post.filled),
        ]
        for post in posts
    ]


def _superior(result: OrgDiff, key: str | None, style: _Style) -> str:
    return style.label("label.none") if key is None else style.text(result.titles.get(key, key))


def _arrow(old: str, new: str) -> str:
    return f"{old} → {new}"


def change_lines(result: OrgDiff, change: PostChange, style: _Style) -> list[str]:
    """What changed in one post, a line each: values as ``old → new``, list entries with + or −."""
    return [*_value_lines(result, change, style), *_list_lines(result, change, style)]


def _value_lines(result: OrgDiff, change: PostChange, style: _Style) -> list[str]:
    lines = []
    if change.renamed:
        lines.append(style.field("diff.title", _arrow(style.text(change.renamed.old), style.text(change.renamed.new))))
    if change.department:
        old, new = (style.text(result.department_names.get(key, key)) for key in astuple(change.department))
        lines.append(style.field("post.department", _arrow(old, new)))
    if change.reports_to:
        old, new = (_superior(result, key, style) for key in astuple(change.reports_to))
        lines.append(style.field("post.reports-to", _arrow(old, new)))
    if change.grade:
        old, new = (style.text(grade) if grade else style.label("label.none") for grade in astuple(change.grade))
        lines.append(style.field("post.grade", _arrow(old, new)))
    for key, count in (("post.authorised", change.authorised), ("post.filled", change.filled)):
        if count:
            lines.append(style.field(key, _count(count.old, count.new, style)))
    return lines


def _list_lines(result: OrgDiff, change: PostChange, style: _Style) -> list[str]:
    dotted = TextChange(
        tuple(result.titles.get(key, key) for key in change.dotted_line.added),
        tuple(result.titles.get(key, key) for key in change.dotted_line.removed),
    )
    lines = []
    for key, texts in (
        ("post.dotted-line", dotted),
        ("post.duties", change.duties),
        ("post.kpis", change.kpis),
        ("post.authorities", change.authorities),
    ):
        lines += [f"+ {style.field(key, style.text(text))}" for text in texts.added]
        lines += [f"− {style.field(key, style.text(text))}" for text in texts.removed]
    return lines


def _impact_rows(result: OrgDiff, style: _Style) -> list[list[str]]:
    rows = []
    for impact in result.departments:
        name = style.text(impact.name)
        if impact.status != "changed":
            name += f" ({style.label(f'diff.status.{impact.status}')})"
        rows.append([name, *(_count(impact.old[field], impact.new[field], style) for field in IMPACT_FIELDS)])
    return rows


def _headers(style: _Style) -> tuple[list[str], list[str]]:
    posts = ["post.title", "post.department", "post.reports-to", "label.authorised", "label.filled"]
    impact = ["diff.department", *(f"metric.{field.replace('_', '-')}" for field in IMPACT_FIELDS)]
    return [style.label(key) for key in posts], [style.label(key) for key in impact]


def _changed_section(result: OrgDiff, style: _Style) -> list[str]:
    """Markdown: a table with the changes of a post in one cell; text: each post with its changes below it."""
    if style.markdown:
        header = [style.label("post.title"), style.label("diff.changes")]
        rows = [[_post_name(c.title, c.id, style), "<br>".join(change_lines(result, c, style))] for c in result.changed]
        return markdown_table(header, rows, first_numeric=2)
    lines = []
    for change in result.changed:
        lines.append(_post_name(change.title, change.id, style))
        lines += [f"  {line}" for line in change_lines(result, change, style)]
    return lines


def _sections(result: OrgDiff, style: _Style) -> list[tuple[str, list[str]]]:
    """The sections of the report that have something to say: (heading key, lines)."""
    table = markdown_table if style.markdown else text_table
    post_header, impact_header = _headers(style)
    sections: list[tuple[str, list[str]]] = []
    for key, posts in (("diff.added", result.added), ("diff.removed", result.removed)):
        if posts:
            sections.append((key, table(post_header, _post_rows(result, posts, style), first_numeric=3)))
    if result.changed:
        sections.append(("diff.changed", _changed_section(result, style)))
    if result.departments:
        sections.append(("diff.departments", table(impact_header, _impact_rows(result, style))))
    return sections


def _render(result: OrgDiff, old: Side, new: Side, style: _Style) -> str:
    lines = [summary_line(result, old, new, style)]
    sections = _sections(result, style)
    if not sections:
        lines += ["", style.label("diff.none")]
    for key, body in sections:
        if style.markdown:
            lines += ["", f"### {style.label(key)}", "", *body]
        else:
            lines += ["", style.label(key), *(f"  {line}" for line in body)]
    return "\n".join(lines) + "\n"


def as_markdown(result: OrgDiff, old: Side, new: Side, locale: Locale) -> str:
    """The diff for a pull-request comment: the summary line, then a heading and a table per section."""
    return _render(result, old, new, _Style(True, locale))


def as_text(result: OrgDiff, old: Side, new: Side, locale: Locale) -> str:
    """The diff for the terminal: the summary line, then each section under its title."""
    return _render(result, old, new, _Style(False, locale))
