"""Read a Word file into the blocks of its body: paragraphs and tables, in order, with their places.

Only the two parts that matter are read from the package — the document
and its styles — and their XML is walked directly rather than through
python-docx's objects: opening every part of a package took two thirds of
an import, a merged cell is seen once with how far it spans, and text boxes
are not read twice (Word stores each twice, for new and for old readers).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from orgspec.importer.problems import Place, Unreadable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
CONTAINERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag", f"{W}ins"}
"""Elements that only wrap paragraphs and tables (content controls, custom XML, tracked insertions)."""

MAX_BYTES = 50_000_000
"""The largest Word file read: a job description with its pictures is far smaller."""
MAX_UNPACKED = 200_000_000
"""The most its parts may unpack to, so that a zip bomb is refused before it is opened."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The start of a Word 97–2003 file, and of a password-protected .docx (an encrypted package inside one)."""
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body: its text, place, heading level (0 the title) and list level."""

    text: str
    place: Place
    heading: int | None = None
    listed: int | None = None


@dataclass(frozen=True)
class Cell:
    """A table cell; ``continued`` marks the lower part of a vertically merged cell (its text is the one above)."""

    text: str
    place: Place
    continued: bool = False
    span: int = 1

    def covers(self, column: int) -> bool:
        """Whether this cell spans the grid column ``column`` (1-based)."""
        return self.place.column <= column < self.place.column + self.span


@dataclass(frozen=True)
class Grid:
    """A table as rows of cells, a merged cell once per row."""

    number: int
    rows: list[list[Cell]]


Block = Paragraph | Grid


def read_word(path: Path) -> list[Block]:
    """The body of the .docx at ``path``; `Unreadable` when it is no Word file orgspec can read."""
    head = _head(path)
    if head.startswith(OLE_MAGIC):
        raise Unreadable("import.encrypted" if ENCRYPTED in path.read_bytes() else "import.legacy-doc")
    if not head.startswith(b"PK"):
        raise Unreadable("import.not-word")
    try:
        with zipfile.ZipFile(path) as archive:
            _refuse_bomb(archive)
            main = _part(archive, "", OFFICE_DOCUMENT)
            if main is None or _content_type(archive, main) != WORD_MAIN:
                raise Unreadable("import.not-word")
            body = _xml(archive, main).find(f"{W}body")
            styles = _part(archive, main, STYLES)
            names = _style_names(_xml(archive, styles)) if styles in archive.namelist() else {}
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError, EOFError) as error:
        raise Unreadable("import.corrupt", reason=str(error)) from error
    if body is None:
        raise Unreadable("import.corrupt", reason="the document has no body")
    return list(_Body(names).blocks(body))


OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
"""XML read without entities or network: a document cannot make the parser fetch or expand anything."""


def _xml(archive: zipfile.ZipFile, name: str | None) -> etree._Element:
    if name is None:
        raise KeyError("a part the document refers to is missing")
    return etree.fromstring(archive.read(name), _PARSER)


def _part(archive: zipfile.ZipFile, source: str, kind: str) -> str | None:
    """The part of type ``kind`` that ``source`` (the package itself when empty) refers to."""
    folder, _, name = source.rpartition("/")
    relations = f"{folder}/_rels/{name}.rels" if source else "_rels/.rels"
    if relations.lstrip("/") not in archive.namelist():
        return None
    for relation in _xml(archive, relations.lstrip("/")).iter(f"{RELATIONSHIPS}Relationship"):
        if relation.get("Type") == kind and relation.get("TargetMode") != "External":
            target = relation.get("Target", "")
            return posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
    return None


def _content_type(archive: zipfile.ZipFile, part: str) -> str | None:
    types = _xml(archive, "[Content_Types].xml")
    for override in types.iter(f"{CONTENT_TYPES}Override"):
        if override.get("PartName", "").lstrip("/") == part:
            return str(override.get("ContentType", ""))
    extension = part.rpartition(".")[2]
    for default in types.iter(f"{CONTENT_TYPES}Default"):
        if default.get("Extension", "").casefold() == extension.casefold():
            return str(default.get("ContentType", ""))
    return None


def _style_names(styles: etree._Element) -> dict[str, str]:
    """Style id → style name, as Word names them in the file (``heading 1``, ``Title``, ``List Number``)."""
    names = {}
    for style in styles.iterchildren(f"{W}style"):
        name = style.find(f"{W}name")
        names[style.get(f"{W}styleId", "")] = name.get(f"{W}val", "") if name is not None else ""
    return names


def _head(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise Unreadable("import.too-large", size=f"{size:,}", limit=f"{MAX_BYTES:,}")
        with path.open("rb") as stream:
            return stream.read(8)
    except OSError as error:
        raise Unreadable("import.cannot-open", reason=error.strerror or str(error)) from error


def _refuse_bomb(archive: zipfile.ZipFile) -> None:
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED:
        raise Unreadable("import.too-large", size=f"{unpacked:,}", limit=f"{MAX_UNPACKED:,}")


class _Body:
    """Walks a body element, numbering its non-empty paragraphs and its tables."""

    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles
        self.paragraphs = 0
        self.tables = 0
        self.count = 0

    def blocks(self, parent: etree._Element) -> Iterator[Block]:
        for child in parent:
            if child.tag == f"{W}p":
                paragraph = self._paragraph(child)
                if paragraph is not None:
                    yield paragraph
            elif child.tag == f"{W}tbl":
                self.tables += 1
                self.count += 1
                yield Grid(self.tables, _rows(child, self.tables, self.count))
            elif child.tag in CONTAINERS:
                yield from self.blocks(child)

    def _paragraph(self, element: etree._Element) -> Paragraph | None:
        text = paragraph_text(element).strip()
        if not text:
            return None
        self.paragraphs += 1
        self.count += 1
        style = self.styles.get(_value(element, "pStyle") or "", "").casefold()
        place = Place(self.count, paragraph=self.paragraphs)
        return Paragraph(text, place, _heading(style, element), _listed(style, element))


def _value(element: etree._Element, tag: str) -> str | None:
    """The ``w:val`` of the paragraph property ``tag``."""
    properties = element.find(f"{W}pPr")
    found = properties.find(f"{W}{tag}") if properties is not None else None
    return found.get(f"{W}val") if found is not None else None


def _heading(style: str, element: etree._Element) -> int | None:
    if style in ("title", "标题"):
        return 0
    for prefix in ("heading ", "标题 "):
        if style.startswith(prefix) and style[len(prefix) :].isdigit():
            return int(style[len(prefix) :])
    outline = _value(element, "outlineLvl")
    return int(outline) + 1 if outline is not None and outline.isdigit() and int(outline) < 9 else None


def _listed(style: str, element: etree._Element) -> int | None:
    properties = element.find(f"{W}pPr")
    numbering = properties.find(f"{W}numPr") if properties is not None else None
    if numbering is not None:
        number = numbering.find(f"{W}numId")
        if number is not None and number.get(f"{W}val") != "0":
            level = numbering.find(f"{W}ilvl")
            value = level.get(f"{W}val") if level is not None else "0"
            return int(value) if value and value.isdigit() else 0
    return 0 if style.startswith(("list number", "list bullet")) else None


def paragraph_text(element: etree._Element) -> str:
    """The text of a paragraph as Word shows it: tabs and line breaks kept, deleted text and copies left out."""
    parts: list[str] = []
    _collect(element, parts)
    return "".join(parts)


def _collect(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag != FALLBACK and isinstance(tag, str):
            _collect(child, parts)


def _rows(table: etree._Element, number: int, block: int) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    above: dict[int, str] = {}
    for row_number, row in enumerate(table.iterfind(f"{W}tr"), start=1):
        column = _grid_before(row)
        cells: list[Cell] = []
        for cell in row.iterfind(f"{W}tc"):
            place = Place(block, table=number, row=row_number, column=column + 1)
            span = _span(cell)
            if _merge(cell) == "continue":
                cells.append(Cell(above.get(column, ""), place, continued=True, span=span))
            else:
                text = "\n".join(paragraph_text(p) for p in cell.iter(f"{W}p")).strip()
                above[column] = text
                cells.append(Cell(text, place, span=span))
            column += span
        rows.append(cells)
    return rows


def _grid_before(row: etree._Element) -> int:
    properties = row.find(f"{W}trPr")
    before = properties.find(f"{W}gridBefore") if properties is not None else None
    value = before.get(f"{W}val") if before is not None else None
    return int(value) if value and value.isdigit() else 0


def _merge(cell: etree._Element) -> str | None:
    properties = cell.find(f"{W}tcPr")
    merge = properties.find(f"{W}vMerge") if properties is not None else None
    if merge is None:
        return None
    return merge.get(f"{W}val") or "continue"


def _span(cell: etree._Element) -> int:
    properties = cell.find(f"{W}tcPr")
    span = properties.find(f"{W}gridSpan") if properties is not None else None
    value = span.get(f"{W}val") if span is not None else None
    return int(value) if value and value.isdigit() else 1
