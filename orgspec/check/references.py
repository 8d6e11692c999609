"""Cross-checks of references: every id named in a file must exist."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from orgspec.check.registry import CHECKS, report
from orgspec.check.walk import find_any
from orgspec.core.diagnostics import Diagnostic
from orgspec.core.suggest import suggest
from orgspec.i18n import Term
from orgspec.link.organisation import Organisation
from orgspec.load.project import DEPARTMENTS_DIR, ROLES_DIR
from orgspec.load.validate import show_loc
from orgspec.load.yamlfile import Loc
from orgspec.model import Department, Post
from orgspec.model.code_pattern import CodePattern
from orgspec.model.common import Authority, ClauseRef, InternalRelation

_FOLDERS = {"post": ROLES_DIR, "department": DEPARTMENTS_DIR, "clause": "clauses.yaml"}


def check_references(organisation: Organisation) -> Iterator[Diagnostic]:
    """Unknown posts, departments, clauses and grades, wherever they are named."""
    for key, post in organisation.project.posts.items():
        yield from _post_references(organisation, key, post.model)
    for key, department in organisation.project.departments.items():
        yield from _department_references(organisation, key, department.model)


def _targets(post: Post) -> Iterator[tuple[Loc, str, str]]:
    yield ("department",), "department", post.department
    if post.reports_to is not None:
        yield ("reports_to",), "post", post.reports_to
    for number, superior in enumerate(post.dotted_line):
        yield ("dotted_line", number), "post", superior
    if post.based_on is not None:
        yield ("based_on",), "post", post.based_on
    if post.also_holds is not None:
        yield ("also_holds",), "post", post.also_holds


def _shared_targets(model: Post | Department) -> Iterator[tuple[Loc, str, str]]:
    for loc, found in find_any(model, (InternalRelation, ClauseRef, Authority)):
        if isinstance(found, InternalRelation):
            if found.department is not None:
                yield (*loc, "department"), "department", found.department
            if found.post is not None:
                yield (*loc, "post"), "post", found.post
        elif isinstance(found, ClauseRef | Authority) and found.clause is not None:
            yield (*loc, "clause"), "clause", found.clause


def _post_references(organisation: Organisation, key: str, post: Post) -> Iterator[Diagnostic]:
    for loc, kind, value in (*_targets(post), *_shared_targets(post)):
        yield from _unknown(organisation, "post", key, loc, kind, value)
    effective = organisation.posts[key]
    if effective.title is None:
        yield report(organisation, "missing-title", "post", key, ())
    grades = [grade.id for grade in organisation.settings.grades]
    if grades and effective.grade is not None and effective.grade not in grades:
        loc = ("grade",) if "grade" in post.model_fields_set else ("based_on",)
        yield report(organisation, "unknown-grade", "post", key, loc, value=effective.grade, grades=grades)
    for number, superior in enumerate(post.dotted_line):
        if superior in (post.reports_to, key):
            yield report(organisation, "self-dotted-line", "post", key, ("dotted_line", number), value=superior)


def _department_references(organisation: Organisation, key: str, department: Department) -> Iterator[Diagnostic]:
    targets: list[tuple[Loc, str, str]] = []
    if department.parent is not None:
        targets.append((("parent",), "department", department.parent))
    if department.head is not None:
        targets.append((("head",), "post", department.head))
    targets += [
        (("shares_office_with", n), "department", other) for n, other in enumerate(department.shares_office_with)
    ]
    for loc, kind, value in (*targets, *_shared_targets(department)):
        yield from _unknown(organisation, "department", key, loc, kind, value)
    head = organisation.posts.get(department.head or "")
    if head is not None and head.department != key:
        yield report(
            organisation,
            "head-outside-department",
            "department",
            key,
            ("head",),
            head=department.head,
            other=head.department,
        )


def _known(organisation: Organisation, kind: str) -> Mapping[str, object]:
    """The ids of ``kind``, as a mapping so that a lookup does not grow with the organisation."""
    if kind == "post":
        return organisation.project.posts
    if kind == "department":
        return organisation.project.departments
    return organisation.project.clauses


def _unknown(organisation: Organisation, owner: str, key: str, loc: Loc, kind: str, value: str) -> Iterator[Diagnostic]:
    args = unknown_reference(organisation, loc, kind, value)
    if args is not None:
        yield replace(report(organisation, "unknown-reference", owner, key, loc), args=args)


def unknown_reference(organisation: Organisation, loc: Loc, kind: str, value: str) -> dict[str, object] | None:
    """The arguments of an unknown-reference diagnostic about ``value``, or None when it is known (or unreadable)."""
    project = organisation.project
    if value in _known(organisation, kind) or (kind, value) in project.broken or (kind, "*") in project.broken:
        return None
    close = suggest(value, list(_known(organisation, kind)))
    hint = "unknown-reference.did-you-mean" if close else f"unknown-reference.create-{kind}"
    return {
        "field": show_loc(loc),
        "value": value,
        "kind": Term(f"kind.{kind}"),
        "suggestion": close or "",
        "folder": _FOLDERS[kind],
        "hint": hint,
    }


def check_codes(organisation: Organisation) -> Iterator[Diagnostic]:
    """Post numbers: unique, and following the settings' pattern."""
    first: dict[str, str] = {}
    pattern = organisation.settings.code_pattern
    for key in sorted(organisation.project.posts):
        post = organisation.project.posts[key].model
        if post.code is None:
            continue
        if post.code in first:
            yield report(organisation, "duplicate-code", "post", key, ("code",), code=post.code, other=first[post.code])
        first.setdefault(post.code, key)
        department = organisation.project.departments.get(post.department)
        if pattern and department is not None:
            rule = CodePattern(pattern)
            department_code = department.model.code or ""
            if not rule.regex(department_code).fullmatch(post.code):
                yield report(
                    organisation,
                    "code-pattern",
                    "post",
                    key,
                    ("code",),
                    code=post.code,
                    pattern=pattern,
                    example=rule.example(department_code),
                )


def check_settings(organisation: Organisation) -> Iterator[Diagnostic]:
    """Severity settings must name existing checks."""
    source = organisation.project.settings_source
    for code in organisation.settings.checks:
        if code not in CHECKS:
            position = source.locate(("checks", code), key=True)
            close = suggest(code, list(CHECKS))
            yield Diagnostic(
                "unknown-check", "error", source.name, position, {"value": code, "suggestion": close or "?"}
            )
