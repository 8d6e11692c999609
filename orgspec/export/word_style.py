"""Page, styles and fonts of the Word job sheets, at the level of the XML.

Chinese text in a .docx is drawn with the East Asian font slot
(``w:rFonts/@w:eastAsia``). python-docx's ``font.name`` fills only the Latin
slots, and the default template points every slot at theme fonts
(``w:asciiTheme``, ``w:eastAsiaTheme`` …), which win over named fonts. So
the theme attributes are removed and all four slots named, with the East
Asian language, on the document defaults and on every style the sheets use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph


@dataclass(frozen=True)
class Fonts:
    """A Latin and an East Asian font used together."""

    latin: str
    east_asian: str


BODY = Fonts("Times New Roman", "宋体")
"""宋体 (SimSun) for text, the usual face of printed job sheets."""
HEADING = Fonts("Arial", "黑体")
"""黑体 (SimHei) for the title and headings."""

THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
LANGUAGE = "en-US"
EAST_ASIAN_LANGUAGE = "zh-CN"

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN = Mm(20)
TEXT_WIDTH = Mm(170)
LANDSCAPE_TEXT_WIDTH = Mm(257)
LABEL_FILL = "F2F2F2"

STYLE_SIZES: dict[str, tuple[Fonts, float, bool]] = {
    "Normal": (BODY, 10.5, False),
    "Title": (HEADING, 16, True),
    "Heading 1": (HEADING, 12, True),
    "Heading 2": (HEADING, 10.5, False),
    "Header": (BODY, 9, False),
    "Footer": (BODY, 9, False),
}
"""Every paragraph style the sheets use: fonts, size in points (五号 is 10.5), bold."""


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str, limit: int | None = None) -> str:
    """``text`` without the characters XML cannot hold (YAML escapes such as "\\x01" can make them).

    With ``limit``, on one line and cut to that length (document properties hold at most 255 characters).
    """
    text = _NOT_XML.sub("", text)
    if limit is not None:
        text = " ".join(text.split())[:limit]
    return text


def set_fonts(rpr: CT_RPr, fonts: Fonts) -> None:
    """Name all four font slots and the East Asian language on a run-properties element."""
    rfonts = rpr.get_or_add_rFonts()
    for attribute in THEME_ATTRIBUTES:
        rfonts.attrib.pop(qn(attribute), None)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(slot), fonts.latin)
    rfonts.set(qn("w:eastAsia"), fonts.east_asian)
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), EAST_ASIAN_LANGUAGE)


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The child ``tag`` of ``parent``, added at the end when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found  # type: ignore[no-any-return]
    element = OxmlElement(tag)
    parent.append(element)
    return element


def prepare(document: Document) -> None:
    """A4 pages, the document defaults and the styles of the sheets."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
        assert isinstance(rpr, CT_RPr)
        set_fonts(rpr, BODY)
    for name, (fonts, size, bold) in STYLE_SIZES.items():
        style = document.styles[name]
        assert isinstance(style, ParagraphStyle)
        _style(style, fonts, size, bold)
    _spacing(document)
    page_setup(document.sections[0])


def _style(style: ParagraphStyle, fonts: Fonts, size: float, bold: bool) -> None:
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(style.element.get_or_add_rPr(), fonts)


def _spacing(document: Document) -> None:
    """Compact spacing: the template's 10 pt after every paragraph would bloat the tables."""
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    for name, before in (("Title", 0), ("Heading 1", 10), ("Heading 2", 6)):
        style = document.styles[name]
        assert isinstance(style, ParagraphStyle)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    title = document.styles["Title"]
    assert isinstance(title, ParagraphStyle)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(8)
    _remove(title.element.get_or_add_pPr(), "w:pBdr")
    for name in ("Header", "Footer"):
        style = document.styles[name]
        assert isinstance(style, ParagraphStyle)
        style.paragraph_format.tab_stops.clear_all()
        style.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)


def _remove(parent: BaseOxmlElement, tag: str) -> None:
    for element in parent.findall(qn(tag)):
        parent.remove(element)


def page_setup(section: Section, *, landscape: bool = False) -> None:
    """A4 portrait (or landscape) with 20 mm margins."""
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Mm(10)


def add_field(paragraph: Paragraph, instruction: str) -> None:
    """A field such as PAGE or NUMPAGES; Word and LibreOffice fill it in when laying out pages."""
    _field_char(paragraph, "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    _field_char(paragraph, "separate")
    paragraph.add_run("1")  # shown until the field is first updated
    _field_char(paragraph, "end")


def _field_char(paragraph: Paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def grid(table: Table, widths: tuple[int, ...], across: Length = TEXT_WIDTH) -> None:
    """Fixed column widths in proportion to ``widths`` across the text width (or ``across``)."""
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(widths)
    for index, column in enumerate(table.columns):
        width = int(across * widths[index] / total)
        column.width = width
        for cell in column.cells:
            cell.width = width


def shade(cell: _Cell) -> None:
    """Label cells are shaded, as on the paper sheets."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), LABEL_FILL)
    cell._tc.get_or_add_tcPr().append(shading)


def row_options(row: _Row, *, header: bool = False) -> None:
    """A row is never split across two pages; a header row repeats on every page the table runs over."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))  # the schema wants cantSplit before tblHeader
    if header:
        properties.append(OxmlElement("w:tblHeader"))
