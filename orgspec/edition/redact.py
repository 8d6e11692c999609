"""Editions: the public edition leaves out everything marked internal.

Redaction happens once, on the linked organisation, before anything is
computed or rendered: pages, charts, indexes, the search index, downloads,
exports, metrics, comparisons and diffs are all made from the redacted
organisation, so nothing downstream knows that editions exist. Every rule
is here: internal items (duties, authorities, KPIs, texts, clauses at any
depth, in the extra sections too; approval rules), the fields listed in
``internal_fields`` (grades, codes, limits — of authorities and of approval
tiers —, …).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from pydantic import BaseModel

from orgspec.link.approvals import approval_items
from orgspec.link.organisation import Organisation
from orgspec.load.project import Entity
from orgspec.model import Post, Settings
from orgspec.model.approvals import ApprovalRule
from orgspec.model.common import Authority, ClauseRef, Duty, Kpi, TextItem
from orgspec.model.sections import Competency
from orgspec.model.types import Edition


def chosen_edition(organisation: Organisation, asked: str | None) -> Edition:
    """The edition asked for (on the command line, in a plugin's options), or else the organisation's own."""
    return "public" if (asked or organisation.settings.edition) == "public" else "internal"


FIELD_RULES: dict[str, dict[str, Any]] = {
    "grade": {"grade": None},
    "codes": {"code": None},
    "kpis": {"kpis": []},
    "authorities": {"authorities": []},
    "routines": {"routines": None},
    "relations": {"relations": None},
    "qualifications": {"qualifications": None},
    "environment": {"environment": None},
    "career": {"career": None},
    "revisions": {"revisions": []},
}
"""Post fields that orgspec.yaml can declare internal (``internal_fields``); ``limits`` hides authority limits."""

ModelT = TypeVar("ModelT", bound=BaseModel)


def redact(organisation: Organisation, edition: Edition) -> Organisation:
    """The organisation as the given edition shows it: the posts both as written and as linked."""
    if edition != "public":
        return organisation
    project = organisation.project
    hidden = {key for key, item in project.clauses.items() if item.internal}
    fields: set[str] = set(organisation.settings.internal_fields)
    departments = {
        key: Entity(key, _drop_internal(entity.model, hidden), entity.source)
        for key, entity in project.departments.items()
    }
    written = {
        key: Entity(key, _post(entity.model, hidden, fields), entity.source) for key, entity in project.posts.items()
    }
    clauses = {key: item for key, item in project.clauses.items() if key not in hidden}
    settings = _public_settings(organisation.settings)
    approvals = _public_rules(project.approvals, limits="limits" in fields)
    public = Organisation(
        replace(
            project, settings=settings, departments=departments, posts=written, clauses=clauses, approvals=approvals
        )
    )
    public.posts = {key: _post(post, hidden, fields) for key, post in organisation.posts.items()}
    return public


def _public_settings(settings: Settings) -> Settings:
    """The settings without the pay bands that are internal."""
    grades = [
        grade.model_copy(update={"pay": None}) if grade.pay is not None and grade.pay.internal else grade
        for grade in settings.grades
    ]
    return settings.model_copy(update={"grades": grades})


def _public_rules(rules: list[ApprovalRule], *, limits: bool) -> list[ApprovalRule]:
    """The approval rules not marked internal; with ``limits`` hidden, without their amounts, each item's
    tiers kept in their order (from the lowest up)."""
    shown = [rule for rule in rules if not rule.internal]
    if not limits:
        return shown
    ordered = [placed.rule for item in approval_items(shown) for placed in item.rules]
    return [rule.model_copy(update={"above": None, "up_to": None}) for rule in ordered]


def _post(post: Post, hidden: set[str], fields: set[str]) -> Post:
    post = _drop_internal(post, hidden)
    updates: dict[str, Any] = {}
    for name in sorted(fields):
        updates.update(FIELD_RULES.get(name, {}))
    if "limits" in fields:
        updates["authorities"] = [item.model_copy(update={"limit": None, "note": None}) for item in post.authorities]
        if "authorities" in fields:
            updates["authorities"] = []
    return post.model_copy(update=updates)


def _is_internal(value: object, hidden: set[str]) -> bool:
    if isinstance(value, TextItem | Duty | Authority | Kpi | Competency):
        return value.internal or (isinstance(value, Authority) and value.clause in hidden)
    return isinstance(value, ClauseRef) and value.clause in hidden


def _drop_internal(model: ModelT, hidden: set[str]) -> ModelT:
    """A copy of ``model`` without internal entries, at any depth."""
    updates: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        cleaned = _clean(value, hidden)
        if cleaned is not value:
            updates[name] = cleaned
    return model.model_copy(update=updates) if updates else model


def _clean(value: Any, hidden: set[str]) -> Any:
    if isinstance(value, list):
        items = [_clean(item, hidden) for item in value if not _is_internal(item, hidden)]
        return (
            items if len(items) != len(value) or any(a is not b for a, b in zip(items, value, strict=True)) else value
        )
    if isinstance(value, dict):
        cleaned = {key: _clean(item, hidden) for key, item in value.items()}
        return value if all(cleaned[key] is item for key, item in value.items()) else cleaned
    if isinstance(value, BaseModel):
        return _drop_internal(value, hidden)
    return value


__all__ = ["FIELD_RULES", "redact"]
