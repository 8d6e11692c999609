"""The KPI catalogue (indexes/kpis.md): each KPI once, with every post and department that has it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from orgspec.check.pipeline import check_project
from orgspec.render.handbook import handbook
from orgspec.render.pages import kpi_index_values
from tests.conftest import BASE_FILES


def test_an_owner_is_listed_once_per_kpi_with_the_weight_it_first_gives(project: Callable[..., Path]) -> None:
    twice = BASE_FILES["roles/cs-lead.yaml"].replace(
        "kpis:\n  - name: 满意度\n", "kpis:\n  - name: 满意度\n    weight: 60%\n  - name: 满意度\n    weight: 40%\n"
    )
    agent = BASE_FILES["roles/cs-agent.yaml"].replace("  - name: 回访率\n", "  - name: 回访率\n  - name: 满意度\n")
    organisation = check_project(project({"roles/cs-lead.yaml": twice, "roles/cs-agent.yaml": agent})).organisation
    values = kpi_index_values(handbook(organisation))
    names = [row[0] for row in values["table"].rows]  # the first column: the name
    rows = zip(names, values["owners"], strict=True)
    owners = {name: [(owner.link.text, owner.weight) for owner in row] for name, row in rows}
    assert owners == {"回访率": [("客服专员", None)], "满意度": [("客服专员", None), ("客服主管", 60)]}
