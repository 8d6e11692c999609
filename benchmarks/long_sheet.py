"""The long-sheet shape: every post a full job sheet, departments five levels deep.

Beside the shape of `benchmarks.plan` and `benchmarks.content` (posts about
as long as the example's), ``--shape long`` writes the heaviest sheets the
product is meant to carry: every post has a purpose and a summary, 15 to 30
duties in three to five groups, 5 to 10 KPIs, 8 authorities (two of them on
business items of the authority matrix), responsibilities, qualifications
in every field, relations, routines in two or three periods, a working
environment, a career path and two to four revisions; no post shares
another's job description. The department tree is five levels deep
(centre → department → section → group → team), and a hotline department's
manager has 60 direct reports.

The organisation sets ``limits: {span_of_control: 60, layers: 9}`` so that
the hotline and the deeper tree are within its own limits: with them it
checks clean under ``--strict``, without a warning.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from benchmarks.content import Drafter, chunks
from benchmarks.plan import SPAN, Plan, Planner, Slot, Unit, split
from benchmarks.vocabulary import GENERIC_HEADINGS, Vocabulary

LEVELS = 5
"""Department levels below the general manager's office: centre, department, section, group, team."""
HOTLINE_REPORTS = 60
"""Direct reports of the hotline department's manager."""
CHILD_SIZE = {1: 1080, 2: 360, 3: 120, 4: 40}
"""Posts the planner aims at in a sub-department, by the level of its parent."""
SMALLEST_SPLIT = 20
"""A department of fewer posts has no sub-departments."""
CENTRE_SIZE = 1500
LIMITS = {"span_of_control": HOTLINE_REPORTS, "layers": 9}
KPI_PERIODS = {"monthly": "", "quarterly": "（季度）", "yearly": "（年度）"}


class LongPlanner(Planner):
    """Five levels of departments under the general manager, and one department of 60 under one manager."""

    def organisation(self, posts: int) -> Plan:
        office = self.office()
        chief = office.head
        remaining = posts - len(office.posts) - (HOTLINE_REPORTS + 1)
        if remaining < SMALLEST_SPLIT:
            raise ValueError(f"the long shape needs at least {len(office.posts) + HOTLINE_REPORTS + 21} posts")
        centres = max(1, min(7, remaining // CENTRE_SIZE))
        for number, budget in enumerate(split(remaining, centres, remaining // centres // 2, remaining, self.rng), 1):
            name, code = self.words.centre_names[(number - 1) % len(self.words.centre_names)]
            region = self.words.territory[(number - 1) % len(self.words.territory)]
            self.department(f"c{number}", f"{region}{name}", code, budget, 1, None, number, chief)
        self.hotline(chief, centres + 1)
        return self.plan

    def hotline(self, chief: str, order: int) -> None:
        """A department whose manager has `HOTLINE_REPORTS` direct reports."""
        unit = self.unit("hotline", "热线服务部", "RX", 1, None, order)
        unit.head = self.post(unit, "热线服务部经理", 1, chief, manager=True)
        titles = self.rng.sample(self.words.staff_titles, min(3, len(self.words.staff_titles)))
        for number in range(HOTLINE_REPORTS):
            self.post(unit, titles[number % len(titles)], 3, unit.head, manager=False)

    def children(self, budget: int, level: int) -> list[int]:
        if level >= LEVELS or budget < SMALLEST_SPLIT:
            return []
        rest = budget - 2  # the head and a deputy
        count = max(2, min(SPAN - 1, round(rest / CHILD_SIZE[level])))
        return split(rest, count, rest // count // 2, rest, self.rng)

    def leaf_depth(self, unit: Unit, posts: int) -> int:
        return 3 if posts <= 1 + SPAN + SPAN * SPAN else 4


class LongDrafter(Drafter):
    """Every post a full job sheet (see the module's description)."""

    sharing = 0.0

    def __init__(self, plan: Plan, words: Vocabulary, rng: random.Random) -> None:
        super().__init__(plan, words, rng)
        self.kpi_pool = [
            {**kpi, "name": f"{kpi['name']}{suffix}", "period": period}
            for period, suffix in KPI_PERIODS.items()
            for kpi in words.kpis
        ]
        self.group_headings = [heading for heading in words.headings if heading not in GENERIC_HEADINGS]

    def settings(self) -> dict[str, Any]:
        return {**super().settings(), "limits": dict(LIMITS)}

    def _content(self, slot: Slot, number: int) -> dict[str, Any]:
        words, rng = self.words, self.rng
        return {
            "purpose": rng.choice(words.purposes),
            "summary": rng.choice(words.purposes),
            "duties": self._duties(slot, number),
            "responsibilities": self._some(words.responsibilities, 3, 6),
            "authorities": self._authorities(slot),
            "kpis": [dict(kpi) for kpi in self._some(self.kpi_pool, 5, 10)],
            "routines": self._routines(),
            "relations": self._relations(slot.unit),
            "qualifications": self._qualifications(),
            "environment": rng.choice(words.environments),
            "career": rng.choice(words.careers),
            "revisions": self._revisions(),
        }

    def _duties(self, slot: Slot, number: int) -> list[Any]:
        source = self._source(slot.unit)
        count = self.rng.randint(15, 30)
        texts = source.take(count)
        groups = self.rng.sample(self.group_headings, min(len(self.group_headings), self.rng.randint(3, 5)))
        sizes = split(count, len(groups), 3, count, self.rng)
        grouped = [
            {"group": heading, "items": items} for heading, items in zip(groups, chunks(texts, sizes), strict=True)
        ]
        clause = self.clauses[number] if number < len(self.clauses) else self.rng.choice(self.clauses)
        return [*grouped, {"clause": clause}]

    def _authorities(self, slot: Slot) -> list[Any]:
        plain: list[Any] = self._some(self.words.authorities, 6, 6)
        if slot.reports_to is None:  # the general manager decides every item
            return plain + [self._decision(item, "decide", -1) for item in self.items]
        head = self.plan.units[slot.unit].head == slot.id
        says = ("decide", "review") if head and slot.seniority <= 1 else ("review", "propose")
        return plain + [
            self._decision(item, say, slot.seniority)
            for item, say in zip(self._some(self.items, 2, 2), says, strict=True)
        ]

    def _routines(self) -> dict[str, list[Any]]:
        periods = [period for period, entries in self.words.routines.items() if entries]
        chosen = self.rng.sample(periods, min(len(periods), self.rng.randint(2, 3)))
        return {period: self._some(self.words.routines[period], 2, 3) for period in periods if period in chosen}

    def _qualifications(self) -> dict[str, Any]:
        chosen: dict[str, Any] = {}
        for name, pool in self.words.qualifications.items():
            if pool:
                picked = self._some(pool, 1, 1 if name == "education" else 3)
                chosen[name] = picked[0] if len(picked) == 1 else picked
        return chosen

    def _revisions(self) -> list[dict[str, Any]]:
        date = dt.date(2016 + self.rng.randint(0, 3), self.rng.randint(1, 12), self.rng.randint(1, 28))
        revisions = [{"version": "1.0", "date": date, "change": "新建岗位说明书", "author": "人力资源部"}]
        for minor in range(1, self.rng.randint(2, 4)):
            date += dt.timedelta(days=self.rng.randint(90, 400))
            change = {"version": f"1.{minor}", "date": date, "change": "修订工作内容与职责", "approver": "总经理"}
            revisions.append(change)
        return revisions


def department_levels(plan: Plan) -> int:
    """How many levels the department tree has."""
    return max(unit.level for unit in plan.units.values())


def largest_span(plan: Plan) -> int:
    """The most direct reports of any post."""
    counts: dict[str, int] = {}
    for slot in plan.slots.values():
        if slot.reports_to is not None:
            counts[slot.reports_to] = counts.get(slot.reports_to, 0) + 1
    return max(counts.values())
