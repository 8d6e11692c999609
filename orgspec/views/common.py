"""What each page shows, computed from the linked organisation (pure functions).

Templates receive these plain objects and never look anything up
themselves. The organisation given is already the edition's
(`orgspec.edition.redact`): views show everything they are given.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from pypinyin import Style, lazy_pinyin

from orgspec.i18n import aside as aside  # sheets write notes in brackets as `views.aside`
from orgspec.i18n import label
from orgspec.link.organisation import Headcount, Organisation
from orgspec.model import Post, Settings
from orgspec.model.common import Authority, ClauseRef, Duty, DutyGroup, Kpi, Relations, Revision, TextGroup, TextItem
from orgspec.model.types import Locale

Entry = str | TextItem | Duty | ClauseRef


@dataclass(frozen=True)
class Line:
    """One line of text on a page."""

    text: str
    share: int | None = None
    clause: str | None = None


@dataclass(frozen=True)
class Group:
    """Lines under a heading; a group with an empty heading holds ungrouped lines."""

    heading: str
    lines: list[Line]
    start: int = 1
    """The number of its first line: lines without a heading that follow a group go on counting."""


@dataclass(frozen=True)
class Link:
    """A reference to a post or department page, with the text to show."""

    text: str
    page: str | None = None


@dataclass
class Ctx:
    """What every view needs: the organisation (as its edition shows it) and where pages live."""

    organisation: Organisation
    page_of_post: dict[str, str] = field(default_factory=dict)
    page_of_department: dict[str, str] = field(default_factory=dict)
    worked_out: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    """What a view works out once for every page rather than once per page, by the view's name."""
    page_of_family: dict[str, str] = field(default_factory=dict)

    def text(self, entry: Entry) -> str:
        return self.organisation.text(entry)

    def line(self, entry: Entry) -> Line:
        return Line(
            self.text(entry),
            share=entry.share if isinstance(entry, Duty) else None,
            clause=entry.clause if isinstance(entry, ClauseRef) else None,
        )

    def lines(self, entries: Sequence[Entry]) -> list[Line]:
        return [self.line(entry) for entry in entries]

    def groups(self, entries: Sequence[Entry | TextGroup | DutyGroup]) -> list[Group]:
        """Entries as groups, consecutive ungrouped lines gathered under an empty heading."""
        groups: list[Group] = []
        for entry in entries:
            if isinstance(entry, TextGroup | DutyGroup):
                lines = self.lines(entry.items)
                if lines:
                    groups.append(Group(entry.group, lines))
            else:
                if not groups or groups[-1].heading:
                    groups.append(Group("", []))
                groups[-1].lines.append(self.line(entry))
        return groups

    def post_link(self, key: str | None) -> Link | None:
        """A link to the post's page, with its title (its id when it has none, or is unknown)."""
        post = self.organisation.posts.get(key or "")
        return _link(key, (post.title or key) if post else None, self.page_of_post)

    def department_link(self, key: str | None) -> Link | None:
        """A link to the department's page, with its name."""
        department = self.organisation.departments.get(key or "")
        return _link(key, department.name if department else None, self.page_of_department)

    def family_link(self, key: str | None) -> Link | None:
        """A link to the job family's page, with its name."""
        family = self.organisation.settings.families.get(key or "")
        return _link(key, family.name if family else None, self.page_of_family)


def _link(key: str | None, text: str | None, pages: dict[str, str]) -> Link | None:
    if key is None:
        return None
    return Link(text or key, pages.get(key) if text is not None else None)


@functools.lru_cache(maxsize=65536)
def pinyin_key(text: str) -> tuple[str, str]:
    """Sort Chinese text by its pinyin (tones as digits), then by the text itself."""
    return (" ".join(lazy_pinyin(text, style=Style.TONE3, errors="default")).lower(), text)


@dataclass(frozen=True)
class AuthorityRow:
    text: str
    item: str | None
    say: str | None
    limit: Decimal | None
    note: str | None


def authority_rows(ctx: Ctx, authorities: Sequence[Authority]) -> list[AuthorityRow]:
    return [
        AuthorityRow(ctx.organisation.text(authority), authority.item, authority.say, authority.limit, authority.note)
        for authority in authorities
    ]


@dataclass(frozen=True)
class RelationRow:
    party: Link
    about: str | None


def relation_rows(ctx: Ctx, relations: Relations | None) -> tuple[list[RelationRow], list[RelationRow]]:
    if relations is None:
        return [], []
    internal = []
    for relation in relations.internal:
        if relation.department is not None:
            party = ctx.department_link(relation.department)
        elif relation.post is not None:
            party = ctx.post_link(relation.post)
        else:
            party = Link(relation.party or "")
        internal.append(RelationRow(party or Link(""), relation.about))
    external = [RelationRow(Link(relation.party), relation.about) for relation in relations.external]
    return internal, external


def listing(texts: Sequence[str], locale: Locale) -> str:
    """Items in a line, with the language's separator: 甲、乙 or A, B."""
    return label("punct.list", locale).join(texts)


def limit_text(row: AuthorityRow, settings: Settings) -> str:
    """An authority's limit as printed: the amount with what it applies to, or that alone (200万以上)."""
    if row.limit is None:
        return row.note or ""
    return aside(money(row.limit, settings.currency), row.note, settings.locale)


@dataclass(frozen=True)
class TextTable:
    """Rows of text under named columns (label keys, e.g. ``kpi.weight``); a column nobody fills is left out."""

    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]

    @classmethod
    def of(cls, columns: Sequence[str], cells: Sequence[dict[str, str]]) -> TextTable:
        """The table of ``cells`` (column → text), keeping the first column and every column some row fills."""
        kept = tuple(name for index, name in enumerate(columns) if index == 0 or any(row[name] for row in cells))
        return cls(kept, [tuple(row[name] for name in kept) for row in cells])


KPI_COLUMNS = ("kpi.name", "kpi.weight", "kpi.definition", "kpi.target", "kpi.scoring", "kpi.period", "kpi.source")
"""The columns of a KPI table, in the order of the source sheets."""
AUTHORITY_COLUMNS = ("post.authority", "post.item", "post.say", "post.limit")


def kpi_table(kpis: Sequence[Kpi], locale: Locale) -> TextTable:
    """The KPIs' cells, empty columns left out."""
    return TextTable.of(KPI_COLUMNS, [_kpi_cells(kpi, locale) for kpi in kpis])


def authority_table(rows: Sequence[AuthorityRow], settings: Settings) -> TextTable:
    """Authorities with their item, kind of say and limit, the columns nobody fills left out."""
    cells = [
        {
            "post.authority": row.text,
            "post.item": row.item or "",
            "post.say": label(f"say.{row.say}", settings.locale) if row.say else "",
            "post.limit": limit_text(row, settings),
        }
        for row in rows
    ]
    return TextTable.of(AUTHORITY_COLUMNS, cells)


def _kpi_cells(kpi: Kpi, locale: Locale) -> dict[str, str]:
    return {
        "kpi.name": kpi.name,
        "kpi.weight": f"{kpi.weight}%" if kpi.weight is not None else "",  # 30%: the same in both languages
        "kpi.definition": kpi.definition or "",
        "kpi.target": kpi.target or "",
        "kpi.scoring": kpi.scoring or "",
        "kpi.period": label(f"period.{kpi.period}", locale) if kpi.period else "",
        "kpi.source": kpi.source or "",
    }


def grade_text(settings: Settings, grade: str | None) -> str:
    """A grade as people read it: its name with the id, 经理级（M2）, or the id where the scale names none."""
    if grade is None:
        return ""
    name = next((step.name for step in settings.grades if step.id == grade), None)
    if not name or name == grade:
        return grade
    return aside(name, grade, settings.locale)


def pay_text(settings: Settings, grade: str | None) -> str:
    """The pay band of a grade, 8,000–12,000 CNY, or nothing when the scale gives none (or it is hidden)."""
    band = next((step.pay for step in settings.grades if step.id == grade), None)
    if band is None:
        return ""
    return f"{figure(band.min)}–{money(band.max, settings.currency)}"


def money(amount: Decimal, currency: str) -> str:
    """An amount as on a job sheet: 20,000 CNY."""
    return f"{figure(amount)} {currency}"


def figure(amount: Decimal, *, sign: bool = False) -> str:
    """An amount without its currency: 20,000 or 1,234.5; with ``sign``, +20,000 or -1,234.5."""
    return f"{amount:{'+' if sign else ''},.2f}".rstrip("0").rstrip(".")


def revisions(items: Sequence[Revision]) -> list[Revision]:
    return sorted(items, key=lambda revision: revision.date)


def headcount_of(post: Post) -> Headcount:
    return Headcount(post.authorised, post.filled_count, post.vacant)
