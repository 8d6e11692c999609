"""`orgspec import xlsx|csv`: a staffing table (岗位编制表) → the departments and posts it describes.

Each row is a post: its department (carried down from the row above when
the cell is empty or merged), its title, number, grade, head counts and
direct superior. Departments and posts the project lacks are written as
skeletons that pass `orgspec check`; posts it has are matched (by number,
else by department and title) and, with ``update``, get the table's head
counts — only those numbers change in their files. Anything wrong with the
table (no header, a post named twice in one department, a reporting
cycle) is reported and nothing at all is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from orgspec.importer.labels import labels_of, normalise
from orgspec.importer.plan import Plan
from orgspec.importer.problems import Note, Place, Unreadable
from orgspec.importer.reading import Kept
from orgspec.importer.resolve import key
from orgspec.importer.spreadsheet import Cell, Table, find_header, read_rows, table
from orgspec.importer.values import count
from orgspec.load.project import Project

TOTAL_WORDS = frozenset({"合计", "小计", "总计", "共计", "total", "subtotal", "grandtotal"})
"""A row whose department or title cell says one of these is a total, not a post."""


@dataclass
class Row:
    """One post of the table, as read."""

    number: int
    title: Cell
    department: Cell | None
    parent: Cell | None
    values: dict[str, Cell]
    other: dict[str, Cell]
    authorised: int | None = None
    filled: int | None = None

    @property
    def place(self) -> Place:
        return Place(row=self.number)

    def kept(self) -> list[Kept]:
        """The cells under columns orgspec holds nothing for, kept with the post as comments."""
        return [Kept(header, cell.place, [cell.text]) for header, cell in self.other.items()]


@dataclass
class Staffing:
    """The rows of a staffing table that are posts, and the file they came from."""

    file: str
    rows: list[Row] = field(default_factory=list)
    skipped: int = 0


def read_staffing(
    project: Project, path: Path, sheet: str | None, mapping: Mapping[str, str], plan: Plan
) -> Staffing | None:
    """The posts of the table at ``path``; None (with the reason in ``plan``) when it cannot be read."""
    file = str(path)
    labels = labels_of(project.settings)
    try:
        name, rows = read_rows(path, sheet)
    except Unreadable as problem:
        plan.fail(Note("error", problem.code, file, args=problem.args_))
        return None
    header = find_header(rows, labels, mapping)
    if header is None:
        expected = ["部门", "岗位", "岗位编号", "编制", "实有", "直接上级", "职位等级"]
        plan.fail(Note("error", "import.no-header", file, args={"sheet": name, "expected": expected}))
        return None
    return _posts(table(name, rows, header, labels, mapping), file, plan)


def _posts(found: Table, file: str, plan: Plan) -> Staffing:
    staffing = Staffing(file)
    department: Cell | None = None
    parent: Cell | None = None
    for number, cells, other in found.rows:
        if any(normalise(cell.text) in TOTAL_WORDS for cell in cells.values()):
            staffing.skipped += 1
            continue
        if "department.parent" in cells:
            parent, department = cells["department.parent"], None  # a new division starts without a department
        department = cells.get("department", department)
        title = cells.get("title")
        if title is None:
            if other or set(cells) - {"department", "department.parent"}:
                plan.notes.append(Note("check", "import.row-without-title", file, Place(row=number)))
            continue
        row = Row(number, title, department, parent, cells, other)
        row.authorised = _count(row, "authorised", file, plan)
        row.filled = _count(row, "filled", file, plan)
        staffing.rows.append(row)
    _refuse_duplicates(staffing, plan)
    return staffing


def _count(row: Row, target: str, file: str, plan: Plan) -> int | None:
    cell = row.values.get(target)
    if cell is None:
        return None
    value = count(cell.text)
    if value is None:
        plan.notes.append(Note("check", "import.not-a-count", file, cell.place, {"value": cell.text}))
    return value


def _refuse_duplicates(staffing: Staffing, plan: Plan) -> None:
    """A post named twice in one department: which row holds it is unknowable, so nothing is imported."""
    seen: dict[tuple[str, str], Row] = {}
    for row in staffing.rows:
        where = key(row.department.text if row.department else row.parent.text if row.parent else "")
        first = seen.setdefault((where, key(row.title.text)), row)
        if first is not row:
            args = {"title": row.title.text, "first": first.number, "row": row.number}
            plan.fail(Note("error", "import.duplicate-row", staffing.file, row.place, args))


def department_name(row: Row) -> str | None:
    """The department a row's post belongs to: its department, else the one above it."""
    cell = row.department or row.parent
    return cell.text if cell else None


def parent_name(row: Row) -> str | None:
    return row.parent.text if row.parent and row.department else None
