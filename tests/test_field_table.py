"""The README's table of where each field is shown has a row for every field a post, a department or an
approval rule can hold."""

from __future__ import annotations

import re
import types
import typing

from pydantic import BaseModel

from orgspec.model import Department, Post
from orgspec.model.approvals import ApprovalRule, ApprovalRules, ApprovalStep
from orgspec.model.common import (
    Authority,
    ClauseRef,
    Duty,
    DutyGroup,
    ExternalRelation,
    InternalRelation,
    Kpi,
    Relations,
    Revision,
    Routine,
    Routines,
    TextGroup,
    TextItem,
)
from orgspec.model.post import Qualifications
from orgspec.model.sections import Competency
from tests.conftest import REPO

NAMES: dict[type[BaseModel], str] = {
    Post: "post",
    Department: "department",
    Kpi: "kpi",
    Authority: "authority",
    Duty: "duty",
    TextItem: "text",
    TextGroup: "group",
    DutyGroup: "group",
    ClauseRef: "clause",
    Routine: "routine",
    InternalRelation: "relation",
    ExternalRelation: "relation",
    Qualifications: "qualifications",
    Revision: "revision",
    Relations: "relations",
    Routines: "routines",
    ApprovalRules: "approvals",
    ApprovalRule: "rule",
    ApprovalStep: "step",
    Competency: "competency",
}
"""How the table names each model's fields."""


def models_inside(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    """``model`` and every model its fields can hold, at any depth."""
    if model in seen:
        return seen
    seen.add(model)
    for field in model.model_fields.values():
        for inner in types_in(field.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                models_inside(inner, seen)
    return seen


def types_in(annotation: object) -> list[object]:
    found = [annotation]
    for argument in typing.get_args(annotation):
        found += types_in(argument)
    if isinstance(annotation, types.UnionType):
        found += [inner for argument in annotation.__args__ for inner in types_in(argument)]
    return found


def table_fields() -> set[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Where each field is shown", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([a-z_.]+)`", row)}


def test_every_field_has_a_row() -> None:
    models = models_inside(Post, set()) | models_inside(Department, set()) | models_inside(ApprovalRules, set())
    unnamed = sorted(model.__name__ for model in models if model not in NAMES)
    assert unnamed == [], "a new model: name it in NAMES and give its fields rows in the README table"
    fields = {f"{NAMES[model]}.{name}" for model in models for name in model.model_fields}
    missing = sorted(fields - table_fields())
    assert missing == [], "fields shown nowhere in the README table of where each field is shown"
