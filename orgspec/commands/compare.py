"""`orgspec compare`: departments side by side, one row per metric.

Exit codes: 0 the table was printed, 1 the organisation has errors (printed
to stderr; warnings are left to `orgspec check`), 2 an unknown department
or not a project folder. The metrics are defined in `orgspec.analysis.metrics`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

import click

from orgspec.analysis.metrics import ROWS, Column, Metrics, columns, row_label, shown
from orgspec.commands.common import checked, chosen_edition, edition_option, folder, format_option, project_option
from orgspec.core.errors import UnknownNameError
from orgspec.edition import publish
from orgspec.i18n import Locale, Term, label, translate
from orgspec.link.organisation import Organisation
from orgspec.render.escape import escape
from orgspec.render.tables import markdown_table, text_table

FORMATS = ("text", "markdown", "json", "csv")


@click.command(name="compare")
@click.argument("departments", nargs=-1, metavar="[DEPT]...")
@format_option(FORMATS)
@click.option("--own", is_flag=True, help="Count each department's own posts only, not its sub-departments'.")
@project_option
@edition_option
def compare_command(
    departments: tuple[str, ...], output_format: str, own: bool, project: Path | None, edition: str | None
) -> None:
    """Compare departments (default: all) side by side: head counts, spans, layers, duties, KPIs, overlaps."""
    result = checked(folder(project), show="errors")
    organisation = publish(result.organisation, chosen_edition(result, edition))
    chosen = list(departments) or [key for key, _ in organisation.department_tree()]
    for key in chosen:
        if key not in organisation.departments:
            raise UnknownNameError("department", key, organisation.departments)
    table = columns(organisation, chosen, with_sub_departments=not own)
    click.echo(FORMATTERS[output_format](organisation, table, not own), nl=False)


def scope_line(organisation: Organisation, with_sub_departments: bool) -> str:
    """The scope of the numbers, in the organisation's language."""
    scope = Term("department.with-children" if with_sub_departments else "department.own")
    return translate("compare.scope", organisation.settings.locale, {"scope": scope})


def _rows(organisation: Organisation, table: Sequence[Column]) -> list[list[str]]:
    locale: Locale = organisation.settings.locale
    return [
        [row_label(name, locale, organisation), *(shown(value(column.metrics)) for column in table)]
        for name, value in ROWS
    ]


def as_text(organisation: Organisation, table: Sequence[Column], with_sub_departments: bool) -> str:
    """An aligned table for the terminal, under a title and the scope."""
    locale = organisation.settings.locale
    header = [label("compare.metric", locale), *(column.name for column in table)]
    lines = [label("nav.compare", locale), scope_line(organisation, with_sub_departments), ""]
    lines += text_table(header, _rows(organisation, table))
    return "\n".join(lines) + "\n"


def as_markdown(organisation: Organisation, table: Sequence[Column], with_sub_departments: bool) -> str:
    """A Markdown table (for a pull request or a wiki), user text escaped."""
    locale = organisation.settings.locale
    header = [escape(label("compare.metric", locale)), *(escape(column.name) for column in table)]
    rows = [[escape(row[0]), *row[1:]] for row in _rows(organisation, table)]  # numbers need no escaping
    lines = [f"## {escape(label('nav.compare', locale))}", "", escape(scope_line(organisation, with_sub_departments))]
    return "\n".join([*lines, "", *markdown_table(header, rows)]) + "\n"


def as_csv(organisation: Organisation, table: Sequence[Column], with_sub_departments: bool) -> str:
    """CSV for a spreadsheet: a header of department names, one row per metric."""
    locale = organisation.settings.locale
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([label("compare.metric", locale), *(column.name for column in table)])
    for name, value in ROWS:
        cells = [_csv_value(value(column.metrics)) for column in table]
        writer.writerow([row_label(name, locale, organisation), *cells])
    return out.getvalue()


def _csv_value(value: int | float | None) -> str:
    if value is None:
        return ""
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def metrics_document(metrics: Metrics) -> dict[str, object]:
    """The metrics of one scope for machines: counts, and lists where the table shows a count."""
    return {
        "posts": metrics.posts,
        "authorised": metrics.headcount.authorised,
        "filled": metrics.headcount.filled,
        "vacant": metrics.headcount.vacant,
        "managers": metrics.managers,
        "individual_contributors": metrics.individual_contributors,
        "layers": metrics.layers,
        "span_mean": None if metrics.span_mean is None else round(metrics.span_mean, 2),
        "span_max": metrics.span_max,
        "posts_over_span": list(metrics.posts_over_span),
        "duties": metrics.duties,
        "kpis": metrics.kpis,
        "authorities": metrics.authorities,
        "posts_without_kpis": list(metrics.posts_without_kpis),
        "shared_duties": list(metrics.shared_duties),
        "shared_clauses": list(metrics.shared_clauses),
    }


def as_json(organisation: Organisation, table: Sequence[Column], with_sub_departments: bool) -> str:
    """One JSON document: the scope, the span limit, each department's metrics, the organisation's."""
    document = {
        "scope": "with-sub-departments" if with_sub_departments else "own",
        "span_of_control_limit": organisation.settings.limits.span_of_control,
        "departments": [
            {"id": column.id, "name": column.name, **metrics_document(column.metrics)}
            for column in table
            if column.id is not None
        ],
        "organisation": {"name": organisation.settings.name, **metrics_document(table[-1].metrics)},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {"text": as_text, "markdown": as_markdown, "json": as_json, "csv": as_csv}
