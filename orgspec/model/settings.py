"""Organisation-wide settings (`orgspec.yaml`) and the standard clause library (`clauses.yaml`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, RootModel, field_validator, model_validator
from pydantic_core import PydanticCustomError

from orgspec.model.approvals import ApprovalSettings
from orgspec.model.code_pattern import CodePattern
from orgspec.model.common import Strict, TextItem
from orgspec.model.family import JobFamily
from orgspec.model.sections import ScaleStep, SectionHeading
from orgspec.model.targets import TargetName
from orgspec.model.types import Edition, Entries, HeadCount, Id, Locale, Money, Severity, Text

DownloadFormat = Literal["docx", "pdf"]
DOWNLOAD_FORMATS: tuple[DownloadFormat, ...] = ("docx", "pdf")


class PayBand(Strict):
    """The pay band of a grade (薪酬带宽): monthly or yearly, as the organisation counts, in its currency."""

    min: Money = Field(description="The lowest pay of the band.")
    max: Money = Field(description="The highest pay of the band.")
    internal: bool = Field(default=True, description="Left out of the public edition (the default); false shows it.")

    @model_validator(mode="after")
    def _ordered(self) -> PayBand:
        if self.min > self.max:
            raise PydanticCustomError("pay_band", "min is above max")
        return self


class Grade(Strict):
    """One step of the grade scale (职位等级)."""

    id: Text = Field(description="The grade as written on posts, e.g. M3 or P2.")
    name: Text | None = Field(default=None, description="Its name, e.g. 部门经理级.")
    pay: PayBand | None = Field(default=None, description="Its pay band (薪酬带宽), internal unless it says otherwise.")


class Limits(Strict):
    """Thresholds of the design lints."""

    span_of_control: HeadCount = Field(default=10, description="Most direct subordinates a post should have.")
    layers: HeadCount = Field(default=6, description="Most layers the reporting tree should have.")


SearchEngine = Literal["auto", "builtin", "pagefind"]


class SearchSettings(Strict):
    """The handbook's search box: which index the browser searches."""

    engine: SearchEngine = Field(
        default="auto",
        description="builtin: the builder's own search (one index the browser downloads whole before the first "
        "search); pagefind: Pagefind, an index the browser fetches piece by piece (MkDocs and Zensical builds); "
        "auto: Pagefind from pagefind_from posts on.",
    )
    pagefind_from: HeadCount = Field(
        default=1000,
        description="With engine: auto, the number of posts from which builds use Pagefind.",
    )


class Settings(Strict):
    """The organisation: name, language, currency, grade scale, post numbers and checks."""

    name: Text = Field(description="The organisation's name.")
    name_en: Text | None = Field(default=None, description="The name in English.")
    about: Text | None = Field(
        default=None,
        description="关于本手册: a note on the handbook's front page, under its opening line, e.g. where its texts "
        "come from; a blank line starts a new paragraph.",
    )
    locale: Locale = Field(default="zh-CN", description="Language of the handbook and of messages: zh-CN or en.")
    currency: str = Field(
        default="CNY", pattern=r"^[A-Z]{3}$", description="ISO 4217 code of the currency of monetary limits."
    )
    grades: Entries[Grade] = Field(default_factory=list, description="The grade scale, lowest first.")
    families: dict[Id, JobFamily] = Field(
        default_factory=dict,
        description="职位序列: job families by id, each with its levels (posts), lowest first; "
        "each level adds duties, responsibilities, KPIs and qualifications to the level below.",
    )
    competency_scale: Entries[ScaleStep] = Field(
        default_factory=list,
        description="能力等级: the scale competencies are rated on, lowest first, e.g. {level: 1, name: 了解}.",
    )
    sections: Entries[SectionHeading] = Field(
        default_factory=list,
        description="Extra sections of every job sheet, in the order they are printed after 职业发展 "
        "(培训要求, 工作时间, 招聘流程 …); each post fills them under sections.",
    )
    code_pattern: Text | None = Field(
        default=None,
        description="Pattern of post numbers: {department} is the department code, {seq} a run of digits, "
        "{seq:3} exactly three digits; e.g. ZD-{department}-{seq:3}.",
    )

    @field_validator("code_pattern")
    @classmethod
    def _known_placeholders(cls, pattern: str | None) -> str | None:
        for name in CodePattern.unknown_placeholders(pattern or ""):
            raise PydanticCustomError("code_pattern", "unknown placeholder {name}", {"name": name})
        return pattern

    bilingual: bool = Field(
        default=False,
        description="Show both names of posts and departments (销售管理部经理 / Sales Management Manager) "
        "on pages, sheets and charts; otherwise the English ones with locale: en, the original ones with zh-CN.",
    )
    edition: Edition = Field(
        default="internal",
        description="The edition `orgspec build` makes unless told otherwise: internal shows everything, public leaves out what is internal.",
    )
    internal_fields: Entries[
        Literal[
            "grade",
            "codes",
            "limits",
            "kpis",
            "authorities",
            "routines",
            "relations",
            "qualifications",
            "environment",
            "career",
            "revisions",
        ]
    ] = Field(
        default_factory=list,
        description="Post fields left out of the public edition for every post, e.g. [grade, limits] (limits: authority limits and the amounts of approval tiers).",
    )
    signatures: Entries[Text] | None = Field(
        default=None,
        description="Who signs a printed job sheet, each with a date (签字确认); default: the post holder, "
        "the direct superior and the HR department; [] prints no signature block.",
    )
    downloads: Entries[DownloadFormat] = Field(
        default_factory=lambda: list(DOWNLOAD_FORMATS),
        description="Copies of every job sheet that orgspec build offers beside its page (PDF only with orgspec[pdf]); "
        "[] builds the handbook alone, which is much faster for thousands of posts.",
    )
    approvals: ApprovalSettings = Field(
        default_factory=ApprovalSettings,
        description="The vocabulary of the authority matrix (approvals.yaml): its actions and the bodies "
        "that sign besides posts (董事会, 股东会 …).",
    )
    search: SearchSettings = Field(
        default_factory=SearchSettings,
        description="The handbook's search: engine (auto, builtin or pagefind) and pagefind_from (posts).",
    )
    limits: Limits = Field(
        default_factory=Limits, description="Limits of span of control and layers used by the design lints."
    )
    checks: dict[str, Severity] = Field(
        default_factory=dict, description="Severity per check code: error, warning or ignore."
    )
    import_labels: dict[Text, TargetName] = Field(
        default_factory=dict,
        description="Labels of your own Word job descriptions and staffing spreadsheets that orgspec import "
        "should understand, each with the field it fills, e.g. 职位概要: summary, 考核得分: kpi.scoring, "
        "培训需求: sections.training (a section declared under sections).",
    )


ClauseText = Text | TextItem


class ClauseLibrary(RootModel[dict[Id, ClauseText]]):
    """Standard clauses: id → wording, written once and referenced by many posts."""

    model_config = {"frozen": True}


__all__ = ["ClauseLibrary", "Grade", "HeadCount", "Limits", "SearchSettings", "Settings"]
