"""A staffing table merged into the project: new departments and posts, and head counts brought up to date.

Nothing a person wrote is touched but the head counts, and those only with
``update``. Any error (a post named twice, a reporting cycle, a row without
a department) leaves the plan without files: a table is imported whole or
not at all, since its rows refer to each other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from orgspec.i18n import translate
from orgspec.importer.edits import set_counts
from orgspec.importer.emit import comment, kept_section
from orgspec.importer.ids import slug, unique
from orgspec.importer.plan import Plan, department_files, validated
from orgspec.importer.problems import Note
from orgspec.importer.resolve import Context, key
from orgspec.importer.staffing import Row, Staffing, department_name, read_staffing
from orgspec.importer.values import is_none
from orgspec.load.project import Project
from orgspec.model import Post
from orgspec.scaffold.new import post_path, post_skeleton


@dataclass
class _Merge:
    project: Project
    staffing: Staffing
    plan: Plan
    context: Context
    departments: dict[int, str] = field(default_factory=dict)
    """Row number → department id."""
    made: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """Departments made: id → (name, parent id)."""
    posts: dict[int, str] = field(default_factory=dict)
    """Row number → post id."""
    existing: set[int] = field(default_factory=set)
    """Rows whose post the project has."""
    superiors: dict[int, str | None] = field(default_factory=dict)


def import_staffing(
    project: Project, path: Path, *, sheet: str | None, mapping: Mapping[str, str], update: bool
) -> Plan:
    """What importing the staffing table at ``path`` into ``project`` writes and reports."""
    plan = Plan(locale=project.settings.locale, inputs=1)
    staffing = read_staffing(project, path, sheet, mapping, plan)
    if staffing is None or plan.failed:
        return plan
    plan.rows = len(staffing.rows)
    merge = _Merge(project, staffing, plan, Context.of(project))
    for step in (_departments, _posts, _superiors, _refuse_cycles):
        step(merge)
        if plan.failed:
            plan.files.clear()
            return plan
    _write_posts(merge)
    plan.files += department_files({key_: name for key_, (name, _) in merge.made.items()}, project, plan,
                                   parents={key_: parent for key_, (_, parent) in merge.made.items()})  # fmt: skip
    _counts(merge, update)
    return plan


def _departments(merge: _Merge) -> None:
    for row in merge.staffing.rows:
        parent = _department(merge, row.parent.text, None, row) if row.parent and row.department else None
        name = department_name(row)
        if name is None:
            merge.plan.fail(Note("error", "import.row-without-department", merge.staffing.file, row.place))
            continue
        found = _department(merge, name, parent, row)
        if found is not None:
            merge.departments[row.number] = found


def _department(merge: _Merge, name: str, parent: str | None, row: Row) -> str | None:
    """The department ``name`` (under ``parent`` when the table names one), made when the project lacks it."""
    context = merge.context
    found = context.department(name, parent=parent)
    if found is not None:
        return found
    candidates = context.departments.find(name)
    if parent is None and len(candidates) > 1:
        args = {"name": name, "departments": sorted(candidates)}
        merge.plan.fail(Note("error", "import.ambiguous-department.table", merge.staffing.file, row.place, args))
        return None
    if parent is None and candidates:
        return candidates[0]
    unplaced = [department for department in candidates if context.parents.get(department) is None]
    if len(unplaced) == 1:  # a department the project has at the top, which the table puts under a division
        placed = {"name": name, "parent": parent, "id": unplaced[0]}
        merge.plan.notes.append(Note("check", "import.department-parent", merge.staffing.file, row.place, placed))
        return unplaced[0]
    made = unique(slug(name, "department"), {*merge.project.departments, *merge.made})
    merge.made[made] = (name, parent)
    context.add_department(made, name, None, parent)
    return made


def _posts(merge: _Merge) -> None:
    """Each row's post: one of the project's, or a new id (a title found in several departments is prefixed)."""
    homes: dict[str, set[str]] = {}
    for row in merge.staffing.rows:
        homes.setdefault(key(row.title.text), set()).add(merge.departments[row.number])
    taken = set(merge.project.posts)
    for row in merge.staffing.rows:
        department = merge.departments[row.number]
        found = _match(merge, row, department)
        if found is not None:
            merge.posts[row.number] = found
            merge.existing.add(row.number)
            continue
        base = slug(row.title.text)
        if len(homes[key(row.title.text)]) > 1 or base in taken:
            base = slug(f"{department}-{base}")
        post = unique(base, taken)
        taken.add(post)
        merge.posts[row.number] = post
        english = row.values["title_en"].text if "title_en" in row.values else None
        merge.context.add_post(post, row.title.text, english, department)


def _match(merge: _Merge, row: Row, department: str) -> str | None:
    """The project's post a row describes: the one with its number, else the one of its title in its department."""
    code = row.values.get("code")
    posts = merge.project.posts
    if code is not None:
        same = [post for post, entity in posts.items() if entity.model.code == code.text]
        if len(same) == 1:
            return same[0]
    titled = [
        post
        for post, entity in posts.items()
        if entity.model.department == department and key(entity.model.title or "") == key(row.title.text)
    ]
    return titled[0] if len(titled) == 1 else None


def _superiors(merge: _Merge) -> None:
    for row in merge.staffing.rows:
        cell = row.values.get("reports_to")
        if cell is None or is_none(cell.text) or row.number in merge.existing:
            merge.superiors[row.number] = None
            continue
        found, candidates = merge.context.post(cell.text, merge.departments[row.number])
        if found is None:
            closest = merge.context.posts.closest(cell.text) if not candidates else None
            code = "import.ambiguous-post" if candidates else "import.unknown-post"
            code += ".did-you-mean" if closest else ""
            args = {"name": cell.text, "posts": sorted(candidates), "closest": closest or ""}
            merge.plan.notes.append(Note("check", code, merge.staffing.file, cell.place, args))
        merge.superiors[row.number] = found


def _refuse_cycles(merge: _Merge) -> None:
    """Reporting lines that come back to where they started: which one is wrong only a person can tell."""
    superior = {post: entity.model.reports_to for post, entity in merge.project.posts.items()}
    for row in merge.staffing.rows:
        if row.number not in merge.existing:
            superior[merge.posts[row.number]] = merge.superiors[row.number]
    titles = {merge.posts[row.number]: row.title.text for row in merge.staffing.rows}
    reported: set[str] = set()
    for row in merge.staffing.rows:
        chain = [merge.posts[row.number]]
        while (up := superior.get(chain[-1])) is not None and up not in chain:
            chain.append(up)
        if up is not None and up not in reported:
            cycle = [*chain[chain.index(up) :], up]
            reported.update(cycle)
            names = " → ".join(titles.get(post) or _title(merge.project, post) for post in cycle)
            merge.plan.fail(Note("error", "import.reporting-cycle", merge.staffing.file, row.place, {"cycle": names}))


def _title(project: Project, post: str) -> str:
    entity = project.posts.get(post)
    return (entity.model.title if entity else None) or post


def _write_posts(merge: _Merge) -> None:
    settings = merge.project.settings
    for row in merge.staffing.rows:
        if row.number in merge.existing:
            continue
        post, department = merge.posts[row.number], merge.departments[row.number]
        grade = _grade(merge, row)
        text = post_skeleton(
            post,
            department=department,
            title=row.title.text,
            title_en=row.values["title_en"].text if "title_en" in row.values else None,
            reports_to=merge.superiors[row.number],
            code=row.values["code"].text if "code" in row.values else None,
            grades=[step.id for step in settings.grades],
            clauses=list(merge.project.clauses),
            grade=grade,
            authorised=row.authorised,
            filled=row.filled if row.filled is not None and row.filled != (row.authorised or 1) else None,
        )
        text = _with_source(text, merge, row) + kept_section(row.kept(), merge.plan.locale,
                                                             [k.place.describe(merge.plan.locale) for k in row.kept()])  # fmt: skip
        path = merge.project.root / post_path(post)
        problem = validated(text, str(path), Post)
        assert problem is None, problem  # a skeleton of valid values is always valid
        merge.plan.files.append((path, text))
        merge.plan.posts[post] = {"department": department, "reports_to": merge.superiors[row.number]}


def _grade(merge: _Merge, row: Row) -> str | None:
    cell = row.values.get("grade")
    if cell is None or is_none(cell.text):
        return None
    found = merge.context.grade(cell.text)
    if found is None:
        scale = [step.id for step in merge.project.settings.grades]
        code = "import.unknown-grade" if scale else "import.unknown-grade.no-scale"
        merge.plan.notes.append(
            Note("check", code, merge.staffing.file, cell.place, {"grade": cell.text, "scale": scale})
        )
    return found


def _with_source(text: str, merge: _Merge, row: Row) -> str:
    """The skeleton with where it came from under its modeline, and what to check about it."""
    modeline, rest = text.split("\n", 1)
    locale = merge.plan.locale
    source = translate("import.source-row", locale, {"file": Path(merge.staffing.file).name, "row": row.number})
    notes = [note.message(locale) for note in merge.plan.notes if note.place.row == row.number]
    checks = [translate("import.check-heading", locale, {}), *(f"- {note}" for note in notes)] if notes else []
    return f"{modeline}\n" + comment([source, *checks]) + rest


def _counts(merge: _Merge, update: bool) -> None:
    """Head counts of posts the project has, and department totals, where the table says otherwise."""
    changed = _post_counts(merge, update)
    totals = _totals(merge)
    for department, entity in merge.project.departments.items():
        wanted = totals.get(department, 0)
        if entity.model.authorised is None or entity.model.authorised == wanted:
            continue
        if not changed and not any(merge.departments[row.number] == department for row in merge.staffing.rows):
            continue
        file = str(merge.project.root / entity.source.name)
        args = {"department": entity.model.name, "authorised": entity.model.authorised, "total": wanted, "file": file}
        if update and (text := set_counts(entity.source, {"authorised": wanted}, after="name")) is not None:
            merge.plan.updated.append((merge.project.root / entity.source.name, text))
            merge.plan.notes.append(Note("check", "import.department-updated", merge.staffing.file, args=args))
        else:
            merge.plan.notes.append(Note("check", "import.department-total", merge.staffing.file, args=args))


def _post_counts(merge: _Merge, update: bool) -> bool:
    changed = False
    for row in merge.staffing.rows:
        if row.number not in merge.existing:
            continue
        entity = merge.project.posts[merge.posts[row.number]]
        counts = _differing(entity.model, row)
        if not counts:
            continue
        changed = True
        path = merge.project.root / entity.source.name
        args = {"file": str(path), **{f"new_{name}": value for name, value in counts.items()},
                "authorised": entity.model.authorised, "filled": entity.model.filled_count}  # fmt: skip
        text = set_counts(entity.source, counts, after="department") if update else None
        if text is not None and validated(text, str(path), Post) is None:
            merge.plan.updated.append((path, text))
            merge.plan.notes.append(Note("check", "import.post-updated", merge.staffing.file, row.place, args))
        else:
            code = "import.post-differs" if not update else "import.post-not-updated"
            merge.plan.notes.append(Note("check", code, merge.staffing.file, row.place, args))
    return changed


def _differing(post: Post, row: Row) -> dict[str, int]:
    counts: dict[str, int] = {}
    if row.authorised is not None and row.authorised != post.authorised:
        counts["authorised"] = row.authorised
    if row.filled is not None and row.filled != post.filled_count:
        counts["filled"] = row.filled
    elif "authorised" in counts and post.filled is not None and row.filled is None:
        counts["filled"] = min(post.filled, counts["authorised"])
    return counts


def _totals(merge: _Merge) -> dict[str, int]:
    """Each department's authorised total after the merge, its sub-departments included."""
    own: Counter[str] = Counter()
    rows = {merge.posts[row.number]: row for row in merge.staffing.rows}
    for post, entity in merge.project.posts.items():
        row = rows.get(post)
        own[entity.model.department] += (
            row.authorised if row and row.authorised is not None else entity.model.authorised
        )
    for row in merge.staffing.rows:
        if row.number not in merge.existing:
            own[merge.departments[row.number]] += row.authorised if row.authorised is not None else 1
    parents = {department: entity.model.parent for department, entity in merge.project.departments.items()}
    parents.update({department: parent for department, (_, parent) in merge.made.items()})
    totals: Counter[str] = Counter()
    for department, number in own.items():
        seen: set[str] = set()
        current: str | None = department
        while current is not None and current not in seen:
            seen.add(current)
            totals[current] += number
            current = parents.get(current)
    return dict(totals)
