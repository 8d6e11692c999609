"""A draft's names resolved: the post's YAML data, in the order of the README, and what to check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from orgspec.importer.draft import Draft, Ref
from orgspec.importer.problems import Note
from orgspec.importer.resolve import Context
from orgspec.importer.values import is_none

ORDER = (
    "title", "title_en", "code", "department", "grade", "authorised", "filled", "staffing_kind", "leadership",
    "reports_to", "dotted_line", "also_holds", "purpose", "summary", "duties", "responsibilities", "authorities",
    "kpis", "routines", "relations", "qualifications", "competencies", "environment", "career", "sections",
    "revisions",
)  # fmt: skip
"""The fields of a post in the order of the model (and of the README)."""

COUNTED = (
    "title", "code", "department", "grade", "authorised", "reports_to", "purpose", "summary", "duties",
    "responsibilities", "authorities", "kpis", "routines", "relations", "qualifications", "environment", "career",
    "revisions",
)  # fmt: skip
"""The fields whose filling the summary counts (a top post counts as having its superior): the ones every job
description has; 编制类别, 领导职务, 兼任, competencies and an organisation's own sections are not asked of all."""


@dataclass
class Assembled:
    """A post ready to be written: its data, the notes about it, and how many fields it fills."""

    data: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    filled: int = 0


def assemble(draft: Draft, department: str, context: Context) -> Assembled:
    """The post's data with every name resolved that can be; a note for each that cannot."""
    result = Assembled({})
    values: dict[str, Any] = dict(draft.data)
    values["title"], english = _titles(draft.title, context)
    values["title_en"] = values.get("title_en") or english
    values["department"] = department
    values["grade"] = _grade(draft, context, result)
    values["filled"] = _filled(values.get("authorised"), values.get("filled"))
    top = draft.reports_to is not None and is_none(draft.reports_to.text)
    values["reports_to"] = None if top else _superior(draft, department, context, result)
    values["dotted_line"] = [
        post for ref in draft.dotted_line if (post := _post(ref, draft, department, context, result))
    ]
    also = draft.also_holds
    held = _post(also, draft, department, context, result, below=True) if also and not is_none(also.text) else None
    values["also_holds"] = held
    for name in ("duties", "responsibilities"):
        values[name] = _clauses(values.get(name) or [], context)
    values["authorities"] = [_authority(entry, context) for entry in values.get("authorities") or []]
    values["qualifications"] = {
        kind: _lines(lines, context) for kind, lines in (values.get("qualifications") or {}).items()
    }
    values["sections"] = {section: _lines(lines, context) for section, lines in (values.get("sections") or {}).items()}
    values["relations"] = _relations(draft, context)
    result.data = {name: _clean(values[name]) for name in ORDER if not _empty(values.get(name))}
    result.filled = sum(1 for name in COUNTED if name in result.data or (name == "reports_to" and top))
    return result


def _titles(title: str | None, context: Context) -> tuple[str | None, str | None]:
    """The title, split into both names when the organisation prints both (销售管理部经理 / Sales …)."""
    if title and context.project.settings.bilingual and " / " in title:
        original, english = title.split(" / ", 1)
        return original.strip(), english.strip()
    return title, None


def _grade(draft: Draft, context: Context, result: Assembled) -> str | None:
    if draft.grade is None or is_none(draft.grade.text):
        return None
    found = context.grade(draft.grade.text)
    if found is None:
        scale = [grade.id for grade in context.project.settings.grades]
        code = "import.unknown-grade" if scale else "import.unknown-grade.no-scale"
        result.notes.append(_note(draft, draft.grade, code, grade=draft.grade.text, scale=scale))
    return found


def _filled(authorised: int | None, filled: int | None) -> int | None:
    """The filled count, left out when it says no more than the default (as many as authorised)."""
    return None if filled is None or filled == (1 if authorised is None else authorised) else filled


def _superior(draft: Draft, department: str, context: Context, result: Assembled) -> str | None:
    return _post(draft.reports_to, draft, department, context, result) if draft.reports_to else None


def _post(
    ref: Ref, draft: Draft, department: str, context: Context, result: Assembled, *, below: bool = False
) -> str | None:
    found, candidates = context.post(ref.text, department, below=below)
    if found is not None:
        return found
    if candidates:
        result.notes.append(_note(draft, ref, "import.ambiguous-post", name=ref.text, posts=sorted(candidates)))
    else:
        closest = context.posts.closest(ref.text)
        code = "import.unknown-post.did-you-mean" if closest else "import.unknown-post"
        result.notes.append(_note(draft, ref, code, name=ref.text, closest=closest or ""))
    return None


def _note(draft: Draft, ref: Ref, code: str, **args: object) -> Note:
    return Note("check", code, draft.file, ref.place, args)


def _clauses(entries: list[Any], context: Context) -> list[Any]:
    """Lines that are a standard clause's wording, as references to it (groups' items too)."""
    result: list[Any] = []
    for entry in entries:
        if isinstance(entry, str) and (clause := context.clause(entry)) is not None:
            result.append({"clause": clause})
        elif isinstance(entry, dict) and "group" in entry:
            result.append({"group": entry["group"], "items": _clauses(entry["items"], context)})
        else:
            result.append(entry)
    return result


def _lines(value: str | list[Any], context: Context) -> Any:
    """A qualification's lines with clauses found; one line of text stays one line."""
    lines = _clauses(value if isinstance(value, list) else [value], context)
    return lines[0] if len(lines) == 1 and isinstance(lines[0], str) else lines


def _authority(entry: Any, context: Context) -> Any:
    text = entry if isinstance(entry, str) else None
    clause = context.clause(text) if text else None
    return {"clause": clause} if clause else entry


def _relations(draft: Draft, context: Context) -> dict[str, list[Any]]:
    result: dict[str, list[Any]] = {}
    for kind, entries in draft.relations.items():
        for ref, about in entries:
            party: dict[str, Any] = {"party": ref.text}
            if kind == "internal":
                department = context.department(ref.text)
                post, _ = context.post(ref.text, None)
                party = {"department": department} if department else {"post": post} if post else party
            result.setdefault(kind, []).append({**party, "about": about} if about else _short(party))
    return result


def _short(party: dict[str, Any]) -> Any:
    """A party alone as its name, the way people write it (``- 总经理``)."""
    return party["party"] if set(party) == {"party"} else party


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or value == ""


def _clean(value: Any) -> Any:
    """Mappings without their empty values, so the YAML says only what the document did."""
    if isinstance(value, dict):
        return {name: _clean(inner) for name, inner in value.items() if not _empty(inner)}
    if isinstance(value, list):
        return [_clean(inner) for inner in value]
    return value
