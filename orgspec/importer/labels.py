"""The label table: which field a label of a job description or a staffing table fills.

One table serves Word documents and spreadsheets. It holds orgspec's own
labels in both languages (taken from the catalogue, so that a sheet
`orgspec export docx` wrote always comes back), the synonyms HR documents
use, and a project's own (`import_labels` in orgspec.yaml), which win.
Column labels are kept per kind of table: 周期 is a KPI's period in a KPI
table and a routine's period in a routine table.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from orgspec.i18n import LOCALES, label
from orgspec.model import Settings
from orgspec.model.sections import SectionHeading
from orgspec.model.targets import SECTION_PREFIX
from orgspec.model.types import PERIOD_WORDS

OWN: dict[str, tuple[str, ...]] = {
    "title": ("post.title",),
    "code": ("post.code",),
    "department": ("post.department",),
    "grade": ("post.grade",),
    "authorised": ("post.authorised",),
    "filled": ("post.filled",),
    "staffing_kind": ("post.staffing-kind",),
    "leadership": ("post.leadership",),
    "reports_to": ("post.reports-to",),
    "dotted_line": ("post.dotted-line",),
    "also_holds": ("post.also-holds",),
    "purpose": ("post.purpose",),
    "summary": ("post.summary",),
    "duties": ("post.duties",),
    "responsibilities": ("post.responsibilities",),
    "authorities": ("post.authorities",),
    "kpis": ("post.kpis",),
    "routines": ("post.routines",),
    "relations": ("post.relations",),
    "relations.internal": ("relation.internal",),
    "relations.external": ("relation.external",),
    "qualifications": ("post.qualifications",),
    "competencies": ("post.competencies",),
    "environment": ("post.environment",),
    "career": ("post.career",),
    "revisions": ("post.revisions",),
    "basic": ("post.basic",),
    "derived": ("post.subordinates", "post.subordinate-count", "post.vacant", "post.pay", "post.held-by",
                "post.family"),
    "signatures": ("signature.heading",),
    **{f"qualifications.{name}": (f"qualification.{name}",) for name in (
        "education", "majors", "experience", "certificates", "skills", "knowledge", "qualities", "preferred"
    )},
    **{f"routines.{period}": (f"period.{period}",) for period in PERIOD_WORDS},
}  # fmt: skip
"""Fields and the catalogue entries that label them on orgspec's own pages and sheets."""

SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("岗位", "职位", "职务", "岗位名", "职位名称", "职务名称", "岗位(职位)名称", "job title", "title", "position", "position title",
              "post title", "role", "role title", "job"),
    "title_en": ("英文名称", "岗位英文名称", "english title", "title in english"),
    "code": ("编号", "职位编号", "职务编号", "岗位编码", "职位编码", "岗位代码", "职位代码", "post number", "position number", "job code",
             "post code", "job number", "reference", "job reference"),
    "department": ("部门", "部门名称", "所在部门", "所属部门/单位", "部门/单位", "所属单位", "隶属部门", "单位", "department", "department/section",
                   "section", "unit", "directorate", "team"),
    "department.parent": ("上级部门", "一级部门", "中心", "事业部", "parent department", "division"),
    "grade": ("工资等级", "等级", "职级", "岗位等级", "岗位级别", "职位级别", "职等", "级别", "层级", "grade", "band", "level", "pay grade",
              "salary grade", "job grade"),
    "authorised": ("编制", "编制人数", "定编", "定编人数", "定员", "岗位定员", "核定编制", "人员编制", "authorised", "authorized", "headcount",
                   "head count", "authorised head count", "establishment", "number of posts"),
    "filled": ("实有", "实有人数/空缺", "在岗人数", "现有人数", "在编人数", "实际人数", "在职人数", "实有人员", "filled", "filled/vacant", "in post",
               "staff in post", "actual"),
    "reports_to": ("上级", "直属上级", "直接主管", "上级岗位", "汇报对象", "汇报上级", "直接领导", "报告对象", "上级主管", "reports to", "reporting to",
                   "responsible to", "line manager", "manager", "supervisor"),
    "dotted_line": ("间接上级", "虚线汇报", "dotted line", "dotted-line superior", "indirect report"),
    "also_holds": ("兼任岗位", "兼任职务", "兼职", "兼职岗位", "兼管", "concurrent post", "concurrently holds",
                   "also responsible for the post of"),
    "staffing_kind": ("编制类别", "编制类型", "编制性质", "人员类别", "用工性质", "用工形式", "用工类型", "employment type", "type of employment",
                      "contract type", "staff category", "staffing category"),
    "leadership": ("领导职务", "领导岗位", "leadership position", "leadership rank"),
    "derived": ("直接下级", "下级", "下属", "直接下属", "所辖人员", "下属人数", "直接下级岗位", "空缺人数", "缺编", "direct reports",
                "number of direct reports", "vacancies", "vacant posts"),
    "purpose": ("核心目标", "岗位目标", "岗位目的", "设岗目的", "岗位宗旨", "工作目的", "职位目的", "岗位使命", "职位使命", "purpose", "job purpose",
                "main purpose", "main purpose of the job", "purpose of the role", "role purpose", "overall purpose",
                "purpose of the post"),
    "summary": ("background", "background information", "本职", "岗位概述", "职务概述", "职位概述", "岗位概要", "职位概要", "工作概述", "工作概要",
                "岗位简介", "职务说明", "岗位说明", "工作描述", "job summary", "role summary", "position summary", "overview",
                "about the role", "summary of the job"),
    "duties": ("职责与工作任务", "核心职责", "核心工作职责", "岗位职责", "工作职责", "主要职责", "职责", "工作内容", "主要工作内容", "职责描述", "内容描述", "工作范围",
               "职责范围", "工作任务", "主要工作", "职责和职权", "职责与职权", "岗位职责与工作内容", "工作内容及职责", "duties", "main duties", "key duties",
               "key responsibilities", "main responsibilities", "duties and responsibilities",
               "main duties and responsibilities", "key tasks", "main tasks", "tasks"),
    "responsibilities": ("责任", "工作责任", "责任范围", "岗位责任制", "accountabilities", "accountable for"),
    "authorities": ("权限", "权利", "权力", "职权", "工作权限", "相关权利", "主要权限", "岗位权力", "权责", "authority",
                    "decision-making authority", "decision making", "delegated authority", "powers"),
    "kpis": ("考核指标", "绩效指标", "kpi", "kpis", "关键业绩指标", "业绩考核指标", "主要考核指标", "绩效考核", "考核内容", "参考kpi",
             "performance measures", "performance indicators", "key performance indicators", "measures of success"),
    "routines": ("日常工作规程", "工作程序", "work routines", "routines"),
    "routines.daily": ("每日工作", "每天工作", "日工作", "日常工作", "daily tasks"),
    "routines.weekly": ("每周工作", "周工作", "weekly tasks"),
    "routines.monthly": ("每月工作", "月工作", "月度工作", "monthly tasks"),
    "routines.quarterly": ("每季工作", "每季度工作", "季度工作", "quarterly tasks"),
    "routines.yearly": ("每年工作", "年度工作", "yearly tasks", "annual tasks"),
    "relations": ("工作关系", "协调关系", "工作联系", "沟通关系", "工作协作关系", "working relationships", "key relationships",
                  "key contacts", "contacts", "relationships"),
    "relations.internal": ("内部协调关系", "内部协调管理", "内部关系", "内部联系", "内部沟通", "内部", "internal contacts",
                           "internal relationships"),
    "relations.external": ("外部协调关系", "外部关系", "外部联系", "外部沟通", "外部", "external contacts", "external relationships"),
    "qualifications": ("personal specification", "资质要求", "essential", "essential criteria", "required", "任职要求", "岗位要求",
                       "任职条件", "资格要求", "职位要求", "岗位任职资格", "任职资格要求", "人员要求", "任职资格条件", "qualifications",
                       "person specification", "requirements", "qualifications and experience", "skills and experience",
                       "selection criteria"),
    "qualifications.education": ("教育水平", "学历", "学历要求", "教育背景", "学历背景", "文化程度", "最低学历", "education", "education level",
                                 "educational background"),
    "qualifications.majors": ("专业要求", "所学专业", "majors", "field of study", "discipline"),
    "qualifications.experience": ("培训经历", "经验", "工作经历", "相关经验", "经验要求", "工作年限", "experience", "work experience"),
    "qualifications.certificates": ("资格证书", "证书", "职称", "执业资格", "职业资格", "职称/资格证书", "certificates", "certifications",
                                    "professional qualifications", "licences", "licenses"),
    "qualifications.skills": ("技能技巧", "specialist skills", "技能", "技能要求", "专业技能", "能力", "工作技能", "岗位技能", "skills",
                              "abilities", "skills and abilities"),
    "qualifications.knowledge": ("知识", "知识要求", "必备知识", "专业知识要求", "knowledge"),
    "qualifications.qualities": ("素质", "个人素质", "素质要求", "个性特征", "身体素质", "个人品质", "general qualities",
                                 "personal qualities", "personal attributes", "attributes"),
    "qualifications.preferred": ("优先", "优先考虑", "优先条件", "加分项", "优先项", "preferred", "preferred qualifications",
                                 "desirable", "desirable criteria", "nice to have"),
    "competencies": ("能力要求", "胜任能力", "胜任力", "胜任素质", "能力素质", "能力素质要求", "核心能力", "素质能力要求", "competencies",
                     "core competencies", "key competencies", "competency requirements", "behavioural competencies",
                     "competences"),
    "environment": ("工作条件", "工作环境与条件", "工作场所", "工作地点", "工作时间", "work environment", "working conditions",
                    "working environment", "work setting", "hours of work", "working hours"),
    "career": ("晋升通道", "发展方向", "职业发展通道", "晋升方向", "职业生涯", "可晋升岗位", "career development", "career path", "progression",
               "career progression", "promotion prospects"),
    "revisions": ("修订历史", "版本记录", "变更记录", "修改记录", "revision history", "revisions", "document history",
                  "version history"),
    "basic": ("岗位信息", "岗位基本信息", "基本资料", "职位信息", "岗位标识", "责任和权利", "责任与权利", "职责与权限", "basic information", "job details",
              "post details", "job information"),
    "signatures": ("签字", "签名", "签字栏", "signatures", "姓名", "任职者姓名", "员工姓名", "在岗人员", "employee name",
                   "name of post holder", "post holder"),
}  # fmt: skip
"""Labels HR documents use for each field, besides orgspec's own."""

OWN_COLUMNS: dict[str, tuple[str, ...]] = {
    **{f"kpi.{name}": (f"kpi.{name}",) for name in (
        "name", "definition", "target", "period", "source", "weight", "scoring"
    )},
    "authority.text": ("post.authority",),
    "authority.item": ("post.item",),
    "authority.say": ("post.say",),
    "authority.limit": ("post.limit",),
    "routine.period": ("kpi.period",),
    "routine.time": ("routine.time",),
    "routine.text": ("routine.task",),
    "relation.party": ("relation.party",),
    "relation.about": ("relation.about",),
    **{f"revision.{name}": (f"revision.{name}",) for name in (
        "version", "date", "change", "author", "reviewer", "approver"
    )},
    **{f"competency.{name}": (f"competency.{name}",) for name in ("name", "level", "description")},
}  # fmt: skip
"""Table columns and the catalogue entries that head them on orgspec's own sheets."""

COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "kpi.name": ("指标名称", "kpi", "考核指标", "关键绩效指标", "绩效指标", "考核项目", "指标项", "kpi名称", "measure", "performance indicator"),
    "kpi.definition": ("指标定义", "计算公式", "计算方法", "指标说明", "定义/计算公式", "formula", "description"),
    "kpi.target": ("目标值", "标准", "指标目标", "target value"),
    "kpi.period": ("考核周期", "频率", "统计周期", "frequency"),
    "kpi.source": ("数据来源", "考核方式", "信息来源", "考核依据", "数据提供", "data source", "source", "how checked"),
    "kpi.weight": ("比重", "权重(%)", "weighting"),
    "kpi.scoring": ("评分规则", "计分方法", "评分方法", "考核标准", "scoring rule"),
    "authority.text": ("权限内容", "权利", "权限", "权限项目"),
    "authority.item": ("业务事项", "权限事项", "business item", "item"),
    "authority.say": ("权限性质", "审批权限", "say"),
    "authority.limit": ("额度", "金额", "审批额度", "金额权限", "amount"),
    "routine.period": ("周期",),
    "routine.time": ("时间安排", "when"),
    "routine.text": ("工作内容", "工作事项", "事项", "task"),
    "relation.party": ("协调对象", "联系对象", "部门/岗位", "party", "contact"),
    "relation.about": ("协调内容", "联系内容", "事项", "about", "purpose"),
    "revision.version": ("版本", "version no"),
    "revision.date": ("修订日期", "日期", "修改日期", "date"),
    "revision.change": ("修订说明", "变更内容", "修改内容", "修订原因", "change", "changes", "description"),
    "revision.author": ("修订人", "编写人", "编制人", "修改人", "编写", "author", "prepared by"),
    "revision.reviewer": ("审核人", "审核", "reviewed by"),
    "revision.approver": ("审批人", "批准人", "批准", "审批", "approved by"),
    "competency.name": ("能力项", "能力名称", "胜任能力", "素质项", "能力要求", "competency", "competence", "skill"),
    "competency.level": ("级别", "要求等级", "能力等级", "熟练程度", "程度", "level required", "required level", "proficiency",
                         "rating"),
    "competency.description": ("描述", "行为描述", "能力描述", "定义", "能力定义", "description", "definition", "behaviours"),
}  # fmt: skip
"""Column labels of KPI, authority, routine, relation and revision tables, besides orgspec's own."""

SERIAL = frozenset({"序号", "序", "行号", "no", "no.", "#", "s/n", "number"})
"""Headers of a column that only numbers the rows: nothing in it is about the post."""


def is_serial(text: str) -> bool:
    return normalise(text) in SERIAL or text.strip().casefold() in SERIAL


TABLE_KINDS = {"kpi": "kpis", "authority": "authorities", "routine": "routines", "relation": "relations",
               "revision": "revisions", "competency": "competencies"}  # fmt: skip
"""Each kind of table (the prefix of its columns) and the field it fills."""

MAIN_COLUMN = {"kpis": "kpi.name", "authorities": "authority.text", "routines": "routine.text",
               "relations": "relation.party", "revisions": "revision.version",
               "competencies": "competency.name"}  # fmt: skip
"""The column a row of each kind of table cannot do without."""

_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十百\d]+[条章节部分项]|[(]?[一二三四五六七八九十]+[)、.]|[(]?\d+(?:\.\d+)*[)、.]?"
    r"|[\u2460-\u2473]|[•·\-–—*▪●■◆◇□☆★>])\s*"
)
TRAILING = ":;.。、：；"
"""Punctuation after a label: 岗位名称：, 一、岗位概述。"""
_BRACKETED_END = re.compile(r"\([^()]*\)$")


_ENCLOSED = re.compile(r"^[【\[〔〖]\s*(.+?)\s*[】\]〕〗]$")
"""A label in brackets: 【岗位职责】, [Duties]."""
_ENGLISH_PHRASE = re.compile(
    r"^(?:the|your|our)\s+(?=\S+\s+\S)|\s+of\s+(?:the|this)\s+(?:post|role|job|position)"
    r"|\s+(?:are|is|include|includes)$"
)
"""The words around an English label written as a phrase: The main responsibilities of the post are → main
responsibilities."""


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """A label as it is compared: full-width forms folded, numbering, brackets, spaces and closing colons removed;
    an English label's phrase words too."""
    folded = unicodedata.normalize("NFKC", text).strip()
    folded = _NUMBERING.sub("", folded, count=1).rstrip(TRAILING + " ")
    folded = _ENCLOSED.sub(r"\1", folded)
    if folded.isascii():
        folded = _ENGLISH_PHRASE.sub("", folded.casefold().replace("&", "and")).strip()
    folded = re.sub(r"\s+", "", folded).rstrip(TRAILING)
    return folded.casefold()


@dataclass(frozen=True)
class LabelTable:
    """Normalised label → target, for fields and for the columns of each kind of table."""

    fields: dict[str, str] = field(default_factory=dict)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    form: frozenset[str] = frozenset()
    """The words of a printed sheet's signature block (任职者, 签字, 日期 …): a form, nothing to import."""
    sections: dict[str, str] = field(default_factory=dict)
    """The labelled sections orgspec.yaml declares: their titles (both languages) and ids → the id."""

    def is_form(self, text: str) -> bool:
        return not text.strip() or normalise(text) in self.form or self.field(text) is not None

    def field(self, text: str) -> str | None:
        """The field ``text`` labels, or None."""
        return _lookup(self.fields, text)

    def column(self, kind: str, text: str) -> str | None:
        """The column of a ``kind`` table (kpis, authorities …) ``text`` heads, or None."""
        return _lookup(self.columns.get(kind, {}), text)

    def section(self, text: str) -> str | None:
        """The target of the declared section ``text`` titles (``sections.training``), or None."""
        found = _lookup(self.sections, text)
        return f"{SECTION_PREFIX}{found}" if found else None


def _lookup(table: Mapping[str, str], text: str) -> str | None:
    if not text or len(text) > 60:
        return None
    key = normalise(text)
    found = table.get(key)
    if found is None and key.endswith(")"):
        found = table.get(_BRACKETED_END.sub("", key))
    return found


SIGNATURE_KEYS = ("signature.holder", "signature.superior", "signature.hr", "signature.sign", "signature.date")


def labels_of(settings: Settings) -> LabelTable:
    """The label table of a project: the built-in one, its sections' titles, its own labels over them."""
    return label_table(settings.import_labels, settings.signatures or (), settings.sections)


def label_table(
    extra: Mapping[str, str], signers: Iterable[str] = (), sections: Iterable[SectionHeading] = ()
) -> LabelTable:
    """The built-in table with ``extra`` (label → target, from orgspec.yaml) laid over it.

    ``signers`` are the project's own signature block (``signatures`` in orgspec.yaml); the titles of
    ``sections`` (its labelled sections) name them before any built-in label, so that a project that
    declares 工作时间 as a section of its own gets it there rather than in ``environment``.
    """
    fields: dict[str, str] = {}
    columns: dict[str, dict[str, str]] = {kind: {} for kind in TABLE_KINDS.values()}
    for target, keys in OWN.items():
        _add(fields, target, [label(key, locale) for key in keys for locale in LOCALES])
    for target, words in SYNONYMS.items():
        _add(fields, target, words)
    for target, words in PERIOD_WORDS.items():
        _add(fields, f"routines.{target}", [f"{word}工作" for word in words])
    for target, keys in OWN_COLUMNS.items():
        _add(
            columns[TABLE_KINDS[target.split(".")[0]]],
            target,
            [label(key, locale) for key in keys for locale in LOCALES],
        )
    for target, words in COLUMN_SYNONYMS.items():
        _add(columns[TABLE_KINDS[target.split(".")[0]]], target, words)
    declared = {normalise(word): heading.id for heading in sections for word in _titles(heading) if word}
    fields.update({text: f"{SECTION_PREFIX}{section}" for text, section in declared.items()})
    for text, target in extra.items():
        prefix = target.split(".")[0]
        table = columns[TABLE_KINDS[prefix]] if prefix in TABLE_KINDS else fields
        table[normalise(text)] = target
    form = {normalise(label(key, locale)) for key in SIGNATURE_KEYS for locale in LOCALES}
    return LabelTable(fields, columns, frozenset(form | {normalise(signer) for signer in signers}), declared)


def _titles(heading: SectionHeading) -> tuple[str | None, ...]:
    return (heading.title, heading.title_en, heading.id)


def _add(table: dict[str, str], target: str, words: Iterable[str]) -> None:
    for word in words:
        table.setdefault(normalise(word), target)
