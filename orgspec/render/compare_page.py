"""The department comparison page (部门对比): the `orgspec compare` table, with links (pure)."""

from __future__ import annotations

from typing import Any

from orgspec.analysis.metrics import ROWS, columns, row_label, shown
from orgspec.render.handbook import Handbook
from orgspec.views.common import Link


def compare_page(book: Handbook) -> str:
    """Every department (with its sub-departments) in tree order, then the organisation, one row per metric."""
    return book.render("compare.md.j2", book.layout.index("compare"), **compare_values(book))


def compare_values(book: Handbook) -> dict[str, Any]:
    """What the comparison page shows: the departments' links and one row of values per metric."""
    organisation = book.organisation
    locale = organisation.settings.locale
    table = columns(organisation, [key for key, _ in organisation.department_tree()], with_sub_departments=True)
    heads = [
        book.ctx.department_link(column.id) or Link(column.name)
        if column.id is not None
        else Link(column.name, book.layout.home())
        for column in table
    ]
    rows = [
        (row_label(name, locale, organisation), [shown(value(column.metrics)) for column in table])
        for name, value in ROWS
    ]
    return {"heads": heads, "rows": rows}
