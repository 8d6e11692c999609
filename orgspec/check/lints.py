"""Design lints: warnings about how the organisation is designed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from orgspec.check.registry import report
from orgspec.check.walk import find, find_any
from orgspec.core.diagnostics import Diagnostic
from orgspec.i18n import Term
from orgspec.link.organisation import Organisation
from orgspec.model import Department, Post
from orgspec.model.common import Authority, ClauseRef, Duty, Kpi
from orgspec.model.post import written_duties


def check_spans_and_layers(organisation: Organisation) -> Iterator[Diagnostic]:
    """Span of control over the limit; reporting chains deeper than the limit."""
    limits = organisation.settings.limits
    for key, subordinates in organisation.subordinates.items():
        if len(subordinates) > limits.span_of_control:
            yield report(
                organisation, "span-of-control", "post", key, (), count=len(subordinates), limit=limits.span_of_control
            )
    for key in organisation.posts:
        chain = organisation.chain(key)
        if len(chain) == limits.layers + 1:
            shown = " → ".join(reversed(chain))
            yield report(
                organisation,
                "too-many-layers",
                "post",
                key,
                ("reports_to",),
                layers=len(chain),
                limit=limits.layers,
                chain=shown,
            )


def check_content(organisation: Organisation) -> Iterator[Diagnostic]:
    """Posts without duties or KPIs, departments without a head, shares that do not add up."""
    for key, post in organisation.posts.items():
        if not post.duties:
            yield report(organisation, "post-without-duties", "post", key, ())
        if not post.kpis:
            yield report(organisation, "post-without-kpis", "post", key, ())
        shares = [duty.share for _, duty in find(post.duties, Duty) if duty.share is not None]
        if shares and sum(shares) != 100 and "duties" in organisation.project.posts[key].model.model_fields_set:
            yield report(organisation, "duty-shares", "post", key, ("duties",), total=sum(shares))
        yield from _kpi_weights(organisation, "post", key, post.kpis)
        written = organisation.project.posts[key].model
        if written.based_on is not None and "reports_to" not in written.model_fields_set:
            yield report(organisation, "based-on-top-post", "post", key, ("based_on",), base=written.based_on)
    for key, department in organisation.departments.items():
        if department.head is None:
            yield report(organisation, "department-without-head", "department", key, ())
        yield from _kpi_weights(organisation, "department", key, department.kpis)


def _kpi_weights(organisation: Organisation, owner: str, key: str, kpis: Sequence[Kpi]) -> Iterator[Diagnostic]:
    weights = [kpi.weight for kpi in kpis if kpi.weight is not None]
    if weights and sum(weights) != 100:
        yield report(organisation, "kpi-weights", owner, key, ("kpis",), total=sum(weights))


def check_overlaps(organisation: Organisation) -> Iterator[Diagnostic]:
    """The same duty text in two posts of one department."""
    for department in organisation.project.departments:
        first: dict[str, str] = {}
        for key in sorted(organisation.department_posts.get(department, [])):
            seen_here: set[str] = set()
            # as written, not as linked: duties taken from based_on are shared on purpose
            for loc, text in written_duties(organisation.project.posts[key].model):
                normal = "".join(text.split())
                other = first.get(normal)
                if other is not None and other != key and normal not in seen_here:
                    yield report(
                        organisation,
                        "duplicate-duty",
                        "post",
                        key,
                        loc,
                        text=text if len(text) <= 30 else text[:29] + "…",
                        other=other,
                    )
                first.setdefault(normal, key)
                seen_here.add(normal)


def check_authorities(organisation: Organisation) -> Iterator[Diagnostic]:
    """Business items of the authority matrix that no post decides (those of approvals.yaml have their own checks)."""
    says: dict[str, set[str]] = {}
    first: dict[str, tuple[str, tuple[str | int, ...]]] = {}
    ruled = {rule.item for rule in organisation.project.approvals}
    for key in sorted(organisation.project.posts):
        post = organisation.project.posts[key].model
        for loc, authority in find(post.authorities, Authority, ("authorities",)):
            if authority.item is None or authority.item in ruled:
                continue
            says.setdefault(authority.item, set()).add(authority.say or "")
            first.setdefault(authority.item, (key, loc))
    for item, kinds in sorted(says.items()):
        if "decide" not in kinds:
            key, loc = first[item]
            shown = [Term(f"say.{kind}") for kind in sorted(kinds - {""})] or [Term("say.none")]
            yield report(organisation, "authority-without-owner", "post", key, (*loc, "item"), item=item, says=shown)


def check_clauses(organisation: Organisation) -> Iterator[Diagnostic]:
    """Standard clauses that nothing references."""
    source = organisation.project.clauses_source
    if source is None:
        return
    used: set[str] = set()
    models: list[Post | Department] = [entity.model for entity in organisation.project.posts.values()]
    models += [entity.model for entity in organisation.project.departments.values()]
    for model in models:
        for _, found in find_any(model, (ClauseRef, Authority)):
            if isinstance(found, ClauseRef | Authority) and found.clause:
                used.add(found.clause)
    for key in organisation.project.clauses:
        if key not in used:
            yield Diagnostic("unused-clause", "warning", source.name, source.locate((key,), key=True), {"id": key})
