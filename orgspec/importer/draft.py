"""A post as one document describes it, before its names are resolved against the project.

The values read are put into the shapes of the YAML: duties with their
groups and shares, authorities with their limits, KPIs, routines by period,
qualifications by kind. Names of departments, posts and grades stay names
(`Ref`) until `orgspec.importer.resolve` knows the whole project. A value
that does not fit its field (a head count of 若干, a second department) is
kept aside with its label, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from orgspec.i18n import label
from orgspec.importer import values
from orgspec.importer.competencies import Competencies
from orgspec.importer.labels import MAIN_COLUMN, LabelTable
from orgspec.importer.lines import split_label
from orgspec.importer.problems import Note, Place
from orgspec.importer.reading import Item, Kept, Reading
from orgspec.model import Settings
from orgspec.model.targets import SECTION_PREFIX
from orgspec.model.types import PERIODS

QUALIFICATION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("education", ("学历", "本科", "大专", "中专", "高中", "硕士", "博士", "研究生", "degree", "diploma", "graduate")),
    ("certificates", ("证书", "资格证", "职称", "执业资格", "持证", "certificat", "licen", "chartered")),
    ("experience", ("经验", "年以上", "工作经历", "experience", "years")),
    ("majors", ("专业", "major", "discipline")),
    ("knowledge", ("知识", "熟悉", "了解", "knowledge", "understanding", "familiar")),
    ("skills", ("能力", "技能", "熟练", "掌握", "操作", "skill", "abilit", "proficien")),
)
"""Words that tell which kind of requirement an unlabelled line of 任职要求 is; other lines are general qualities."""

KPI_PARSERS: dict[str, Callable[[str], object]] = {"period": values.period, "weight": values.percent}
"""KPI columns whose text must be read as a value; text that is none is kept aside."""

FIELD_LABELS = {
    "title": "post.title", "code": "post.code", "department": "post.department", "grade": "post.grade",
    "authorised": "post.authorised", "filled": "post.filled", "reports_to": "post.reports-to",
    "also_holds": "post.also-holds", "staffing_kind": "post.staffing-kind", "leadership": "post.leadership",
    "department.parent": "department.parent", "kpis": "post.kpis",
    "authorities": "post.authorities", "routines": "post.routines", "relations": "post.relations",
    "revisions": "post.revisions",
}  # fmt: skip
"""The catalogue label a value is kept under when it does not fit its field."""


@dataclass(frozen=True)
class Ref:
    """A name still to be resolved against the project, and where it was read."""

    text: str
    place: Place


@dataclass
class Draft:
    """One document's post: its data in the YAML's shapes, its names still names."""

    file: str
    title: str | None
    data: dict[str, Any] = field(default_factory=dict)
    department: Ref | None = None
    reports_to: Ref | None = None
    dotted_line: list[Ref] = field(default_factory=list)
    also_holds: Ref | None = None
    grade: Ref | None = None
    relations: dict[str, list[tuple[Ref, str | None]]] = field(default_factory=dict)
    derived: list[tuple[str, str]] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    placed_share: float = 1.0


def draft(reading: Reading, file: str, labels: LabelTable, settings: Settings) -> Draft:
    """The post ``reading`` describes, its ratings read on the competency scale of ``settings``."""
    builder = _Builder(reading, file, labels, settings)
    return builder.build()


class _Builder:
    def __init__(self, reading: Reading, file: str, labels: LabelTable, settings: Settings) -> None:
        self.reading = reading
        self.labels = labels
        self.settings = settings
        self.locale = settings.locale
        self.draft = Draft(file, None, kept=list(reading.kept))
        self.used: set[str] = set()
        """The fields whose values the post took."""

    def build(self) -> Draft:
        reading, result = self.reading, self.draft
        result.title = self.scalar("title") or (reading.title.text if reading.title else None)
        data = result.data
        for name in ("title_en", "code"):
            data[name] = self.scalar(name)
        result.department = self.ref("department")
        result.grade = self.ref("grade")
        data["authorised"] = self.number("authorised")
        data["filled"] = self.number("filled")
        for name in ("staffing_kind", "leadership"):
            data[name] = self.scalar(name)
        result.reports_to = self.ref("reports_to")
        result.dotted_line = [Ref(name, item.place) for item in self.items("dotted_line") for name in names(item.whole)]
        result.also_holds = self.ref("also_holds")
        for name in ("purpose", "summary"):
            data[name] = self.text(name)
        data["duties"] = self.duties()
        data["responsibilities"] = [item.whole for item in self.items("responsibilities")]
        data["authorities"] = [*self.listed_authorities(), *self.table_authorities()]
        data["kpis"] = [*self.table_kpis(), *self.listed_kpis()]
        data["routines"] = self.routines()
        self.relations()
        competencies = Competencies(self.settings, result.file, result.notes)
        data["competencies"] = competencies.read(self.items("competencies"), list(self.rows("competencies")))
        data["qualifications"] = self.qualifications(competencies.unrated)
        for name in ("environment", "career"):
            data[name] = self.text(name)
        data["sections"] = self.sections()
        data["revisions"] = self.revisions()
        result.derived = [(text, item.whole) for text, item in reading.derived]
        for target, items in reading.fields.items():
            if target not in self.used:
                self.keep(target, items)  # a field no post holds (a department's parent): kept, never dropped
        result.placed_share = reading.placed_share
        result.kept = sorted(reading.kept, key=lambda kept: kept.place)  # with the values the builder kept aside
        return result

    # --- values read once

    def items(self, target: str) -> list[Item]:
        self.used.add(target)
        return self.reading.fields.get(target, [])

    def keep(self, target: str, items: list[Item] | Item, text: str | None = None) -> None:
        """Keep values aside under the label of ``target``."""
        items = items if isinstance(items, list) else [items]
        key = FIELD_LABELS.get(target)
        heading = label(key, self.locale) if key else target
        for item in items:
            self.reading.kept.append(Kept(heading, item.place, [text or item.whole]))

    def scalar(self, target: str) -> str | None:
        found = self.items(target)
        if not found:
            return None
        self.keep(target, found[1:])
        return found[0].whole.strip() or None

    def ref(self, target: str) -> Ref | None:
        found = self.items(target)
        if not found:
            return None
        self.keep(target, found[1:])
        return Ref(found[0].whole.strip(), found[0].place)

    def number(self, target: str) -> int | None:
        found = self.items(target)
        if not found:
            return None
        value = values.count(found[0].whole)
        self.keep(target, found if value is None else found[1:])
        return value

    def text(self, target: str) -> str | None:
        return "\n".join(item.whole for item in self.items(target)) or None

    # --- lists

    def duties(self) -> list[Any]:
        entries: list[Any] = []
        for item in self.items("duties"):
            text, share = values.share(item.whole)
            entry: Any = {"text": text, "share": share} if share is not None else text
            if item.group is None:
                entries.append(entry)
            elif entries and isinstance(entries[-1], dict) and entries[-1].get("group") == item.group:
                entries[-1]["items"].append(entry)
            else:
                entries.append({"group": item.group, "items": [entry]})
        return entries

    def listed_authorities(self) -> Iterator[Any]:
        for item in self.items("authorities"):
            yield item.whole

    def table_authorities(self) -> Iterator[Any]:
        for row in self.rows("authorities"):
            entry: dict[str, Any] = {"text": row["authority.text"].text}
            if "authority.item" in row:
                entry["item"] = row["authority.item"].text
            if "authority.say" in row:
                say = values.say(row["authority.say"].text)
                if say is None:
                    self.keep("authorities", row["authority.say"])
                entry["say"] = say
            if "authority.limit" in row:
                entry["limit"], entry["note"] = values.amount(row["authority.limit"].text)
            yield entry if len(entry) > 1 else entry["text"]

    def table_kpis(self) -> Iterator[dict[str, Any]]:
        for row in self.rows("kpis"):
            entry: dict[str, Any] = {"name": row["kpi.name"].text}
            for column in ("definition", "target", "period", "source", "weight", "scoring"):
                if column in KPI_PARSERS:
                    entry[column] = self.parsed(row, f"kpi.{column}", KPI_PARSERS[column])
                elif f"kpi.{column}" in row:
                    entry[column] = row[f"kpi.{column}"].text
            yield entry

    def parsed(self, row: dict[str, Item], column: str, parse: Callable[[str], object]) -> object:
        """The value of ``column`` parsed; text that does not parse is kept aside."""
        if column not in row:
            return None
        value = parse(row[column].text)
        if value is None:
            self.keep("kpis", row[column])
        return value

    def listed_kpis(self) -> Iterator[dict[str, Any]]:
        for item in self.items("kpis"):
            name, rest = split_label(item.text)
            definition = " ".join(part for part in (rest, *item.details) if part)
            yield {"name": name or item.text, "definition": definition or None}

    def rows(self, kind: str) -> Iterator[dict[str, Item]]:
        """The rows of a table of ``kind`` that have its main column; the others are kept aside."""
        for row in self.reading.rows.get(kind, []):
            if MAIN_COLUMN[kind] in row:
                yield row
            else:
                self.keep(kind, list(row.values()))

    def routines(self) -> dict[str, list[Any]]:
        result: dict[str, list[Any]] = {period: [] for period in PERIODS}
        for period in PERIODS:
            for item in self.items(f"routines.{period}"):
                result[period].append(routine(item.whole))
        for item in self.items("routines"):
            named = values.period_of(item.whole)
            if named is None:
                self.keep("routines", item)
            else:
                result[named].append(routine(item.whole))
        for row in self.rows("routines"):
            text = row["routine.text"].text
            named = values.period(row["routine.period"].text) if "routine.period" in row else None
            named = named or values.period_of(text)
            if named is None:
                self.keep("routines", list(row.values()))
                continue
            time = row["routine.time"].text if "routine.time" in row else None
            result[named].append({"time": time, "text": text} if time else text)
        return {period: entries for period, entries in result.items() if entries}

    def relations(self) -> None:
        found: dict[str, list[tuple[Ref, str | None]]] = {"internal": [], "external": []}
        for kind in found:
            for item in self.items(f"relations.{kind}"):
                found[kind].append(_relation(item))
        for item in self.items("relations"):
            found["internal"].append(_relation(item))
        for row in self.rows("relations"):
            side = self.labels.field(row["relation.kind"].text) if "relation.kind" in row else "relations.internal"
            if side not in ("relations.internal", "relations.external"):
                self.keep("relations", list(row.values()))
                continue
            about = row["relation.about"].text if "relation.about" in row else None
            party = row["relation.party"]
            found[side.removeprefix("relations.")].append((Ref(party.text, party.place), about))
        self.draft.relations = found

    def qualifications(self, skills: list[str]) -> dict[str, str | list[str]]:
        """Each kind of requirement: one line as text, several as a list (as people write them); ``skills`` are
        competencies the post's file cannot rate, written as skills."""
        result: dict[str, list[str]] = {}
        for name in QUALIFICATION_KINDS:
            for item in self.items(f"qualifications.{name}"):
                result.setdefault(name, []).append(item.whole)
            if name == "skills" and skills:
                result.setdefault(name, []).extend(skills)
        for item in self.items("qualifications"):
            result.setdefault(qualification_kind(item.whole), []).append(item.whole)
        return {kind: _one_or_many(result[kind]) for kind in QUALIFICATION_KINDS if kind in result}

    def sections(self) -> dict[str, str | list[str]]:
        """The labelled sections orgspec.yaml declares, by id, each as the lines read under its title."""
        found = [target for target in self.reading.fields if target.startswith(SECTION_PREFIX)]
        lines = {target.removeprefix(SECTION_PREFIX): [item.whole for item in self.items(target)] for target in found}
        return {section: _one_or_many(text) for section, text in lines.items() if text}

    def revisions(self) -> list[dict[str, Any]]:
        result = []
        for row in self.rows("revisions"):
            when = values.date(row["revision.date"].text) if "revision.date" in row else None
            if when is None or "revision.change" not in row:
                self.keep("revisions", list(row.values()))
                continue
            entry: dict[str, Any] = {"version": row["revision.version"].text, "date": when,
                                     "change": row["revision.change"].text}  # fmt: skip
            for name in ("author", "reviewer", "approver"):
                if f"revision.{name}" in row:
                    entry[name] = row[f"revision.{name}"].text
            result.append(entry)
        return result


QUALIFICATION_KINDS = ("education", "majors", "experience", "certificates", "skills", "knowledge", "qualities",
                       "preferred")  # fmt: skip


def _one_or_many(lines: list[str]) -> str | list[str]:
    return lines[0] if len(lines) == 1 else lines


def routine(text: str) -> Any:
    """A routine, its time split off when written in front of it."""
    time, task = values.routine_time(text)
    return {"time": time, "text": task} if time else text


def _relation(item: Item) -> tuple[Ref, str | None]:
    name, rest = split_label(item.text)
    about = " ".join(part for part in (rest if name else "", *item.details) if part)
    return Ref(name or item.text, item.place), about or None


def qualification_kind(text: str) -> str:
    """Which kind of requirement an unlabelled line is, by the words in it."""
    lowered = text.casefold()
    for kind, words in QUALIFICATION_WORDS:
        if any(word in lowered for word in words):
            return kind
    return "qualities"


def names(text: str) -> list[str]:
    """Names listed in one value: 甲、乙，丙 / A, B."""
    return [part.strip() for part in re.split(r"[、，,;；/]", text) if part.strip() and not values.is_none(part)]
