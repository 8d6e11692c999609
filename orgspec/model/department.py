"""The department (部门): one YAML file per department in `departments/`, named by its id."""

from __future__ import annotations

from pydantic import Field

from orgspec.model.common import GroupedTextList, Kpi, Relations, Revision, Strict, TextEntry
from orgspec.model.types import Entries, HeadCount, Id, Text


class Department(Strict):
    """A department (部门) and its organisation sheet (组织说明书)."""

    name: Text = Field(description="部门名称: the name of the department.")
    name_en: Text | None = Field(default=None, description="The name in English.")
    code: Text | None = Field(default=None, description="Department code, used in post numbers (e.g. KF).")
    parent: Id | None = Field(
        default=None, description="Id of the parent department (e.g. 营销中心 for a regional department)."
    )
    order: int = Field(default=0, description="Position among sibling departments: lower comes first.")
    head: Id | None = Field(
        default=None, description="Id of the head post (部门负责人), which must belong to this department."
    )
    rank: Text | None = Field(default=None, description="机构规格: the unit's rank, e.g. 正科级.")
    shares_office_with: Entries[Id] = Field(
        default_factory=list,
        description="合署办公: ids of departments that work as one office with this one; shown on both pages.",
    )
    objective: Text | None = Field(default=None, description="工作目标: the mission of the department.")
    functions: GroupedTextList = Field(
        default_factory=list, description="部门职责 / 基本职责, optionally grouped (对内职能 / 对外职能 …)."
    )
    management: Entries[TextEntry] = Field(default_factory=list, description="管理内容: what the department manages.")
    territory: Entries[TextEntry] = Field(default_factory=list, description="管理范围: regions or areas covered.")
    authorised: HeadCount | None = Field(
        default=None,
        description="编制: the authorised head count of the department, its sub-departments included; checked against the total of their posts.",
    )
    staffing: dict[Text, HeadCount] = Field(
        default_factory=dict,
        description="人员编制 by kind (行政编制: 12, 事业编制: 3), sub-departments included; "
        "checked against the seats of the posts of each staffing_kind.",
    )
    leadership: dict[Text, HeadCount] = Field(
        default_factory=dict,
        description="领导职数 by rank (主任: 1, 副主任: 3), in order; counted over the posts holding each rank here "
        "and in every sub-department, so that a quota of the parent unit covers its 内设机构.",
    )
    kpis: Entries[Kpi] = Field(default_factory=list, description="Department KPIs.")
    relations: Relations | None = Field(default=None, description="工作协调关系.")
    revisions: Entries[Revision] = Field(default_factory=list, description="修订记录: the revision history.")
