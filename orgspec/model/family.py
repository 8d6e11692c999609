"""Job families (职位序列): posts as levels of one career ladder, each level adding to the one below."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from orgspec.model.common import Strict
from orgspec.model.types import Entries, Id, Text

LevelField = Literal["duties", "responsibilities", "kpis", "qualifications"]
"""The fields a level adds to the levels below it (or replaces, when it says so)."""

LEVEL_FIELDS: tuple[LevelField, ...] = ("duties", "responsibilities", "kpis", "qualifications")


class JobFamily(Strict):
    """A job family (职位序列): its levels, lowest first, each a post that adds to the level below."""

    name: Text = Field(description="The family's name, e.g. 客户服务序列 or Customer support engineering.")
    name_en: Text | None = Field(default=None, description="The name in English.")
    levels: Entries[Id] = Field(
        min_length=1,
        description="Ids of the posts that are its levels, lowest first (专员 → 主管 → 经理): each level's "
        "duties, responsibilities, KPIs and qualifications add to those of the level below.",
    )
