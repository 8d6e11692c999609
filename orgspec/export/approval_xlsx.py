"""The authority matrix (分权手册) as an Excel workbook: the grid of the handbook's page (pure).

One row per business item and tier (the item repeated on each, so that a
filter keeps whole rows), one column per party in the page's order, each
cell the step and action (②审核); the heading row and the item and tier
columns stay in view. Imported on its own, like the post register: openpyxl
is slow to import.
"""

from __future__ import annotations

import datetime as dt

from orgspec.export.register import table_xlsx
from orgspec.i18n import Locale, label
from orgspec.views.approvals import Grid


def approval_xlsx(grid: Grid, locale: Locale, *, author: str, when: dt.datetime) -> bytes:
    """The grid as a workbook of one sheet; every cell is text."""
    return table_xlsx(
        grid.header(locale),
        grid.flat_rows(),
        title=label("nav.authorities", locale),
        author=author,
        when=when,
        fixed_columns=2 if grid.tiers else 1,
    )
