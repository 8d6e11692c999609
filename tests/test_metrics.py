"""Every metric on a small hand-made organisation, the expected numbers worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgspec.analysis.metrics import (
    Metrics,
    PostFacts,
    _shared_clauses,
    _shared_duties,
    department_metrics,
    metrics,
    organisation_metrics,
    shown,
)
from orgspec.check.pipeline import check_project
from orgspec.link.organisation import Headcount, Organisation
from tests.conftest import write_files

# ops (head ops-head)                      hr (head hr-head)
# └── ops-north (head north-lead)
#
# ops-head ─┬─ ops-deputy                  span 3 (over the limit of 2)
#           ├─ north-lead ─┬─ north-worker span 2
#           │              └─ north-driver
#           └─ hr-head ──── hr-clerk       span 1; hr-head sits in hr but reports to ops-head
FILES = {
    "orgspec.yaml": "name: Metrics Co\nlocale: en\nlimits:\n  span_of_control: 2\n",
    "clauses.yaml": "obey-rules: 遵守公司各项规章制度\n",
    "departments/ops.yaml": "name: Operations\nhead: ops-head\n",
    "departments/ops-north.yaml": "name: Operations North\nparent: ops\nhead: north-lead\n",
    "departments/hr.yaml": "name: HR\nhead: hr-head\n",
    "departments/empty.yaml": "name: Empty\n",
    "roles/ops-head.yaml": """\
title: Head of Operations
department: ops
duties: [规划, {clause: obey-rules}]
kpis: [{name: 利润}]
authorities: [审批预算, 签字]
""",
    "roles/ops-deputy.yaml": """\
title: Deputy
department: ops
reports_to: ops-head
filled: 0
duties: [协调, 值班]
""",
    "roles/north-lead.yaml": """\
title: North Lead
department: ops-north
reports_to: ops-head
duties:
  - group: 日常
    items: [巡检, 值班]
kpis: [{name: 巡检率}]
authorities: [巡检安排]
""",
    "roles/north-worker.yaml": """\
title: North Worker
department: ops-north
reports_to: north-lead
authorised: 5
filled: 3
duties: [巡 检, {clause: obey-rules}]
""",
    "roles/north-driver.yaml": """\
title: Driver
department: ops-north
reports_to: north-lead
authorised: 2
duties: [{text: 驾驶, share: 100}]
""",
    "roles/hr-head.yaml": """\
title: Head of HR
department: hr
reports_to: ops-head
duties: [招聘, {clause: obey-rules}]
kpis: [{name: 招聘完成率}]
""",
    "roles/hr-clerk.yaml": """\
title: HR Clerk
department: hr
reports_to: hr-head
based_on: hr-head
""",
}


@pytest.fixture
def organisation(tmp_path: Path) -> Organisation:
    write_files(tmp_path, dict(FILES))
    result = check_project(tmp_path)
    assert result.errors == 0, [diagnostic.format("en") for diagnostic in result.diagnostics]
    return result.organisation


def test_department_own_posts(organisation: Organisation) -> None:
    assert department_metrics(organisation, "ops", with_sub_departments=False) == Metrics(
        posts=2,  # ops-head, ops-deputy
        headcount=Headcount(authorised=2, filled=1, vacant=1),  # the deputy's post is empty
        managers=1,  # ops-head: its subordinates sit elsewhere too, it still manages
        layers=2,  # ops-deputy → ops-head
        span_mean=3.0,  # ops-head has 3 direct subordinates
        span_max=3,
        posts_over_span=("ops-head",),  # 3 > 2
        duties=4,  # 规划 + clause, 协调 + 值班
        kpis=1,
        authorities=2,
        posts_without_kpis=("ops-deputy",),
        shared_duties=(),
        shared_clauses=(),  # obey-rules: only ops-head in this scope
    )


def test_department_with_sub_departments(organisation: Organisation) -> None:
    assert department_metrics(organisation, "ops", with_sub_departments=True) == Metrics(
        posts=5,  # + north-lead, north-worker, north-driver
        headcount=Headcount(authorised=10, filled=7, vacant=3),  # 1+1+1+5+2; 1+0+1+3+2; deputy 1 + worker 2
        managers=2,  # ops-head, north-lead
        layers=3,  # north-worker → north-lead → ops-head
        span_mean=2.5,  # (3 + 2) / 2
        span_max=3,
        posts_over_span=("ops-head",),  # north-lead's 2 is not above the limit
        duties=9,  # 2 + 2 + 2 (a group counts its items) + 2 + 1
        kpis=2,
        authorities=3,
        posts_without_kpis=("north-driver", "north-worker", "ops-deputy"),
        shared_duties=("值班", "巡检"),  # deputy & north-lead; north-lead & worker ("巡 检": spaces ignored)
        shared_clauses=("obey-rules",),  # ops-head, north-worker
    )


def test_a_sub_department_alone(organisation: Organisation) -> None:
    north = department_metrics(organisation, "ops-north", with_sub_departments=True)
    assert (north.posts, north.headcount, north.managers, north.individual_contributors) == (
        3,
        Headcount(8, 6, 2),
        1,
        2,
    )
    assert (north.layers, north.span_mean, north.span_max, north.posts_over_span) == (2, 2.0, 2, ())
    assert (north.duties, north.kpis, north.authorities) == (5, 1, 1)
    assert north.shared_duties == ("巡检",)  # as first written, by north-lead
    assert north.shared_clauses == ()


def test_inherited_duties_count_but_are_not_overlaps(organisation: Organisation) -> None:
    hr = department_metrics(organisation, "hr", with_sub_departments=False)
    # hr-clerk takes 招聘 and the clause from hr-head through based_on
    assert (hr.duties, hr.kpis, hr.authorities, hr.posts_without_kpis) == (4, 2, 0, ())
    assert hr.shared_duties == ()  # based_on shares on purpose
    assert hr.shared_clauses == ("obey-rules",)  # referenced by both, one of them through based_on
    assert (hr.layers, hr.managers, hr.span_mean) == (2, 1, 1.0)  # hr-head's own superior is outside


def test_whole_organisation(organisation: Organisation) -> None:
    assert organisation_metrics(organisation) == Metrics(
        posts=7,
        headcount=Headcount(authorised=12, filled=9, vacant=3),
        managers=3,  # ops-head, north-lead, hr-head
        layers=3,
        span_mean=2.0,  # (3 + 2 + 1) / 3
        span_max=3,
        posts_over_span=("ops-head",),
        duties=13,  # 9 in ops, 4 in hr
        kpis=4,  # hr-clerk's is inherited
        authorities=3,
        posts_without_kpis=("north-driver", "north-worker", "ops-deputy"),
        shared_duties=("值班", "巡检"),
        shared_clauses=("obey-rules",),
    )
    assert organisation_metrics(organisation).individual_contributors == 4


def test_a_department_without_posts(organisation: Organisation) -> None:
    empty = department_metrics(organisation, "empty", with_sub_departments=True)
    assert empty == Metrics(0, Headcount(), 0, 0, None, 0, (), 0, 0, 0, (), (), ())
    assert shown(empty.span_mean) == "–"


def test_layers_stop_at_a_reporting_cycle(tmp_path: Path) -> None:
    files = {
        "orgspec.yaml": "name: Loop\n",
        "departments/d.yaml": "name: D\n",
        "roles/a.yaml": "title: A\ndepartment: d\nreports_to: b\n",
        "roles/b.yaml": "title: B\ndepartment: d\nreports_to: a\n",
    }
    write_files(tmp_path, dict(files))
    organisation = check_project(tmp_path).organisation
    # a → b → (a again): the chain has 2 posts; each manages the other
    looped = metrics(organisation, ["a", "b"])
    assert (looped.layers, looped.managers, looped.span_max) == (2, 2, 1)


def test_shown() -> None:
    assert [shown(3), shown(2.25), shown(None)] == ["3", "2.2", "–"]


texts = st.sampled_from(["巡检", "巡 检", " 巡检", "值班", "值 班", "规划"])


@given(
    st.lists(
        st.tuples(st.sampled_from("abcd"), st.lists(texts, max_size=4), st.frozensets(st.sampled_from("xyz"))),
        max_size=8,
    )
)
def test_shared_duties_and_clauses_are_as_their_definition_says(
    listed: list[tuple[str, list[str], frozenset[str]]],
) -> None:
    """Any scope, a post listed in it more than once included: a text (white space aside) or a clause is
    shared when two distinct posts hold it, and a text is given as the first post to write it wrote it first."""
    duties: dict[str, list[str]] = {}
    clauses: dict[str, frozenset[str]] = {}
    for key, written, referenced in listed:  # a post listed twice is the one listed first
        duties.setdefault(key, written)
        clauses.setdefault(key, referenced)
    facts = {
        key: PostFacts(
            post=None,  # type: ignore[arg-type]  # not read by these two metrics
            written=dict(reversed([("".join(t.split()), t) for t in duties[key]])),
            clauses=clauses[key],
            chain=(),
            counted=Headcount(),
            span=0,
            duties=len(duties[key]),
        )
        for key in duties
    }
    posts = [key for key, _, _ in listed]
    first: dict[str, str] = {}
    holders: dict[str, set[str]] = {}
    holding: dict[str, set[str]] = {}
    for key in posts:
        for text in duties[key]:
            first.setdefault("".join(text.split()), text)
            holders.setdefault("".join(text.split()), set()).add(key)
        for clause in clauses[key]:
            holding.setdefault(clause, set()).add(key)
    scope = [facts[key] for key in posts]
    assert _shared_duties(posts, scope) == tuple(first[n] for n in sorted(holders) if len(holders[n]) >= 2)
    assert _shared_clauses(posts, scope) == tuple(sorted(c for c, keys in holding.items() if len(keys) >= 2))
