"""The 三定 of a department and the posts held concurrently (兼任), as plain data for pages and sheets.

A department that gives its rank, its staffing by kind or its leadership
quotas (领导职数) is shown in the order of a 三定方案: 主要职责, 内设机构,
人员编制和领导职数.
"""

from __future__ import annotations

from collections.abc import Sequence

from orgspec.check.staffing import seats_by
from orgspec.i18n import Locale, label, translate
from orgspec.model import Department
from orgspec.views import common as views
from orgspec.views.common import Ctx, Link


def is_three_set(department: Department) -> bool:
    """Whether the department is written as a 三定: it gives its rank, staffing by kind or leadership quotas."""
    return bool(department.rank or department.staffing or department.leadership)


def held_by(ctx: Ctx, key: str) -> list[Link]:
    """The posts whose holders also hold the post ``key``."""
    return [link for other in ctx.organisation.held_by.get(key, []) if (link := ctx.post_link(other))]


def concurrent_note(ctx: Ctx, posts: Sequence[str]) -> str | None:
    """Under a table of ``posts``: which of them are held concurrently and so not counted again."""
    locale = ctx.organisation.settings.locale
    notes = [
        translate(
            "department.concurrent-note", locale, {"held": _title(ctx, key), "holder": [link.text for link in holders]}
        )
        for key in posts
        if (holders := held_by(ctx, key))
    ]
    joined = ("" if locale == "zh-CN" else " ").join(notes)
    return joined or None


def _title(ctx: Ctx, key: str) -> str:
    link = ctx.post_link(key)
    return link.text if link else key


def internal_units(ctx: Ctx, key: str) -> list[Link]:
    """The sub-departments (内设机构), each with its rank: 办公室（正科级）."""
    organisation = ctx.organisation
    locale = organisation.settings.locale
    units = []
    for child in organisation.department_children.get(key, []):
        link = ctx.department_link(child)
        if link is not None:
            units.append(Link(views.aside(link.text, organisation.departments[child].rank, locale), link.page))
    return units


EstablishmentRow = tuple[str | None, str, str, str, str]
"""A row of the 人员编制和领导职数 table: the part (None: as above), kind or rank, declared, in posts, posts."""


def establishment_rows(ctx: Ctx, key: str) -> list[EstablishmentRow]:
    """Staffing by kind (with a total when there are several kinds), then the leadership quotas."""
    organisation = ctx.organisation
    department = organisation.departments[key]
    locale = organisation.settings.locale
    rows: list[EstablishmentRow] = []
    staffing = _seats(ctx, key, "staffing_kind")
    for kind in dict.fromkeys([*department.staffing, *(staffing if department.staffing else {})]):
        rows.append(_row(kind, department.staffing.get(kind), staffing.get(kind, {}), locale))
    if len(department.staffing) > 1:
        declared = sum(department.staffing.values())
        total = sum(sum(seats.values()) for seats in staffing.values())
        rows.append((None, label("label.total", locale), str(declared), str(total), ""))
    leadership = _seats(ctx, key, "leadership")
    ranks = [_row(rank, quota, leadership.get(rank, {}), locale) for rank, quota in department.leadership.items()]
    return _parted(label("department.staffing", locale), rows) + _parted(label("department.leadership", locale), ranks)


def _row(name: str, declared: int | None, seats: dict[str, int], locale: Locale) -> EstablishmentRow:
    held = views.listing([f"{title} {count}" for title, count in seats.items()], locale)
    return (None, name, "" if declared is None else str(declared), str(sum(seats.values())), held)


def _parted(part: str, rows: list[EstablishmentRow]) -> list[EstablishmentRow]:
    """The rows with the part named in the first one."""
    return [(part if index == 0 else None, *row[1:]) for index, row in enumerate(rows)]


def _seats(ctx: Ctx, key: str, field: str) -> dict[str, dict[str, int]]:
    """The seats of the department's posts (sub-departments included) by ``field``: value → post title → seats."""
    return {
        value: {_title(ctx, post): count for post, count in posts.items()}
        for value, posts in seats_by(ctx.organisation, key, field).items()
    }


def establishment_header(locale: Locale) -> tuple[str, ...]:
    names = ("department.establishment-item", "department.declared", "department.in-posts", "department.held-in")
    return ("", *(label(name, locale) for name in names))
