"""Cross-checks of the head counts of a 三定: posts held concurrently (兼任), staffing by kind,
leadership quotas (领导职数)."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.check.registry import report
from orgspec.core.diagnostics import Diagnostic
from orgspec.core.suggest import suggest
from orgspec.link.organisation import Organisation


def check_concurrent(organisation: Organisation) -> Iterator[Diagnostic]:
    """A post held concurrently whose holder holds another in turn; more concurrent holders than seats."""
    posts = organisation.posts
    for key, post in sorted(posts.items()):
        held = post.also_holds
        holders = organisation.held_by.get(key, [])
        if held in posts and held != key and holders:
            yield report(organisation, "concurrent-chain", "post", key, ("also_holds",), holder=holders[0], held=held)
        if len(holders) > post.authorised:
            yield report(
                organisation,
                "concurrent-seats",
                "post",
                key,
                ("authorised",) if "authorised" in organisation.project.posts[key].model.model_fields_set else (),
                holders=holders,
                authorised=post.authorised,
            )


def check_staffing(organisation: Organisation) -> Iterator[Diagnostic]:
    """Each department's staffing by kind equal to the seats of its posts of that kind (sub-departments included)."""
    if any(kind == "post" for kind, _ in organisation.project.broken):
        return  # a post that could not be read would make every total look wrong
    for key, department in organisation.departments.items():
        if not department.staffing:
            continue
        seats = seats_by(organisation, key, "staffing_kind")
        for kind in dict.fromkeys([*department.staffing, *seats]):
            declared = department.staffing.get(kind, 0)
            holders = seats.get(kind, {})
            if sum(holders.values()) != declared:
                loc = ("staffing", kind) if kind in department.staffing else ("staffing",)
                yield report(
                    organisation,
                    "staffing-mismatch",
                    "department",
                    key,
                    loc,
                    as_key=kind in department.staffing,
                    kind=kind,
                    declared=declared,
                    total=sum(holders.values()),
                    posts=[f"{post} {count}" for post, count in holders.items()] or "–",
                )


def check_leadership(organisation: Organisation) -> Iterator[Diagnostic]:
    """Leadership quotas not exceeded; every leadership rank a post holds declared by a unit at or above it."""
    for key, department in organisation.departments.items():
        if not department.leadership:
            continue
        seats = seats_by(organisation, key, "leadership")
        for rank, quota in department.leadership.items():
            holders = seats.get(rank, {})
            if sum(holders.values()) > quota:
                yield report(
                    organisation,
                    "leadership-quota",
                    "department",
                    key,
                    ("leadership", rank),
                    as_key=True,
                    rank=rank,
                    quota=quota,
                    count=sum(holders.values()),
                    posts=[f"{post} {count}" for post, count in holders.items()],
                )
    for key, post in organisation.posts.items():
        ranks = _ranks_above(organisation, post.department) if post.leadership is not None else []
        if post.leadership is not None and post.leadership not in ranks:
            close = suggest(post.leadership, ranks)
            hint = "unknown-reference.did-you-mean" if close else "leadership-without-quota.hint"
            rank = post.leadership
            yield report(
                organisation,
                "leadership-without-quota",
                "post",
                key,
                ("leadership",),
                rank=rank,
                suggestion=close,
                hint=hint,
            )


def seats_by(organisation: Organisation, department: str, field: str) -> dict[str, dict[str, int]]:
    """The seats of the department's posts (sub-departments included) by the value of ``field``: value → post → seats."""
    seats: dict[str, dict[str, int]] = {}
    for key in organisation.posts_in(department, recursive=True):
        value = getattr(organisation.posts[key], field)
        count = organisation.counted(key).authorised
        if value is not None and count:
            seats.setdefault(value, {})[key] = count
    return seats


def _ranks_above(organisation: Organisation, department: str) -> list[str]:
    """The leadership ranks declared by the department and every department above it."""
    ranks: list[str] = []
    seen: set[str] = set()
    current: str | None = department
    while current in organisation.departments and current not in seen:
        seen.add(current)
        ranks += organisation.departments[current].leadership
        current = organisation.departments[current].parent
    return list(dict.fromkeys(ranks))
