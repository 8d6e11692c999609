"""`orgspec diff --format json`: everything the diff found, for tools (pure).

Keys are always present; a field that did not change is ``null``; lists may
be empty::

    {
      "old": {"revision": "HEAD~1", "commit": "<sha>"},
      "new": {"revision": "HEAD", "commit": "<sha>"},       # both null: the working tree
      "summary": {
        "posts": Delta, "added": int, "removed": int, "renamed": int, "moved": int, "changed": int,
        "authorised": Delta, "filled": Delta, "vacant": Delta,
        "departments": {"renamed": int, "moved": int, "merged": int, "split": int, "added": int, "removed": int},
        "followed": int                                     # posts that followed their department
      },
      "restructure": [{                                     # by kind (this order), then tree order
        "kind": "renamed" | "moved" | "merged" | "split" | "added" | "removed",
        "old": [id], "new": [id],                           # department ids before and after
        "rule": "same-id" | "posts" | null,                 # renamed: which rule matched
        "name": Pair | null,                                # renamed
        "share": {"count": int, "of": int} | null,          # renamed by posts: posts from the old department
        "parent": Pair | null,                              # moved
        "followed": [id]                                    # posts that followed their department
      }, ...],
      "added":   [Post, ...],                               # sorted by id
      "removed": [Post, ...],
      "changed": [{                                         # posts changed in something of their own
        "id": str, "title": str (new title), "moved": bool, "follows_department": bool,
        "renamed": Pair | null, "department": Pair | null, "reports_to": Pair | null,
        "grade": Pair | null, "authorised": Delta | null, "filled": Delta | null,
        "dotted_line": Texts, "duties": Texts, "kpis": Texts, "authorities": Texts
      }, ...],
      "departments": [{                                     # touched ones: new tree order, then removed ones
        "id": str, "old_id": str | null, "name": str, "old_name": str | null,
        "status": "added" | "removed" | "changed",
        "posts": Delta, "authorised": Delta, "filled": Delta, "vacant": Delta,
        "span_max": Delta, "layers": Delta,
        "cost": {"old": Cost | null, "new": Cost | null} | null
      }, ...],
      "cost": {"currency": Pair, "old": Cost, "new": Cost} | null   # null: no grade gives a pay band
    }

    Post  = {"id", "title", "department", "reports_to", "grade", "authorised", "filled"}
    Pair  = {"old": value, "new": value}
    Delta = {"old": int | null, "new": int | null, "delta": int}   # a missing side counts as 0
    Texts = {"added": [str], "removed": [str]}                     # KPIs by name, clauses expanded
    Cost  = {"authorised": Range, "filled": Range, "unpriced": int} # unpriced: authorised heads without a band
    Range = {"min": number, "max": number}                         # with sub-departments, per band period
"""

from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal

from orgspec.analysis.change import Change
from orgspec.analysis.cost import Cost, PayRange
from orgspec.analysis.diff import (
    IMPACT_FIELDS,
    DepartmentChange,
    DepartmentImpact,
    OrgDiff,
    PostChange,
    TextChange,
)
from orgspec.render.diff_style import Side

__all__ = ["as_json"]


def as_json(result: OrgDiff, old: Side, new: Side) -> str:
    """The diff as one JSON document (shape in the module docstring)."""
    document = {
        "old": {"revision": old.revision, "commit": old.commit},
        "new": {"revision": new.revision, "commit": new.commit},
        "summary": _summary(result),
        "restructure": [_department_change(change) for change in result.restructure],
        "added": [asdict(summary) for summary in result.added],
        "removed": [asdict(summary) for summary in result.removed],
        "changed": [_changed(change) for change in result.changed],
        "departments": [_impact(impact) for impact in result.departments],
        "cost": None if result.cost is None else {"currency": _pair(result.currency), **_costs(result.cost)},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _delta(old: int | None, new: int | None) -> dict[str, int | None]:
    return {"old": old, "new": new, "delta": (new or 0) - (old or 0)}


def _pair(change: Change[str] | Change[str | None] | None) -> dict[str, str | None] | None:
    return None if change is None else {"old": change.old, "new": change.new}


def _texts(change: TextChange) -> dict[str, list[str]]:
    return {"added": list(change.added), "removed": list(change.removed)}


def _number(amount: Decimal) -> int | float:
    """An amount as a JSON number: whole amounts as integers."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _range(amount: PayRange) -> dict[str, int | float]:
    return {"min": _number(amount.min), "max": _number(amount.max)}


def _cost(cost: Cost | None) -> dict[str, object] | None:
    if cost is None:
        return None
    return {"authorised": _range(cost.authorised), "filled": _range(cost.filled), "unpriced": cost.unpriced}


def _costs(change: Change[Cost] | Change[Cost | None]) -> dict[str, object]:
    return {"old": _cost(change.old), "new": _cost(change.new)}


def _changed(change: PostChange) -> dict[str, object]:
    return {
        "id": change.id,
        "title": change.title,
        "moved": change.moved,
        "follows_department": change.follows,
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


def _department_change(change: DepartmentChange) -> dict[str, object]:
    return {
        "kind": change.kind,
        "old": list(change.old),
        "new": list(change.new),
        "rule": change.rule,
        "name": _pair(change.name),
        "share": None if change.share is None else dict(zip(("count", "of"), change.share, strict=True)),
        "parent": _pair(change.parent),
        "followed": list(change.followed),
    }


def _impact(impact: DepartmentImpact) -> dict[str, object]:
    numbers = {name: _delta(impact.old[name], impact.new[name]) for name in IMPACT_FIELDS}
    names = {"id": impact.id, "old_id": impact.old_id, "name": impact.name, "old_name": impact.old_name}
    cost = None if impact.cost is None else _costs(impact.cost)
    return {**names, "status": impact.status, **numbers, "cost": cost}


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
        "departments": result.department_counts,
        "followed": len(result.followed),
    }
