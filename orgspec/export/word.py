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
from orgspec.i18n import Locale, label, translate
from orgspec.views.sheet import Field, JobSheet, Section, Table, field_rows

GENERATOR = "orgspec"
"""Written as the last author: Word replaces it when someone saves the file, which tells our files from theirs."""

NUMBER_INDENT = Mm(7)
PROPERTY_LIMIT = 255
"""The most characters a document property may hold."""


def word_document(sheets: Sequence[JobSheet], when: dt.datetime, *, title: str | None = None) -> bytes:
    """A .docx holding ``sheets`` in order, dated ``when``; the same input always gives the same bytes."""
    if not sheets:
        raise ValueError("a Word document needs at least one job sheet")
    document = new_document()
    for index, sheet in enumerate(sheets):
        section = document.sections[0] if index == 0 else document.add_section(WD_SECTION.NEW_PAGE)
        page_header(section, sheet.organisation, sheet.header)
        _sheet(document, sheet)
    page_footer(document.sections[0], sheets[0].locale)
    _properties(document, sheets, when, title or sheets[0].heading)
    return saved(document, when)


def new_document() -> Document:
    """An empty A4 document with the styles and fonts of the sheets."""
    document = docx.Document()
    prepare(document)
    _drop_thumbnail(document)
    return document


def saved(document: Document, when: dt.datetime) -> bytes:
    """The document's bytes, the same for the same content."""
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
    set_properties(
        document,
        when,
        title=title,
        subject=label("post.sheet", sheets[0].locale),
        author=sheets[0].organisation,
        keywords=" ".join(sheet.code for sheet in sheets if sheet.code),
        category=sheets[0].department,
    )


def set_properties(
    document: Document, when: dt.datetime, *, title: str, subject: str, author: str, keywords: str, category: str
) -> None:
    """The document's properties, orgspec as its last author (how a later export knows the file is its own)."""
    properties = document.core_properties
    naive = when.astimezone(dt.UTC).replace(tzinfo=None)
    properties.title = xml_text(title, PROPERTY_LIMIT)
    properties.subject = xml_text(subject, PROPERTY_LIMIT)
    properties.author = xml_text(author, PROPERTY_LIMIT)
    properties.last_modified_by = GENERATOR
    properties.keywords = xml_text(keywords, PROPERTY_LIMIT)
    properties.category = xml_text(category, PROPERTY_LIMIT)
    properties.comments = ""
    properties.revision = 1
    properties.created = properties.modified = naive


def page_header(section: WordSection, organisation: str, text: str) -> None:
    """The organisation on the left, ``text`` (the post number, …) on the right."""
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = "Header"
    paragraph.add_run(xml_text(f"{organisation}\t{text}"))


def page_footer(section: WordSection, locale: Locale) -> None:
    """Page numbers as fields: 第 PAGE 页，共 NUMPAGES 页."""
    paragraph = section.footer.paragraphs[0]
    paragraph.style = "Footer"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in re.split(r"(\{page\}|\{pages\})", translate("sheet.page", locale, {})):
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
            label_cell(row.cells[index * 2], field.label)
            text_cell(value, field.value)


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
            label_cell(cell, text)
    for index, values in enumerate(data.rows, start=header):
        row_options(table.rows[index])
        for column, value in enumerate(values):
            cell = table.cell(index, column)
            if value is None:
                table.cell(index - 1, column).merge(cell)
            elif column == 0 and data.label_column:
                label_cell(cell, value)
            else:
                text_cell(cell, value)


def label_cell(cell: _Cell, text: str) -> None:
    shade(cell)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    cell.paragraphs[0].add_run(xml_text(text)).bold = True


def text_cell(cell: _Cell, text: str) -> None:
    cell.paragraphs[0].add_run(xml_text(text))
