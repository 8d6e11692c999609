"""Departments in a restructure: renamed, moved, merged, split, added and removed (pure).

Departments are matched by id first. Where ids differ, the posts tell where
a department went: each post that is in both versions (posts are matched by
id) goes from its old department to its new one.

- The *destination* of an old department is the new department that holds
  more than half of its posts that are still there; the *source* of a new
  department is the old department that held more than half of its posts
  that were there before.
- **renamed**: the same id with a new name (rule ``same-id``); or an id that
  is gone whose destination is a new id whose source it is, neither of them
  merged nor split (rule ``posts``).
- **moved**: a new parent department (a parent renamed by the ``posts``
  rule is the same parent).
- **merged**: two or more old departments with the same destination.
- **split**: an old department that is the source of two or more new ones.
- **added** and **removed**: the new and the gone ids that none of these
  explains.

A post *follows* its department when it went from a department renamed by
the ``posts`` rule, merged or split to the department that took its place:
its move is told with the department's, not on its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from orgspec.analysis.change import Change
from orgspec.link.organisation import Organisation

__all__ = ["KINDS", "DepartmentChange", "DepartmentChangeKind", "RenameRule", "Restructure", "restructure"]

DepartmentChangeKind = Literal["renamed", "moved", "merged", "split", "added", "removed"]
KINDS: tuple[DepartmentChangeKind, ...] = ("renamed", "moved", "merged", "split", "added", "removed")
"""The kinds of department change, in the order a report lists them."""

RenameRule = Literal["same-id", "posts"]
Flows = Counter[tuple[str, str]]
"""(old department, new department) → the posts that went from one to the other."""


@dataclass(frozen=True)
class DepartmentChange:
    """One change of the department tree; ids are those of the old and of the new version."""

    kind: DepartmentChangeKind
    old: tuple[str, ...]
    """The departments before: the merged ones, the one split, renamed or moved; empty when added."""
    new: tuple[str, ...]
    """The departments after: the parts of a split, the one merged into, renamed or moved; empty when removed."""
    rule: RenameRule | None = None
    """Renamed: which rule matched."""
    name: Change[str] | None = None
    """Renamed: the old and the new name."""
    share: tuple[int, int] | None = None
    """Renamed by posts: how many of the new department's posts that existed before came from the old one, of how many."""
    parent: Change[str | None] | None = None
    """Moved: the old and the new parent department (None: the top level)."""
    followed: tuple[str, ...] = ()
    """The posts that followed their department from ``old`` to ``new``."""


@dataclass(frozen=True)
class Restructure:
    """The department changes, and how old department ids map to new ones."""

    changes: list[DepartmentChange]
    successors: dict[str, str]
    """Old department id → its id in the new version: the same id, or the new id of a rename by posts."""
    followed: dict[str, DepartmentChange] = field(default_factory=dict)
    """Post id → the department change it followed."""


def restructure(old: Organisation, new: Organisation) -> Restructure:
    """The department changes from ``old`` to ``new``, in the order of `KINDS`, each kind in tree order."""
    flows = _flows(old, new)
    destination, source = _majority(flows, 0), _majority(flows, 1)
    merged, split = _groups(destination), _groups(source)
    gone = old.departments.keys() - new.departments.keys()
    fresh = new.departments.keys() - old.departments.keys()
    renamed = {
        before: after
        for before, after in destination.items()
        if before in gone and after in fresh and source.get(after) == before
        if after not in merged and before not in split
    }
    successors = {**{key: key for key in old.departments if key in new.departments}, **renamed}
    follow = _Follow(old, new)
    changes = [
        *_renamed(old, new, successors, flows, follow),
        *_moved(old, new, successors),
        *(follow("merged", sources, (target,)) for target, sources in merged.items()),
        *(follow("split", (before,), parts) for before, parts in split.items()),
    ]
    explained_old = {key for change in changes for key in change.old}
    explained_new = {key for change in changes for key in change.new}
    changes += [DepartmentChange("added", (), (key,)) for key in fresh - explained_new]
    changes += [DepartmentChange("removed", (key,), ()) for key in gone - explained_old]
    ordered = sorted((follow.ordered(change) for change in changes), key=follow.position)
    followed = {post: change for change in ordered for post in change.followed}
    return Restructure(ordered, successors, followed)


def _flows(old: Organisation, new: Organisation) -> Flows:
    both = old.posts.keys() & new.posts.keys()
    return Counter((old.posts[key].department, new.posts[key].department) for key in both)


def _majority(flows: Flows, side: int) -> dict[str, str]:
    """For each department on ``side`` (0: old, 1: new), the one on the other side with more than half its posts."""
    totals: Counter[str] = Counter()
    for pair, count in flows.items():
        totals[pair[side]] += count
    return {pair[side]: pair[1 - side] for pair, count in flows.items() if count * 2 > totals[pair[side]]}


def _groups(mapping: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """The values of ``mapping`` that two or more keys share, with those keys."""
    keys: dict[str, list[str]] = {}
    for key, value in mapping.items():
        keys.setdefault(value, []).append(key)
    return {value: tuple(group) for value, group in keys.items() if len(group) >= 2}


def _renamed(
    old: Organisation, new: Organisation, successors: dict[str, str], flows: Flows, follow: _Follow
) -> Iterable[DepartmentChange]:
    for before, after in successors.items():
        name = Change(old.departments[before].name, new.departments[after].name)
        if before == after:
            if name.old != name.new:
                yield DepartmentChange("renamed", (before,), (after,), rule="same-id", name=name)
            continue
        arrived = sum(count for (_, target), count in flows.items() if target == after)
        share = (flows[before, after], arrived)
        yield replace(follow("renamed", (before,), (after,)), rule="posts", name=name, share=share)


def _moved(old: Organisation, new: Organisation, successors: dict[str, str]) -> Iterable[DepartmentChange]:
    for before, after in successors.items():
        parent = old.departments[before].parent
        now = new.departments[after].parent
        if (successors.get(parent, parent) if parent is not None else None) != now:
            yield DepartmentChange("moved", (before,), (after,), parent=Change(parent, now))


class _Follow:
    """Tree order of both versions, and the posts that follow a change from its old departments to its new ones."""

    def __init__(self, old: Organisation, new: Organisation) -> None:
        self.old, self.new = old, new
        self.old_rank = _ranks(old)
        self.new_rank = _ranks(new)

    def __call__(self, kind: DepartmentChangeKind, before: Iterable[str], after: Iterable[str]) -> DepartmentChange:
        sources, targets = set(before), set(after)
        links = {(source, target) for source in sources for target in targets if source != target}
        followed = tuple(
            key
            for target in sorted(targets, key=self.new_rank.__getitem__)
            for key in self.new.department_posts.get(target, [])
            if key in self.old.posts and (self.old.posts[key].department, target) in links
        )
        return DepartmentChange(kind, tuple(sources), tuple(targets), followed=followed)

    def ordered(self, change: DepartmentChange) -> DepartmentChange:
        """The change with its departments in tree order."""
        old = tuple(sorted(change.old, key=self.old_rank.__getitem__))
        new = tuple(sorted(change.new, key=self.new_rank.__getitem__))
        return replace(change, old=old, new=new)

    def position(self, change: DepartmentChange) -> tuple[int, int]:
        """Where a change is listed: by kind, then where its first new (or old) department stands."""
        if change.new:
            return KINDS.index(change.kind), min(self.new_rank[key] for key in change.new)
        return KINDS.index(change.kind), len(self.new_rank) + min(self.old_rank[key] for key in change.old)


def _ranks(organisation: Organisation) -> dict[str, int]:
    """Each department's place in the tree (parents before children, siblings in order)."""
    keys = [key for key, _ in organisation.department_tree()]
    return {key: rank for rank, key in enumerate(dict.fromkeys([*keys, *organisation.departments]))}
