"""The summary of an import: per file, the post written, its fields filled and its text placed; then the totals."""

from __future__ import annotations

from typing import Any

from orgspec.i18n import translate
from orgspec.importer.plan import Plan


def summary_lines(plan: Plan, *, dry_run: bool) -> list[str]:
    """What an import reports in words, in the organisation's language."""
    locale = plan.locale
    lines = []
    for report in plan.reports:
        args = {
            "file": report.file,
            "path": report.path,
            "title": report.title or report.post,
            "filled": report.filled,
            "fields": report.fields,
            "percent": round(100 * report.filled / report.fields),
            "placed": _percent(report.placed),
            "kept": report.kept,
        }
        lines.append(translate("import.file-line", locale, args))
    lines.append(translate("import.summary", locale, totals(plan)))
    if dry_run:
        lines.append(translate("import.dry-run", locale, {}))
    return lines


def staffing_lines(plan: Plan, *, dry_run: bool) -> list[str]:
    """What merging a staffing table reports: each file written or updated, then the totals."""
    locale = plan.locale
    lines = [translate("import.written", locale, {"path": path}) for path, _ in plan.files]
    lines += [translate("import.updated", locale, {"path": path}) for path, _ in plan.updated]
    args = {"rows": plan.rows, "posts": len(plan.posts), "departments": plan.departments,
            "updated": len(plan.updated), "failed": len(set(plan.failed))}  # fmt: skip
    lines.append(translate("import.staffing-summary", locale, args))
    if dry_run:
        lines.append(translate("import.dry-run", locale, {}))
    return lines


def totals(plan: Plan) -> dict[str, int]:
    return {
        "files": plan.inputs,
        "posts": len(plan.posts),
        "departments": plan.departments,
        "kept": sum(report.kept for report in plan.reports),
        "failed": len(set(plan.failed)),
    }


def _percent(share: float) -> int:
    """A share as a whole percent, rounded down: 99.6 % placed is not all of it."""
    return int(share * 100)


def as_json(plan: Plan, *, dry_run: bool) -> dict[str, Any]:
    """The report for tools (``--format json``)."""
    locale = plan.locale
    return {
        "files": [
            {
                "file": report.file,
                "post": report.post,
                "title": report.title,
                "path": report.path,
                "fields_filled": report.filled,
                "fields": report.fields,
                "text_placed_percent": round(report.placed * 100, 1),
                "kept": report.kept,
            }
            for report in plan.reports
        ],
        "notes": [note.as_dict(locale) for note in plan.notes],
        "written": [] if dry_run else [str(path) for path, _ in plan.files],
        "updated": [] if dry_run else [str(path) for path, _ in plan.updated],
        "summary": {**totals(plan), "rows": plan.rows, "dry_run": dry_run},
    }
