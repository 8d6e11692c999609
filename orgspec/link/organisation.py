"""The linked organisation: references resolved, inverse relations derived.

Reporting lines are declared once (``reports_to``); direct subordinates,
department post lists, department totals and vacancies are derived here and
never typed by hand. A post with ``based_on`` gets the content fields it does
not set from that post.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from orgspec.core.diagnostics import Position
from orgspec.link.families import climb, family_levels
from orgspec.load.project import Entity, Project
from orgspec.load.yamlfile import Loc, SourceFile
from orgspec.model import Department, Post, Settings
from orgspec.model.common import Authority, ClauseRef, Duty, TextItem
from orgspec.model.post import CONTENT_FIELDS


@dataclass(frozen=True)
class Headcount:
    """Authorised, filled and vacant head counts."""

    authorised: int = 0
    filled: int = 0
    vacant: int = 0

    def __add__(self, other: Headcount) -> Headcount:
        return Headcount(self.authorised + other.authorised, self.filled + other.filled, self.vacant + other.vacant)


@dataclass
class Organisation:
    """A project whose references are resolved; the input of checks and renderers."""

    project: Project
    posts: dict[str, Post] = field(default_factory=dict)

    @property
    def settings(self) -> Settings:
        return self.project.settings

    @cached_property
    def departments(self) -> dict[str, Department]:
        return {key: entity.model for key, entity in self.project.departments.items()}

    @cached_property
    def department_children(self) -> dict[str | None, list[str]]:
        """Sub-departments of each department (None: the top level), in their defined order."""
        children: dict[str | None, list[str]] = {}
        departments = self.project.departments
        for key, entity in departments.items():
            parent = entity.model.parent if entity.model.parent in departments else None
            children.setdefault(parent, []).append(key)
        for keys in children.values():
            keys.sort(key=lambda key: (departments[key].model.order, key))
        return children

    def department_tree(self) -> Iterator[tuple[str, int]]:
        """Every department with its depth, parents before children, siblings in order."""
        seen: set[str] = set()

        def walk(parent: str | None, depth: int) -> Iterator[tuple[str, int]]:
            for key in self.department_children.get(parent, []):
                if key not in seen:
                    seen.add(key)
                    yield key, depth
                    yield from walk(key, depth + 1)

        yield from walk(None, 0)

    @cached_property
    def subordinates(self) -> dict[str, list[str]]:
        """Direct subordinates (直接下级) of each post, derived from ``reports_to``."""
        result: dict[str, list[str]] = {key: [] for key in self.posts}
        for key in sorted(self.posts, key=self.post_sort_key):
            superior = self.posts[key].reports_to
            if superior in result:
                result[superior].append(key)
        return result

    def post_sort_key(self, key: str) -> tuple[str, str]:
        return (self.posts[key].code or "\uffff", key)

    @cached_property
    def department_posts(self) -> dict[str, list[str]]:
        """Posts of each department: the head first, then down the reporting lines."""
        members: dict[str, set[str]] = {key: set() for key in self.project.departments}
        for key, post in self.posts.items():
            if post.department in members:
                members[post.department].add(key)
        return {key: self._ordered_posts(key, posts) for key, posts in members.items()}

    def _ordered_posts(self, department: str, posts: set[str]) -> list[str]:
        ordered: dict[str, None] = {}  # a dict keeps the order and finds a key without a scan

        def visit(key: str) -> None:
            if key in posts and key not in ordered:
                ordered[key] = None
                for child in self.subordinates.get(key, []):
                    visit(child)

        head = self.project.departments[department].model.head
        if head is not None:
            visit(head)
        tops = [key for key in posts if self.posts[key].reports_to not in posts]
        for key in sorted(tops, key=self.post_sort_key):
            visit(key)
        for key in sorted(posts - ordered.keys(), key=self.post_sort_key):
            visit(key)
        return list(ordered)

    def descendants(self, department: str) -> list[str]:
        """The department and all departments below it, parents first."""
        result = [department]
        for key in result:
            result.extend(child for child in self.department_children.get(key, []) if child not in result)
        return result

    def posts_in(self, department: str, *, recursive: bool = False) -> list[str]:
        """Posts of a department, or of it and every department below it."""
        departments = self.descendants(department) if recursive else [department]
        return [key for unit in departments for key in self.department_posts.get(unit, [])]

    def posts_in_tree_order(self) -> list[str]:
        """Every post: departments in the order of the tree, each one's posts head first; posts of no known
        department last, by post number."""
        ordered = [key for department, _ in self.department_tree() for key in self.posts_in(department)]
        return ordered + sorted(set(self.posts) - set(ordered), key=self.post_sort_key)

    def headcount(self, department: str, *, recursive: bool = False) -> Headcount:
        """Head counts of a department's own posts, or with its sub-departments."""
        return _headcount_of(self.counted(key) for key in self.posts_in(department, recursive=recursive))

    def total_headcount(self) -> Headcount:
        return _headcount_of(self.counted(key) for key in self.posts)

    @cached_property
    def held_by(self) -> dict[str, list[str]]:
        """The posts whose holders also hold each post (兼任), derived from ``also_holds``.

        A post that is itself held concurrently holds nothing more: such chains
        and cycles are errors of their own, and counting them would add
        mismatched totals to those errors.
        """
        holds = {key: post.also_holds for key, post in self.posts.items() if post.also_holds in self.posts}
        held = set(holds.values())
        holders: dict[str, list[str]] = {}
        for key in sorted(holds, key=self.post_sort_key):
            if holds[key] != key and key not in held:
                holders.setdefault(holds[key] or "", []).append(key)
        return holders

    def counted(self, key: str) -> Headcount:
        """What a post adds to head counts: its seats less those held by the holders of other posts (兼任)."""
        return self._counted[key]

    @cached_property
    def _counted(self) -> dict[str, Headcount]:
        counts = {}
        for key, post in self.posts.items():
            concurrent = min(len(self.held_by.get(key, ())), post.authorised)
            authorised, filled = post.authorised - concurrent, max(post.filled_count - concurrent, 0)
            counts[key] = Headcount(authorised, filled, max(authorised - filled, 0))
        return counts

    @cached_property
    def family_levels(self) -> dict[str, tuple[str, int]]:
        """Each post that is a level of a job family: (family id, index of its level, 0 for the lowest)."""
        return {key: place for key, place in family_levels(self.settings).items() if key in self.posts}

    @cached_property
    def office_partners(self) -> dict[str, list[str]]:
        """The departments each department shares its office with (合署办公), declared on either side."""
        partners: dict[str, list[str]] = {}
        for key, department in self.departments.items():
            for other in department.shares_office_with:
                if other in self.project.departments and other != key:
                    partners.setdefault(key, []).append(other)
                    partners.setdefault(other, []).append(key)
        return {key: list(dict.fromkeys(others)) for key, others in partners.items()}

    def chain(self, key: str) -> list[str]:
        """The post and its superiors up to the top (stops at a cycle)."""
        chain = [key]
        while (superior := self.posts[chain[-1]].reports_to) in self.posts and superior not in chain:
            chain.append(superior)
        return chain

    def clause_text(self, clause: str) -> str | None:
        item = self.project.clauses.get(clause)
        return None if item is None else item.text

    def text(self, entry: str | TextItem | Duty | ClauseRef | Authority) -> str:
        """The wording of a text entry or an authority, standard clauses expanded (their id if unknown)."""
        if isinstance(entry, str):
            return entry
        if isinstance(entry, Authority) and entry.text is not None:
            return entry.text
        if isinstance(entry, ClauseRef | Authority):
            clause = entry.clause or ""
            return self.clause_text(clause) or clause
        return entry.text

    def post_source(self, key: str) -> SourceFile:
        return self.project.posts[key].source

    def department_source(self, key: str) -> SourceFile:
        return self.project.departments[key].source

    def locate(self, kind: str, key: str, loc: Loc, *, as_key: bool = False) -> tuple[str, Position]:
        """The file and position of a field of a post or department."""
        entity: Entity[Post] | Entity[Department] = (
            self.project.posts if kind == "post" else self.project.departments
        )[key]
        return entity.source.name, entity.source.locate(loc, key=as_key)


def _headcount_of(counts: Iterable[Headcount]) -> Headcount:
    """The sum of head counts, added up as numbers rather than one Headcount per addition."""
    authorised = filled = vacant = 0
    for count in counts:
        authorised += count.authorised
        filled += count.filled
        vacant += count.vacant
    return Headcount(authorised, filled, vacant)


def link(project: Project) -> Organisation:
    """Resolve ``based_on`` and job families, and build the derived relations of ``project``."""
    organisation = Organisation(project)
    effective = {key: _effective(project, key, [], {}) for key in project.posts}
    if project.settings.families:
        # a post based on a level of a family shares the level's whole job description, what it inherits included
        levels = climb(project.settings, effective)
        effective = {key: _effective(project, key, [], levels) for key in project.posts}
    organisation.posts = effective
    return organisation


def _effective(project: Project, key: str, seen: list[str], levels: dict[str, Post]) -> Post:
    """The post with the content fields it does not set taken from its ``based_on`` post.

    ``levels`` holds the levels of job families, already complete: they are taken as they are.
    """
    if key in levels:
        return levels[key]
    post = project.posts[key].model
    base = post.based_on
    if base is None or base not in project.posts or base in seen or base == key:
        return post
    inherited = _effective(project, base, [*seen, key], levels)
    updates = {name: getattr(inherited, name) for name in CONTENT_FIELDS if name not in post.model_fields_set}
    return post.model_copy(update=updates)
