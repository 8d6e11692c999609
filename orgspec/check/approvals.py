"""Checks of the authority matrix (approvals.yaml): parties, signing orders, final approvers and tiers."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.check.registry import report_in
from orgspec.core.diagnostics import Diagnostic
from orgspec.core.suggest import suggest
from orgspec.i18n import Term, aside, label
from orgspec.i18n.amounts import tier_text
from orgspec.link.approvals import Item, Placed, approval_items, party, tier_key
from orgspec.link.organisation import Organisation
from orgspec.load.validate import show_loc
from orgspec.load.yamlfile import Loc, SourceFile
from orgspec.model.approvals import ApprovalRule
from orgspec.model.types import ID_RE


def check_approvals(organisation: Organisation) -> Iterator[Diagnostic]:
    """Every party exists and signs once per rule; every tier has one final approver; the tiers of an
    item neither overlap nor leave gaps."""
    source = organisation.project.approvals_source
    if source is None:
        return
    for index, rule in enumerate(organisation.project.approvals):
        yield from _signing_order(organisation, source, index, rule)
    for item in approval_items(organisation.project.approvals):
        for placed in item.rules:
            yield from _final_approver(organisation, source, placed)
        yield from _tiers(organisation, source, item)


def _signing_order(
    organisation: Organisation, source: SourceFile, index: int, rule: ApprovalRule
) -> Iterator[Diagnostic]:
    """Parties that are neither a post nor a declared body; a party that signs twice."""
    first: dict[str, int] = {}
    for number, step in rule.steps():
        loc: Loc = ("rules", index, "parties", number - 1, "party")
        found = party(organisation, step.party)
        if found is None:
            yield _unknown_party(organisation, source, loc, step.party)
            continue
        if first.setdefault(found.name, number) != number:
            yield report_in(
                organisation,
                "approval-duplicate-party",
                source,
                loc,
                party=step.party,
                item=rule.item,
                tier=_tier(organisation, rule),
                first=first[found.name],
                step=number,
            )


def _unknown_party(organisation: Organisation, source: SourceFile, loc: Loc, value: str) -> Diagnostic:
    posts = organisation.posts
    titles = {post.title: key for key, post in sorted(posts.items()) if post.title}
    bodies = [name for body in organisation.settings.approvals.bodies for name in (body.name, body.name_en) if name]
    close = titles.get(value) or suggest(value, [*posts, *bodies])
    hint = "did-you-mean" if close else "create-party" if ID_RE.match(value) else "declare-body"
    return report_in(
        organisation,
        "unknown-reference",
        source,
        loc,
        field=show_loc(loc),
        value=value,
        kind=Term("kind.party"),
        suggestion=close or "",
        hint=f"unknown-reference.{hint}",
    )


def _final_approver(organisation: Organisation, source: SourceFile, placed: Placed) -> Iterator[Diagnostic]:
    """A tier needs exactly one party whose action is final."""
    vocabulary = organisation.settings.approvals
    locale = organisation.settings.locale
    finals = [
        step.party for _, step in placed.rule.steps() if (action := vocabulary.action(step.action)) and action.final
    ]
    if len(finals) == 1:
        return
    yield report_in(
        organisation,
        "approval-final",
        source,
        ("rules", placed.index, "parties"),
        as_key=True,
        item=placed.rule.item,
        tier=_tier(organisation, placed.rule),
        count=len(finals),
        parties=finals,
        final=[action.label(locale) for action in vocabulary.actions if action.final],
        problem=Term("approval-final.many" if finals else "approval-final.none"),
    )


def _tiers(organisation: Organisation, source: SourceFile, item: Item) -> Iterator[Diagnostic]:
    """Overlapping tiers, and amounts no tier covers (below the first, between two, above the last)."""
    locale = organisation.settings.locale
    reach: Placed | None = None
    for placed in item.rules:
        low, _ = tier_key(placed)
        if reach is None:
            if placed.rule.above:
                yield _gap(organisation, source, placed, ("above",), tier_text(None, placed.rule.above, locale))
        elif low < tier_key(reach)[1]:
            yield _overlap(organisation, source, placed, reach)
        elif low > tier_key(reach)[1]:
            gap = tier_text(reach.rule.up_to, placed.rule.above, locale)
            yield _gap(organisation, source, placed, ("above",), gap)
        if reach is None or tier_key(placed)[1] > tier_key(reach)[1]:
            reach = placed
    if reach is not None and reach.rule.up_to is not None:
        yield _gap(organisation, source, reach, ("up_to",), tier_text(reach.rule.up_to, None, locale))


def _overlap(organisation: Organisation, source: SourceFile, placed: Placed, other: Placed) -> Diagnostic:
    return report_in(
        organisation,
        "approval-tier-overlap",
        source,
        _tier_loc(placed),
        as_key=True,
        item=placed.rule.item,
        tier=_tier(organisation, placed.rule),
        line=source.locate(("rules", other.index)).line,
        other_tier=_tier(organisation, other.rule),
    )


def _gap(organisation: Organisation, source: SourceFile, placed: Placed, field: Loc, gap: str) -> Diagnostic:
    return report_in(
        organisation,
        "approval-tier-gap",
        source,
        ("rules", placed.index, *field),
        as_key=True,
        item=placed.rule.item,
        gap=gap,
    )


def _tier_loc(placed: Placed) -> Loc:
    """Where a rule's tier is written: its lower bound, else its upper bound, else its item."""
    rule = placed.rule
    field = "above" if rule.above is not None else "up_to" if rule.up_to is not None else "item"
    return ("rules", placed.index, field)


def _tier(organisation: Organisation, rule: ApprovalRule) -> str:
    """A rule's tier as a message shows it after the item, in brackets: （≤5万）, (any amount)."""
    locale = organisation.settings.locale
    return aside("", tier_text(rule.above, rule.up_to, locale) or label("approval.any-amount", locale), locale)
