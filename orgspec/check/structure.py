"""Cross-checks of the structure: cycles and head counts."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from orgspec.check.registry import report
from orgspec.core.diagnostics import Diagnostic
from orgspec.link.organisation import Organisation


def _cycles(keys: list[str], next_of: Callable[[str], str | None]) -> list[list[str]]:
    """Each cycle of a graph where every node has at most one successor, once, from its smallest member."""
    state: dict[str, int] = {}
    found: list[list[str]] = []
    for start in sorted(keys):
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in state:
            state[node] = 1
            path.append(node)
            node = next_of(node)
        if node is not None and state.get(node) == 1 and node in path:
            cycle = path[path.index(node) :]
            smallest = cycle.index(min(cycle))
            found.append(cycle[smallest:] + cycle[:smallest])
        for member in path:
            state[member] = 2
    return found


def _show(cycle: list[str]) -> str:
    return " → ".join([*cycle, cycle[0]])


def check_cycles(organisation: Organisation) -> Iterator[Diagnostic]:
    """Reporting, department, based_on and concurrent-post cycles, each printed whole."""
    project = organisation.project
    posts = project.posts
    departments = project.departments

    def superior(key: str) -> str | None:
        value = posts[key].model.reports_to
        return value if value in posts else None

    def parent(key: str) -> str | None:
        value = departments[key].model.parent
        return value if value in departments else None

    def base(key: str) -> str | None:
        value = posts[key].model.based_on
        return value if value in posts else None

    for cycle in _cycles(list(posts), superior):
        yield report(organisation, "reporting-cycle", "post", cycle[0], ("reports_to",), cycle=_show(cycle))
    for cycle in _cycles(list(departments), parent):
        yield report(organisation, "department-cycle", "department", cycle[0], ("parent",), cycle=_show(cycle))
    for cycle in _cycles(list(posts), base):
        yield report(organisation, "based-on-cycle", "post", cycle[0], ("based_on",), cycle=_show(cycle))

    def held(key: str) -> str | None:
        value = posts[key].model.also_holds
        return value if value in posts else None

    for cycle in _cycles(list(posts), held):
        yield report(organisation, "concurrent-cycle", "post", cycle[0], ("also_holds",), cycle=_show(cycle))


def check_headcounts(organisation: Organisation) -> Iterator[Diagnostic]:
    """Filled within authorised; a department's 编制 equal to the total of its posts."""
    for key, post in organisation.posts.items():
        if post.filled is not None and post.filled > post.authorised:
            yield report(
                organisation,
                "filled-exceeds-authorised",
                "post",
                key,
                ("filled",),
                filled=post.filled,
                authorised=post.authorised,
            )
    if any(kind == "post" for kind, _ in organisation.project.broken):
        return  # a post that could not be read would make every total look wrong
    for key, department in organisation.departments.items():
        if department.authorised is None:
            continue
        total = organisation.headcount(key, recursive=True).authorised
        if total != department.authorised:
            posts = _post_counts(organisation, key)
            yield report(
                organisation,
                "headcount-mismatch",
                "department",
                key,
                ("authorised",),
                authorised=department.authorised,
                total=total,
                posts=posts,
            )


def _post_counts(organisation: Organisation, department: str) -> list[str]:
    return [f"{key} {organisation.posts[key].authorised}" for key in organisation.posts_in(department, recursive=True)]
