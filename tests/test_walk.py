"""The checks' walk finds every value of the types they look for, though it skips fields that cannot hold one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from orgspec.check.walk import find_any
from orgspec.load.project import load_project
from orgspec.load.yamlfile import Loc
from orgspec.model.common import Authority, ClauseRef, DutyGroup, InternalRelation, Kpi

EXAMPLE = Path(__file__).resolve().parent.parent
WANTED = [
    (InternalRelation, ClauseRef, Authority),
    (ClauseRef, Authority),
    (Authority,),
    (DutyGroup, Kpi),
    (InternalRelation,),
    (Kpi,),
]


def every(value: object, wanted: tuple[type, ...], loc: Loc = ()) -> list[tuple[Loc, object]]:
    """Every ``wanted`` value inside ``value``, walking every field of every model: what the walk must find."""
    found: list[tuple[Loc, object]] = [(loc, value)] if isinstance(value, wanted) else []
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found += every(getattr(value, name), wanted, (*loc, name))
    elif isinstance(value, list):
        for place, item in enumerate(value):
            found += every(item, wanted, (*loc, place))
    elif isinstance(value, dict):
        for key, item in value.items():
            found += every(item, wanted, (*loc, key))
    return found


@pytest.mark.parametrize("wanted", WANTED, ids=lambda wanted: "+".join(kind.__name__ for kind in wanted))
def test_the_walk_finds_what_a_walk_of_every_field_finds(wanted: tuple[type, ...]) -> None:
    project, _ = load_project(EXAMPLE)
    models: list[BaseModel] = [entity.model for entity in project.posts.values()]
    models += [entity.model for entity in project.departments.values()]
    found = [list(find_any(model, wanted)) for model in models]
    expected = [every(model, wanted) for model in models]
    assert sum(map(len, expected)) > 0, "the example has none of these: the comparison would prove nothing"
    assert found == expected
    duties = {post.title: post.duties for post in (entity.model for entity in project.posts.values())}
    assert list(find_any(duties, wanted)) == every(duties, wanted)  # a mapping of lists, as a check may walk
