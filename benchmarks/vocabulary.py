"""The words of the synthetic organisations, taken from the example organisation.

The example in the repository root was written from real job sheets; a
benchmark organisation built from its sentences, titles, KPIs and settings
looks (and weighs, byte for byte) like what HR people write. The files are
read as plain YAML here, not through orgspec, so that a change to the
loader cannot change what is benchmarked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

EXAMPLE_ROOT = Path(__file__).resolve().parent.parent
"""The repository root, which holds the example organisation."""

PERIODS = ("daily", "weekly", "monthly", "quarterly", "yearly")
QUALIFICATIONS = ("education", "majors", "experience", "certificates", "skills", "knowledge", "qualities")
GENERIC_HEADINGS = {"对内职能", "对外职能", "主要职责", "前期服务", "进程中服务", "后期服务"}
"""Group headings that read as section titles, not as names of a line of work."""
TOPIC_ENDINGS = ("管理", "服务", "处理")


@dataclass
class Vocabulary:
    """Pools of text to draw from, each in the example's order."""

    settings: dict[str, Any] = field(default_factory=dict)
    mkdocs_yml: str = ""
    clauses: dict[str, Any] = field(default_factory=dict)
    duties: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    authorities: list[str] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    kpis: list[dict[str, Any]] = field(default_factory=list)
    routines: dict[str, list[Any]] = field(default_factory=dict)
    qualifications: dict[str, list[str]] = field(default_factory=dict)
    purposes: list[str] = field(default_factory=list)
    environments: list[str] = field(default_factory=list)
    careers: list[str] = field(default_factory=list)
    inside_parties: list[str] = field(default_factory=list)
    outside_parties: list[str] = field(default_factory=list)
    staff_titles: list[str] = field(default_factory=list)
    supervisor_titles: list[str] = field(default_factory=list)
    english_titles: dict[str, str] = field(default_factory=dict)
    centre_names: list[tuple[str, str]] = field(default_factory=list)
    department_names: list[tuple[str, str]] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)
    management: list[str] = field(default_factory=list)
    territory: list[str] = field(default_factory=list)


def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _texts(entries: Any) -> Iterator[str]:
    """The written text of a list of entries (plain, mapping or group); clause references skipped."""
    for entry in entries or []:
        if isinstance(entry, str):
            yield entry.strip()
        elif isinstance(entry, dict) and "items" in entry:
            yield from _texts(entry["items"])
        elif isinstance(entry, dict) and isinstance(entry.get("text"), str):
            yield entry["text"].strip()


def _headings(entries: Any) -> Iterator[str]:
    for entry in entries or []:
        if isinstance(entry, dict) and "group" in entry:
            yield str(entry["group"]).strip()


def _as_list(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) else list(value or [])


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def load_vocabulary(root: Path = EXAMPLE_ROOT) -> Vocabulary:
    """Every pool, read from the example organisation at ``root``."""
    words = Vocabulary(settings=_read(root / "orgspec.yaml"), clauses=_read(root / "clauses.yaml"))
    words.mkdocs_yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    posts = [_read(path) for path in sorted((root / "roles").glob("*.yaml"))]
    departments = [_read(path) for path in sorted((root / "departments").glob("*.yaml"))]
    _post_words(words, posts)
    _department_words(words, departments)
    words.duties = _unique([*words.duties, *words.functions])
    # lines of work that name a team well: 客户信息管理 → 客户信息管理室, 客户信息管理主管
    topics = [*words.headings, *words.management]
    words.topics = _unique(topic for topic in topics if len(topic) <= 10 and topic.endswith(TOPIC_ENDINGS))
    return words


def _post_words(words: Vocabulary, posts: list[dict[str, Any]]) -> None:
    words.duties = _unique(text for post in posts for text in _texts(post.get("duties")))
    words.headings = _unique(heading for post in posts for heading in _headings(post.get("duties")))
    words.responsibilities = _unique(text for post in posts for text in _texts(post.get("responsibilities")))
    authorities = [_authority(entry) for post in posts for entry in post.get("authorities") or []]
    words.authorities = _unique(entry["text"] for entry in authorities if "item" not in entry and "text" in entry)
    words.decisions = [entry for entry in authorities if "item" in entry]
    words.kpis = [dict(kpi) for post in posts for kpi in post.get("kpis") or []]
    words.routines = {period: [] for period in PERIODS}
    for post in posts:
        for period, entries in (post.get("routines") or {}).items():
            words.routines.setdefault(period, []).extend(entries or [])
    words.qualifications = {name: [] for name in QUALIFICATIONS}
    for post in posts:
        for name, value in (post.get("qualifications") or {}).items():
            words.qualifications.setdefault(name, []).extend(str(item) for item in _as_list(value))
    words.purposes = _unique(str(post.get(name) or "") for post in posts for name in ("purpose", "summary"))
    words.environments = _unique(str(post.get("environment") or "") for post in posts)
    words.careers = _unique(str(post.get("career") or "") for post in posts)
    _parties(words, [post.get("relations") or {} for post in posts])
    _titles(words, posts)


def _authority(entry: Any) -> dict[str, Any]:
    return {"text": entry.strip()} if isinstance(entry, str) else dict(entry)


def _parties(words: Vocabulary, relations: list[dict[str, Any]]) -> None:
    inside = [entry.get("party") for relation in relations for entry in relation.get("internal") or []]
    outside = [
        entry if isinstance(entry, str) else entry.get("party")
        for relation in relations
        for entry in relation.get("external") or []
    ]
    words.inside_parties = _unique(str(party) for party in inside if party)
    words.outside_parties = _unique(str(party) for party in outside if party)


def _titles(words: Vocabulary, posts: list[dict[str, Any]]) -> None:
    grades = [str(grade["id"]) for grade in words.settings.get("grades") or []]
    staff_grades = set(grades[: max(1, len(grades) // 2)])  # the lower half of the scale
    titled = [post for post in posts if post.get("title")]
    words.staff_titles = _unique(str(post["title"]) for post in titled if post.get("grade") in staff_grades)
    words.supervisor_titles = _unique(
        str(post["title"])
        for post in titled
        if str(post["title"]).endswith("主管") and post.get("grade") not in staff_grades
    )
    words.english_titles = {str(post["title"]): str(post["title_en"]) for post in titled if post.get("title_en")}


def _department_words(words: Vocabulary, departments: list[dict[str, Any]]) -> None:
    for department in departments:
        pair = (str(department["name"]), str(department.get("code") or "BM"))
        (words.centre_names if str(department["name"]).endswith("中心") else words.department_names).append(pair)
        words.headings.extend(_headings(department.get("functions")))
    words.headings = _unique(words.headings)
    words.objectives = _unique(str(department.get("objective") or "") for department in departments)
    words.functions = _unique(text for department in departments for text in _texts(department.get("functions")))
    words.management = _unique(text for department in departments for text in _texts(department.get("management")))
    words.territory = _unique(text for department in departments for text in _texts(department.get("territory")))
