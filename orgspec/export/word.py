"""Word (.docx) job sheets in the standard table layout (pure: sheets in, bytes out).

One post per document, or a department booklet: several posts in one
document, each starting on a new page with its own header.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.section import Section as WordSection
from docx.shared import Mm
from docx.table import _Cell

from orgspec.export.package import stable_zip
from orgspec.export.word_style import add_field, grid, prepare, row_options, shade, xml_text
from orgspec.i18n import label, translate
from orgspec.views.sheet import Field, JobSheet, Section, Table

GENERATOR = "orgspec"
"""Written as the last author: Word replaces it when someone saves the file, which tells our files from theirs."""

NUMBER_INDENT = Mm(7)
PROPERTY_LIMIT = 255
"""The most characters a document property may hold."""


def word_document(sheets: Sequence[JobSheet], when: dt.datetime, *, title: str | None = None) -> bytes:
    """A .docx holding ``sheets`` in order, dated ``when``; the same input always gives the same bytes."""
    if not sheets:
        raise ValueError("a Word document needs at least one job sheet")
    document = docx.Document()
    prepare(document)
    _drop_thumbnail(document)
    for index, sheet in enumerate(sheets):
        section = document.sections[0] if index == 0 else document.add_section(WD_SECTION.NEW_PAGE)
        _header(section, sheet)
        _sheet(document, sheet)
    _footer(document.sections[0], sheets[0])
    _properties(document, sheets, when, title or sheets[0].heading)
    stream = io.BytesIO()
    document.save(stream)
    return stable_zip(stream.getvalue(), when)


def _drop_thumbnail(document: Document) -> None:
    """The template's thumbnail shows a blank page, not this document."""
    relationships = document.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del relationships[key]


def _properties(document: Document, sheets: Sequence[JobSheet], when: dt.datetime, title: str) -> None:
    properties = document.core_properties
    naive = when.astimezone(dt.UTC).replace(tzinfo=None)
    properties.title = xml_text(title, PROPERTY_LIMIT)
    properties.subject = label("post.sheet", sheets[0].locale)
    properties.author = xml_text(sheets[0].organisation, PROPERTY_LIMIT)
    properties.last_modified_by = GENERATOR
    properties.keywords = xml_text(" ".join(sheet.code for sheet in sheets if sheet.code), PROPERTY_LIMIT)
    properties.category = xml_text(sheets[0].department, PROPERTY_LIMIT)
    properties.comments = ""
    properties.revision = 1
    properties.created = properties.modified = naive


def _header(section: WordSection, sheet: JobSheet) -> None:
    """The organisation on the left, the post number on the right."""
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = "Header"
    paragraph.add_run(xml_text(f"{sheet.organisation}\t{sheet.header}"))


def _footer(section: WordSection, sheet: JobSheet) -> None:
    """Page numbers as fields: 第 PAGE 页，共 NUMPAGES 页."""
    paragraph = section.footer.paragraphs[0]
    paragraph.style = "Footer"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in re.split(r"(\{page\}|\{pages\})", translate("sheet.page", sheet.locale, {})):
        if part == "{page}":
            add_field(paragraph, "PAGE")
        elif part == "{pages}":
            add_field(paragraph, "NUMPAGES")
        elif part:
            paragraph.add_run(part)


def _sheet(document: Document, sheet: JobSheet) -> None:
    document.add_paragraph(xml_text(sheet.heading), style="Title")
    _basic(document, sheet.basic)
    for section in sheet.sections:
        _section(document, section)


def field_rows(fields: Sequence[Field]) -> list[list[Field]]:
    """Fields two to a row; a wide field takes a row of its own."""
    rows: list[list[Field]] = []
    for field in fields:
        if field.wide or not rows or len(rows[-1]) == 2 or rows[-1][0].wide:
            rows.append([field])
        else:
            rows[-1].append(field)
    return rows


def _basic(document: Document, fields: Sequence[Field]) -> None:
    rows = field_rows(fields)
    table = document.add_table(rows=len(rows), cols=4)
    grid(table, (2, 3, 2, 3))
    for row, pair in zip(table.rows, rows, strict=True):
        row_options(row)
        for index, field in enumerate(pair):
            value = row.cells[index * 2 + 1]
            if field.wide:
                value = value.merge(row.cells[3])
            _label(row.cells[index * 2], field.label)
            _text(value, field.value)


def _section(document: Document, section: Section) -> None:
    document.add_paragraph(xml_text(section.heading), style="Heading 1")
    if section.text:
        document.add_paragraph(xml_text(section.text))
    for group in section.groups:
        if group.heading:
            document.add_paragraph(xml_text(group.heading), style="Heading 2")
        for number, line in enumerate(group.lines, start=group.start):
            _numbered(document, number, line.text)
    if section.table is not None:
        _table(document, section.table)


def _numbered(document: Document, number: int, text: str) -> None:
    """A numbered line with a hanging indent; numbers are plain text so they never renumber."""
    paragraph = document.add_paragraph(xml_text(f"{number}.\t{text}"))
    paragraph.paragraph_format.left_indent = NUMBER_INDENT
    paragraph.paragraph_format.first_line_indent = -NUMBER_INDENT
    paragraph.paragraph_format.tab_stops.add_tab_stop(NUMBER_INDENT)


def _table(document: Document, data: Table) -> None:
    header = 1 if data.header else 0
    table = document.add_table(rows=header + len(data.rows), cols=data.columns)
    grid(table, data.widths or (1,) * data.columns)
    if header:
        row_options(table.rows[0], header=True)
        for cell, text in zip(table.rows[0].cells, data.header, strict=True):
            _label(cell, text)
    for index, values in enumerate(data.rows, start=header):
        row_options(table.rows[index])
        for column, value in enumerate(values):
            cell = table.cell(index, column)
            if value is None:
                table.cell(index - 1, column).merge(cell)
            elif column == 0 and data.label_column:
                _label(cell, value)
            else:
                _text(cell, value)


def _label(cell: _Cell, text: str) -> None:
    shade(cell)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    cell.paragraphs[0].add_run(xml_text(text)).bold = True


def _text(cell: _Cell, text: str) -> None:
    cell.paragraphs[0].add_run(xml_text(text))
