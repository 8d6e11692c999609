"""What a label of an imported document can fill: the targets of `orgspec import`.

A label of a Word job description (岗位名称, 任职要求, Reports to …) or a
column of a staffing spreadsheet (编制, 直接上级 …) names one of these. The
names are the YAML's own (``duties``, ``qualifications.education``), the
columns of the tables a job sheet holds (``kpi.weight``, ``revision.date``),
and three that fill nothing: ``basic`` (a heading over other labels, such as
基本信息), ``derived`` (what orgspec works out itself: 直接下级, 空缺) and
``signatures`` (the signature block of a printed sheet).
"""

from __future__ import annotations

from typing import Literal, get_args

ImportTarget = Literal[
    "title",
    "title_en",
    "code",
    "department",
    "department.parent",
    "grade",
    "authorised",
    "filled",
    "reports_to",
    "dotted_line",
    "purpose",
    "summary",
    "duties",
    "responsibilities",
    "authorities",
    "kpis",
    "routines",
    "routines.daily",
    "routines.weekly",
    "routines.monthly",
    "routines.quarterly",
    "routines.yearly",
    "relations",
    "relations.internal",
    "relations.external",
    "qualifications",
    "qualifications.education",
    "qualifications.majors",
    "qualifications.experience",
    "qualifications.certificates",
    "qualifications.skills",
    "qualifications.knowledge",
    "qualifications.qualities",
    "environment",
    "career",
    "revisions",
    "kpi.name",
    "kpi.definition",
    "kpi.target",
    "kpi.period",
    "kpi.source",
    "kpi.weight",
    "kpi.scoring",
    "authority.text",
    "authority.item",
    "authority.say",
    "authority.limit",
    "routine.period",
    "routine.time",
    "routine.text",
    "relation.kind",
    "relation.party",
    "relation.about",
    "revision.version",
    "revision.date",
    "revision.change",
    "revision.author",
    "revision.reviewer",
    "revision.approver",
    "basic",
    "derived",
    "signatures",
]
"""Every field, sub-field and table column a label can name."""

IMPORT_TARGETS: tuple[str, ...] = get_args(ImportTarget)
