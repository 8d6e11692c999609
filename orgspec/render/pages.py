"""Render every page of the handbook: path inside docs/ → Markdown text (pure)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from orgspec.i18n import label
from orgspec.link.organisation import Headcount
from orgspec.model.common import Kpi
from orgspec.model.types import PERIODS
from orgspec.render.chart.build import Links, department_chart, overview_chart, team_chart
from orgspec.render.compare_page import compare_page
from orgspec.render.escape import css_string
from orgspec.render.figures import figure, small_figure
from orgspec.render.handbook import Handbook
from orgspec.render.navigation import INDEXES
from orgspec.views import common as views
from orgspec.views.common import Link
from orgspec.views.completeness import SECTIONS, completeness
from orgspec.views.landing import department_cards
from orgspec.views.search import Finder, finder, search_text
from orgspec.views.sheet import code_label, page_label, signature_table


def render_pages(book: Handbook) -> dict[str, str]:
    """Every generated page and chart file, keyed by its path relative to docs/."""
    pages = home_page(book)
    for key in book.organisation.departments:
        pages.update(department_page(book, key))
    for key in book.organisation.posts:
        pages[book.layout.post(key)] = post_page(book, key)
    pages[book.layout.index("posts")] = posts_index(book)
    pages[book.layout.index("kpis")] = kpi_index(book)
    pages[book.layout.index("authorities")] = authority_index(book)
    pages[book.layout.index("compare")] = compare_page(book)
    pages[book.layout.index("completeness")] = completeness_index(book)
    return pages


def home_page(book: Handbook) -> dict[str, str]:
    """The handbook's home (the organisation at a glance, the way to one's post, the chart, the departments),
    and its chart's file."""
    organisation = book.organisation
    locale = organisation.settings.locale
    indexes = [(Link(label(f"nav.{name}", locale), book.layout.index(name)), f"home.index.{name}") for name in INDEXES]
    home, file = book.layout.home(), book.layout.overview_chart()
    chart, drawing = figure(book.layout, home, file, lambda links: overview_chart(organisation, links))
    page = book.render(
        "home.md.j2",
        home,
        total=organisation.total_headcount(),
        departments=len(organisation.departments),
        posts=len(organisation.posts),
        cards=department_cards(book.ctx),
        indexes=indexes,
        finder=Markup(book.layout.link(home, book.layout.index("posts"))),
        chart=chart,
    )
    return {home: page, file: drawing}


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


def department_page(book: Handbook, key: str) -> dict[str, str]:
    """The department's page (its 组织说明书) and its chart's file."""
    organisation = book.organisation
    department = organisation.departments[key]
    internal, external = views.relation_rows(book.ctx, department.relations)
    children = [book.ctx.department_link(child) for child in organisation.department_children.get(key, [])]
    path, file = book.layout.department(key), book.layout.department_chart(key)
    chart, drawing = figure(book.layout, path, file, lambda links: department_chart(organisation, key, links))
    english = department.name_en if department.name_en and department.name_en != department.name else None
    page = book.render(
        "department.md.j2",
        path,
        key=key,
        department=department,
        english=english,
        terms=search_text(department.name, english),
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
        chart=chart,
    )
    return {path: page, file: drawing}


def post_page(book: Handbook, key: str) -> str:
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
    team = team_chart(organisation, key, Links(book.layout, page))
    return book.render(
        "post.md.j2",
        page,
        key=key,
        post=post,
        post_page=page,
        chain=[ctx.post_link(step) for step in reversed(organisation.chain(key))],
        print_header=[css_string(organisation.settings.name), css_string(code_label(post.code, locale))],
        footer=[css_string(words) for words in page_label(locale)],
        team=small_figure(team),
        department_chart=Markup(book.layout.link(page, book.layout.department(post.department)))
        if post.department in organisation.departments
        else None,
        page_title=_page_title(book, post.title or key, department),
        english=english,
        terms=search_text(post.title or key, english),
        grade=views.grade_text(organisation.settings, post.grade),
        pay=views.pay_text(organisation.settings, post.grade),
        department=department,
        superior=ctx.post_link(post.reports_to),
        dotted=[ctx.post_link(other) for other in post.dotted_line],
        subordinates=[ctx.post_link(other) for other in organisation.subordinates.get(key, [])],
        count=views.headcount_of(post),
        duties=ctx.groups(post.duties),
        responsibilities=ctx.lines(post.responsibilities),
        authorities=views.authority_rows(ctx, post.authorities),
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


def _page_title(book: Handbook, title: str, department: Link | None) -> str:
    """The title of a post's page (the window's, the search result's): with its department when another post
    has the same title."""
    if department is None or book.title_counts[title] < 2:
        return title
    return views.aside(title, department.text, book.organisation.settings.locale)


def completeness_index(book: Handbook) -> str:
    """完整度: which parts of each job description are written."""
    return book.render(
        "completeness.md.j2", book.layout.index("completeness"), report=completeness(book.ctx), sections=SECTIONS
    )


def posts_index(book: Handbook) -> str:
    keys = sorted(book.organisation.posts, key=lambda key: views.pinyin_key(book.organisation.posts[key].title or key))
    rows = [post_row(book, key, findable=True) for key in keys]
    return book.render("posts.md.j2", book.layout.index("posts"), rows=rows)


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


@dataclass(frozen=True)
class Say:
    post: Link
    limit: str


def authority_index(book: Handbook) -> str:
    matrix: dict[str, dict[str, list[Say]]] = {}
    for key, post in book.organisation.posts.items():
        for row in views.authority_rows(book.ctx, post.authorities):
            if row.item is None or row.say is None:
                continue
            cell = matrix.setdefault(row.item, {}).setdefault(row.say, [])
            limit = views.limit_text(row, book.organisation.settings)
            cell.append(Say(book.ctx.post_link(key) or Link(key), limit))
    items = sorted(matrix.items(), key=lambda pair: views.pinyin_key(pair[0]))
    return book.render(
        "authorities.md.j2",
        book.layout.index("authorities"),
        items=items,
        says=("propose", "review", "decide", "informed"),
    )
