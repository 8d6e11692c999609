"""The checks orgspec runs: a stable code and a default severity for each.

A project changes a severity under ``checks:`` in orgspec.yaml; reading
errors (YAML, schema, ids) cannot be changed because without them the data
cannot be built.
"""

from __future__ import annotations

from orgspec.core.diagnostics import FIXED_CODES, Diagnostic, Level, Position
from orgspec.link.organisation import Organisation
from orgspec.load.yamlfile import Loc, SourceFile

CHECKS: dict[str, tuple[Level, str]] = {
    "yaml-bom": ("warning", "A file starts with a byte-order mark."),
    "unknown-reference": (
        "error",
        "A reference names a post, department, clause or approval party that does not exist.",
    ),
    "unknown-grade": ("error", "A post's grade is not on the grade scale."),
    "missing-title": ("error", "A post has no title and no based_on to take one from."),
    "reporting-cycle": ("error", "Reporting lines form a cycle."),
    "department-cycle": ("error", "Parent departments form a cycle."),
    "based-on-cycle": ("error", "based_on references form a cycle."),
    "duplicate-code": ("error", "Two posts have the same post number."),
    "code-pattern": ("warning", "A post number does not follow the settings' code_pattern."),
    "filled-exceeds-authorised": ("error", "More people in post than authorised."),
    "headcount-mismatch": ("error", "A department's authorised head count differs from the total of its posts."),
    "head-outside-department": ("error", "A department's head post belongs to another department."),
    "self-dotted-line": ("warning", "A dotted line repeats the direct superior or the post itself."),
    "unknown-check": ("error", "orgspec.yaml sets the severity of a check that does not exist."),
    "span-of-control": ("warning", "A post has more direct subordinates than limits.span_of_control."),
    "too-many-layers": ("warning", "A reporting chain is longer than limits.layers."),
    "post-without-duties": ("warning", "A post lists no duties."),
    "post-without-kpis": ("warning", "A post has no KPIs."),
    "department-without-head": ("warning", "A department names no head post."),
    "duplicate-duty": ("warning", "Two posts of one department have a duty with the same text."),
    "authority-without-owner": ("warning", "A business item of the authority matrix is decided by no post."),
    "duty-shares": ("warning", "The shares of time of a post's duties do not add up to 100%."),
    "unused-clause": ("warning", "A standard clause is referenced nowhere."),
    "kpi-weights": ("warning", "The weights of a post's or department's KPIs, where given, do not add up to 100%."),
    "based-on-top-post": ("warning", "A post based on another sets no reports_to and so reports to no post."),
    "family-level": ("error", "A post is a level of two job families, or twice a level of one."),
    "replaces-outside-family": ("warning", "A post replaces fields of the levels below it but has no level below it."),
    "concurrent-cycle": ("error", "Posts held concurrently (also_holds) form a cycle."),
    "concurrent-chain": ("error", "The holder of a post held concurrently holds yet another post (a chain of 兼任)."),
    "concurrent-seats": ("error", "A post is held concurrently by the holders of more posts than it has seats."),
    "staffing-mismatch": (
        "error",
        "A department's staffing of a kind differs from the seats of its posts of that kind.",
    ),
    "leadership-quota": ("error", "More seats hold a leadership rank than the department's 领导职数 allow."),
    "leadership-without-quota": ("warning", "A post holds a leadership rank that no 领导职数 above it declares."),
    "unknown-competency-level": ("error", "A competency is rated at a level that is not on the competency scale."),
    "unknown-section": ("error", "A post fills a section that orgspec.yaml does not declare."),
    "approval-final": ("error", "An amount tier of a business item has no final approver, or more than one."),
    "approval-tier-overlap": ("error", "Two rules of a business item cover the same amounts."),
    "approval-tier-gap": ("warning", "Some amounts of a business item are covered by no rule."),
    "approval-duplicate-party": ("error", "A party signs twice in one rule's signing order."),
}
"""Every configurable check: code → (default severity, what it finds)."""


def report(
    organisation: Organisation, code: str, owner: str, key: str, loc: Loc, /, *, as_key: bool = False, **args: object
) -> Diagnostic:
    """A diagnostic of check ``code`` about a field of the post or department ``key``."""
    if _ignored(organisation, code):
        # Dropped by apply_severities anyway; locating it would parse its file a second time
        # (thousands of times over when a project ignores a lint such as post-without-kpis).
        return Diagnostic(code, CHECKS[code][0], "", Position(), args)
    name, position = organisation.locate(owner, key, loc, as_key=as_key)
    return Diagnostic(code, CHECKS[code][0], name, position, args)


def report_in(
    organisation: Organisation, code: str, source: SourceFile, loc: Loc, /, *, as_key: bool = False, **args: object
) -> Diagnostic:
    """A diagnostic of check ``code`` about a field of a project file other than a post or department."""
    if _ignored(organisation, code):
        return Diagnostic(code, CHECKS[code][0], "", Position(), args)
    return Diagnostic(code, CHECKS[code][0], source.name, source.locate(loc, key=as_key), args)


def report_settings(
    organisation: Organisation, code: str, loc: Loc, /, *, as_key: bool = False, **args: object
) -> Diagnostic:
    """A diagnostic of check ``code`` about a field of orgspec.yaml."""
    return report_in(organisation, code, organisation.project.settings_source, loc, as_key=as_key, **args)


def _ignored(organisation: Organisation, code: str) -> bool:
    return code not in FIXED_CODES and organisation.settings.checks.get(code) == "ignore"
