"""What changed between two versions of an organisation (pure).

Posts are matched by id. A post whose id exists only in the new version is
added, only in the old one removed; a post in both is *renamed* when its
title changed and *moved* when its department or its direct superior
changed. Texts (duties, KPIs by name, authorities) are compared as the job
description shows them: standard clauses expanded, ``based_on`` resolved.
Department impact is measured on each department with its sub-departments,
as `orgspec.analysis.metrics` defines it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from orgspec.analysis.metrics import layers
from orgspec.link.organisation import Headcount, Organisation
from orgspec.model.post import duty_entries

T = TypeVar("T")

__all__ = [
    "IMPACT_FIELDS",
    "Change",
    "DepartmentImpact",
    "OrgDiff",
    "PostChange",
    "PostSummary",
    "TextChange",
    "diff",
    "impact_values",
    "text_change",
]


@dataclass(frozen=True)
class Change(Generic[T]):
    """A value before and after."""

    old: T
    new: T


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

    @property
    def moved(self) -> bool:
        """A new department or a new direct superior."""
        return self.department is not None or self.reports_to is not None


IMPACT_FIELDS = ("posts", "authorised", "filled", "vacant", "span_max", "layers")
"""What the department impact compares."""

Impact = dict[str, int | None]


ImpactStatus = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class DepartmentImpact:
    """A department whose posts, head counts, span or layers changed (sub-departments included)."""

    id: str
    name: str
    status: ImpactStatus
    old: Impact
    """Posts, authorised, filled, vacant, span_max and layers before (None: the department did not exist)."""
    new: Impact


@dataclass(frozen=True)
class OrgDiff:
    """Everything that changed between two versions."""

    added: list[PostSummary]
    removed: list[PostSummary]
    changed: list[PostChange]
    departments: list[DepartmentImpact]
    posts: Change[int]
    total: Change[Headcount]
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


def diff(old: Organisation, new: Organisation) -> OrgDiff:
    """What changed from the organisation ``old`` to ``new``."""
    changes = [_post_change(old, new, key) for key in sorted(old.posts.keys() & new.posts.keys())]
    return OrgDiff(
        added=[_summary(new, key) for key in sorted(new.posts.keys() - old.posts.keys())],
        removed=[_summary(old, key) for key in sorted(old.posts.keys() - new.posts.keys())],
        changed=[change for change in changes if _changed(change)],
        departments=department_impact(old, new),
        posts=Change(len(old.posts), len(new.posts)),
        total=Change(old.total_headcount(), new.total_headcount()),
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


def _change(old: T, new: T) -> Change[T] | None:
    return None if old == new else Change(old, new)


def text_change(old: Iterable[str], new: Iterable[str]) -> TextChange:
    """The texts of ``new`` not in ``old`` and those of ``old`` not in ``new``, each once, in order."""
    old_list, new_list = list(old), list(new)
    return TextChange(_missing(new_list, set(old_list)), _missing(old_list, set(new_list)))


def _missing(texts: Sequence[str], other: set[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text for text in texts if text not in other))


def _post_change(old: Organisation, new: Organisation, key: str) -> PostChange:
    before, after = old.posts[key], new.posts[key]
    return PostChange(
        id=key,
        title=after.title or key,
        renamed=_change(before.title or key, after.title or key),
        department=_change(before.department, after.department),
        reports_to=_change(before.reports_to, after.reports_to),
        dotted_line=text_change(before.dotted_line, after.dotted_line),
        grade=_change(before.grade, after.grade),
        authorised=_change(before.authorised, after.authorised),
        filled=_change(before.filled_count, after.filled_count),
        duties=text_change(_duties(old, key), _duties(new, key)),
        kpis=text_change((kpi.name for kpi in before.kpis), (kpi.name for kpi in after.kpis)),
        authorities=text_change(_authorities(old, key), _authorities(new, key)),
    )


def _changed(change: PostChange) -> bool:
    scalars = (change.renamed, change.department, change.reports_to, change.grade, change.authorised, change.filled)
    lists = (change.dotted_line, change.duties, change.kpis, change.authorities)
    return any(value is not None for value in scalars) or any(lists)


def _duties(organisation: Organisation, key: str) -> list[str]:
    return [organisation.text(entry) for _, entry in duty_entries(organisation.posts[key])]


def _authorities(organisation: Organisation, key: str) -> list[str]:
    texts = []
    for authority in organisation.posts[key].authorities:
        texts.append(organisation.text(authority))
    return texts


def impact_values(organisation: Organisation, department: str) -> Impact:
    """The compared numbers of a department with its sub-departments (all None when it does not exist)."""
    if department not in organisation.departments:
        return dict.fromkeys(IMPACT_FIELDS)
    posts = organisation.posts_in(department, recursive=True)
    count = organisation.headcount(department, recursive=True)
    span_max = max((len(organisation.subordinates[key]) for key in posts), default=0)
    values = (len(posts), count.authorised, count.filled, count.vacant, span_max, layers(organisation, posts))
    return dict(zip(IMPACT_FIELDS, values, strict=True))


def department_impact(old: Organisation, new: Organisation) -> list[DepartmentImpact]:
    """Departments added, removed, or whose compared numbers changed: the new tree's order, then removed ones."""
    trees = [
        key for version in (new, old) for key in (*(key for key, _ in version.department_tree()), *version.departments)
    ]
    result = []
    for key in dict.fromkeys(trees):
        before, after = impact_values(old, key), impact_values(new, key)
        if before == after:
            continue
        status: ImpactStatus = (
            "added" if key not in old.departments else "removed" if key not in new.departments else "changed"
        )
        name = (new.departments.get(key) or old.departments[key]).name
        result.append(DepartmentImpact(key, name, status, before, after))
    return result
