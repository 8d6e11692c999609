"""The job sheet (岗位说明书) as plain data, shared by the Word and PDF copies.

What a sheet shows and in which order is decided here once; the writers
only lay it out. The order of the sections is the one the source sheets
use (and the post page). Internal items are left out by the context's
edition, exactly as on the handbook pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from orgspec.i18n import Locale, label, translate
from orgspec.model import Post, Settings
from orgspec.model.common import Kpi, Relations, Revision
from orgspec.model.types import PERIODS
from orgspec.views import common as views
from orgspec.views.approvals import post_approvals
from orgspec.views.common import Ctx, Group, Line, RelationRow
from orgspec.views.establishment import held_by
from orgspec.views.family import family_place
from orgspec.views.sections import competency_table, extra_sections, scale_text

QUALIFICATIONS = ("education", "majors", "experience", "certificates", "skills", "knowledge", "qualities", "preferred")
"""The qualifications in the order of the source sheets: what is required, then what is preferred."""
REVISION_COLUMNS = ("version", "date", "change", "author", "reviewer", "approver")


@dataclass(frozen=True)
class Field:
    """A label and its value in the basic-information table; a wide field takes a whole row."""

    label: str
    value: str
    wide: bool = False


@dataclass(frozen=True)
class Table:
    """A table, with a header row unless ``header`` is empty; a cell of None continues the cell above it."""

    header: tuple[str, ...]
    rows: list[tuple[str | None, ...]]
    widths: tuple[int, ...] = ()
    """Relative column widths; empty for equal columns."""
    label_column: bool = False
    """The first column names what its row is about (a period, a kind of party, a qualification)."""

    @property
    def columns(self) -> int:
        return len(self.widths or self.header or (self.rows[0] if self.rows else ()))


@dataclass(frozen=True)
class Section:
    """A heading and what stands under it: text, numbered groups or a table."""

    heading: str
    text: str | None = None
    groups: list[Group] = field(default_factory=list)
    table: Table | None = None


@dataclass(frozen=True)
class JobSheet:
    """Everything printed on one post's job sheet."""

    key: str
    title: str
    code: str
    heading: str
    header: str
    """What the page header names besides the organisation: the post number (or the title without one)."""
    organisation: str
    department: str
    basic: list[Field]
    sections: list[Section]
    """The sections that have something to show, in the order of the source sheets."""
    locale: Locale


def field_rows(fields: Sequence[Field]) -> list[list[Field]]:
    """Fields two to a row; a wide field takes a row of its own."""
    rows: list[list[Field]] = []
    for shown in fields:
        if shown.wide or not rows or len(rows[-1]) == 2 or rows[-1][0].wide:
            rows.append([shown])
        else:
            rows[-1].append(shown)
    return rows


def job_sheet(ctx: Ctx, key: str) -> JobSheet:
    """The job sheet of the post ``key`` as the context's edition shows it."""
    organisation = ctx.organisation
    post = organisation.posts[key]
    locale = organisation.settings.locale
    title = post.title or key
    department = ctx.department_link(post.department)
    return JobSheet(
        key=key,
        title=title,
        code=post.code or "",
        heading=translate("sheet.heading", locale, {"title": title}),
        header=code_label(post.code, locale) or title,
        organisation=organisation.settings.name,
        department=department.text if department else "",
        basic=basic_fields(ctx, key),
        sections=[section for section in _sections(ctx, key, post, locale) if section is not None],
        locale=locale,
    )


def basic_fields(ctx: Ctx, key: str) -> list[Field]:
    """The basic-information table: title, code, department, grade, head counts, superior, subordinates."""
    organisation = ctx.organisation
    post = organisation.posts[key]
    locale = organisation.settings.locale
    count = views.headcount_of(post)
    none = label("label.none", locale)
    department = ctx.department_link(post.department)
    superior = ctx.post_link(post.reports_to)
    subordinates = _names([ctx.post_link(other) for other in organisation.subordinates.get(key, [])], locale)
    fields = [
        Field(label("post.title", locale), post.title or key),
        Field(label("post.code", locale), post.code or ""),
        Field(label("post.department", locale), department.text if department else ""),
        Field(label("post.grade", locale), views.grade_text(organisation.settings, post.grade)),
        *_pay_field(organisation.settings, post.grade, locale),
        Field(label("post.authorised", locale), str(count.authorised)),
        Field(f"{label('post.filled', locale)} / {label('post.vacant', locale)}", f"{count.filled} / {count.vacant}"),
        Field(label("post.reports-to", locale), superior.text if superior else none),
        Field(label("post.subordinate-count", locale), str(len(organisation.subordinates.get(key, [])))),
    ]
    if post.dotted_line:
        dotted = _names([ctx.post_link(other) for other in post.dotted_line], locale)
        fields.append(Field(label("post.dotted-line", locale), dotted, wide=True))
    fields.append(Field(label("post.subordinates", locale), subordinates or none, wide=True))
    return fields + _shape_fields(ctx, key)


def _shape_fields(ctx: Ctx, key: str) -> list[Field]:
    """Where the post stands in its job family and its 三定; the post its holder also holds, or who holds it."""
    post = ctx.organisation.posts[key]
    locale = ctx.organisation.settings.locale
    place = family_place(ctx, key)
    fields = [Field(label("post.family", locale), place.text, wide=True)] if place else []
    fields += [
        Field(label(name, locale), value)
        for name, value in (("post.staffing-kind", post.staffing_kind), ("post.leadership", post.leadership))
        if value
    ]
    also = ctx.post_link(post.also_holds)
    if also is not None:
        fields.append(Field(label("post.also-holds", locale), also.text, wide=True))
    holders = held_by(ctx, key)
    if holders:
        fields.append(Field(label("post.held-by", locale), _names(holders, locale), wide=True))
    return fields


def _pay_field(settings: Settings, grade: str | None, locale: Locale) -> list[Field]:
    pay = views.pay_text(settings, grade)
    return [Field(label("post.pay", locale), pay, wide=True)] if pay else []


def _names(links: Sequence[views.Link | None], locale: Locale) -> str:
    return views.listing([link.text for link in links if link is not None], locale)


def _sections(ctx: Ctx, key: str, post: Post, locale: Locale) -> list[Section | None]:
    """The sections in the order of the source sheets; None for a section with nothing in it."""
    return [
        text_section(label("post.purpose", locale), post.purpose),
        text_section(label("post.summary", locale), post.summary),
        group_section(label("post.duties", locale), ctx.groups(post.duties), locale),
        group_section(label("post.responsibilities", locale), [Group("", ctx.lines(post.responsibilities))], locale),
        table_section(label("post.authorities", locale), authority_table(ctx, post, locale)),
        table_section(label("post.approvals", locale), printed(post_approvals(ctx, key), locale)),
        table_section(label("post.kpis", locale), kpi_table(post.kpis, locale)),
        table_section(label("post.routines", locale), routine_table(post, locale)),
        table_section(label("post.relations", locale), relation_table(ctx, post.relations, locale)),
        table_section(label("post.qualifications", locale), qualification_table(ctx, post, locale)),
        competency_section(post, ctx.organisation.settings),
        text_section(label("post.environment", locale), post.environment),
        text_section(label("post.career", locale), post.career),
        *[lines_section(ctx, section.title, section.lines) for section in extra_sections(ctx, post)],
        table_section(label("signature.heading", locale), signature_table(ctx.organisation.settings)),
        table_section(label("post.revisions", locale), revision_table(post.revisions, locale)),
    ]


def text_section(heading: str, text: str | None) -> Section | None:
    return Section(heading, text=text) if text else None


def group_section(heading: str, groups: list[Group], locale: Locale) -> Section | None:
    """Numbered groups, each line as printed (its share of time written after it)."""
    shown: list[Group] = []
    for group in groups:
        if not group.lines:
            continue
        start = 1  # each group is numbered from 1, as the source sheets do
        lines = [Line(views.aside(line.text, _share(line), locale), clause=line.clause) for line in group.lines]
        shown.append(Group(group.heading, lines, start))
    return Section(heading, groups=shown) if shown else None


def lines_section(ctx: Ctx, heading: str, lines: list[Line]) -> Section | None:
    """One line as a paragraph, several as a numbered list."""
    if len(lines) == 1:
        return text_section(heading, lines[0].text)
    return group_section(heading, [Group("", lines)], ctx.organisation.settings.locale)


def competency_section(post: Post, settings: Settings) -> Section | None:
    """The competencies with their ratings, the scale written above them."""
    table = printed(competency_table(post, settings), settings.locale)
    if not table.rows:
        return None
    return Section(label("post.competencies", settings.locale), text=scale_text(settings) or None, table=table)


def _share(line: Line) -> str | None:
    return f"{line.share}%" if line.share is not None else None


def table_section(heading: str, table: Table) -> Section | None:
    return Section(heading, table=table) if table.rows else None


WIDTHS = {
    "post.authority": 10,
    "post.item": 4,
    "post.say": 3,
    "post.limit": 4,
    "kpi.name": 2,
    "kpi.weight": 1,
    "kpi.definition": 5,
    "kpi.target": 2,
    "kpi.scoring": 3,
    "kpi.period": 1,
    "kpi.source": 2,
    "approval.tier-short": 3,
    "approval.step": 1,
    "approval.action": 2,
    "competency.name": 3,
    "competency.level": 2,
    "competency.description": 6,
}
"""Relative widths of the columns of the printed tables."""


def printed(table: views.TextTable, locale: Locale) -> Table:
    """A view's table as printed: its column labels as the header, its columns' widths."""
    header = tuple(label(name, locale) for name in table.columns)
    return Table(header, list(table.rows), widths=tuple(WIDTHS[name] for name in table.columns))


def authority_table(ctx: Ctx, post: Post, locale: Locale) -> Table:
    """Authorities; the item, say and limit columns only when some authority uses them."""
    rows = views.authority_rows(ctx, post.authorities)
    return printed(views.authority_table(rows, ctx.organisation.settings), locale)


def kpi_table(kpis: Sequence[Kpi], locale: Locale) -> Table:
    """The KPIs with the columns some KPI fills."""
    return printed(views.kpi_table(kpis, locale), locale)


def routine_table(post: Post, locale: Locale) -> Table:
    header = (label("kpi.period", locale), label("routine.time", locale), label("routine.task", locale))
    rows: list[tuple[str | None, ...]] = []
    for period in PERIODS:
        for index, routine in enumerate(getattr(post.routines, period, None) or []):
            rows.append((label(f"period.{period}", locale) if index == 0 else None, routine.time or "", routine.text))
    return Table(header, rows, widths=(1, 2, 7), label_column=True)


def relation_table(ctx: Ctx, relations: Relations | None, locale: Locale) -> Table:
    internal, external = views.relation_rows(ctx, relations)
    header = ("", label("relation.party", locale), label("relation.about", locale))
    return Table(
        header,
        _relation_rows(label("relation.internal", locale), internal)
        + _relation_rows(label("relation.external", locale), external),
        widths=(1, 3, 6),
        label_column=True,
    )


def _relation_rows(kind: str, rows: list[RelationRow]) -> list[tuple[str | None, ...]]:
    return [(kind if index == 0 else None, row.party.text, row.about or "") for index, row in enumerate(rows)]


def qualification_table(ctx: Ctx, post: Post, locale: Locale) -> Table:
    qualifications = post.qualifications
    rows: list[tuple[str | None, ...]] = []
    for name in QUALIFICATIONS:
        lines = ctx.lines(getattr(qualifications, name)) if qualifications else []
        if lines:
            rows.append((label(f"qualification.{name}", locale), "\n".join(line.text for line in lines)))
    return Table((), rows, widths=(1, 5), label_column=True)


DEFAULT_SIGNERS = ("signature.holder", "signature.superior", "signature.hr")


def signature_table(settings: Settings) -> Table:
    """Who signs the printed sheet, with room for the signature and the date; no rows when nobody signs."""
    locale = settings.locale
    signers = settings.signatures
    if signers is None:
        signers = [label(key, locale) for key in DEFAULT_SIGNERS]
    sign, date = label("signature.sign", locale), label("signature.date", locale)
    return Table((), [(signer, sign, "", date, "") for signer in signers], widths=(3, 2, 6, 2, 4), label_column=True)


def revision_table(revisions: Sequence[Revision], locale: Locale) -> Table:
    """The revision history with its six columns (no rows when there is none: the section is left out)."""
    header = tuple(label(f"revision.{name}", locale) for name in REVISION_COLUMNS)
    rows: list[tuple[str | None, ...]] = [
        (
            revision.version,
            revision.date.isoformat(),
            revision.change,
            revision.author or "",
            revision.reviewer or "",
            revision.approver or "",
        )
        for revision in views.revisions(revisions)
    ]
    return Table(header, rows, widths=(1, 2, 4, 1, 1, 1))


def page_label(locale: Locale) -> tuple[str, str, str]:
    """The footer of a printed sheet around the page number and the page count: 第 | 页，共 | 页."""
    before, _, rest = translate("sheet.page", locale, {}).partition("{page}")
    middle, _, after = rest.partition("{pages}")
    return before, middle, after


def code_label(code: str | None, locale: Locale) -> str:
    """The post number as a sheet's page header shows it: 岗位编号：EX-HJ-002 (nothing without one)."""
    return translate("sheet.header-code", locale, {"code": code}) if code else ""
