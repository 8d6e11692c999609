"""The example organisation in the repository root is clean and complete."""

from __future__ import annotations

from orgspec.check.pipeline import check_project
from orgspec.check.walk import find
from orgspec.model.common import Authority, ClauseRef, Duty, DutyGroup, InternalRelation, Kpi, TextGroup, TextItem
from tests.conftest import REPO, run_cli


def test_example_checks_clean_with_no_warnings() -> None:
    result = run_cli("check", "--strict", str(REPO))
    assert result.lines == []
    assert result.exit_code == 0


def test_example_uses_every_structure() -> None:
    organisation = check_project(REPO).organisation
    posts = organisation.posts
    departments = organisation.departments
    assert len(departments) >= 6 and len(posts) >= 25
    assert any(department.parent for department in departments.values())
    everything = [*posts.values(), *departments.values()]
    authorities = [authority for model in everything for _, authority in find(model, Authority)]
    kpis = [kpi for model in everything for _, kpi in find(model, Kpi)]
    assert any(authority.limit is not None for authority in authorities)
    assert any(authority.say == "decide" and authority.item for authority in authorities)
    assert any(kpi.target and kpi.source for kpi in kpis)
    assert any(post.routines and any(routine.time for routine in post.routines.daily) for post in posts.values())
    assert any(post.relations and post.relations.internal and post.relations.external for post in posts.values())
    assert any(post.qualifications and post.qualifications.education for post in posts.values())
    assert any(post.revisions for post in posts.values()) and any(d.revisions for d in departments.values())
    assert any(post.dotted_line for post in posts.values())
    assert any(post.vacant > 0 for post in posts.values())
    assert any(post.based_on for post in posts.values())
    assert any(post.environment and post.career for post in posts.values())
    assert any(
        department.territory and department.management and department.objective for department in departments.values()
    ) or (any(d.territory for d in departments.values()) and any(d.management for d in departments.values()))
    assert any(isinstance(entry, TextGroup) for d in departments.values() for entry in d.functions)
    assert any(isinstance(entry, DutyGroup) for post in posts.values() for entry in post.duties)
    relations = [relation for model in everything for _, relation in find(model, InternalRelation)]
    assert any(relation.department or relation.post for relation in relations)
    clause_uses = [reference for model in everything for _, reference in find(model, ClauseRef)]
    assert len(clause_uses) >= 4 and len({reference.clause for reference in clause_uses}) >= 2
    internal = [item.internal for model in everything for _, item in find(model, TextItem)]
    internal += [item.internal for model in everything for _, item in find(model, Duty)]
    internal += [item.internal for model in everything for _, item in find(model, Authority)]
    internal += [item.internal for model in everything for _, item in find(model, Kpi)]
    assert any(internal)
