"""Render every page of the handbook: path inside docs/ → Markdown text (pure).

Each page is a `PageJob`: its path, its template and a function that gives
the values the template is shown. The values are plain data (views, models,
charts not yet drawn), so a caller can tell whether a page would come out
the same as before without rendering it (`orgspec.site.incremental`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import Markup

from orgspec.i18n import label
from orgspec.link.organisation import Headcount
from orgspec.model.common import Kpi
from orgspec.model.types import PERIODS
from orgspec.render.chart.build import Links, department_chart, overview_chart
from orgspec.render.chart.cards import Chart
from orgspec.render.chart.svg import draw
from orgspec.render.compare_page import compare_values
from orgspec.render.family_page import family_values
from orgspec.render.handbook import Handbook, families_shown
from orgspec.views import common as views
from orgspec.views.approvals import approval_grid, post_approvals
from orgspec.views.common import Link
from orgspec.views.department_sheet import establishment_table
from orgspec.views.establishment import concurrent_note, held_by, internal_units, is_three_set
from orgspec.views.family import family_place
from orgspec.views.sections import competency_table, extra_sections, scale_text
from orgspec.views.sheet import QUALIFICATIONS, signature_table
from orgspec.views.spans import spans

Values = dict[str, Any]


@dataclass(frozen=True)
class PageJob:
    """One page: where it goes (inside docs/), its template, and the values its template is shown."""

    path: str
    template: str
    values: Callable[[], Values]


def page_jobs(book: Handbook) -> list[PageJob]:
    """Every generated page, in a stable order: home, departments, posts, indexes."""
    layout = book.layout
    jobs = [PageJob(layout.home(), "home.md.j2", partial(home_values, book))]
    jobs += [
        PageJob(layout.department(key), "department.md.j2", partial(department_values, book, key))
        for key in book.organisation.departments
    ]
    jobs += [
        PageJob(layout.post(key), "post.md.j2", partial(post_values, book, key)) for key in book.organisation.posts
    ]
    jobs += [
        PageJob(layout.index("posts"), "posts.md.j2", partial(posts_index_values, book)),
        PageJob(layout.index("kpis"), "kpis.md.j2", partial(kpi_index_values, book)),
        PageJob(layout.index("authorities"), "authorities.md.j2", partial(authority_index_values, book)),
        PageJob(layout.index("compare"), "compare.md.j2", partial(compare_values, book)),
    ]
    jobs += [
        PageJob(layout.family(key), "family.md.j2", partial(family_values, book, key))
        for key in families_shown(book.organisation)
    ]
    return jobs


def render_job(book: Handbook, job: PageJob, values: Values | None = None) -> str:
    """The text of one page (from ``values`` when they are computed already); charts are drawn here."""
    shown = job.values() if values is None else values
    drawn = {name: Markup(draw(value)) if isinstance(value, Chart) else value for name, value in shown.items()}
    return book.render(job.template, job.path, **drawn)


def render_pages(book: Handbook) -> dict[str, str]:
    """Every generated page, keyed by its path relative to docs/."""
    return {job.path: render_job(book, job) for job in page_jobs(book)}


@dataclass(frozen=True)
class TreeRow:
    link: Link
    depth: int
    head: Link | None
    count: Headcount


def home_values(book: Handbook) -> Values:
    organisation = book.organisation
    tree = [
        TreeRow(
            book.ctx.department_link(key) or Link(key),
            depth,
            book.ctx.post_link(organisation.departments[key].head),
            organisation.headcount(key, recursive=True),
        )
        for key, depth in organisation.department_tree()
    ]
    locale = organisation.settings.locale
    indexes = [
        Link(label(f"nav.{name}", locale), book.layout.index(name))
        for name in ("posts", "kpis", "authorities", "compare")
    ]
    return {
        "total": organisation.total_headcount(),
        "departments": len(organisation.departments),
        "posts": len(organisation.posts),
        "tree": tree,
        "indexes": indexes,
        "chart": overview_chart(organisation, Links(book.layout, book.layout.home())),
    }


@dataclass(frozen=True)
class PostRow:
    link: Link
    code: str | None
    grade: str | None
    department: Link | None
    superior: Link | None
    count: Headcount


def post_row(book: Handbook, key: str) -> PostRow:
    post = book.organisation.posts[key]
    grade = post.grade
    link = book.ctx.post_link(key) or Link(key)
    department = book.ctx.department_link(post.department)
    return PostRow(link, post.code, grade, department, book.ctx.post_link(post.reports_to), views.headcount_of(post))


def department_values(book: Handbook, key: str) -> Values:
    organisation = book.organisation
    department = organisation.departments[key]
    internal, external = views.relation_rows(book.ctx, department.relations)
    children = [book.ctx.department_link(child) for child in organisation.department_children.get(key, [])]
    links = Links(book.layout, book.layout.department(key))
    return {
        "key": key,
        "department": department,
        "parent": book.ctx.department_link(department.parent),
        "head": book.ctx.post_link(department.head),
        "functions": book.ctx.groups(department.functions),
        "management": book.ctx.lines(department.management),
        "territory": book.ctx.lines(department.territory),
        "children": children,
        "posts": [post_row(book, post) for post in organisation.department_posts.get(key, [])],
        "own": organisation.headcount(key),
        "total": organisation.headcount(key, recursive=True),
        "kpis": views.kpi_table(department.kpis, organisation.settings.locale),
        "internal": internal,
        "external": external,
        "revisions": views.revisions(department.revisions),
        "chart": department_chart(organisation, key, links),
        "three_set": is_three_set(department),
        "units": internal_units(book.ctx, key),
        "establishment": establishment_table(book.ctx, key),
        "spans": spans,
        "partners": [book.ctx.department_link(other) for other in organisation.office_partners.get(key, [])],
        "concurrent": concurrent_note(book.ctx, organisation.department_posts.get(key, [])),
    }


def post_values(book: Handbook, key: str) -> Values:
    organisation = book.organisation
    post = organisation.posts[key]
    ctx = book.ctx
    internal, external = views.relation_rows(ctx, post.relations)
    routines = post.routines
    qualifications = post.qualifications
    return {
        "key": key,
        "post": post,
        "grade": views.grade_text(organisation.settings, post.grade),
        "pay": views.pay_text(organisation.settings, post.grade),
        "department": ctx.department_link(post.department),
        "superior": ctx.post_link(post.reports_to),
        "dotted": [ctx.post_link(other) for other in post.dotted_line],
        "subordinates": [ctx.post_link(other) for other in organisation.subordinates.get(key, [])],
        "count": views.headcount_of(post),
        "duties": ctx.groups(post.duties),
        "responsibilities": ctx.lines(post.responsibilities),
        "authorities": views.authority_table(views.authority_rows(ctx, post.authorities), organisation.settings),
        "approvals": post_approvals(ctx, key),
        "matrix": Link(label("nav.authorities", organisation.settings.locale), book.layout.index("authorities")),
        "kpis": views.kpi_table(post.kpis, organisation.settings.locale),
        "routines": [
            (period, getattr(routines, period)) for period in PERIODS if routines and getattr(routines, period)
        ],
        "internal": internal,
        "external": external,
        "qualifications": [
            (name, ctx.lines(getattr(qualifications, name)))
            for name in QUALIFICATIONS
            if qualifications and ctx.lines(getattr(qualifications, name))
        ],
        "competencies": competency_table(post, organisation.settings),
        "scale": scale_text(organisation.settings),
        "sections": extra_sections(ctx, post),
        "family": family_place(ctx, key),
        "also_holds": ctx.post_link(post.also_holds),
        "held_by": held_by(ctx, key),
        "revisions": views.revisions(post.revisions),
        "signatures": signature_table(organisation.settings),
    }


def posts_index_values(book: Handbook) -> Values:
    keys = sorted(book.organisation.posts, key=lambda key: views.pinyin_key(book.organisation.posts[key].title or key))
    return {"rows": [post_row(book, key) for key in keys]}


@dataclass(frozen=True)
class Owner:
    """A post or department that has a KPI, with the weight it gives it."""

    link: Link
    weight: int | None


def kpi_index_values(book: Handbook) -> Values:
    """Every KPI once (by name, as first written), with who has it and at what weight."""
    first: dict[str, Kpi] = {}
    owners: dict[str, list[Owner]] = {}
    for owner, kpi in _all_kpis(book):
        first.setdefault(kpi.name, kpi.model_copy(update={"weight": None}))
        if all(known.link != owner for known in owners.setdefault(kpi.name, [])):
            owners[kpi.name].append(Owner(owner, kpi.weight))
    names = sorted(first, key=views.pinyin_key)
    table = views.kpi_table([first[name] for name in names], book.organisation.settings.locale)
    return {"table": table, "owners": [owners[name] for name in names]}


def _all_kpis(book: Handbook) -> Iterator[tuple[Link, Kpi]]:
    organisation = book.organisation
    for key, department in organisation.departments.items():
        for kpi in department.kpis:
            yield book.ctx.department_link(key) or Link(key), kpi
    for key, post in organisation.posts.items():
        for kpi in post.kpis:
            yield book.ctx.post_link(key) or Link(key), kpi


def authority_index_values(book: Handbook) -> Values:
    """The authority matrix (分权手册) as a grid: items by tier, the parties that sign them."""
    return {"grid": approval_grid(book.ctx), "ruled": bool(book.organisation.project.approvals)}
