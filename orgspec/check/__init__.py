"""Cross-checks and design lints over a linked organisation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from orgspec.check.approvals import check_approvals
from orgspec.check.families import check_families
from orgspec.check.lints import check_authorities, check_clauses, check_content, check_overlaps, check_spans_and_layers
from orgspec.check.references import check_codes, check_references, check_settings
from orgspec.check.registry import CHECKS
from orgspec.check.sections import check_sections
from orgspec.check.staffing import check_concurrent, check_leadership, check_staffing
from orgspec.check.structure import check_cycles, check_headcounts
from orgspec.core.diagnostics import Diagnostic
from orgspec.link.organisation import Organisation

Check = Callable[[Organisation], Iterable[Diagnostic]]

ALL_CHECKS: tuple[Check, ...] = (
    check_settings,
    check_references,
    check_cycles,
    check_codes,
    check_headcounts,
    check_spans_and_layers,
    check_content,
    check_overlaps,
    check_authorities,
    check_clauses,
    check_approvals,
    check_families,
    check_concurrent,
    check_staffing,
    check_leadership,
    check_sections,
)


def run_checks(organisation: Organisation) -> Iterator[Diagnostic]:
    """Every diagnostic of every check, in the checks' order (sorted later)."""
    for check in ALL_CHECKS:
        yield from check(organisation)


__all__ = ["ALL_CHECKS", "CHECKS", "run_checks"]
