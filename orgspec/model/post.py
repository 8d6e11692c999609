"""The post (岗位): one YAML file per post in `roles/`, named by its id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, get_args

from pydantic import Field

from orgspec.model.common import (
    AuthorityEntry,
    ClauseRef,
    Duty,
    DutyGroup,
    GroupedDutyList,
    Kpi,
    Relations,
    Revision,
    Routines,
    Strict,
    TextEntry,
    TextList,
)
from orgspec.model.family import LevelField
from orgspec.model.sections import Competency, SectionTexts
from orgspec.model.types import Entries, HeadCount, Id, Text


class Qualifications(Strict):
    """任职资格: what a holder of the post must bring."""

    education: TextList = Field(default_factory=list, description="教育程度, e.g. 大专及以上学历.")
    majors: TextList = Field(default_factory=list, description="专业.")
    experience: TextList = Field(default_factory=list, description="工作经验.")
    certificates: TextList = Field(default_factory=list, description="职称或资格证书.")
    skills: TextList = Field(default_factory=list, description="业务技能.")
    knowledge: TextList = Field(default_factory=list, description="专业知识.")
    qualities: TextList = Field(default_factory=list, description="综合素质.")
    preferred: TextList = Field(
        default_factory=list,
        description="优先条件: what is preferred but not required (nice to have); everything above is required.",
    )


ContentField = Literal[
    "title",
    "title_en",
    "grade",
    "purpose",
    "summary",
    "duties",
    "responsibilities",
    "authorities",
    "kpis",
    "routines",
    "relations",
    "qualifications",
    "environment",
    "career",
]
"""Fields a post takes from the post named in `based_on` when it does not set them."""

CONTENT_FIELDS: tuple[str, ...] = get_args(ContentField)


class Post(Strict):
    """A post (岗位) and its job description (岗位说明书)."""

    title: Text | None = Field(default=None, description="岗位名称: the title of the post.")
    title_en: Text | None = Field(default=None, description="The title in English.")
    code: Text | None = Field(
        default=None, description="岗位编号: the post number, following the settings' code_pattern."
    )
    department: Id = Field(description="所属部门: id of the department the post belongs to.")
    grade: Text | None = Field(default=None, description="职位等级: a grade from the settings' grade scale.")
    authorised: HeadCount = Field(default=1, description="岗位编制: the authorised head count.")
    filled: HeadCount | None = Field(
        default=None, description="实有人数: people in post now; defaults to the authorised count (no vacancy)."
    )
    staffing_kind: Text | None = Field(
        default=None,
        description="编制类别: the kind of staffing of its seats (行政编制, 事业编制, 工勤编制), "
        "checked against the staffing its department declares by kind.",
    )
    leadership: Text | None = Field(
        default=None,
        description="领导职务: the leadership rank it holds (主任, 副主任), counted against the 领导职数 "
        "of its department or of a unit above it.",
    )
    reports_to: Id | None = Field(default=None, description="直接上级: id of the post this post reports to.")
    dotted_line: Entries[Id] = Field(
        default_factory=list, description="虚线上级: ids of secondary (dotted-line) superiors."
    )
    also_holds: Id | None = Field(
        default=None,
        description="兼任: id of another post that the holder of this one holds too (办公室主任兼机要科科长); "
        "head counts count the person once.",
    )
    based_on: Id | None = Field(
        default=None,
        description="Id of a post whose job description this one shares: every content field not set here is taken from it.",
    )
    replaces: Entries[LevelField] = Field(
        default_factory=list,
        description="In a job family: the fields (duties, responsibilities, kpis, qualifications) whose entries "
        "replace those of the levels below instead of adding to them.",
    )
    purpose: Text | None = Field(default=None, description="岗位设置目的: why the post exists.")
    summary: Text | None = Field(default=None, description="本职工作: the job in one line.")
    duties: GroupedDutyList = Field(
        default_factory=list, description="工作内容与职责: duties in order, optionally grouped and weighted."
    )
    responsibilities: Entries[TextEntry] = Field(
        default_factory=list, description="责任 / 岗位责任: what the post answers for."
    )
    authorities: Entries[AuthorityEntry] = Field(
        default_factory=list, description="权利 / 岗位权限, with optional limits."
    )
    kpis: Entries[Kpi] = Field(default_factory=list, description="关键绩效指标.")
    routines: Routines | None = Field(default=None, description="工作规程: routines by period.")
    relations: Relations | None = Field(default=None, description="工作协调关系.")
    qualifications: Qualifications | None = Field(default=None, description="任职资格.")
    competencies: Entries[Competency] = Field(
        default_factory=list, description="能力要求: competencies, each rated on the competency_scale of orgspec.yaml."
    )
    environment: Text | None = Field(default=None, description="工作环境.")
    career: Text | None = Field(default=None, description="职业发展.")
    sections: SectionTexts = Field(
        default_factory=dict,
        description="Extra sections declared under sections in orgspec.yaml (培训要求, 工作时间, 招聘流程 …): "
        "section id → its text, one line or a list.",
    )
    revisions: Entries[Revision] = Field(default_factory=list, description="修订记录: the revision history.")

    @property
    def filled_count(self) -> int:
        """People in post: the filled count, or the authorised count when none is given."""
        return self.authorised if self.filled is None else self.filled

    @property
    def vacant(self) -> int:
        """Vacancies (空缺): authorised minus filled, never negative."""
        return max(self.authorised - self.filled_count, 0)


Place = tuple[str | int, ...]
"""Where a value sits in its file: the keys and list indexes leading to it."""


def duty_entries(post: Post) -> Iterator[tuple[Place, str | Duty | ClauseRef]]:
    """Every duty of a post with its place in the file, groups flattened (headings are not duties)."""
    for number, entry in enumerate(post.duties):
        if isinstance(entry, DutyGroup):
            for inner, item in enumerate(entry.items):
                yield ("duties", number, "items", inner), item
        else:
            yield ("duties", number), entry


def written_duties(post: Post) -> Iterator[tuple[Place, str]]:
    """The duty texts a post writes out itself (not clause references), with the place of each text."""
    for place, entry in duty_entries(post):
        if isinstance(entry, str):
            yield place, entry
        elif isinstance(entry, Duty):
            yield (*place, "text"), entry.text


def written_text(entry: str | Duty | ClauseRef) -> str | None:
    """The text of a duty written out (`written_duties`); None for a clause reference."""
    if isinstance(entry, str):
        return entry
    return entry.text if isinstance(entry, Duty) else None
