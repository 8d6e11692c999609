"""What changed between two versions of an organisation (pure).

Departments first: renamed, moved, merged, split, added and removed, as
`orgspec.analysis.restructure` tells them apart. Then posts, matched by id.
A post whose id exists only in the new version is added, only in the old
one removed; a post in both is *renamed* when its title changed and *moved*
when its direct superior changed, or its department changed other than by
following it (a post that follows its department is listed with the
department change). Texts (duties, KPIs by name, authorities) are compared
as the job description shows them: standard clauses expanded, ``based_on``
resolved. The impact on each department touched, and the cost where grades
give pay bands, are measured by `orgspec.analysis.impact`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from orgspec.analysis.change import Change, changed
from orgspec.analysis.cost import Cost, cost, priced
from orgspec.analysis.impact import IMPACT_FIELDS, DepartmentImpact, department_impact
from orgspec.analysis.restructure import KINDS, DepartmentChange, DepartmentChangeKind, restructure
from orgspec.link.organisation import Headcount, Organisation
from orgspec.model.post import duty_entries

__all__ = [
    "IMPACT_FIELDS",
    "Change",
    "DepartmentChange",
    "DepartmentImpact",
    "OrgDiff",
    "PostChange",
    "PostSummary",
    "TextChange",
    "diff",
    "text_change",
]


@dataclass(frozen=True)
class TextChange:
    """Entries of a list added and removed, compared by text, in their order."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


@dataclass(frozen=True)
class PostSummary:
    """A post added or removed, as it stands in the version that has it."""

    id: str
    title: str
    department: str
    reports_to: str | None
    grade: str | None
    authorised: int
    filled: int


@dataclass(frozen=True)
class PostChange:
    """A post in both versions and what changed in it; a field that did not change is None or empty."""

    id: str
    title: str
    renamed: Change[str] | None
    department: Change[str] | None
    reports_to: Change[str | None] | None
    dotted_line: TextChange
    grade: Change[str | None] | None
    authorised: Change[int] | None
    filled: Change[int] | None
    duties: TextChange
    kpis: TextChange
    authorities: TextChange
    follows: bool = False
    """Its new department is the one its department was renamed, merged or split into."""

    @property
    def moved(self) -> bool:
        """A new direct superior, or a new department other than by following its department."""
        return self.reports_to is not None or (self.department is not None and not self.follows)

    @property
    def own(self) -> bool:
        """Changed in anything but following its department."""
        scalars = (self.renamed, self.reports_to, self.grade, self.authorised, self.filled)
        lists = (self.dotted_line, self.duties, self.kpis, self.authorities)
        return self.moved or any(value is not None for value in scalars) or any(lists)


@dataclass(frozen=True)
class OrgDiff:
    """Everything that changed between two versions."""

    restructure: list[DepartmentChange]
    added: list[PostSummary]
    removed: list[PostSummary]
    changed: list[PostChange]
    """Posts changed in something of their own; a post that only followed its department is not one."""
    departments: list[DepartmentImpact]
    posts: Change[int]
    total: Change[Headcount]
    cost: Change[Cost] | None
    """The whole organisation's cost before and after; None when no grade of either version gives a band."""
    currency: Change[str]
    titles: dict[str, str]
    """Post id → title (the new version's where both have it), to show references."""
    department_names: dict[str, str]
    """Department id → name (the new version's where both have it)."""

    @property
    def renamed(self) -> list[PostChange]:
        return [change for change in self.changed if change.renamed]

    @property
    def moved(self) -> list[PostChange]:
        return [change for change in self.changed if change.moved]

    @property
    def followed(self) -> list[str]:
        """Posts that followed their department, listed with its change (each once)."""
        return list(dict.fromkeys(post for change in self.restructure for post in change.followed))

    @property
    def renamed_departments(self) -> dict[str, str]:
        """Old id → new id of the departments renamed to a new id (the ``posts`` rule)."""
        return {change.old[0]: change.new[0] for change in self.restructure if change.rule == "posts"}

    @property
    def department_counts(self) -> dict[DepartmentChangeKind, int]:
        """How many department changes of each kind, in the order of `KINDS`."""
        return {kind: sum(change.kind == kind for change in self.restructure) for kind in KINDS}


def diff(old: Organisation, new: Organisation) -> OrgDiff:
    """What changed from the organisation ``old`` to ``new``."""
    departments = restructure(old, new)
    changes = [
        _post_change(old, new, key, follows=key in departments.followed)
        for key in sorted(old.posts.keys() & new.posts.keys())
    ]
    return OrgDiff(
        restructure=departments.changes,
        added=[_summary(new, key) for key in sorted(new.posts.keys() - old.posts.keys())],
        removed=[_summary(old, key) for key in sorted(old.posts.keys() - new.posts.keys())],
        changed=[change for change in changes if change.own],
        departments=department_impact(old, new, departments),
        posts=Change(len(old.posts), len(new.posts)),
        total=Change(old.total_headcount(), new.total_headcount()),
        cost=Change(cost(old, old.posts), cost(new, new.posts)) if priced(old, new) else None,
        currency=Change(old.settings.currency, new.settings.currency),
        titles={**_titles(old), **_titles(new)},
        department_names={**_names(old), **_names(new)},
    )


def _titles(organisation: Organisation) -> dict[str, str]:
    return {key: post.title or key for key, post in organisation.posts.items()}


def _names(organisation: Organisation) -> dict[str, str]:
    return {key: department.name for key, department in organisation.departments.items()}


def _summary(organisation: Organisation, key: str) -> PostSummary:
    post = organisation.posts[key]
    return PostSummary(
        key, post.title or key, post.department, post.reports_to, post.grade, post.authorised, post.filled_count
    )


def text_change(old: Iterable[str], new: Iterable[str]) -> TextChange:
    """The texts of ``new`` not in ``old`` and those of ``old`` not in ``new``, each once, in order."""
    old_list, new_list = list(old), list(new)
    return TextChange(_missing(new_list, set(old_list)), _missing(old_list, set(new_list)))


def _missing(texts: Sequence[str], other: set[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text for text in texts if text not in other))


def _post_change(old: Organisation, new: Organisation, key: str, *, follows: bool) -> PostChange:
    before, after = old.posts[key], new.posts[key]
    return PostChange(
        id=key,
        title=after.title or key,
        renamed=changed(before.title or key, after.title or key),
        department=changed(before.department, after.department),
        reports_to=changed(before.reports_to, after.reports_to),
        dotted_line=text_change(before.dotted_line, after.dotted_line),
        grade=changed(before.grade, after.grade),
        authorised=changed(before.authorised, after.authorised),
        filled=changed(before.filled_count, after.filled_count),
        duties=text_change(_duties(old, key), _duties(new, key)),
        kpis=text_change((kpi.name for kpi in before.kpis), (kpi.name for kpi in after.kpis)),
        authorities=text_change(_authorities(old, key), _authorities(new, key)),
        follows=follows,
    )


def _duties(organisation: Organisation, key: str) -> list[str]:
    return [organisation.text(entry) for _, entry in duty_entries(organisation.posts[key])]


def _authorities(organisation: Organisation, key: str) -> list[str]:
    texts = []
    for authority in organisation.posts[key].authorities:
        texts.append(organisation.text(authority))
    return texts
