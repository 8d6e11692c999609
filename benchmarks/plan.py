"""The shape of a synthetic organisation: departments and reporting lines, before any text.

A general manager's office, up to seven centres (中心) under the general
manager, departments (部) in each centre and, in the larger ones, sections
(室): departments are nested at most three deep and one without
sub-departments holds 20 to 300 posts, so the navigation grows deeper rather
than longer. Inside a department the posts form a reporting tree with spans
of 3 to 10; reporting chains are 4 to 7 posts long.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from benchmarks.vocabulary import Vocabulary

SPAN = 10
"""Most direct subordinates of any post (the span-of-control limit)."""
LAYERS = 7
"""Longest reporting chain, general manager included (the layers limit)."""
LEAF_DEPTH = 4
"""Layers inside a department without sub-departments, its head included."""
CENTRE_SIZE = 400
"""Posts per centre the generator aims at, up to seven centres (about 1,400 posts each at 10,000)."""
CENTRES = 7
ORDINALS = "〇一二三四五六七八九十"


@dataclass
class Unit:
    """A department being planned."""

    id: str
    code: str
    name: str
    level: int
    parent: str | None
    order: int
    head: str = ""
    posts: list[str] = field(default_factory=list)
    staff_titles: list[str] = field(default_factory=list)


@dataclass
class Slot:
    """A post being planned: where it sits and what it is called."""

    id: str
    unit: str
    title: str
    seniority: int
    """0 for the top of the grade scale, 1 for the grade below, and so on."""
    reports_to: str | None
    manager: bool


@dataclass
class Plan:
    """Departments and posts in the order they were planned (parents first)."""

    units: dict[str, Unit] = field(default_factory=dict)
    slots: dict[str, Slot] = field(default_factory=dict)


def split(total: int, parts: int, low: int, high: int, rng: random.Random) -> list[int]:
    """``parts`` random whole numbers between ``low`` and ``high`` that add up to ``total``."""
    if not parts * low <= total <= parts * high:
        raise ValueError(f"cannot split {total} into {parts} parts of {low} to {high}")
    weights = [rng.uniform(0.4, 1.6) for _ in range(parts)]
    spare = total - parts * low
    sizes = [low + min(high - low, int(spare * weight / sum(weights))) for weight in weights]
    while sum(sizes) < total:
        index = rng.randrange(parts)
        if sizes[index] < high:
            sizes[index] += 1
    return sizes


def layer_sizes(posts: int, depth: int, rng: random.Random) -> list[int]:
    """How many posts stand on each layer of a department's reporting tree (the head alone on the first)."""
    sizes, remaining = [1], posts - 1
    while remaining > 0:
        parents = sizes[-1]
        below = depth - len(sizes) - 1  # layers that may still follow the one being sized
        if below <= 0:
            sizes.append(remaining)
            break
        per_post = sum(SPAN**layer for layer in range(1, below + 1))
        least = math.ceil(remaining / (1 + per_post))
        count = min(remaining, parents * SPAN, max(least, rng.randint(3 * parents, SPAN * parents)))
        sizes.append(count)
        remaining -= count
    return sizes


class Planner:
    """Lays out departments and reporting lines for a given number of posts."""

    def __init__(self, words: Vocabulary, rng: random.Random) -> None:
        self.words = words
        self.rng = rng
        self.plan = Plan()
        self.codes = 0

    def post(self, unit: Unit, title: str, seniority: int, reports_to: str | None, *, manager: bool) -> str:
        key = f"{unit.code.lower()}-{len(unit.posts) + 1:03d}"
        self.plan.slots[key] = Slot(key, unit.id, title, seniority, reports_to, manager)
        unit.posts.append(key)
        return key

    def unit(self, key: str, name: str, base_code: str, level: int, parent: str | None, order: int) -> Unit:
        self.codes += 1
        unit = Unit(key, f"{base_code}{self.codes:02d}", name, level, parent, order)
        self.plan.units[key] = unit
        return unit

    def office(self) -> Unit:
        """The general manager's office: the general manager, an assistant and a secretary."""
        office = Unit("office", "ZJ", "总经理办公室", 1, None, 0)
        self.plan.units[office.id] = office
        office.head = chief = self.post(office, "总经理", 0, None, manager=True)
        for title in ("总经理助理", "行政秘书"):
            self.post(office, title, 2, chief, manager=False)
        return office

    def organisation(self, posts: int) -> Plan:
        """The whole plan: the general manager's office, then the centres under it."""
        office = self.office()
        chief = office.head
        remaining = posts - len(office.posts)
        centres = min(CENTRES, SPAN - len(office.posts) + 1, math.ceil(remaining / CENTRE_SIZE))
        budgets = split(remaining, centres, min(40, remaining // centres), remaining, self.rng)
        for number, budget in enumerate(budgets, start=1):
            name, code = self.words.centre_names[(number - 1) % len(self.words.centre_names)]
            region = self.words.territory[(number - 1) % len(self.words.territory)]
            self.department(f"c{number}", f"{region}{name}", code, budget, 1, None, number, chief)
        return self.plan

    def department(
        self, key: str, name: str, code: str, budget: int, level: int, parent: str | None, order: int, superior: str
    ) -> None:
        """A department of ``budget`` posts, its sub-departments included."""
        unit = self.unit(key, name, code, level, parent, order)
        children = self.children(budget, level)
        if not children:
            self.leaf(unit, budget, superior)
            return
        head_title = {1: f"{name}总监", 2: f"{name}经理"}.get(level, f"{name}主任")
        unit.head = self.post(unit, head_title, level - 1, superior, manager=True)
        deputies = budget - sum(children) - 1
        deputy = {1: f"{name}副总监", 2: f"{name}副经理"}.get(level, f"{name}副主任")
        for number in range(deputies):
            title = deputy if number == 0 else self.rng.choice(self.words.staff_titles)
            self.post(unit, title, level, unit.head, manager=False)
        names = self.child_names(level, len(children))
        for number, (size, (child_name, child_code)) in enumerate(zip(children, names, strict=True), start=1):
            self.department(f"{key}-{number}", child_name, child_code, size, level + 1, key, number, unit.head)

    def children(self, budget: int, level: int) -> list[int]:
        """Sizes of the sub-departments (none: the department is a leaf); the rest are the head and deputies."""
        if level >= 3 or budget < 40 or (level == 2 and budget <= 300 and (budget < 120 or self.rng.random() < 0.6)):
            return []
        deputies = self.rng.randint(1, 2)
        rest = budget - 1 - deputies
        high = 2000 if level == 1 else 300  # a department (level 2) of 2,000 still fits in nine sections of 300
        typical = self.rng.uniform(120, 260) if level == 1 else 90
        most = min(SPAN - deputies, rest // 20)  # the head's span: deputies and the heads of the sub-departments
        count = min(most, max(2, math.ceil(rest / high), round(rest / typical)))
        if count < 2:
            return []
        return split(rest, count, 20, high, self.rng)

    def child_names(self, level: int, count: int) -> list[tuple[str, str]]:
        """Names and base codes of sub-departments: departments (部) under a centre, sections (室) below."""
        if level == 1:
            pool = self.rng.sample(self.words.department_names, len(self.words.department_names))
            names = []
            for number in range(count):
                name, code = pool[number % len(pool)]
                again = number // len(pool)  # a second department of the same kind: 第二客服部
                names.append((f"第{ORDINALS[again]}{name}" if again else name, code))
            return names
        topics = self.rng.sample(self.words.topics, min(count, len(self.words.topics)))
        return [(f"{topics[number % len(topics)]}室", "S") for number in range(count)]

    def leaf(self, unit: Unit, posts: int, superior: str) -> None:
        """A department without sub-departments: a reporting tree under its head."""
        unit.staff_titles = self.rng.sample(self.words.staff_titles, min(3, len(self.words.staff_titles)))
        head_title = {1: f"{unit.name}总监", 2: f"{unit.name}经理"}.get(unit.level, f"{unit.name}主任")
        unit.head = self.post(unit, head_title, unit.level - 1, superior, manager=True)
        sizes = layer_sizes(posts, self.leaf_depth(unit, posts), self.rng)
        layer = [unit.head]
        for depth, count in enumerate(sizes[1:], start=1):
            spans = self.spans(count, len(layer))
            if depth > 1:
                self.name_layer(unit, layer, spans, depth - 1)
            layer = [
                self.post(unit, "", 0, parent, manager=False)
                for parent, span in zip(layer, spans, strict=True)
                for _ in range(span)
            ]
        if len(sizes) > 1:
            self.name_layer(unit, layer, [0] * len(layer), len(sizes) - 1)

    def leaf_depth(self, unit: Unit, posts: int) -> int:
        """Layers of a leaf department's reporting tree, its head included."""
        return min(LEAF_DEPTH, LAYERS - unit.level)

    def spans(self, count: int, parents: int) -> list[int]:
        """How many of ``count`` posts report to each of ``parents`` posts: 3 to 10 each, or none."""
        most = min(parents, max(1, count // 3))
        managers = min(most, max(math.ceil(count / SPAN), round(count / self.rng.uniform(4, 8))))
        chosen = set(self.rng.sample(range(parents), managers))
        sizes = iter(split(count, managers, min(3, count), SPAN, self.rng))
        return [next(sizes) if number in chosen else 0 for number in range(parents)]

    def name_layer(self, unit: Unit, keys: list[str], spans: list[int], depth: int) -> None:
        """Title the posts of one layer of a department once it is known which of them have subordinates."""
        for key, span in zip(keys, spans, strict=True):
            slot = self.plan.slots[key]
            slot.manager = span > 0
            if slot.manager:
                topic = self.rng.choice(self.words.topics)
                supervisors = [*self.words.supervisor_titles, f"{topic}主管"]
                slot.title = self.rng.choice(supervisors) if depth == 1 else f"{topic}组长"
                slot.seniority = 2
            else:
                slot.title = self.rng.choice(unit.staff_titles)
                slot.seniority = 3 if depth == 1 else self.rng.choice((3, 4))


def plan_organisation(posts: int, words: Vocabulary, seed: int, planner: type[Planner] = Planner) -> Plan:
    """Departments and reporting lines of an organisation of ``posts`` posts."""
    if posts < 10:
        raise ValueError("a synthetic organisation needs at least 10 posts")
    return planner(words, random.Random(seed)).organisation(posts)
