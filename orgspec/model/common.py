"""Building blocks shared by departments and posts: text entries, KPIs,
relations, routines and revision history."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from orgspec.model.types import MAX_ENTRIES, Date, Entries, Id, Money, Percent, Period, Say, Text

TAG_PREFIX = "~"
"""Union branch tags start with this so they can be dropped from error locations."""


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class TextItem(Strict):
    """One entry of a text list written as a mapping, to attach options to it."""

    text: Text = Field(description="The wording, as it appears on the job sheet.")
    internal: bool = Field(default=False, description="Internal only: left out of the public edition of the handbook.")


class ClauseRef(Strict):
    """A reference to a standard clause written once in `clauses.yaml`."""

    clause: Id = Field(description="Id of the standard clause (in clauses.yaml) whose text is used here.")


class Duty(Strict):
    """A duty (工作内容与职责) written as a mapping, optionally weighted by share of time."""

    text: Text = Field(description="The duty, as it appears on the job sheet.")
    share: Percent | None = Field(default=None, description="Share of working time in percent (e.g. 20 or 20%).")
    internal: bool = Field(default=False, description="Internal only: left out of the public edition.")


def _entry_tag(value: Any) -> str:
    """Choose the union branch from the shape of an entry, so errors name one branch."""
    if isinstance(value, str):
        return "~text"
    if isinstance(value, dict):
        if "clause" in value:
            return "~clause"
        if "group" in value or "items" in value:
            return "~group"
    return "~item"


PlainText = Annotated[Text, Tag("~text")]
ClauseEntry = Annotated[ClauseRef, Tag("~clause")]
BY_SHAPE = Discriminator(_entry_tag)
"""The branches every entry union shares, and how it picks one."""

TextEntry = Annotated[PlainText | Annotated[TextItem, Tag("~item")] | ClauseEntry, BY_SHAPE]
"""A line of text: plain text, a mapping with options, or a standard clause reference."""

DutyEntry = Annotated[PlainText | Annotated[Duty, Tag("~item")] | ClauseEntry, BY_SHAPE]
"""A duty: plain text, a mapping with a share of time, or a standard clause reference."""


class TextGroup(Strict):
    """Entries grouped under a heading (e.g. 对内职能 / 对外职能, 前期 / 进程中 / 后期服务)."""

    group: Text = Field(description="The heading of the group.")
    items: Entries[TextEntry] = Field(min_length=1, description="The entries under this heading, in order.")


class DutyGroup(Strict):
    """Duties grouped under a heading (e.g. 客户信息资源管理, 客户投诉受理与处理)."""

    group: Text = Field(description="The heading of the group.")
    items: Entries[DutyEntry] = Field(min_length=1, description="The duties under this heading, in order.")


GroupedTextEntry = Annotated[
    PlainText | Annotated[TextItem, Tag("~item")] | ClauseEntry | Annotated[TextGroup, Tag("~group")], BY_SHAPE
]
"""A text entry or a group of them under a heading."""

GroupedDutyEntry = Annotated[
    PlainText | Annotated[Duty, Tag("~item")] | ClauseEntry | Annotated[DutyGroup, Tag("~group")], BY_SHAPE
]
"""A duty or a group of duties under a heading."""


def _within_limit(entries: list[Any]) -> list[Any]:
    """Refuse more than `MAX_ENTRIES` entries in all, counting the items of each group rather than its heading."""
    count = sum(len(entry.items) if isinstance(entry, TextGroup | DutyGroup) else 1 for entry in entries)
    if count > MAX_ENTRIES:
        raise PydanticCustomError(
            "too_long",
            "at most {max_length} entries, not {actual_length}",
            {"max_length": MAX_ENTRIES, "actual_length": count},
        )
    return entries


GroupedTextList = Annotated[Entries[GroupedTextEntry], AfterValidator(_within_limit)]
"""A department's functions: entries and groups of them, at most `MAX_ENTRIES` entries in all."""

GroupedDutyList = Annotated[Entries[GroupedDutyEntry], AfterValidator(_within_limit)]
"""A post's duties: duties and groups of them, at most `MAX_ENTRIES` duties in all."""


def _one_or_many(value: Any) -> Any:
    """Let a list field be written as a single line of text."""
    return [value] if isinstance(value, str) else value


TextList = Annotated[Entries[TextEntry], BeforeValidator(_one_or_many, json_schema_input_type=str | list[TextEntry])]
"""A list of text entries that may also be written as one line of text."""


class Kpi(Strict):
    """A key performance indicator (关键绩效指标)."""

    name: Text = Field(description="Name of the indicator, e.g. 客户满意度 (CSI).")
    definition: Text | None = Field(default=None, description="What is measured and how it is computed.")
    target: Text | None = Field(default=None, description="The target, e.g. '≥ 90 分' or '每月 3 日前'.")
    period: Period | None = Field(default=None, description="How often it is measured.")
    source: Text | None = Field(default=None, description="Data source, or how the result is checked (考核方式).")
    weight: Percent | None = Field(
        default=None, description="Weight in the appraisal (权重), in percent; a post's weights add up to 100 %."
    )
    scoring: Text | None = Field(default=None, description="How the result is scored (评分标准), e.g. 每低 1% 扣 2 分.")
    internal: bool = Field(default=False, description="Internal only: left out of the public edition.")


class Authority(Strict):
    """An authority (权利 / 岗位权限), optionally with a monetary limit and a kind of say."""

    text: Text | None = Field(default=None, description="The authority, as it appears on the job sheet.")
    clause: Id | None = Field(default=None, description="Id of a standard clause to use as the text instead.")
    item: Text | None = Field(
        default=None, description="The business item this authority is about, for the authority matrix (分权手册)."
    )
    say: Say | None = Field(
        default=None, description="Kind of say on the item: propose 提议, review 审核, decide 审批, informed 知会."
    )
    limit: Money | None = Field(default=None, description="Monetary limit in the organisation's currency.")
    note: Text | None = Field(default=None, description="What the limit applies to, e.g. 货款信用额度.")
    internal: bool = Field(default=False, description="Internal only: left out of the public edition.")

    @model_validator(mode="after")
    def _text_or_clause(self) -> Authority:
        if (self.text is None) == (self.clause is None):
            raise PydanticCustomError("text_or_clause", "give either text or clause, not both and not neither")
        return self


def _authority(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


AuthorityEntry = Annotated[Authority, BeforeValidator(_authority, json_schema_input_type=str | Authority)]
"""An authority written as one line of text or as a mapping with its options."""


class Routine(Strict):
    """A recurring task, optionally at a time (e.g. 8:30~10:00 审批报表)."""

    text: Text = Field(description="The task.")
    time: Text | None = Field(
        default=None, description="When, as text: quote times such as '8:30~10:00' or '每月 4 日'."
    )


def _routine(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


RoutineEntry = Annotated[Routine, BeforeValidator(_routine, json_schema_input_type=str | Routine)]


class Routines(Strict):
    """Work routines by period (工作规程)."""

    daily: Entries[RoutineEntry] = Field(default_factory=list, description="每日工作.")
    weekly: Entries[RoutineEntry] = Field(default_factory=list, description="每周工作.")
    monthly: Entries[RoutineEntry] = Field(default_factory=list, description="每月工作.")
    quarterly: Entries[RoutineEntry] = Field(default_factory=list, description="每季工作.")
    yearly: Entries[RoutineEntry] = Field(default_factory=list, description="每年工作.")


class InternalRelation(Strict):
    """Coordination with a department, a post or another internal party (内部协调关系)."""

    department: Id | None = Field(default=None, description="Id of the department coordinated with.")
    post: Id | None = Field(default=None, description="Id of the post coordinated with.")
    party: Text | None = Field(default=None, description="Any other internal party, as text.")
    about: Text | None = Field(default=None, description="What the coordination is about.")

    @model_validator(mode="after")
    def _exactly_one(self) -> InternalRelation:
        if sum(value is not None for value in (self.department, self.post, self.party)) != 1:
            raise PydanticCustomError("one_relation_target", "give exactly one of department, post or party")
        return self


class ExternalRelation(Strict):
    """Coordination with an outside party (外部协调关系)."""

    party: Text = Field(description="The outside party, e.g. 客户, 供应商, 政府主管部门.")
    about: Text | None = Field(default=None, description="What the coordination is about.")


def _party(value: Any) -> Any:
    return {"party": value} if isinstance(value, str) else value


class Relations(Strict):
    """Coordination relations inside and outside the organisation (工作协调关系)."""

    internal: Entries[
        Annotated[InternalRelation, BeforeValidator(_party, json_schema_input_type=str | InternalRelation)]
    ] = Field(default_factory=list, description="Departments, posts or parties inside the organisation.")
    external: Entries[
        Annotated[ExternalRelation, BeforeValidator(_party, json_schema_input_type=str | ExternalRelation)]
    ] = Field(default_factory=list, description="Parties outside the organisation.")


class Revision(Strict):
    """One line of the revision history (修订记录)."""

    version: Text = Field(description="版本号: quote it, e.g. '1.0', so YAML keeps it as written.")
    date: Date = Field(description="修订时间, as YYYY-MM-DD (1900-01-01 to 2107-12-31).")
    change: Text = Field(description="修订内容: what changed.")
    author: Text | None = Field(default=None, description="修订者: who wrote the change.")
    reviewer: Text | None = Field(default=None, description="审核者: who reviewed it.")
    approver: Text | None = Field(default=None, description="审批者: who approved it.")
