"""Competencies rated on the organisation's scale, and the extra sections each post fills, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from orgspec.i18n import translate
from orgspec.model import Post, Settings
from orgspec.views import common as views
from orgspec.views.common import Ctx, Line, TextTable

COMPETENCY_COLUMNS = ("competency.name", "competency.level", "competency.description")


def competency_table(post: Post, settings: Settings) -> TextTable:
    """The post's competencies with the rating as the scale names it: 熟练（4）."""
    cells = [
        {
            "competency.name": competency.name,
            "competency.level": rating(settings, competency.level),
            "competency.description": competency.description or "",
        }
        for competency in post.competencies
    ]
    return TextTable.of(COMPETENCY_COLUMNS, cells)


def rating(settings: Settings, level: int) -> str:
    """A rating as the scale names it, 熟练（4）, or the number alone when the scale has no such step."""
    name = next((step.name for step in settings.competency_scale if step.level == level), None)
    return views.aside(name, str(level), settings.locale) if name else str(level)


def scale_text(settings: Settings) -> str:
    """The competency scale in a line: 评级标准：1 了解、2 熟悉、3 掌握."""
    steps = [f"{step.level} {step.name}" for step in settings.competency_scale]
    return translate("competency.scale", settings.locale, {"steps": steps}) if steps else ""


@dataclass(frozen=True)
class ExtraSection:
    """A section declared in orgspec.yaml with what the post writes in it."""

    id: str
    title: str
    lines: list[Line]


def extra_sections(ctx: Ctx, post: Post) -> list[ExtraSection]:
    """The sections the post fills, in the order orgspec.yaml declares them."""
    declared = ctx.organisation.settings.sections
    shown = [
        ExtraSection(heading.id, heading.title, ctx.lines(post.sections.get(heading.id, []))) for heading in declared
    ]
    return [section for section in shown if section.lines]
