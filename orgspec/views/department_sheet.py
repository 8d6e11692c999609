"""The department's own document (组织说明书 / 部门职责说明书) as a sheet, laid out like a job sheet.

It opens a department's Word or PDF document, before the job sheets of its
posts: the basic facts, the objective, the functions, what it manages and
where, its posts with their head counts and total, its KPIs, relations
and revision history. A department written as a 三定 gives its internal
units and its staffing and leadership quotas after its main functions.
Sections with nothing in them are left out.
"""

from __future__ import annotations

from orgspec.i18n import label, translate
from orgspec.link.organisation import Headcount
from orgspec.views import common as views
from orgspec.views.common import Ctx, Group
from orgspec.views.establishment import (
    concurrent_note,
    establishment_header,
    establishment_rows,
    internal_units,
    is_three_set,
)
from orgspec.views.sheet import (
    Field,
    JobSheet,
    Section,
    Table,
    group_section,
    kpi_table,
    relation_table,
    revision_table,
    table_section,
    text_section,
)


def department_sheet(ctx: Ctx, key: str) -> JobSheet:
    """The organisation sheet of the department ``key``."""
    organisation = ctx.organisation
    department = organisation.departments[key]
    locale = organisation.settings.locale
    three_set = is_three_set(department)
    functions = "department.main-functions" if three_set else "department.functions"
    sections = [
        text_section(label("department.objective", locale), department.objective),
        group_section(label(functions, locale), ctx.groups(department.functions), locale),
        *(_three_set_sections(ctx, key) if three_set else []),
        group_section(label("department.management", locale), [Group("", ctx.lines(department.management))], locale),
        text_section(
            label("department.territory", locale),
            views.listing([line.text for line in ctx.lines(department.territory)], locale),
        ),
        _posts_section(ctx, key),
        table_section(label("department.kpis", locale), kpi_table(department.kpis, locale)),
        table_section(label("post.relations", locale), relation_table(ctx, department.relations, locale)),
        table_section(label("post.revisions", locale), revision_table(department.revisions, locale)),
    ]
    return JobSheet(
        key=key,
        title=department.name,
        code=department.code or "",
        heading=translate("sheet.department-heading", locale, {"name": department.name}),
        header=department.name,
        organisation=organisation.settings.name,
        department=department.name,
        basic=basic_fields(ctx, key),
        sections=[section for section in sections if section is not None],
        locale=locale,
    )


def basic_fields(ctx: Ctx, key: str) -> list[Field]:
    """Name, code, parent, head, and the head counts with sub-departments."""
    organisation = ctx.organisation
    department = organisation.departments[key]
    locale = organisation.settings.locale
    none = label("label.none", locale)
    parent = ctx.department_link(department.parent)
    head = ctx.post_link(department.head)
    total = organisation.headcount(key, recursive=True)
    children = [
        link.text for child in organisation.department_children.get(key, []) if (link := ctx.department_link(child))
    ]
    fields = [
        Field(label("department.name", locale), department.name),
        Field(label("department.code", locale), department.code or ""),
        Field(label("department.parent", locale), parent.text if parent else none),
        Field(label("label.head", locale), head.text if head else none),
        Field(label("label.authorised", locale), str(total.authorised)),
        Field(f"{label('label.filled', locale)} / {label('label.vacant', locale)}", f"{total.filled} / {total.vacant}"),
    ]
    if department.rank:
        fields.insert(2, Field(label("department.rank", locale), department.rank))
    partners = [
        link.text for other in organisation.office_partners.get(key, []) if (link := ctx.department_link(other))
    ]
    if partners:
        fields.append(Field(label("department.office-partners", locale), views.listing(partners, locale), wide=True))
    if children and not is_three_set(department):
        fields.append(Field(label("department.children", locale), views.listing(children, locale), wide=True))
    return fields


def _three_set_sections(ctx: Ctx, key: str) -> list[Section | None]:
    """内设机构 and 人员编制和领导职数, after the main functions as a 三定 has them."""
    locale = ctx.organisation.settings.locale
    units = views.listing([link.text for link in internal_units(ctx, key)], locale)
    return [
        text_section(label("department.internal-units", locale), units),
        table_section(label("department.establishment", locale), establishment_table(ctx, key)),
    ]


def establishment_table(ctx: Ctx, key: str) -> Table:
    """人员编制和领导职数: staffing by kind and leadership quotas, declared and in posts."""
    header = establishment_header(ctx.organisation.settings.locale)
    return Table(header, list(establishment_rows(ctx, key)), (2, 3, 1, 1, 5), label_column=True)


def _posts_section(ctx: Ctx, key: str) -> Section | None:
    """The post table, with a note on the posts held concurrently that its total counts once."""
    table = post_table(ctx, key)
    if not table.rows:
        return None
    note = concurrent_note(ctx, ctx.organisation.department_posts.get(key, []))
    return Section(label("department.posts", ctx.organisation.settings.locale), text=note, table=table)


def post_table(ctx: Ctx, key: str) -> Table:
    """The department's posts (head first, down the reporting lines) with their head counts, and the total."""
    organisation = ctx.organisation
    locale = organisation.settings.locale
    names = ("post.title", "post.code", "post.reports-to", "label.authorised", "label.filled", "label.vacant")
    rows: list[tuple[str | None, ...]] = []
    for post_key in organisation.department_posts.get(key, []):
        post = organisation.posts[post_key]
        superior = ctx.post_link(post.reports_to)
        count = views.headcount_of(post)
        rows.append((post.title or post_key, post.code or "", superior.text if superior else "", *_counts(count)))
    if rows:
        total = label("label.total", locale)
        if organisation.department_children.get(key):
            total = views.aside(total, label("department.own", locale), locale)
        rows.append((total, "", "", *_counts(organisation.headcount(key))))
    return Table(tuple(label(name, locale) for name in names), rows, widths=(4, 3, 4, 1, 1, 1))


def _counts(count: Headcount) -> tuple[str, str, str]:
    return str(count.authorised), str(count.filled), str(count.vacant)
