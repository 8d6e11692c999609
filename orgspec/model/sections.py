"""Labelled sections of a job sheet: competencies rated on the organisation's scale, and the extra
sections (培训要求, 工作时间, 招聘流程 …) an organisation declares once and its posts fill."""

from __future__ import annotations

from pydantic import Field

from orgspec.model.common import Strict, TextList
from orgspec.model.types import Id, Text


class ScaleStep(Strict):
    """One step of the competency scale (能力等级), e.g. 4 熟练."""

    level: int = Field(ge=0, le=100, description="The rating a post writes, e.g. 4.")
    name: Text = Field(description="What the rating means, e.g. 熟练 or Proficient.")
    description: Text | None = Field(default=None, description="How a holder at this step behaves.")


class Competency(Strict):
    """A competency (能力要求) the post asks for, rated on the scale in orgspec.yaml."""

    name: Text = Field(description="The competency, e.g. 沟通协调能力.")
    level: int = Field(ge=0, le=100, description="The rating asked for: a level of competency_scale in orgspec.yaml.")
    description: Text | None = Field(default=None, description="What the rating means for this post.")
    internal: bool = Field(default=False, description="Internal only: left out of the public edition.")


class SectionHeading(Strict):
    """An extra section of the job sheet, declared once for every post (培训要求, 工作时间, 招聘流程 …)."""

    id: Id = Field(description="The key posts fill it under, e.g. training.")
    title: Text = Field(description="Its heading on pages and sheets, e.g. 培训要求.")
    title_en: Text | None = Field(default=None, description="The heading in English.")


SectionTexts = dict[Id, TextList]
"""A post's extra sections: section id → its lines (one line of text, or a list)."""
