"""Read the blocks of a Word job description into a `Reading`.

Both layouts go through one reader. A heading (a styled heading, a
numbered one such as 二、岗位职责, or a label such as ``任职资格：``) opens a
section; the lines under it are its values, numbered items of one kind
making its list, items of a further kind the details of the item above,
and a line without a number continuing a wrapped item. Labelled table
cells open sections the same way (`orgspec.importer.tables` reads them
through this reader). A first line that is no label is the document's
title, and the prose under it, before any label, the post's summary; among
the duties, 职责一 numbers a duty and 职责表述 states one, which heads the
tasks written under it (工作任务). Text under no known label is kept aside
with the label it stood under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orgspec.importer.labels import TRAILING, LabelTable, normalise
from orgspec.importer.lines import pairs, split_label, title_parts
from orgspec.importer.numbering import SECTION_KINDS, TERMINAL, Marker, marker, split_inline
from orgspec.importer.problems import Place
from orgspec.importer.reading import SCALAR_TARGETS, TEXT_TARGETS, Item, Kept, Reading, visible_length
from orgspec.importer.word import Paragraph

FORM_TARGETS = frozenset({"basic", "derived", "signatures"})
"""Labels of a form that hold nothing of the post: a document with no other label is no job description."""
RUNNING_TARGETS = SCALAR_TARGETS | TEXT_TARGETS | {"derived"}
"""Fields of one value or of running text: after them an unknown ``label：`` starts a section of its own."""
LOOSE_LABEL = 8
"""An unknown label of at most this many characters in front of running text (总结：…) starts a section."""
SHORT_HEADING = 30
"""A numbered line (一、…) of at most this many characters without a closing full stop is a heading."""


@dataclass
class Head:
    """A heading: the field it opens (None: unknown), its label, text after an inline label, how it is numbered."""

    target: str | None
    label: str
    rest: str
    opener: str
    numbered: str | None = None
    """The numbering of a line that is a label and its first value (1.内部协调：总经理): its items' top level."""


@dataclass
class Section:
    """The field lines are read into now, and what is known of its list."""

    target: str | None
    label: str
    opener: str
    kept: Kept | None = None
    kinds: list[str] = field(default_factory=list)
    group: str | None = None
    last: Item | None = None
    number: int | None = None
    """The number of the last top-level item: the next one may be written without its full stop (3销售…)."""
    statement: Item | None = None
    """A duty stated (职责表述：…) that heads the tasks written under it (工作任务), once they come."""
    tasks: bool = False
    """Whether the tasks of ``statement`` have begun: the next item makes it their group."""


class Reader:
    """Reads paragraphs and table cells, in the order of the document, into a `Reading`."""

    def __init__(self, labels: LabelTable) -> None:
        self.labels = labels
        self.reading = Reading()
        self.section: Section | None = None

    def paragraph(self, paragraph: Paragraph) -> None:
        """A paragraph of the body: the document's title, a heading, or values."""
        self.reading.read += visible_length(paragraph.text)
        if self.reading.title is None and self.section is None and self._title(paragraph):
            return
        for line in paragraph.text.split("\n"):
            if line.strip():
                self.line(line.strip(), paragraph.place, paragraph.heading, paragraph.listed)

    def line(self, text: str, place: Place, styled: int | None = None, listed: int | None = None) -> None:
        """One line: a heading opens a section, anything else is a value of the one open; a line of several
        ``label：value`` pairs is read pair by pair."""
        parts = pairs(text, self._known) if styled is None and listed is None else [text]
        for part in parts:
            if not self._duty_marker(part, place):
                self._line(part, place, styled, listed)

    def _line(self, text: str, place: Place, styled: int | None, listed: int | None) -> None:
        head = self.heading(text, styled)
        if head is None:
            self.add(text, place, listed)
        elif head.target is None and self._group(head):
            assert self.section is not None
            found = marker(head.label)
            self.section.group = found.rest if found else head.label
            self.section.last, self.section.kinds = None, []
        else:
            self.open(head.target, head.label, place, head.opener)
            if head.rest:
                if head.numbered is not None and self.section is not None:
                    self.section.kinds.append(head.numbered)
                self.add(head.rest, place)

    def heading(self, text: str, styled: int | None) -> Head | None:
        """The heading ``text`` is, or None for a value."""
        found = marker(text)
        body = found.rest if found else text
        opener = f"h{styled}" if styled is not None else (found.kind if found else "plain")
        target = self.labels.field(body)
        if target is not None:
            return Head(target, text, "", opener)
        label, rest = split_label(body)
        if label is not None and (target := self.labels.field(label)) is not None:
            inline = opener if found or styled is not None else "inline"
            return Head(target, label, rest, inline, found.kind if found else None)
        titled = self._titled(body)
        if titled is not None:
            return Head(titled, text, "", opener)
        headed = styled is not None or (found is not None and found.kind in SECTION_KINDS and _short(body))
        headed = headed or bool(_ENCLOSED_WORD.fullmatch(body))
        if headed and (target := self.labels.field(_SUBTITLE.split(body, maxsplit=1)[0])) is not None:
            return Head(target, text, "", opener)  # PERSON SPECIFICATION - COMPETENCES/SKILLS REQUIRED
        if headed:
            return Head(None, text, "", opener)
        if label is not None and (found is None or found.kind == "•") and self._loose(label):
            return Head(None, label, rest, "inline")  # 总结：… or - 岗位性质：… after values of one line
        return None

    def _titled(self, body: str) -> str | None:
        """The field a line names after the post's title: 销售管理部经理工作规程 → routines."""
        title = self.reading.title
        if title is None or not title.text or len(body) > len(title.text) + SHORT_HEADING:
            return None
        plain, named = normalise(body), normalise(title.text)
        return self.labels.field(plain[len(named) :]) if plain.startswith(named) and plain != named else None

    def _loose(self, label: str) -> bool:
        """Whether an unknown ``label：`` starts a section of its own: a short one, after running text."""
        section = self.section
        running = section is None or section.kept is not None or section.target in RUNNING_TARGETS
        return running and len(normalise(label)) <= LOOSE_LABEL

    def _group(self, head: Head) -> bool:
        """Whether an unknown heading heads a group of duties inside the section open (rather than its own)."""
        section = self.section
        if section is None or section.target != "duties":
            return False
        if section.opener == "title":
            return True
        if head.opener.startswith("h"):
            return section.opener.startswith("h") and head.opener > section.opener
        return head.opener != section.opener

    def open(self, target: str | None, label: str, place: Place, opener: str) -> None:
        """Open the section of ``target`` (None: a section kept aside under ``label``)."""
        found = marker(label)
        label = (found.rest if found else label).strip().rstrip(TRAILING)
        if target == "sections":  # a project's label for "the section of this title": kept when none is declared
            target = self.labels.section(label)
        section = self.section
        if target == "duties" and section is not None and section.target == "duties" and section.statement:
            section.tasks = True  # 工作任务 under 职责表述: the tasks of the duty stated
            return
        kept = None
        if target is None:
            kept = Kept(label, place)
            self.reading.kept.append(kept)
        elif target not in FORM_TARGETS:
            self.reading.labelled = True
        self.section = Section(target, label, opener, kept)

    def close(self) -> None:
        self.section = None

    def add(self, text: str, place: Place, listed: int | None = None) -> None:
        """A value of the section open; without one, text kept aside."""
        section = self.section
        if section is None:
            self.keep(text, place)
            return
        for part in split_inline(text):
            self._add(section, part, place, listed)

    def keep(self, text: str, place: Place, label: str | None = None) -> None:
        """Text that found no field, kept aside with its place."""
        self.reading.kept.append(Kept(label, place, [text]))

    def _add(self, section: Section, text: str, place: Place, listed: int | None) -> None:
        target = section.target
        if section.kept is not None:
            section.kept.lines.append(text)
        elif target == "derived":
            self.reading.derived.append((section.label, Item(text, place)))
        elif target == "signatures":
            if not self.labels.is_form(text):
                self.keep(text, place, section.label)  # written into the form: kept, never dropped
        elif target == "basic":
            self.keep(text, place, section.label)
        elif target in SCALAR_TARGETS or target in TEXT_TARGETS:
            found = marker(text)
            self.reading.items(target).append(Item(found.rest if found else text, place))
        elif target is not None:
            self._list_item(section, target, text, place, listed)

    def _list_item(self, section: Section, target: str, text: str, place: Place, listed: int | None) -> None:
        found = marker(text) or _bare_number(section, text)
        kind = found.kind if found else (f"word{listed}" if listed is not None else None)
        body = found.rest if found else text
        last = section.last
        if kind is None and last is not None and section.kinds:
            if not last.last.endswith(TERMINAL) and not section.kinds[0].startswith("word"):
                last.extend(body)  # a line of a numbered item, wrapped (never one Word numbers: it wraps by itself)
            else:
                self.keep(text, place, section.label)  # a line after a numbered list, not part of it
            return
        if kind is not None and kind not in section.kinds:
            section.kinds.append(kind)
        if kind is not None and last is not None and section.kinds.index(kind) > 0:
            last.details.append(body)
            return
        if found is not None and found.number == 1 and last is not None:
            section.group = None  # numbering that starts again after a group: lines under no heading
        if section.tasks and section.statement is not None:
            self._stated(section, target)
        item = Item(body, place, section.group)
        self.reading.items(target).append(item)
        section.last = item
        section.number = found.number if found is not None else None

    def _stated(self, section: Section, target: str) -> None:
        """The duty stated becomes the group of the tasks under it (its line moves to the group's heading)."""
        assert section.statement is not None
        items = self.reading.items(target)
        items.remove(section.statement)
        section.group, section.statement, section.tasks = section.statement.whole, None, False
        section.last, section.kinds = None, []

    def _known(self, label: str) -> bool:
        return self.labels.field(label) is not None

    def numbers_a_duty(self, text: str) -> bool:
        """Whether ``text`` only numbers a duty of the duties open (职责一)."""
        section = self.section
        return section is not None and section.target == "duties" and bool(_DUTY_NUMBER.fullmatch(normalise(text)))

    def _duty_marker(self, text: str, place: Place) -> bool:
        """Read a line that only numbers a duty (职责一) or states one (职责表述：…) in the duties open."""
        section = self.section
        if section is None or section.target != "duties":
            return False
        if self.numbers_a_duty(text):
            section.group = section.statement = None
            section.last, section.kinds, section.tasks = None, [], False
            return True
        label, rest = split_label(text)
        if label is None or normalise(label) not in STATEMENT_LABELS or not rest:
            return False
        section.group, section.tasks = None, False
        section.statement = section.last = Item(rest, place)
        self.reading.items("duties").append(section.statement)
        section.kinds = []
        return True

    def _title(self, paragraph: Paragraph) -> bool:
        """Take the document's title from its first paragraph when it reads as one: a title style, a title's
        ending (…岗位说明书), or a short line that is no label, before anything else; a title that says
        nothing of the section its body starts in is followed by the post's summary, if any."""
        text = paragraph.text.strip()
        title, target = title_parts(text)
        first = not (self.reading.fields or self.reading.rows or self.reading.kept)
        plain = first and _short(text) and not text.endswith((*TERMINAL, "：", ":")) and "\n" not in text
        if title is None and paragraph.heading not in (0, 1) and not plain:
            return False
        if title is None and self.heading(text, None) is not None:
            return False
        self.reading.title = Item(title or text, paragraph.place)
        self.reading.title_target = target
        self.reading.labelled = self.reading.labelled or target is not None
        if target is not None or first:
            self.section = Section(target or "summary", text, "title")
        return True


_SUBTITLE = re.compile(r"\s+[-–—]+\s+")
"""What parts a heading from its subtitle: PERSON SPECIFICATION - COMPETENCES/SKILLS REQUIRED."""
_ENCLOSED_WORD = re.compile(r"[【〔〖]\s*[^【】〔〕〖〗\n]{1,20}\s*[】〕〗]")
"""A line that is a word in brackets, 【福利待遇】: a heading, known or not."""
_DUTY_NUMBER = re.compile(r"(?:职责|任务|工作职责)[一二三四五六七八九十\d]+")
"""A duty's number written as its label: 职责一 (often a character a line, in a narrow cell)."""
STATEMENT_LABELS = frozenset({"职责表述"})
"""The label of a duty stated in a line, with the tasks it takes (工作任务) written under it."""

_BARE_NUMBER = re.compile(r"(\d{1,3})(?=[^\d.．、,，:：~～\-/%年月日号点时天个人次项万元])")


def _bare_number(section: Section, text: str) -> Marker | None:
    """The next number of a list written without its full stop (3销售推荐介绍率 after 2.…), else None."""
    found = _BARE_NUMBER.match(text)
    if found is None or not section.kinds or section.number is None or int(found.group(1)) != section.number + 1:
        return None
    return Marker(section.kinds[0], section.number + 1, text[found.end() :].strip())


def _short(body: str) -> bool:
    plain = body.strip()
    return len(plain) <= SHORT_HEADING and (not plain.endswith(TERMINAL) or len(normalise(plain)) <= 12)
