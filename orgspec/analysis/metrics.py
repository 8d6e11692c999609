"""Structure metrics of a department or of the whole organisation (pure).

A metric is computed over a *scope*: a set of posts. A department's scope
is either its own posts or its posts and those of every department below
it (``with_sub_departments``, the default of `orgspec compare` and of the
comparison page, as the department's authorised 编制 counts them too); the
organisation's scope is every post.

- **posts**: the posts (岗位) in the scope; a post with an authorised head
  count of 3 is one post.
- **authorised / filled / vacant**: the sums of the posts' 编制, people in
  post, and vacancies (authorised minus filled, never negative, per post);
  a seat held concurrently (兼任) by the holder of another post is counted
  once, with that post.
- **managers**: posts with at least one direct subordinate post, wherever
  that subordinate sits (a division head whose reports head the
  sub-departments is a manager in the division's own scope too);
  **individual contributors**: the other posts of the scope.
- **layers**: the number of posts in the longest reporting chain that stays
  inside the scope (a head and the staff reporting to it: 2 layers; a scope
  with posts but no reporting line inside it: 1; no posts: 0).
- **span of control**: a manager's number of direct subordinate *posts*
  (as the ``span-of-control`` check counts it, not people); **mean** over
  the scope's managers (none when it has no manager), **max**, and the
  posts whose span is above ``limits.span_of_control``.
- **duties / KPIs / authorities**: the entries of the posts' job
  descriptions, including those taken from ``based_on`` and those marked
  internal; a duty group counts its duties, not its heading; a standard
  clause reference counts as a duty.
- **posts without KPIs**: posts of the scope whose job description has none.
- **shared duties** (overlaps): duty texts written out in two or more posts
  of the scope, compared with all white space removed (as the
  ``duplicate-duty`` check compares them). Standard clause references are
  shared on purpose and are not overlaps: they are counted apart as
  **shared clauses**, the clauses referenced by the duties of two or more
  posts. Duties a post takes from ``based_on`` are shared on purpose too
  and are not overlaps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, takewhile

from orgspec.i18n import Locale, translate
from orgspec.link.organisation import Headcount, Organisation
from orgspec.model.common import ClauseRef, Duty
from orgspec.model.post import Post, duty_entries, written_text

__all__ = [
    "ROWS",
    "Column",
    "Metrics",
    "PostFacts",
    "columns",
    "department_metrics",
    "metrics",
    "organisation_metrics",
    "post_facts",
    "row_label",
    "shown",
]


@dataclass(frozen=True)
class Metrics:
    """The metrics of one scope (see the module docstring for definitions)."""

    posts: int
    headcount: Headcount
    managers: int
    layers: int
    span_mean: float | None
    span_max: int
    posts_over_span: tuple[str, ...]
    duties: int
    kpis: int
    authorities: int
    posts_without_kpis: tuple[str, ...]
    shared_duties: tuple[str, ...]
    shared_clauses: tuple[str, ...]

    @property
    def individual_contributors(self) -> int:
        """Posts of the scope without a direct subordinate."""
        return self.posts - self.managers


@dataclass(frozen=True)
class PostFacts:
    """What the metrics take from one post, worked out once however many scopes hold it."""

    post: Post
    """The post as linked (its KPIs and authorities are counted from it)."""
    written: Mapping[str, str]
    """Duty texts written out in the post itself (not taken from based_on): without white space → as first
    written there."""
    clauses: frozenset[str]
    chain: tuple[str, ...]
    counted: Headcount
    span: int
    duties: int


def post_facts(organisation: Organisation, posts: Iterable[str]) -> dict[str, PostFacts]:
    """The facts of each of ``posts``: what `metrics` needs of them, for any number of scopes."""
    facts = {}
    for key in posts:
        post = organisation.posts[key]
        entries = [entry for _, entry in duty_entries(post)]
        written = organisation.project.posts.get(key)  # as written: duties taken from based_on are shared on purpose
        own: list[str | Duty | ClauseRef] = entries  # a post not based on another is linked as it is written
        if written is None or written.model is not post:
            own = [] if written is None else [entry for _, entry in duty_entries(written.model)]
        texts: dict[str, str] = {}
        for text in map(written_text, own):
            if text is not None:  # where two texts differ only in white space, the first
                texts.setdefault("".join(text.split()), text)
        facts[key] = PostFacts(
            post=post,
            written=texts,
            clauses=frozenset(entry.clause for entry in entries if isinstance(entry, ClauseRef)),
            chain=tuple(organisation.chain(key)),
            counted=organisation.counted(key),
            span=len(organisation.subordinates[key]),
            duties=len(entries),
        )
    return facts


def metrics(organisation: Organisation, posts: Sequence[str], facts: Mapping[str, PostFacts] | None = None) -> Metrics:
    """The metrics of the scope made of ``posts`` (ids of posts of ``organisation``), from their ``facts`` when
    they are given (`post_facts`)."""
    known = post_facts(organisation, posts) if facts is None else facts
    scope = [known[key] for key in posts]
    spans = [post.span for post in scope if post.span]
    limit = organisation.settings.limits.span_of_control
    return Metrics(
        posts=len(posts),
        headcount=sum((post.counted for post in scope), Headcount()),
        managers=len(spans),
        layers=_longest_chain(set(posts), (post.chain for post in scope)),
        span_mean=sum(spans) / len(spans) if spans else None,
        span_max=max(spans, default=0),
        posts_over_span=tuple(sorted(key for key, post in zip(posts, scope, strict=True) if post.span > limit)),
        duties=sum(post.duties for post in scope),
        kpis=sum(len(facts.post.kpis) for facts in scope),
        authorities=sum(len(facts.post.authorities) for facts in scope),
        posts_without_kpis=tuple(sorted(key for key, facts in zip(posts, scope, strict=True) if not facts.post.kpis)),
        shared_duties=_shared_duties(posts, scope),
        shared_clauses=_shared_clauses(posts, scope),
    )


def department_metrics(
    organisation: Organisation,
    department: str,
    *,
    with_sub_departments: bool,
    facts: Mapping[str, PostFacts] | None = None,
) -> Metrics:
    """The metrics of a department's own posts, or of them and its sub-departments' posts."""
    return metrics(organisation, organisation.posts_in(department, recursive=with_sub_departments), facts)


def organisation_metrics(organisation: Organisation, facts: Mapping[str, PostFacts] | None = None) -> Metrics:
    """The metrics of every post of the organisation."""
    return metrics(organisation, list(organisation.posts), facts)


def layers(organisation: Organisation, posts: Sequence[str]) -> int:
    """Posts in the longest reporting chain that stays inside the scope."""
    return _longest_chain(set(posts), (organisation.chain(key) for key in posts))


def _longest_chain(inside: set[str], chains: Iterable[Sequence[str]]) -> int:
    return max((len(list(takewhile(inside.__contains__, chain))) for chain in chains), default=0)


def _shared_duties(posts: Sequence[str], scope: Sequence[PostFacts]) -> tuple[str, ...]:
    """Duty texts written out in two or more posts of the scope (white space ignored), as first written."""
    holders = _distinct_facts(posts, scope)
    counts = Counter(chain.from_iterable(post.written for post in holders))
    shared = [normal for normal, count in counts.items() if count >= 2]
    if not shared:
        return ()
    first: dict[str, str] = {}
    for post in reversed(holders):  # the first post that wrote a text is the last to set it
        first.update(post.written)
    return tuple(first[normal] for normal in sorted(shared))


def _shared_clauses(posts: Sequence[str], scope: Sequence[PostFacts]) -> tuple[str, ...]:
    """Ids of standard clauses referenced by the duties of two or more posts of the scope."""
    counts = Counter(chain.from_iterable(post.clauses for post in _distinct_facts(posts, scope)))
    return tuple(sorted(clause for clause, count in counts.items() if count >= 2))


def _distinct_facts(posts: Sequence[str], scope: Sequence[PostFacts]) -> list[PostFacts]:
    """The facts of each post of the scope once, in order (a post listed twice is one holder)."""
    return list(dict(zip(posts, scope, strict=True)).values())


Value = int | float | None

ROWS: tuple[tuple[str, Callable[[Metrics], Value]], ...] = (
    ("posts", lambda m: m.posts),
    ("authorised", lambda m: m.headcount.authorised),
    ("filled", lambda m: m.headcount.filled),
    ("vacant", lambda m: m.headcount.vacant),
    ("managers", lambda m: m.managers),
    ("individual_contributors", lambda m: m.individual_contributors),
    ("layers", lambda m: m.layers),
    ("span_mean", lambda m: m.span_mean),
    ("span_max", lambda m: m.span_max),
    ("posts_over_span", lambda m: len(m.posts_over_span)),
    ("duties", lambda m: m.duties),
    ("kpis", lambda m: m.kpis),
    ("authorities", lambda m: m.authorities),
    ("posts_without_kpis", lambda m: len(m.posts_without_kpis)),
    ("shared_duties", lambda m: len(m.shared_duties)),
    ("shared_clauses", lambda m: len(m.shared_clauses)),
)
"""The rows of a comparison table, in order: metric name → its number (lists are counted)."""


def row_label(name: str, locale: Locale, organisation: Organisation) -> str:
    """The label of a comparison row in the organisation's language."""
    args = {"limit": organisation.settings.limits.span_of_control}
    return translate(f"metric.{name.replace('_', '-')}", locale, args)


def shown(value: Value) -> str:
    """A metric as a table shows it: a mean with one decimal, none as a dash."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


@dataclass(frozen=True)
class Column:
    """One column of a comparison: a department (or, with ``id`` None, the organisation)."""

    id: str | None
    name: str
    metrics: Metrics


def columns(organisation: Organisation, departments: Sequence[str], *, with_sub_departments: bool) -> list[Column]:
    """The columns of a comparison: each department in ``departments``, then the whole organisation."""
    facts = post_facts(organisation, organisation.posts)
    result = [
        Column(
            key,
            organisation.departments[key].name,
            department_metrics(organisation, key, with_sub_departments=with_sub_departments, facts=facts),
        )
        for key in departments
    ]
    result.append(Column(None, organisation.settings.name, organisation_metrics(organisation, facts)))
    return result
