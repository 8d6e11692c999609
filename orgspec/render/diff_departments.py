"""The department part of the `orgspec diff` reports: the restructure, its impact and its cost (pure).

Written through a `orgspec.render.diff_style.Style`, so that the terminal,
the pull-request comment and the before/after page say the same words.
"""

from __future__ import annotations

from orgspec.analysis.cost import Cost
from orgspec.analysis.diff import IMPACT_FIELDS, DepartmentChange, DepartmentImpact, OrgDiff
from orgspec.render.diff_style import Style, amounts, count

__all__ = ["cost_section", "describe", "impact_section", "restructure_section"]


def restructure_section(result: OrgDiff, style: Style) -> list[str]:
    """Text: a line per change, the posts that followed below it; Markdown and HTML: a table."""
    rows = [
        (style.label(f"diff.kind.{change.kind}"), describe(result, change, style), change)
        for change in result.restructure
    ]
    if style.markup:
        header = [style.label(key) for key in ("diff.change", "diff.department", "diff.followed")]
        cells = [[kind, text, _list(_followed(result, change, style), style)] for kind, text, change in rows]
        return style.table(header, cells, first_numeric=3)
    lines = []
    for kind, text, change in rows:
        lines.append(style.translate("diff.field", {"field": kind, "value": text}))
        if change.followed:
            posts = _list(_followed(result, change, style), style)
            lines.append(f"  {style.field('diff.followed', posts)}")
    return lines


def describe(result: OrgDiff, change: DepartmentChange, style: Style) -> str:
    """The departments of a change and, for a rename or a move, what it was: ``市场部 (market) → 品牌部 (brand)；新编号…``."""
    if change.kind == "renamed" and change.name is not None:
        (before,), (after,) = change.old, change.new
        if change.rule == "same-id":
            shown = f"{style.text(change.name.old)} → {style.name(change.name.new, after)}"
            return _detail(shown, style.label("diff.rule.same-id"), style)
        count_of = dict(zip(("count", "of"), change.share or (0, 0), strict=True))
        shown = f"{style.name(change.name.old, before)} → {style.name(change.name.new, after)}"
        return _detail(shown, style.translate("diff.rule.posts", count_of), style)
    if change.kind == "moved" and change.parent is not None:
        parents = {"old": _parent(result, change.parent.old, style), "new": _parent(result, change.parent.new, style)}
        return _detail(_departments(result, change.new, style), style.translate("diff.parent", parents), style)
    if change.kind in ("merged", "split"):
        return f"{_departments(result, change.old, style)} → {_departments(result, change.new, style)}"
    return _departments(result, change.new or change.old, style)


def _detail(departments: str, detail: str, style: Style) -> str:
    return style.translate("diff.detail", {"departments": departments, "detail": detail})


def _departments(result: OrgDiff, keys: tuple[str, ...], style: Style) -> str:
    return _list([style.name(result.department_names.get(key, key), key) for key in keys], style)


def _parent(result: OrgDiff, key: str | None, style: Style) -> str:
    return style.label("diff.top-level") if key is None else style.text(result.department_names.get(key, key))


def _followed(result: OrgDiff, change: DepartmentChange, style: Style) -> list[str]:
    return [style.name(result.titles.get(key, key), key) for key in change.followed]


def _list(items: list[str], style: Style) -> str:
    return style.label("punct.list").join(items)


# --- impact and cost ---------------------------------------------------------


def _row_name(impact: DepartmentImpact, style: Style) -> str:
    """The department's name (``old → new`` when renamed), with its status when added or removed."""
    name = style.text(impact.name)
    if impact.old_name is not None and impact.old_name != impact.name:
        name = f"{style.text(impact.old_name)} → {name}"
    if impact.status != "changed":
        name += f" ({style.label(f'diff.status.{impact.status}')})"
    return name


def impact_section(result: OrgDiff, style: Style) -> list[str]:
    """Each department touched, with its numbers before → after."""
    header = [
        style.label(key)
        for key in ("diff.department", *(f"metric.{field.replace('_', '-')}" for field in IMPACT_FIELDS))
    ]
    rows = [
        [_row_name(impact, style), *(count(impact.old[field], impact.new[field], style) for field in IMPACT_FIELDS)]
        for impact in result.departments
    ]
    return style.table(header, rows)


def cost_section(result: OrgDiff, style: Style) -> list[str]:
    """Authorised and filled cost before → after of each department touched and of the whole organisation."""
    if result.cost is None:
        return []
    currency = result.currency
    compared = currency.old == currency.new
    shown = {"currency": currency.new if compared else f"{currency.old} → {currency.new}"}
    header = [
        style.label("diff.department"),
        *(style.translate(f"diff.cost.{kind}", shown) for kind in ("authorised", "filled")),
    ]
    rows = [
        _cost_row(_row_name(impact, style), impact.cost.old, impact.cost.new, style, compared)
        for impact in result.departments
        if impact.cost is not None
    ]
    rows.append(_cost_row(style.strong(style.label("label.total")), result.cost.old, result.cost.new, style, compared))
    lines = style.table(header, rows)
    unpriced = {"old": result.cost.old.unpriced, "new": result.cost.new.unpriced}
    if any(unpriced.values()):
        lines += ["", style.paragraph(style.translate("diff.cost.unpriced", unpriced))]
    return lines


def _cost_row(name: str, old: Cost | None, new: Cost | None, style: Style, compared: bool) -> list[str]:
    cells = [name]
    for kind in ("authorised", "filled"):
        before, after = (None if cost is None else getattr(cost, kind) for cost in (old, new))
        cells.append(amounts(before, after, style, compared=compared))
    return cells
