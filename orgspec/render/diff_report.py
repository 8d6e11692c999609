"""`orgspec diff` for people: text for the terminal, Markdown for a pull request (pure).

Both start with the summary (posts, then departments when the tree changed)
and go from the departments down: the restructure of the department tree
with the posts that followed each change, the impact on every department
touched, the cost where grades give pay bands, then the posts added,
removed and changed. The JSON for tools is `orgspec.render.diff_json`; the
before/after page is `orgspec.render.diff_page`.
"""

from __future__ import annotations

from dataclasses import astuple

from orgspec.analysis.diff import OrgDiff, PostChange, PostSummary, TextChange
from orgspec.i18n import Locale
from orgspec.render.diff_departments import cost_section, impact_section, restructure_section
from orgspec.render.diff_style import Side, Style, count, side

__all__ = ["Side", "as_markdown", "as_text", "change_lines", "sections", "summary_lines"]


def summary_lines(result: OrgDiff, old: Side, new: Side, style: Style) -> list[str]:
    """The posts added, removed, renamed, moved and changed with the totals; then the departments, if changed."""
    args = {
        "old": side(old, style),
        "new": side(new, style),
        "added": style.strong(str(len(result.added))),
        "removed": style.strong(str(len(result.removed))),
        "renamed": style.strong(str(len(result.renamed))),
        "moved": style.strong(str(len(result.moved))),
        "changed": style.strong(str(len(result.changed))),
        "authorised": count(result.total.old.authorised, result.total.new.authorised, style),
        "filled": count(result.total.old.filled, result.total.new.filled, style),
    }
    lines = [style.translate("diff.summary", args)]
    if result.restructure:
        departments: dict[str, str] = {kind: style.strong(str(n)) for kind, n in result.department_counts.items()}
        departments["followed"] = style.strong(str(len(result.followed)))
        lines.append(style.translate("diff.summary.departments", departments))
    return lines


def _post_rows(result: OrgDiff, posts: list[PostSummary], style: Style) -> list[list[str]]:
    return [
        [
            style.name(post.title, post.id),
            style.text(result.department_names.get(post.department, post.department)),
            _superior(result, post.reports_to, style),
            str(post.authorised),
            str(post.filled),
        ]
        for post in posts
    ]


def _superior(result: OrgDiff, key: str | None, style: Style) -> str:
    return style.label("label.none") if key is None else style.text(result.titles.get(key, key))


def _arrow(old: str, new: str) -> str:
    return f"{old} → {new}"


def change_lines(result: OrgDiff, change: PostChange, style: Style) -> list[str]:
    """What changed in one post, a line each: values as ``old → new``, list entries with + or −.

    A department the post only followed is told with the department's change, not here.
    """
    return [*_value_lines(result, change, style), *_list_lines(result, change, style)]


def _value_lines(result: OrgDiff, change: PostChange, style: Style) -> list[str]:
    lines = []
    if change.renamed:
        lines.append(style.field("diff.title", _arrow(style.text(change.renamed.old), style.text(change.renamed.new))))
    if change.department and not change.follows:
        old, new = (style.text(result.department_names.get(key, key)) for key in astuple(change.department))
        lines.append(style.field("post.department", _arrow(old, new)))
    if change.reports_to:
        old, new = (_superior(result, key, style) for key in astuple(change.reports_to))
        lines.append(style.field("post.reports-to", _arrow(old, new)))
    if change.grade:
        old, new = (style.text(grade) if grade else style.label("label.none") for grade in astuple(change.grade))
        lines.append(style.field("post.grade", _arrow(old, new)))
    for key, number in (("post.authorised", change.authorised), ("post.filled", change.filled)):
        if number:
            lines.append(style.field(key, count(number.old, number.new, style)))
    return lines


def _list_lines(result: OrgDiff, change: PostChange, style: Style) -> list[str]:
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


def _changed_section(result: OrgDiff, style: Style) -> list[str]:
    """Markdown and HTML: a table with the changes of a post in one cell; text: each post with its changes below it."""
    if style.markup:
        header = [style.label("post.title"), style.label("diff.changes")]
        rows = [[style.name(c.title, c.id), style.cell(change_lines(result, c, style))] for c in result.changed]
        return style.table(header, rows, first_numeric=2)
    lines = []
    for change in result.changed:
        lines.append(style.name(change.title, change.id))
        lines += [f"  {line}" for line in change_lines(result, change, style)]
    return lines


def sections(result: OrgDiff, style: Style) -> list[tuple[str, list[str]]]:
    """The sections of the report that have something to say, departments first: (heading key, lines)."""
    found: list[tuple[str, list[str]]] = []
    if result.restructure:
        found.append(("diff.restructure", restructure_section(result, style)))
    if result.departments:
        found.append(("diff.departments", impact_section(result, style)))
        if result.cost is not None:
            found.append(("diff.cost", cost_section(result, style)))
    header = [style.label(key) for key in ("post.title", "post.department", "post.reports-to")]
    header += [style.label("label.authorised"), style.label("label.filled")]
    for key, posts in (("diff.added", result.added), ("diff.removed", result.removed)):
        if posts:
            found.append((key, style.table(header, _post_rows(result, posts, style), first_numeric=3)))
    if result.changed:
        found.append(("diff.changed", _changed_section(result, style)))
    return found


def _render(result: OrgDiff, old: Side, new: Side, style: Style) -> str:
    summary = summary_lines(result, old, new, style)
    lines = [line for text in summary for line in ("", text)][1:] if style.markup else summary  # Markdown paragraphs
    found = sections(result, style)
    if not found:
        lines += ["", style.label("diff.none")]
    for key, body in found:
        if style.markup:
            lines += ["", f"### {style.label(key)}", "", *body]
        else:
            lines += ["", style.label(key), *(f"  {line}" if line else "" for line in body)]
    return "\n".join(lines) + "\n"


def as_markdown(result: OrgDiff, old: Side, new: Side, locale: Locale) -> str:
    """The diff for a pull-request comment: the summary, then a heading and a table per section."""
    return _render(result, old, new, Style("markdown", locale))


def as_text(result: OrgDiff, old: Side, new: Side, locale: Locale) -> str:
    """The diff for the terminal: the summary, then each section under its title."""
    return _render(result, old, new, Style("text", locale))
