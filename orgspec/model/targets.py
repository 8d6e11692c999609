"""What a label of an imported document can fill: the targets of `orgspec import`.

A label of a Word job description (岗位名称, 任职要求, Reports to …) or a
column of a staffing spreadsheet (编制, 直接上级 …) names one of these. The
names are the YAML's own (``duties``, ``qualifications.education``), the
columns of the tables a job sheet holds (``kpi.weight``, ``revision.date``),
and three that fill nothing: ``basic`` (a heading over other labels, such as
基本信息), ``derived`` (what orgspec works out itself: 直接下级, 空缺, 兼任者) and
``signatures`` (the signature block of a printed sheet, and the blanks of a
form for the holder's name). ``sections`` is the labelled section of
orgspec.yaml whose title the label is; ``sections.<id>`` names one
(`SectionTarget`).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from orgspec.model.post import ContentField
from orgspec.model.types import ID_PATTERN

ImportTarget = Literal[
    ContentField,
    "code",
    "department",
    "department.parent",
    "authorised",
    "filled",
    "staffing_kind",
    "leadership",
    "reports_to",
    "dotted_line",
    "also_holds",
    "routines.daily",
    "routines.weekly",
    "routines.monthly",
    "routines.quarterly",
    "routines.yearly",
    "relations.internal",
    "relations.external",
    "qualifications.education",
    "qualifications.majors",
    "qualifications.experience",
    "qualifications.certificates",
    "qualifications.skills",
    "qualifications.knowledge",
    "qualifications.qualities",
    "qualifications.preferred",
    "competencies",
    "sections",
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
    "competency.name",
    "competency.level",
    "competency.description",
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
"""Every field, sub-field and table column a label can name: the content fields first."""

IMPORT_TARGETS: tuple[str, ...] = get_args(ImportTarget)

SECTION_PREFIX = "sections."
SECTION_TARGET = re.compile(rf"^sections\.{ID_PATTERN.removeprefix('^')}")
"""One labelled section of orgspec.yaml by its id, ``sections.training``: the label of a project's own documents
(培训需求) for the section it titles otherwise (培训要求)."""


def _known_target(value: str) -> str:
    if value in IMPORT_TARGETS or SECTION_TARGET.match(value):
        return value
    raise PydanticCustomError("import_target", "not a field a label can fill", {"expected": ", ".join(IMPORT_TARGETS)})


TargetName = Annotated[
    str,
    AfterValidator(_known_target),
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": list(IMPORT_TARGETS)},
                {"type": "string", "pattern": SECTION_TARGET.pattern, "examples": ["sections.training"]},
            ]
        }
    ),
]
"""What ``import_labels`` maps a label to: an `ImportTarget`, or ``sections.<id>``."""
