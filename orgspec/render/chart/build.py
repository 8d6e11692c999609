"""Which boxes an org chart has, in which tree, with which words (pure).

Two kinds of chart, both kept small enough to read:

- a department chart: the department's posts along their reporting lines,
  plus one box per direct sub-department (its name, head post and total),
  placed under the post its head reports to;
- the overview: the department tree under a box for the organisation.

The whole organisation's posts are never drawn as one chart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from orgspec.core.reads import kept_reads, note_all
from orgspec.i18n import Locale, Term, label, translate
from orgspec.link.organisation import Headcount, Organisation
from orgspec.model import Post
from orgspec.render.chart.cards import Card, CardKind, CardTree, Chart, Legend, card_tree, forest
from orgspec.render.urls import SiteLayout

ROOT_KEY = "organisation"
HANDBOOK_LAYOUT = SiteLayout(directory_urls=False)
"""Where the handbook's pages live: the build always uses final ``.html`` URLs."""


def post_key(key: str) -> str:
    """The card key of a post."""
    return f"post:{key}"


def department_key(key: str) -> str:
    """The card key of a department."""
    return f"department:{key}"


@dataclass(frozen=True)
class Links:
    """Where boxes link to.

    Inside the handbook, ``page`` is the page that embeds the chart and
    links are relative to it (neither site builder rewrites links inside
    SVG).  A standalone file has no ``page``: it links to the published
    handbook under ``site_url``, or nowhere.
    """

    layout: SiteLayout = HANDBOOK_LAYOUT
    page: str | None = None
    site_url: str | None = None

    def to(self, target: str) -> str | None:
        """The href of a page (a path inside docs/), or None."""
        if self.page is not None:
            return self.layout.link(self.page, target)
        if self.site_url is not None:
            return f"{self.site_url.rstrip('/')}/{self.layout.url(target)}"
        return None

    def post(self, key: str) -> str | None:
        return self.to(self.layout.post(key))

    def department(self, key: str) -> str | None:
        return self.to(self.layout.department(key))

    def home(self) -> str | None:
        return self.to(self.layout.home())


def department_chart(organisation: Organisation, key: str, links: Links) -> Chart:
    """The posts of one department, with its direct sub-departments as single boxes."""
    locale = organisation.settings.locale
    members = organisation.department_posts.get(key, [])
    cards = {post_key(post): post_card(organisation, post, links) for post in members}
    parents = {post_key(post): _superior_in(organisation, post, members) for post in members}
    for child in organisation.department_children.get(key, []):
        card, parent = _sub_department(organisation, child, members, links)
        cards[card.key] = card
        parents[card.key] = parent
    _note_dotted_outside(organisation, cards)
    tops, children = forest(list(cards), parents)
    if len(tops) == 1 and cards[tops[0]].kind == "post":
        root = card_tree(tops[0], cards, children)
    else:  # several top posts, or none: the department itself heads the chart
        head = department_card(organisation, key, links, kind="root")
        root = CardTree(head, tuple(card_tree(top, cards, children) for top in tops))
    name = organisation.departments[key].name
    args = {"department": name, "posts": len(members)}
    return Chart(root, translate("chart.label.department", locale, args), _dotted(organisation, cards), legend(locale))


TEAM_SIZE = 10
"""At most this many peers, and this many subordinates, in a post's team chart; the rest are counted."""


def team_chart(organisation: Organisation, key: str, links: Links) -> Chart:
    """Where a post stands: its superior, its peers, the post itself (marked) and its direct subordinates."""
    locale = organisation.settings.locale
    post = organisation.posts[key]
    tag = label("chart.this-post", locale)
    own = replace(post_card(organisation, key, links), tag=tag, current=True, href=None)
    below = _some(organisation, organisation.subordinates.get(key, []), key, links)
    cards = {own.key: own, **{tree.card.key: tree.card for tree in below}}
    me = CardTree(own, tuple(below))
    superior = post.reports_to if post.reports_to in organisation.posts and post.reports_to != key else None
    if superior is None:
        root = me
    else:
        peers = _some(organisation, organisation.subordinates.get(superior, []), key, links, keep=me)
        root = CardTree(post_card(organisation, superior, links), tuple(peers))
        cards.update({tree.card.key: tree.card for tree in peers} | {root.card.key: root.card})
    cards[own.key] = own
    _note_dotted_outside(organisation, cards)
    root = _with_cards(root, cards)
    args = {"post": post.title or key}
    return Chart(root, translate("chart.label.team", locale, args), _dotted(organisation, cards), legend(locale))


def _some(
    organisation: Organisation, keys: list[str], current: str, links: Links, keep: CardTree | None = None
) -> list[CardTree]:
    """Up to `TEAM_SIZE` posts of ``keys`` (``current`` always, as ``keep``), and a box counting the rest."""
    room = TEAM_SIZE - (current in keys)
    shown = {current} | set([key for key in keys if key != current][:room])
    trees = [
        keep if key == current and keep is not None else CardTree(post_card(organisation, key, links))
        for key in keys
        if key in shown
    ]
    hidden = len([key for key in keys if key not in shown])
    if hidden:
        words = translate("chart.more", organisation.settings.locale, {"count": hidden})
        place = "peers" if keep is not None else "below"
        trees.append(CardTree(Card(f"more:{place}", words, kind="department", tooltip=words)))
    return trees


def _with_cards(tree: CardTree, cards: dict[str, Card]) -> CardTree:
    """The tree with each card replaced by its latest version in ``cards`` (notes added since)."""
    return CardTree(cards.get(tree.card.key, tree.card), tuple(_with_cards(child, cards) for child in tree.children))


def overview_chart(organisation: Organisation, links: Links) -> Chart:
    """The department tree under the organisation, one box per department."""
    settings = organisation.settings
    keys = [key for key, _ in organisation.department_tree()]
    keys += sorted(set(organisation.departments) - set(keys))  # only in a department cycle
    cards = {department_key(key): department_card(organisation, key, links) for key in keys}
    parents = {department_key(key): _parent_department(organisation, key) for key in keys}
    tops, children = forest(list(cards), parents)
    total = organisation.total_headcount()
    root = Card(
        ROOT_KEY,
        settings.name,
        kind="root",
        count=_count(total, settings.locale),
        vacancy=_vacancy(total, settings.locale),
        href=links.home(),
        tooltip=_lines([settings.name, _tip_count(total, settings.locale)]),
    )
    tree = CardTree(root, tuple(card_tree(top, cards, children) for top in tops))
    args = {"organisation": settings.name, "departments": len(keys)}
    return Chart(tree, translate("chart.label.overview", settings.locale, args), (), legend(settings.locale))


def legend(locale: Locale) -> Legend:
    return Legend(
        label("chart.legend.reporting", locale),
        label("chart.legend.dotted", locale),
        label("chart.legend.vacant", locale),
    )


# --- cards -----------------------------------------------------------------


def post_card(organisation: Organisation, key: str, links: Links) -> Card:
    """A post's box: title, code and grade, head count and vacancy."""
    return replace(_KEPT.post_box(organisation, key), href=links.post(key))


@dataclass
class _Boxes:
    """The boxes of the posts of the organisation drawn last, without their links, which depend on the page.

    A post's box is drawn in the charts of its own page, its superior's, its peers' and its subordinates':
    worked out once, it is only linked again. It keeps what it read of the organisation, noted again for each
    page that shows it, so that an incremental generate recomputes every page the post's box is on.
    """

    organisation: Organisation | None = None
    posts: dict[str, Post] | None = None
    boxes: dict[str, tuple[Card, frozenset[str]]] = field(default_factory=dict)

    def post_box(self, organisation: Organisation, key: str) -> Card:
        if self.organisation is not organisation or self.posts is not organisation.posts:
            self.organisation, self.posts, self.boxes = organisation, organisation.posts, {}
        kept = self.boxes.get(key)
        if kept is None:
            with kept_reads() as reads:
                box = _post_box(organisation, key)
            self.boxes[key] = (box, frozenset(reads))
            return box
        box, reads_of_box = kept
        note_all(reads_of_box)
        return box


_KEPT = _Boxes()


def _post_box(organisation: Organisation, key: str) -> Card:
    post = organisation.posts[key]
    locale = organisation.settings.locale
    grade = post.grade
    count = Headcount(post.authorised, post.filled_count, post.vacant)
    superior = organisation.posts.get(post.reports_to or "")
    dotted = [_title(organisation, other) for other in post.dotted_line]
    tooltip = [
        post.title or key,
        _field("post.code", post.code, locale),
        _field("post.grade", grade, locale),
        _tip_count(count, locale),
        _field("post.reports-to", superior.title if superior else post.reports_to, locale),
        _field("post.dotted-line", dotted, locale),
    ]
    note = _concurrent(organisation, key)
    return Card(
        post_key(key),
        post.title or key,
        detail=" · ".join(part for part in (post.code, grade) if part) or None,
        count=_count(count, locale),
        vacancy=_vacancy(count, locale),
        note=note,
        tooltip=_lines([*tooltip, note]),
    )


def _concurrent(organisation: Organisation, key: str) -> str | None:
    """The post its holder also holds (兼任：…), or the posts whose holders hold it (由…兼任)."""
    locale = organisation.settings.locale
    held = organisation.posts[key].also_holds
    notes = []
    if held in organisation.posts and held != key:
        notes.append(translate("chart.also-holds", locale, {"posts": [_title(organisation, held)]}))
    holders = [_title(organisation, other) for other in organisation.held_by.get(key, [])]
    if holders:
        notes.append(translate("chart.held-by", locale, {"posts": holders}))
    return _joined(notes, locale)


def _joined(notes: list[str], locale: Locale) -> str | None:
    return label("punct.list", locale).join(notes) or None


def department_card(
    organisation: Organisation, key: str, links: Links, *, kind: CardKind = "department", tag: str | None = None
) -> Card:
    """A department as one box: name, head post and the total head count with its sub-departments."""
    department = organisation.departments[key]
    locale = organisation.settings.locale
    head = _title(organisation, department.head) if department.head else None
    total = organisation.headcount(key, recursive=True)
    has_children = bool(organisation.department_children.get(key))
    partners = [organisation.departments[other].name for other in organisation.office_partners.get(key, [])]
    note = translate("chart.office-partners", locale, {"departments": partners}) if partners else None
    tooltip = [
        department.name,
        tag,
        _field("label.head", head, locale),
        _tip_count(total, locale, total=has_children),
        note,
    ]
    return Card(
        department_key(key),
        department.name,
        kind=kind,
        tag=tag,
        detail=head,
        count=_count(total, locale),
        vacancy=_vacancy(total, locale),
        note=note,
        href=links.department(key),
        tooltip=_lines(tooltip),
    )


def _sub_department(organisation: Organisation, key: str, members: list[str], links: Links) -> tuple[Card, str | None]:
    """A sub-department's box and the card it hangs under (None: the top).

    The box takes its head post's key, so that dotted lines to or from the
    head are drawn; a head that is (wrongly) also a member of the parent
    department keeps it apart.
    """
    tag = label("chart.sub-department", organisation.settings.locale)
    card = department_card(organisation, key, links, kind="sub-department", tag=tag)
    head = organisation.departments[key].head
    if head is None or head not in organisation.posts or head in members:
        return card, None
    return replace(card, key=post_key(head), stands_for=card.key), _superior_in(organisation, head, members)


def _superior_in(organisation: Organisation, key: str, members: list[str]) -> str | None:
    superior = organisation.posts[key].reports_to
    return post_key(superior) if superior in members and superior != key else None


def _parent_department(organisation: Organisation, key: str) -> str | None:
    parent = organisation.departments[key].parent
    return department_key(parent) if parent in organisation.departments and parent != key else None


def _dotted(organisation: Organisation, cards: dict[str, Card]) -> tuple[tuple[str, str], ...]:
    prefix = post_key("")
    posts = [key.removeprefix(prefix) for key in cards if key.startswith(prefix)]
    return tuple(
        (post_key(post), post_key(superior))
        for post in posts
        if post in organisation.posts
        for superior in organisation.posts[post].dotted_line
    )


def _note_dotted_outside(organisation: Organisation, cards: dict[str, Card]) -> None:
    """Name the dotted-line superiors that are not in the chart on the post's box."""
    locale = organisation.settings.locale
    prefix = post_key("")
    for key, card in cards.items():
        post = organisation.posts.get(key.removeprefix(prefix)) if key.startswith(prefix) else None
        outside = (
            [_title(organisation, other) for other in post.dotted_line if post_key(other) not in cards] if post else []
        )
        if outside:
            dotted = translate("chart.dotted-outside", locale, {"posts": outside})
            cards[key] = replace(card, note=_joined([part for part in (card.note, dotted) if part], locale))


# --- words -----------------------------------------------------------------


def _title(organisation: Organisation, key: str) -> str:
    post = organisation.posts.get(key)
    return post.title or key if post else key


def _count(count: Headcount, locale: Locale) -> str:
    return translate("chart.count", locale, {"authorised": count.authorised, "filled": count.filled})


def _vacancy(count: Headcount, locale: Locale) -> str | None:
    return translate("chart.vacant", locale, {"vacant": count.vacant}) if count.vacant else None


def _tip_count(count: Headcount, locale: Locale, *, total: bool = False) -> str:
    """The head count in words for a tooltip: "编制 3，实有 2，空缺 1"."""
    text = translate("chart.tip.count", locale, vars(count))
    if count.vacant:
        text = translate("chart.tip.vacant", locale, {"count": text, "vacant": count.vacant})
    return translate("chart.tip.total", locale, {"count": text}) if total else text


def _field(name: str, value: str | list[str] | None, locale: Locale) -> str | None:
    if not value:
        return None
    return translate("chart.tip.field", locale, {"name": Term(name), "value": value})


def _lines(lines: Iterable[str | None]) -> str:
    return "\n".join(line for line in lines if line)
