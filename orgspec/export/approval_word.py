"""The authority matrix (分权手册) as a Word document: the grid of the handbook's page as one table (pure).

A4 landscape, so that fifteen parties fit across; the heading row repeats on
every page and no row is split between two; an item's cell spans its tiers.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Pt

from orgspec.export.word import label_cell, new_document, page_footer, page_header, saved, set_properties, text_cell
from orgspec.export.word_style import LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH, grid, page_setup, row_options, xml_text
from orgspec.i18n import Locale, label, translate
from orgspec.views.approvals import Grid

CELL_POINTS = 8
"""The size of the table's text: smaller than the sheets' 五号, for many columns."""


def approval_document(matrix: Grid, *, organisation: str, locale: Locale, when: dt.datetime) -> bytes:
    """The grid as a Word document dated ``when``; the same input always gives the same bytes."""
    document = new_document()
    section = document.sections[0]
    page_setup(section, landscape=True)
    title = label("nav.authorities", locale)
    page_header(section, organisation, title)
    stops = section.header.paragraphs[0].paragraph_format.tab_stops
    stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.CLEAR)  # the style's stop is at the portrait margin
    stops.add_tab_stop(LANDSCAPE_TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    page_footer(section, locale)
    heading = translate("approval.heading", locale, {"organisation": organisation})
    document.add_paragraph(xml_text(heading), style="Title")
    _table(document, matrix, locale)
    set_properties(document, when, title=heading, subject=title, author=organisation, keywords="", category="")
    return saved(document, when)


def _table(document: Document, matrix: Grid, locale: Locale) -> None:
    header = matrix.header(locale)
    rows = matrix.flat_rows()
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    widths = (3, *([3] if matrix.tiers else []), *(2 for _ in matrix.columns), *([3] if matrix.notes else []))
    grid(table, widths, LANDSCAPE_TEXT_WIDTH)
    cells = [row.cells for row in table.rows]  # once: python-docx finds a cell by listing the whole table
    row_options(table.rows[0], header=True)
    for cell, text in zip(cells[0], header, strict=True):
        label_cell(cell, text)
    for index, (row, values) in enumerate(zip(matrix.rows, rows, strict=True), start=1):
        row_options(table.rows[index])
        if row.span:
            label_cell(cells[index][0], row.item)
        for cell, value in zip(cells[index][1:], values[1:], strict=True):
            text_cell(cell, value)
    for runs in (paragraph.runs for row_cells in cells for cell in row_cells for paragraph in cell.paragraphs):
        for run in runs:
            run.font.size = Pt(CELL_POINTS)
    for index, row in enumerate(matrix.rows, start=1):
        if row.span > 1:
            cells[index][0].merge(cells[index + row.span - 1][0])
