"""The org charts of a restructure, before and after, with every changed box marked (pure).

The handbook's own charts (`orgspec.render.chart`), drawn without links: the
department tree of both versions, then, for each department that took part
in a department change or has a changed post, its chart of posts in both
versions (a department renamed to a new id is one pair).

A box is marked with the kind of its change, which gives its colour and
border, and with words: a post is added, removed, moved (a new superior or
department), changed (anything else), or followed its department; a
department box names its department changes (更名, 合并 …), marked added or
removed when it is only in one version, moved when its parent changed, and
changed otherwise, also when only its numbers changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from orgspec.analysis.diff import DepartmentChange, OrgDiff
from orgspec.analysis.impact import department_pairs
from orgspec.i18n import Locale, label
from orgspec.link.organisation import Organisation
from orgspec.render.chart.build import Links, department_chart, department_key, overview_chart, post_key
from orgspec.render.chart.cards import MARK_KINDS, Chart, Marker, MarkKind, marked, walk
from orgspec.render.chart.svg import draw

__all__ = ["SYMBOLS", "ChartPair", "chart_pairs", "legend_markers"]

SYMBOLS: dict[MarkKind, str] = {"added": "+", "removed": "−", "moved": "→", "changed": "Δ"}
"""The sign before a marker's words, the same in every language."""

_UNLINKED = Links()
_OLD, _NEW = 0, 1
Versions = tuple[Organisation, Organisation]


@dataclass(frozen=True)
class ChartPair:
    """A chart before and after (None: not in that version), as SVG, under a plain-text title."""

    title: str
    old: str | None
    new: str | None


def chart_pairs(result: OrgDiff, old: Organisation, new: Organisation, locale: Locale) -> list[ChartPair]:
    """The department tree before and after, then each department whose posts or place changed."""
    versions: Versions = (old, new)
    departments = [_department_markers(result, side, versions, locale) for side in (_OLD, _NEW)]
    overview = [marked(overview_chart(version, _UNLINKED), departments[side]) for side, version in enumerate(versions)]
    pairs = [ChartPair(label("label.department-tree", locale), draw(overview[_OLD]), draw(overview[_NEW]))]
    posts = [{**_post_markers(result, side, locale), **departments[side]} for side in (_OLD, _NEW)]
    touched = {key for change in result.restructure for key in (*change.old, *change.new)}
    for keys in department_pairs(old, new, result.renamed_departments):
        charts = [
            None if key is None else marked(department_chart(versions[side], key, _UNLINKED), posts[side])
            for side, key in enumerate(keys)
        ]
        if touched.isdisjoint(key for key in keys if key) and not any(_has_marker(chart) for chart in charts):
            continue
        names = dict.fromkeys(versions[side].departments[key].name for side, key in enumerate(keys) if key)
        pairs.append(ChartPair(" → ".join(names), *(None if chart is None else draw(chart) for chart in charts)))
    return pairs


def _has_marker(chart: Chart | None) -> bool:
    return chart is not None and any(node.card.marker for node in walk(chart.root))


def _marker(kind: MarkKind, words: Iterable[str]) -> Marker:
    return Marker(kind, f"{SYMBOLS[kind]} {'、'.join(dict.fromkeys(words))}")


def _post_marker(kind: MarkKind, locale: Locale, words: str | None = None) -> Marker:
    return _marker(kind, [label(f"diff.mark.{words or kind}", locale)])


def legend_markers(locale: Locale) -> list[Marker]:
    """One marker of each kind, with the words a post gets: the legend of a before/after page."""
    return [_post_marker(kind, locale) for kind in MARK_KINDS]


def _post_markers(result: OrgDiff, side: int, locale: Locale) -> dict[str, Marker]:
    """Card key → marker of the posts of one version."""
    markers = {post_key(key): _post_marker("moved", locale, "followed") for key in result.followed}
    for change in result.changed:
        markers[post_key(change.id)] = _post_marker("moved" if change.moved else "changed", locale)
    kind: MarkKind = "added" if side == _NEW else "removed"
    for summary in result.added if side == _NEW else result.removed:
        markers[post_key(summary.id)] = _post_marker(kind, locale)
    return markers


def _department_markers(result: OrgDiff, side: int, versions: Versions, locale: Locale) -> dict[str, Marker]:
    """Card key → marker of the departments of one version in the department tree.

    A department only in this version (not renamed from or to the other's) is added or removed; one with a new
    parent is moved; any other department change, or numbers that changed, is a change.
    """
    changes: dict[str, list[DepartmentChange]] = {}
    for change in result.restructure:
        for key in change.new if side == _NEW else change.old:
            changes.setdefault(key, []).append(change)
    renamed = result.renamed_departments
    partners = set(renamed.values() if side == _NEW else renamed)
    other = versions[1 - side].departments
    markers = {}
    for key, found in changes.items():
        words = [label(f"diff.kind.{change.kind}", locale) for change in found]
        if key not in other and key not in partners:
            markers[department_key(key)] = _marker("added" if side == _NEW else "removed", words)
        else:
            moved = any(change.kind == "moved" for change in found)
            markers[department_key(key)] = _marker("moved" if moved else "changed", words)
    for impact in result.departments:
        touched = impact.id if side == _NEW else impact.old_id
        if touched in versions[side].departments:
            markers.setdefault(department_key(touched), _post_marker("changed", locale))
    return markers
