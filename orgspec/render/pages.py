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
from orgspec.render.chart.build import Links, department_chart, team_chart
from orgspec.render.chart.cards import Chart
from orgspec.render.chart.svg import draw
from orgspec.render.compare_page import compare_values
from orgspec.render.escape import css_string
from orgspec.render.family_page import family_values
from orgspec.render.figures import Plot, figure, linked
from orgspec.render.handbook import Handbook, families_shown
from orgspec.render.home_page import home_values, overview_file_values
from orgspec.views import common as views
from orgspec.views.approvals import approval_grid, post_approvals
from orgspec.views.common import Link
from orgspec.views.completeness import SECTIONS, completeness
from orgspec.views.department_sheet import establishment_table
from orgspec.views.establishment import concurrent_note, held_by, internal_units, is_three_set
from orgspec.views.family import family_place
from orgspec.views.search import Finder, finder, search_text
from orgspec.views.sections import competency_table, extra_sections, scale_text
from orgspec.views.sheet import QUALIFICATIONS, code_label, page_label, signature_table
from orgspec.views.spans import spans

Values = dict[str, Any]
CHART_FILE = "chart.svg"
"""The template name of a job that writes a chart as a file of its own (drawn, not rendered from a template)."""


@dataclass(frozen=True)
class PageJob:
    """One page: where it goes (inside docs/), its template, and the values its template is shown."""

    path: str
    template: str
    values: Callable[[], Values]
    whole: bool = False
    """Whether it reads the whole organisation (the home page, the overview chart, the indexes)."""


def page_jobs(book: Handbook) -> list[PageJob]:
    """Every generated page and chart file, in a stable order: home, departments, posts, indexes."""
    layout = book.layout
    jobs = [
        PageJob(layout.home(), "home.md.j2", partial(home_values, book), whole=True),
        PageJob(layout.overview_chart(), CHART_FILE, partial(overview_file_values, book), whole=True),
    ]
    for key in book.organisation.departments:
        jobs.append(PageJob(layout.department(key), "department.md.j2", partial(department_values, book, key)))
        jobs.append(PageJob(layout.department_chart(key), CHART_FILE, partial(department_file_values, book, key)))
    jobs += [
        PageJob(layout.post(key), "post.md.j2", partial(post_values, book, key)) for key in book.organisation.posts
    ]
    jobs += [
        PageJob(layout.index("posts"), "posts.md.j2", partial(posts_index_values, book), whole=True),
        PageJob(layout.index("kpis"), "kpis.md.j2", partial(kpi_index_values, book), whole=True),
        PageJob(layout.index("authorities"), "authorities.md.j2", partial(authority_index_values, book), whole=True),
        PageJob(layout.index("compare"), "compare.md.j2", partial(compare_values, book), whole=True),
        PageJob(layout.index("completeness"), "completeness.md.j2", partial(completeness_values, book), whole=True),
    ]
    jobs += [
        PageJob(layout.family(key), "family.md.j2", partial(family_values, book, key))
        for key in families_shown(book.organisation)
    ]
    return jobs


def render_job(book: Handbook, job: PageJob, values: Values | None = None) -> str:
    """The text of one page or chart file (from ``values`` when they are computed already); charts are drawn here."""
    shown = job.values() if values is None else values
    if job.template == CHART_FILE:
        return draw(shown["chart"])
    return book.render(job.template, job.path, **{name: _drawn(value) for name, value in shown.items()})


def _drawn(value: object) -> object:
    if isinstance(value, Chart):
        return Markup(draw(value))
    if isinstance(value, Plot):
        return figure(value)
    return value


def render_pages(book: Handbook) -> dict[str, str]:
    """Every generated page and chart file, keyed by its path relative to docs/."""
    return {job.path: render_job(book, job) for job in page_jobs(book)}


@dataclass(frozen=True)
class PostRow:
    link: Link
    code: str | None
    grade: str | None
    department: Link | None
    superior: Link | None
    count: Headcount
    find: Finder | None = None


def post_row(book: Handbook, key: str, *, findable: bool = False) -> PostRow:
    """A post as a row of a table; ``findable``: with what the post index's filter matches."""
    post = book.organisation.posts[key]
    link = book.ctx.post_link(key) or Link(key)
    department = book.ctx.department_link(post.department)
    superior = book.ctx.post_link(post.reports_to)
    english = post.title_en if post.title_en != link.text else None
    find = finder(link.text, english, post.code, department.text if department else None) if findable else None
    return PostRow(link, post.code, post.grade, department, superior, views.headcount_of(post), find)


def department_values(book: Handbook, key: str) -> Values:
    """The department's page (its 组织说明书)."""
    organisation = book.organisation
    department = organisation.departments[key]
    internal, external = views.relation_rows(book.ctx, department.relations)
    children = [book.ctx.department_link(child) for child in organisation.department_children.get(key, [])]
    page, file = book.layout.department(key), book.layout.department_chart(key)
    english = department.name_en if department.name_en and department.name_en != department.name else None
    return {
        "key": key,
        "department": department,
        "english": english,
        "terms": search_text(department.name, english),
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
        "chart": linked(book.layout, page, file, department_chart(organisation, key, Links(book.layout, page))),
        "three_set": is_three_set(department),
        "units": internal_units(book.ctx, key),
        "establishment": establishment_table(book.ctx, key),
        "spans": spans,
        "partners": [book.ctx.department_link(other) for other in organisation.office_partners.get(key, [])],
        "concurrent": concurrent_note(book.ctx, organisation.department_posts.get(key, [])),
    }


def department_file_values(book: Handbook, key: str) -> Values:
    """The department's chart as a file of its own, beside its page."""
    file = book.layout.department_chart(key)
    return {"chart": department_chart(book.organisation, key, Links(book.layout, file))}


def post_values(book: Handbook, key: str) -> Values:
    organisation = book.organisation
    post = organisation.posts[key]
    ctx = book.ctx
    internal, external = views.relation_rows(ctx, post.relations)
    routines = post.routines
    qualifications = post.qualifications
    department = ctx.department_link(post.department)
    english = post.title_en if post.title_en and post.title_en != post.title else None
    page = book.layout.post(key)
    locale = organisation.settings.locale
    return {
        "key": key,
        "post": post,
        "post_page": page,
        "chain": [ctx.post_link(step) for step in reversed(organisation.chain(key))],
        "print_header": [css_string(organisation.settings.name), css_string(code_label(post.code, locale))],
        "footer": [css_string(words) for words in page_label(locale)],
        "team": Plot(team_chart(organisation, key, Links(book.layout, page))),
        "department_chart": Markup(book.layout.link(page, book.layout.department(post.department)))
        if post.department in organisation.departments
        else None,
        "page_title": _page_title(book, post.title or key, department),
        "english": english,
        "terms": search_text(post.title or key, english),
        "grade": views.grade_text(organisation.settings, post.grade),
        "pay": views.pay_text(organisation.settings, post.grade),
        "department": department,
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


def _page_title(book: Handbook, title: str, department: Link | None) -> str:
    """The title of a post's page (the window's, the search result's): with its department when another post
    has the same title."""
    if department is None or title not in book.shared_titles:
        return title
    return views.aside(title, department.text, book.organisation.settings.locale)


def completeness_values(book: Handbook) -> Values:
    """完整度: which parts of each job description are written."""
    return {"report": completeness(book.ctx), "sections": SECTIONS}


def posts_index_values(book: Handbook) -> Values:
    keys = sorted(book.organisation.posts, key=lambda key: views.pinyin_key(book.organisation.posts[key].title or key))
    return {"rows": [post_row(book, key, findable=True) for key in keys]}


@dataclass(frozen=True)
class Owner:
    """A post or department that has a KPI, with the weight it gives it."""

    link: Link
    weight: int | None


def kpi_index_values(book: Handbook) -> Values:
    """Every KPI once (by name, as first written), with who has it and at what weight."""
    first: dict[str, Kpi] = {}
    owners: dict[str, dict[Link, Owner]] = {}  # by link: an owner that has the KPI twice is listed once
    for owner, kpi in _all_kpis(book):
        if kpi.name not in first:
            first[kpi.name] = kpi.model_copy(update={"weight": None})
        owners.setdefault(kpi.name, {}).setdefault(owner, Owner(owner, kpi.weight))
    names = sorted(first, key=views.pinyin_key)
    table = views.kpi_table([first[name] for name in names], book.organisation.settings.locale)
    return {"table": table, "owners": [list(owners[name].values()) for name in names]}


def _all_kpis(book: Handbook) -> Iterator[tuple[Link, Kpi]]:
    organisation = book.organisation
    for key, department in organisation.departments.items():
        if department.kpis:
            owner = book.ctx.department_link(key) or Link(key)
            yield from ((owner, kpi) for kpi in department.kpis)
    for key, post in organisation.posts.items():
        if post.kpis:
            owner = book.ctx.post_link(key) or Link(key)
            yield from ((owner, kpi) for kpi in post.kpis)


def authority_index_values(book: Handbook) -> Values:
    """The authority matrix (分权手册) as a grid: items by tier, the parties that sign them."""
    return {"grid": approval_grid(book.ctx), "ruled": bool(book.organisation.project.approvals)}
