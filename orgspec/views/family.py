"""A job family's page: its levels side by side, with what each adds to the level below."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from orgspec.i18n import Locale, label, translate
from orgspec.link.families import added, ladder
from orgspec.model import Post
from orgspec.model.common import Kpi
from orgspec.model.family import LEVEL_FIELDS, LevelField
from orgspec.views import common as views
from orgspec.views.common import Ctx, Link

HEADINGS: dict[LevelField, str] = {
    "duties": "post.duties",
    "responsibilities": "post.responsibilities",
    "kpis": "post.kpis",
    "qualifications": "post.qualifications",
}


@dataclass(frozen=True)
class Level:
    """A level of the family: its post, grade and department."""

    post: Link
    grade: str
    department: Link | None


@dataclass(frozen=True)
class Added:
    """What one level adds to one field: its lines, and whether they replace what the levels below say."""

    lines: list[str]
    replaces: bool = False


@dataclass(frozen=True)
class FamilyRow:
    heading: str
    cells: list[Added]


@dataclass(frozen=True)
class FamilyView:
    """The levels, lowest first, and a row per field with what each level adds."""

    name: str
    levels: list[Level]
    rows: list[FamilyRow]


def family_view(ctx: Ctx, family: str) -> FamilyView:
    """The family's levels and, per field, what each level adds; fields no level fills are left out."""
    organisation = ctx.organisation
    settings = organisation.settings
    keys = ladder(settings, family, organisation.posts)
    posts = [organisation.posts[key] for key in keys]
    levels = [
        Level(
            ctx.post_link(key) or Link(key),
            views.grade_text(settings, post.grade),
            ctx.department_link(post.department),
        )
        for key, post in zip(keys, posts, strict=True)
    ]
    rows = []
    for name in LEVEL_FIELDS:
        cells = [_added(ctx, below, post, name) for below, post in zip([None, *posts], posts, strict=False)]
        if any(cell.lines for cell in cells):
            rows.append(FamilyRow(label(HEADINGS[name], settings.locale), cells))
    return FamilyView(settings.families[family].name, levels, rows)


def _added(ctx: Ctx, below: Post | None, level: Post, name: LevelField) -> Added:
    locale = ctx.organisation.settings.locale
    lines = [_line(ctx, name, heading, entry, locale) for heading, entry in added(below, level, name)]
    return Added(lines, replaces=below is not None and name in level.replaces)


def _line(ctx: Ctx, name: LevelField, heading: str, entry: Any, locale: Locale) -> str:
    """One added entry as a line: a KPI with its target, a qualification or grouped duty after its heading."""
    if isinstance(entry, Kpi):
        return views.aside(entry.name, entry.target, locale)
    text = ctx.text(entry)
    if name == "qualifications":
        heading = label(f"qualification.{heading}", locale)
    return translate("family.entry", locale, {"heading": heading, "text": text}) if heading else text


def family_place(ctx: Ctx, key: str) -> Link | None:
    """Where a post stands in its job family, linked to the family's page: 客户服务序列（第 2 级，共 3 级）."""
    organisation = ctx.organisation
    place = organisation.family_levels.get(key)
    if place is None:
        return None
    family, _ = place
    keys = ladder(organisation.settings, family, organisation.posts)
    link = ctx.family_link(family) or Link(family)
    args = {"family": link.text, "level": keys.index(key) + 1, "levels": len(keys)}
    return Link(translate("family.place", organisation.settings.locale, args), link.page)
