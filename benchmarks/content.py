"""The text of a planned organisation: the YAML documents of its posts and departments.

Posts carry about as much as the example's: every post has duties and a
standard clause; managers more often have responsibilities, authorities,
KPIs and routines; some posts have qualifications, relations, a working
environment, a revision history, a dotted-line superior or a vacancy; some
staff posts share the job description of a colleague (``based_on``).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from typing import Any

from benchmarks.plan import Plan, Slot, Unit, split
from benchmarks.vocabulary import GENERIC_HEADINGS, Vocabulary

SAY_WORDS = {"propose": "提议", "review": "审核", "decide": "审批", "informed": "知情"}
LIMIT_SCALE = {0: 10, 1: 2.5, 2: 1}
"""Monetary limits by seniority, as multiples of the example's limit (the general manager: 50)."""
STAFF_HEADCOUNTS = (1, 1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12)


class DutySource:
    """Duty sentences for the posts of one department, never the same text twice.

    The example's sentences are dealt out in a shuffled order; once they run
    out they are dealt again, each scoped to a region (``…（湖南）。``), so
    that no two posts of a department share a duty (the overlap lint).
    """

    def __init__(self, sentences: list[str], regions: list[str], rng: random.Random) -> None:
        self.sentences = sentences
        self.regions = regions
        self.rng = rng
        self.round = 0
        self.queue: list[str] = []

    def take(self, count: int) -> list[str]:
        taken: list[str] = []
        while len(taken) < count:
            if not self.queue:
                self.queue = self._deal()
            taken.append(self.queue.pop())
        return taken

    def _deal(self) -> list[str]:
        deck = self.rng.sample(self.sentences, len(self.sentences))
        self.round += 1
        if self.round == 1:
            return deck
        region = self.regions[(self.round - 2) % len(self.regions)]
        suffix = f"（{region}）" if self.round - 2 < len(self.regions) else f"（{region}{self.round}）"
        return [sentence.rstrip("。;；,，. ") + suffix + "。" for sentence in deck]


def code_of(pattern: str | None, department_code: str, seq: int) -> str:
    """A post number following the settings' pattern, e.g. EX-{department}-{seq:3} → EX-KF03-007."""
    if not pattern:
        return f"{department_code}-{seq:03d}"

    def fill(match: re.Match[str]) -> str:
        if match.group(1) == "department":
            return department_code
        return str(seq).zfill(int(match.group(2) or 0))

    return re.sub(r"\{(department|seq)(?::(\d+))?\}", fill, pattern)


def chunks(items: list[Any], sizes: list[int]) -> Iterator[list[Any]]:
    start = 0
    for size in sizes:
        yield items[start : start + size]
        start += size


class Drafter:
    """Writes the YAML documents (as Python data) of a planned organisation."""

    sharing = 0.4
    """How often a staff post shares the job description of a colleague with the same title (``based_on``)."""

    def __init__(self, plan: Plan, words: Vocabulary, rng: random.Random) -> None:
        self.plan = plan
        self.words = words
        self.rng = rng
        self.grades = [str(grade["id"]) for grade in words.settings.get("grades") or []]
        self.sources: dict[str, DutySource] = {}
        self.authorised: dict[str, int] = {}
        self.descriptions: dict[tuple[str | None, str], str] = {}
        self.managers = [key for key, slot in plan.slots.items() if slot.manager]
        self.clauses = list(words.clauses)
        self.items = self._items()

    def documents(self) -> dict[str, dict[str, Any]]:
        """Every file of the project: path relative to the project → its data."""
        documents: dict[str, dict[str, Any]] = {
            "orgspec.yaml": self.settings(),
            "clauses.yaml": dict(self.words.clauses),
        }
        for number, (key, slot) in enumerate(self.plan.slots.items()):
            documents[f"roles/{key}.yaml"] = self.post(slot, number)
        totals = self.totals()
        for key, unit in self.plan.units.items():
            documents[f"departments/{key}.yaml"] = self.department(unit, totals[key])
        return documents

    def settings(self) -> dict[str, Any]:
        settings = dict(self.words.settings)
        settings.update(name="合成集团", name_en="Synthetic Group")
        settings["limits"] = {"span_of_control": 10, "layers": 7}
        settings["checks"] = {**(settings.get("checks") or {}), "post-without-kpis": "ignore"}
        return settings

    def totals(self) -> dict[str, int]:
        """编制 of each department: its posts and those of every department below it."""
        totals = dict.fromkeys(self.plan.units, 0)
        for key, slot in self.plan.slots.items():
            totals[slot.unit] += self.authorised[key]
        for key in reversed(list(self.plan.units)):
            parent = self.plan.units[key].parent
            if parent is not None:
                totals[parent] += totals[key]
        return totals

    def grade(self, seniority: int) -> str:
        return self.grades[max(0, len(self.grades) - 1 - seniority)]

    # Posts ------------------------------------------------------------------------------------

    def post(self, slot: Slot, number: int) -> dict[str, Any]:
        unit = self.plan.units[slot.unit]
        document: dict[str, Any] = {"title": slot.title}
        if slot.title in self.words.english_titles:
            document["title_en"] = self.words.english_titles[slot.title]
        document["code"] = self._code(unit, slot)
        document["department"] = unit.id
        document["grade"] = self.grade(slot.seniority)
        document.update(self._headcount(slot))
        if slot.reports_to is not None:
            document["reports_to"] = slot.reports_to
        if slot.reports_to is not None and self.rng.random() < 0.04:
            document["dotted_line"] = [self._dotted(slot)]
        shared = self.descriptions.get((slot.reports_to, slot.title))
        if shared is not None and self.rng.random() < self.sharing:
            for key in ("title", "title_en", "grade"):
                document.pop(key, None)
            return {**document, "based_on": shared}
        if not slot.manager:
            self.descriptions.setdefault((slot.reports_to, slot.title), slot.id)
        document.update(self._content(slot, number))
        return document

    def _code(self, unit: Unit, slot: Slot) -> str:
        return code_of(self.words.settings.get("code_pattern"), unit.code, int(slot.id.rsplit("-", 1)[1]))

    def _headcount(self, slot: Slot) -> dict[str, int]:
        authorised = 1 if slot.manager else self.rng.choice(STAFF_HEADCOUNTS)
        self.authorised[slot.id] = authorised
        if slot.manager:
            return {"filled": 0} if self.rng.random() < 0.05 else {}
        vacant = self.rng.randint(1, min(3, authorised)) if self.rng.random() < 0.2 else 0
        counts = {"authorised": authorised} if authorised > 1 else {}
        return {**counts, "filled": authorised - vacant} if vacant else counts

    def _dotted(self, slot: Slot) -> str:
        while True:
            other = self.rng.choice(self.managers)
            if other not in (slot.id, slot.reports_to):
                return other

    def _content(self, slot: Slot, number: int) -> dict[str, Any]:
        """Everything a job description says beyond the basic information, in the example's order."""
        manager, chance = slot.manager, self.rng.random
        content: dict[str, Any] = {}
        if chance() < 0.3:
            content["purpose" if chance() < 0.5 else "summary"] = self.rng.choice(self.words.purposes)
        content["duties"] = self._duties(slot, number)
        if chance() < (0.7 if manager else 0.4):
            content["responsibilities"] = self._some(self.words.responsibilities, 2, 5)
        authorities = self._authorities(slot)
        if authorities:
            content["authorities"] = authorities
        if chance() < (0.6 if manager else 0.25):
            content["kpis"] = [dict(kpi) for kpi in self._some(self.words.kpis, 1, 3)]
        if chance() < (0.3 if manager else 0.15):
            content["routines"] = self._routines()
        if chance() < 0.25:
            content["relations"] = self._relations(slot.unit)
        if chance() < 0.5:
            content["qualifications"] = self._qualifications()
        if chance() < 0.2:
            content["environment"] = self.rng.choice(self.words.environments)
        if chance() < 0.15:
            content["career"] = self.rng.choice(self.words.careers)
        if chance() < 0.15:
            content["revisions"] = self._revisions()
        return content

    def _some(self, pool: list[Any], least: int, most: int) -> list[Any]:
        return self.rng.sample(pool, min(len(pool), self.rng.randint(least, most)))

    def _duties(self, slot: Slot, number: int) -> list[Any]:
        source = self._source(slot.unit)
        count = self.rng.randint(5, 9) if slot.manager else self.rng.randint(3, 6)
        texts = source.take(count)
        # the first posts use each standard clause once, so that none is left unused
        clause = self.clauses[number] if number < len(self.clauses) else self.rng.choice(self.clauses)
        reference = {"clause": clause}
        headings = [heading for heading in self.words.headings if heading not in GENERIC_HEADINGS]
        if slot.manager and self.rng.random() < 0.3 and len(headings) >= 2:
            groups = self.rng.sample(headings, 2)
            sizes = split(count, 2, 2, count, self.rng)
            grouped = [
                {"group": heading, "items": items} for heading, items in zip(groups, chunks(texts, sizes), strict=True)
            ]
            return [*grouped, reference]
        if not slot.manager and self.rng.random() < 0.1:
            shares = split(100, count, 5, 60, self.rng)
            return [*({"text": text, "share": share} for text, share in zip(texts, shares, strict=True)), reference]
        return [*texts, reference]

    def _source(self, unit: str) -> DutySource:
        """The duty sentences of one department (a new deck, shuffled by this organisation's seed, for each)."""
        seed = self.rng.random()  # drawn for every post, as it always was: the same seed writes the same files
        return self.sources.setdefault(unit, DutySource(self.words.duties, self.words.territory, random.Random(seed)))

    def _items(self) -> list[dict[str, Any]]:
        """Business items of the authority matrix: the example's, then its departments' management items."""
        items = [dict(entry) for entry in self.words.decisions]
        known = {entry["item"] for entry in items}
        items += [{"text": f"{item}的审批权", "item": item} for item in self.words.management if item not in known]
        return items

    def _authorities(self, slot: Slot) -> list[Any]:
        entries: list[Any] = []
        if slot.manager or self.rng.random() < 0.3:
            entries += (
                self._some(self.words.authorities, 2, 4) if slot.manager else self._some(self.words.authorities, 1, 2)
            )
        if slot.reports_to is None and slot.seniority == 0:  # the general manager decides every item
            return entries + [self._decision(item, "decide", -1) for item in self.items]
        head = self.plan.units[slot.unit].head == slot.id
        if head:
            say = "decide" if slot.seniority <= 1 else "review"
            entries += [self._decision(item, say, slot.seniority) for item in self._some(self.items, 1, 2)]
        elif slot.manager and self.rng.random() < 0.3:
            entries.append(self._decision(self.rng.choice(self.items), self.rng.choice(("propose", "review")), 2))
        elif self.rng.random() < 0.05:
            entries.append(self._decision(self.rng.choice(self.items), "informed", 3))
        return entries

    def _decision(self, item: dict[str, Any], say: str, seniority: int) -> dict[str, Any]:
        entry = {key: value for key, value in item.items() if key not in ("say", "limit", "note", "internal")}
        if say != "decide":
            entry["text"] = f"{item['item']}的{SAY_WORDS[say]}权"
        entry["say"] = say
        if "limit" in item and say == "decide":
            scale = 50 if seniority < 0 else LIMIT_SCALE.get(seniority, 1)
            entry["limit"] = int(item["limit"] * scale)
            entry.update({key: item[key] for key in ("note", "internal") if key in item})
        return entry

    def _routines(self) -> dict[str, list[Any]]:
        periods = [period for period, entries in self.words.routines.items() if entries]
        chosen = self.rng.sample(periods, min(len(periods), self.rng.randint(1, 2)))
        return {period: self._some(self.words.routines[period], 1, 3) for period in periods if period in chosen}

    def _relations(self, unit: str) -> dict[str, list[Any]]:
        parent = self.plan.units[unit].parent
        internal: list[Any] = [{"party": self.rng.choice(self.words.inside_parties)}]
        if parent is not None:
            internal.insert(0, {"department": parent, "about": self.rng.choice(self.words.functions)})
        if self.rng.random() < 0.5:
            internal.append({"post": self.rng.choice(self.managers)})
        relations: dict[str, list[Any]] = {"internal": internal}
        if self.words.outside_parties and self.rng.random() < 0.4:
            relations["external"] = [{"party": self.rng.choice(self.words.outside_parties)}]
        return relations

    def _qualifications(self) -> dict[str, Any]:
        fields = {name: pool for name, pool in self.words.qualifications.items() if pool}
        chosen = {}
        for name, pool in fields.items():
            if self.rng.random() < 0.6:
                picked = self._some(pool, 1, 1 if name == "education" else 2)
                chosen[name] = picked[0] if len(picked) == 1 else picked
        return chosen or {
            "education": self.rng.choice(self.words.qualifications.get("education") or ["大专及以上学历"])
        }

    def _revisions(self) -> list[dict[str, Any]]:
        first = dt.date(2018 + self.rng.randint(0, 4), self.rng.randint(1, 12), self.rng.randint(1, 28))
        revisions = [{"version": "1.0", "date": first, "change": "新建岗位说明书", "author": "人力资源部"}]
        if self.rng.random() < 0.5:
            later = first + dt.timedelta(days=self.rng.randint(90, 900))
            revisions.append({"version": "1.1", "date": later, "change": "修订工作内容与职责", "approver": "总经理"})
        return revisions

    # Departments ------------------------------------------------------------------------------

    def department(self, unit: Unit, authorised: int) -> dict[str, Any]:
        document: dict[str, Any] = {"name": unit.name, "code": unit.code}
        if unit.parent is not None:
            document["parent"] = unit.parent
        document.update(order=unit.order, head=unit.head)
        if self.rng.random() < 0.7:
            document["objective"] = self.rng.choice(self.words.objectives)
        document["functions"] = self._functions()
        if self.words.management and self.rng.random() < 0.25:
            document["management"] = self._some(self.words.management, 3, 5)
        if "销售" in unit.name or self.rng.random() < 0.15:
            document["territory"] = self._some(self.words.territory, 3, 9)
        document["authorised"] = authorised
        if self.rng.random() < 0.2:
            document["kpis"] = [dict(kpi) for kpi in self._some(self.words.kpis, 1, 2)]
        if self.rng.random() < 0.25:
            document["relations"] = self._relations(unit.id)
        if self.rng.random() < 0.15:
            document["revisions"] = self._revisions()
        return document

    def _functions(self) -> list[Any]:
        texts = self._some(self.words.functions, 3, 6)
        headings = [heading for heading in ("对内职能", "对外职能") if heading in self.words.headings]
        if len(headings) == 2 and len(texts) >= 4 and self.rng.random() < 0.3:
            half = len(texts) // 2
            return [{"group": headings[0], "items": texts[:half]}, {"group": headings[1], "items": texts[half:]}]
        return texts
