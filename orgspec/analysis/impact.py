"""What a restructure does to each department it touches, before → after (pure).

A department is measured with its sub-departments, as `orgspec.analysis.metrics`
defines the numbers: posts, authorised, filled and vacant head counts,
largest span of control and layers, and, where grades give pay bands, its
cost (`orgspec.analysis.cost`). A department renamed by the posts rule is
one row: its old id before, its new id after.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from orgspec.analysis.change import Change
from orgspec.analysis.cost import Cost, cost, priced
from orgspec.analysis.metrics import layers
from orgspec.analysis.restructure import Restructure
from orgspec.link.organisation import Organisation

__all__ = [
    "IMPACT_FIELDS",
    "DepartmentImpact",
    "Impact",
    "ImpactStatus",
    "department_impact",
    "department_pairs",
    "impact_values",
]

IMPACT_FIELDS = ("posts", "authorised", "filled", "vacant", "span_max", "layers")
"""What the department impact compares."""

Impact = dict[str, int | None]
ImpactStatus = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class DepartmentImpact:
    """A department that a restructure touched, or whose numbers changed (sub-departments included)."""

    id: str
    """Its id in the new version (in the old one when it was removed)."""
    name: str
    status: ImpactStatus
    old: Impact
    """Posts, authorised, filled, vacant, span_max and layers before (None: the department did not exist)."""
    new: Impact
    old_id: str | None = None
    """Its id in the old version (None: added)."""
    old_name: str | None = None
    cost: Change[Cost | None] | None = None
    """The cost before and after (None inside: the department did not exist); None when no grade gives a band."""


def impact_values(organisation: Organisation, department: str | None) -> Impact:
    """The compared numbers of a department with its sub-departments (all None when it does not exist)."""
    if department not in organisation.departments:
        return dict.fromkeys(IMPACT_FIELDS)
    posts = organisation.posts_in(department, recursive=True)
    count = organisation.headcount(department, recursive=True)
    span_max = max((len(organisation.subordinates[key]) for key in posts), default=0)
    values = (len(posts), count.authorised, count.filled, count.vacant, span_max, layers(organisation, posts))
    return dict(zip(IMPACT_FIELDS, values, strict=True))


def department_cost(organisation: Organisation, department: str | None) -> Cost | None:
    """The cost of a department with its sub-departments (None when it does not exist)."""
    if department not in organisation.departments:
        return None
    return cost(organisation, organisation.posts_in(department, recursive=True))


def department_impact(old: Organisation, new: Organisation, departments: Restructure) -> list[DepartmentImpact]:
    """Departments that took part in a department change or whose numbers or cost changed.

    The new tree's order, then the departments that are gone.
    """
    touched = {key for change in departments.changes for key in (*change.old, *change.new)}
    with_cost = priced(old, new)
    result = []
    renamed = {before: after for before, after in departments.successors.items() if before != after}
    for before, after in department_pairs(old, new, renamed):
        numbers = Change(impact_values(old, before), impact_values(new, after))
        costs = Change(department_cost(old, before), department_cost(new, after)) if with_cost else None
        same = numbers.old == numbers.new and (costs is None or costs.old == costs.new)
        if same and before not in touched and after not in touched:
            continue
        result.append(_impact(old, new, before, after, numbers, costs))
    return result


def department_pairs(
    old: Organisation, new: Organisation, renamed: Mapping[str, str]
) -> list[tuple[str | None, str | None]]:
    """(old id, new id) of every department: the new tree's order, then the departments that are gone.

    ``renamed`` maps the old ids of departments renamed to a new id to that id; other ids pair with themselves.
    """
    predecessors = {after: before for before, after in renamed.items()}
    pairs = [(predecessors.get(key, key if key in old.departments else None), key) for key in _tree(new)]
    gone = [(key, None) for key in _tree(old) if key not in new.departments and key not in renamed]
    return [*pairs, *gone]


def _tree(organisation: Organisation) -> list[str]:
    keys = [key for key, _ in organisation.department_tree()]
    return list(dict.fromkeys([*keys, *organisation.departments]))


def _impact(
    old: Organisation,
    new: Organisation,
    before: str | None,
    after: str | None,
    numbers: Change[Impact],
    costs: Change[Cost | None] | None,
) -> DepartmentImpact:
    status: ImpactStatus = "added" if before is None else "removed" if after is None else "changed"
    old_name = old.departments[before].name if before is not None else None
    name = new.departments[after].name if after is not None else str(old_name)
    key = after if after is not None else str(before)
    return DepartmentImpact(key, name, status, numbers.old, numbers.new, before, old_name, costs)
