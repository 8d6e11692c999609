"""The authority matrix (分权手册) as a grid, and the approval rules a post takes part in (pure).

Rows are business items by amount tier, columns the parties that sign, each
cell the step and action of that party (②审核). The items of approvals.yaml
come first, in the order written; then the items that only the posts'
authorities name, as today, each post's say and limit in its cell. The page,
the spreadsheet and the Word document all show this one grid.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from orgspec.edition.language import shown_name
from orgspec.i18n import Locale, aside, label, translate
from orgspec.i18n.amounts import tier_text
from orgspec.link.approvals import Item, Party, Placed, approval_items, parties_in_order, party
from orgspec.model.approvals import ApprovalStep
from orgspec.views.common import Ctx, Link, TextTable, listing, money, pinyin_key

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def step_mark(number: int) -> str:
    """A step of the signing order as the tables write it: ①, ②, … (21 and on in brackets)."""
    return CIRCLED[number - 1] if 1 <= number <= len(CIRCLED) else f"({number})"


@dataclass(frozen=True)
class Column:
    """A party of the grid: its name (linked to its page for a post) and a post's department."""

    party: Link
    department: str

    @property
    def heading(self) -> str:
        """The name and the department on two lines, as a spreadsheet or Word heading shows them."""
        return "\n".join(text for text in (self.party.text, self.department) if text)


@dataclass(frozen=True)
class GridRow:
    """One item at one tier: the text of each column's cell (empty where the party does not sign)."""

    item: str
    tier: str
    cells: tuple[str, ...]
    note: str
    span: int
    """The number of rows of the item on its first row, 0 on the others (the item's cell spans them)."""


@dataclass(frozen=True)
class Grid:
    """The authority matrix: its party columns and its rows."""

    columns: list[Column]
    rows: list[GridRow]
    tier_heading: str
    """The heading of the tier column, with the currency: 金额（CNY）."""

    @property
    def tiers(self) -> bool:
        """Whether some row has a tier (otherwise the tier column is left out)."""
        return any(row.tier for row in self.rows)

    @property
    def notes(self) -> bool:
        """Whether some row has a note (otherwise the note column is left out)."""
        return any(row.note for row in self.rows)

    def header(self, locale: Locale) -> list[str]:
        """The column headings of a flat table (spreadsheet, Word): item, tier, parties, note."""
        tier = [self.tier_heading] if self.tiers else []
        note = [label("approval.note", locale)] if self.notes else []
        return [label("post.item", locale), *tier, *(column.heading for column in self.columns), *note]

    def flat_rows(self) -> list[list[str]]:
        """Each row as a flat table writes it: the item on every row, the tier and note where shown."""
        return [
            [row.item, *([row.tier] if self.tiers else []), *row.cells, *([row.note] if self.notes else [])]
            for row in self.rows
        ]


Cells = dict[Party, list[str]]


def approval_grid(ctx: Ctx) -> Grid:
    """The grid of the organisation as the context's edition shows it."""
    organisation = ctx.organisation
    settings = organisation.settings
    lines: list[tuple[str, str, Cells, str]] = []
    for item in approval_items(organisation.project.approvals):
        for number, placed in enumerate(item.rules, start=1):
            cells: Cells = {}
            for step, written in placed.rule.steps():
                found = party(organisation, written.party)
                if found is not None:
                    cells.setdefault(found, []).append(_cell(ctx, step, written))
            lines.append((item.name, tier_label(ctx, item, number, placed), cells, placed.rule.note or ""))
    lines += [(name, "", cells, "") for name, cells in _authority_items(ctx)]
    columns = parties_in_order(organisation, {found for _, _, cells, _ in lines for found in cells})
    rows = [  # most cells of a large organisation's grid are empty: a row has a few of its thousands of posts
        GridRow(
            name,
            tier,
            tuple(listing(cells[column], settings.locale) if column in cells else "" for column in columns),
            note,
            0,
        )
        for name, tier, cells, note in lines
    ]
    tier_heading = translate("approval.tier", settings.locale, {"currency": settings.currency})
    return Grid([_column(ctx, column) for column in columns], _spans(rows), tier_heading)


def _cell(ctx: Ctx, number: int, step: ApprovalStep) -> str:
    locale = ctx.organisation.settings.locale
    return translate("approval.cell", locale, {"step": step_mark(number), "action": _action(ctx, step)})


def _action(ctx: Ctx, step: ApprovalStep) -> str:
    """A step's action by its name in the organisation's language."""
    settings = ctx.organisation.settings
    action = settings.approvals.action(step.action)
    return action.label(settings.locale) if action is not None else step.action


def tier_label(ctx: Ctx, item: Item, number: int, placed: Placed) -> str:
    """A rule's tier: 5万–20万; 第 2 档 where the edition hides the amounts of an item's several tiers."""
    locale = ctx.organisation.settings.locale
    text = tier_text(placed.rule.above, placed.rule.up_to, locale)
    if text or len(item.rules) == 1:
        return text
    return translate("approval.hidden-tier", locale, {"number": number})


def _authority_items(ctx: Ctx) -> list[tuple[str, Cells]]:
    """The items only the posts' authorities name (not those of approvals.yaml), each post's say and limit."""
    organisation = ctx.organisation
    settings = organisation.settings
    ruled = {rule.item for rule in organisation.project.approvals}
    items: dict[str, Cells] = {}
    for key in organisation.posts_in_tree_order():
        for authority in organisation.posts[key].authorities:  # their items, not their wording: no clause is read
            if authority.item is None or authority.say is None or authority.item in ruled:
                continue
            say = label(f"say.{authority.say}", settings.locale)
            limit = authority.limit
            text = aside(
                say if limit is None else f"{say} ≤{money(limit, settings.currency)}", authority.note, settings.locale
            )
            items.setdefault(authority.item, {}).setdefault(Party(key, post=True), []).append(text)
    return sorted(items.items(), key=lambda pair: pinyin_key(pair[0]))


def _column(ctx: Ctx, column: Party) -> Column:
    organisation = ctx.organisation
    if column.post:
        post = organisation.posts[column.name]
        department = ctx.department_link(post.department)
        return Column(ctx.post_link(column.name) or Link(column.name), department.text if department else "")
    body = organisation.settings.approvals.body(column.name)
    name = column.name if body is None else shown_name(organisation.settings, body.name, body.name_en)
    return Column(Link(name), "")


def _spans(rows: list[GridRow]) -> list[GridRow]:
    """Each item's first row spanning its rows (the rows of an item are together)."""
    counts = Counter(row.item for row in rows)
    first = {row.item: index for index, row in reversed(list(enumerate(rows)))}
    return [replace(row, span=counts[row.item] if first[row.item] == index else 0) for index, row in enumerate(rows)]


PARTICIPATION_COLUMNS = ("post.item", "approval.tier-short", "approval.step", "approval.action")

Signed = dict[str, list[dict[str, str]]]


def post_approvals(ctx: Ctx, key: str) -> TextTable:
    """The rules the post ``key`` signs: item, tier, its step and its action."""
    signed = ctx.worked_out.get("post_approvals")
    if not isinstance(signed, dict):  # once for all posts, not once per post page
        signed = ctx.worked_out["post_approvals"] = _signed(ctx)
    return TextTable.of(PARTICIPATION_COLUMNS, signed.get(key, []))


def _signed(ctx: Ctx) -> Signed:
    """Each post's steps in the rules, items in the matrix's order."""
    signed: Signed = {}
    for item in approval_items(ctx.organisation.project.approvals):
        for number, placed in enumerate(item.rules, start=1):
            tier = tier_label(ctx, item, number, placed)
            for step, written in placed.rule.steps():
                cells = {"post.item": item.name, "approval.tier-short": tier, "approval.step": step_mark(step)}
                signed.setdefault(written.party, []).append({**cells, "approval.action": _action(ctx, written)})
    return signed
