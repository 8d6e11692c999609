"""Render every page of the handbook: path inside docs/ → Markdown text (pure)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from orgspec.i18n import label
from orgspec.link.organisation import Headcount
from orgspec.model.common import Kpi
from orgspec.model.types import PERIODS
from orgspec.render.chart.build import Links, department_chart, overview_chart
from orgspec.render.chart.svg import draw
from orgspec.render.compare_page import compare_page
from orgspec.render.handbook import Handbook
from orgspec.views import common as views
from orgspec.views.approvals import approval_grid, post_approvals
from orgspec.views.common import Link
from orgspec.views.sheet import signature_table


def render_pages(book: Handbook) -> dict[str, str]:
    """Every generated page, keyed by its path relative to docs/."""
    pages = {book.layout.home(): home_page(book)}
    for key in book.organisation.departments:
        pages[book.layout.department(key)] = department_page(book, key)
    for key in book.organisation.posts:
        pages[book.layout.post(key)] = post_page(book, key)
    pages[book.layout.index("posts")] = posts_index(book)
    pages[book.layout.index("kpis")] = kpi_index(book)
    pages[book.layout.index("authorities")] = authority_index(book)
    pages[book.layout.index("compare")] = compare_page(book)
    return pages


@dataclass(frozen=True)
class TreeRow:
    link: Link
    depth: int
    head: Link | None
    count: Headcount


def home_page(book: Handbook) -> str:
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
    return book.render(
        "home.md.j2",
        book.layout.home(),
        total=organisation.total_headcount(),
        departments=len(organisation.departments),
        posts=len(organisation.posts),
        tree=tree,
        indexes=indexes,
        chart=Markup(draw(overview_chart(organisation, Links(book.layout, book.layout.home())))),
    )


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


def department_page(book: Handbook, key: str) -> str:
    organisation = book.organisation
    department = organisation.departments[key]
    internal, external = views.relation_rows(book.ctx, department.relations)
    children = [book.ctx.department_link(child) for child in organisation.department_children.get(key, [])]
    links = Links(book.layout, book.layout.department(key))
    return book.render(
        "department.md.j2",
        book.layout.department(key),
        key=key,
        department=department,
        parent=book.ctx.department_link(department.parent),
        head=book.ctx.post_link(department.head),
        functions=book.ctx.groups(department.functions),
        management=book.ctx.lines(department.management),
        territory=book.ctx.lines(department.territory),
        children=children,
        posts=[post_row(book, post) for post in organisation.department_posts.get(key, [])],
        own=organisation.headcount(key),
        total=organisation.headcount(key, recursive=True),
        kpis=views.kpi_table(department.kpis, organisation.settings.locale),
        internal=internal,
        external=external,
        revisions=views.revisions(department.revisions),
        chart=Markup(draw(department_chart(organisation, key, links))),
    )


def post_page(book: Handbook, key: str) -> str:
    organisation = book.organisation
    post = organisation.posts[key]
    ctx = book.ctx
    internal, external = views.relation_rows(ctx, post.relations)
    routines = post.routines
    qualifications = post.qualifications
    return book.render(
        "post.md.j2",
        book.layout.post(key),
        key=key,
        post=post,
        grade=views.grade_text(organisation.settings, post.grade),
        pay=views.pay_text(organisation.settings, post.grade),
        department=ctx.department_link(post.department),
        superior=ctx.post_link(post.reports_to),
        dotted=[ctx.post_link(other) for other in post.dotted_line],
        subordinates=[ctx.post_link(other) for other in organisation.subordinates.get(key, [])],
        count=views.headcount_of(post),
        duties=ctx.groups(post.duties),
        responsibilities=ctx.lines(post.responsibilities),
        authorities=views.authority_table(views.authority_rows(ctx, post.authorities), organisation.settings),
        approvals=post_approvals(ctx, key),
        kpis=views.kpi_table(post.kpis, organisation.settings.locale),
        routines=[(period, getattr(routines, period)) for period in PERIODS if routines and getattr(routines, period)],
        internal=internal,
        external=external,
        qualifications=[
            (name, ctx.lines(getattr(qualifications, name)))
            for name in ("education", "majors", "experience", "certificates", "skills", "knowledge", "qualities")
            if qualifications and ctx.lines(getattr(qualifications, name))
        ],
        revisions=views.revisions(post.revisions),
        signatures=signature_table(organisation.settings),
    )


def posts_index(book: Handbook) -> str:
    keys = sorted(book.organisation.posts, key=lambda key: views.pinyin_key(book.organisation.posts[key].title or key))
    return book.render("posts.md.j2", book.layout.index("posts"), rows=[post_row(book, key) for key in keys])


@dataclass(frozen=True)
class Owner:
    """A post or department that has a KPI, with the weight it gives it."""

    link: Link
    weight: int | None


def kpi_index(book: Handbook) -> str:
    """Every KPI once (by name, as first written), with who has it and at what weight."""
    first: dict[str, Kpi] = {}
    owners: dict[str, list[Owner]] = {}
    for owner, kpi in _all_kpis(book):
        first.setdefault(kpi.name, kpi.model_copy(update={"weight": None}))
        if all(known.link != owner for known in owners.setdefault(kpi.name, [])):
            owners[kpi.name].append(Owner(owner, kpi.weight))
    names = sorted(first, key=views.pinyin_key)
    table = views.kpi_table([first[name] for name in names], book.organisation.settings.locale)
    return book.render("kpis.md.j2", book.layout.index("kpis"), table=table, owners=[owners[name] for name in names])


def _all_kpis(book: Handbook) -> Iterator[tuple[Link, Kpi]]:
    organisation = book.organisation
    for key, department in organisation.departments.items():
        for kpi in department.kpis:
            yield book.ctx.department_link(key) or Link(key), kpi
    for key, post in organisation.posts.items():
        for kpi in post.kpis:
            yield book.ctx.post_link(key) or Link(key), kpi


def authority_index(book: Handbook) -> str:
    """The authority matrix (分权手册) as a grid: items by tier, the parties that sign them."""
    grid = approval_grid(book.ctx)
    return book.render(
        "authorities.md.j2",
        book.layout.index("authorities"),
        grid=grid,
        ruled=bool(book.organisation.project.approvals),
    )
