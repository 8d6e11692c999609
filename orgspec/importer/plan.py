"""What an import writes and what it reports, gathered before anything touches the disk."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from orgspec.i18n import Locale
from orgspec.importer.problems import Note
from orgspec.importer.reading import Kept
from orgspec.load.project import Project
from orgspec.load.validate import validate
from orgspec.load.yamlfile import read_yaml
from orgspec.model import Department
from orgspec.scaffold.new import department_path, department_skeleton

SHOWN = 40
"""Characters of a kept text quoted in its note."""


@dataclass(frozen=True)
class FileReport:
    """One document imported: the post written, the share of its fields filled and of its text placed."""

    file: str
    post: str
    title: str | None
    path: str
    filled: int
    fields: int
    placed: float
    kept: int


@dataclass
class Plan:
    """The files an import writes (path → text), what it says of each document, and what failed."""

    locale: Locale
    files: list[tuple[Path, str]] = field(default_factory=list)
    reports: list[FileReport] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    posts: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The data of each post written, by id: which post heads a new department."""
    departments: int = 0
    updated: list[tuple[Path, str]] = field(default_factory=list)
    """Files of the project whose head counts change (a staffing table merged in)."""
    rows: int = 0
    """Posts read from a staffing table."""
    inputs: int = 0
    """Files given to read: Word documents, or the one table."""

    def fail(self, note: Note) -> None:
        """A file that cannot be imported: nothing is written for it."""
        self.notes.append(note)
        self.failed.append(note.file)


def validated(text: str, name: str, model: type[BaseModel]) -> str | None:
    """The first error orgspec's own reading finds in ``text``, or None: nothing is written that check refuses."""
    data, diagnostics, source = read_yaml(name, text.encode("utf-8"))
    errors = [diagnostic for diagnostic in diagnostics if diagnostic.severity == "error"]
    if not errors and data is not None:
        errors = [diagnostic for diagnostic in validate(model, data, source)[1] if diagnostic.severity == "error"]
    return errors[0].format("en") if errors else None


def kept_notes(file: str, kept: list[Kept], target: str) -> list[Note]:
    """A note for every piece of text kept aside, with its place and where it is kept."""
    notes = []
    for item in kept:
        text = " ".join(item.lines) or item.label or ""
        shown = text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
        args: dict[str, object] = {"label": item.label or "—", "text": shown, "path": target}
        notes.append(Note("kept", "import.kept" if item.lines else "import.kept-heading-only", file, item.place, args))
    return notes


def department_files(
    made: Mapping[str, str], project: Project, plan: Plan, parents: Mapping[str, str | None] | None = None
) -> list[tuple[Path, str]]:
    """The files of the departments an import makes, each headed by its one post that reports outside it."""
    files = []
    for key, name in made.items():
        members = {post: data for post, data in plan.posts.items() if data.get("department") == key}
        tops = [post for post, data in members.items() if data.get("reports_to") not in members]
        parent = (parents or {}).get(key)
        head = tops[0] if len(tops) == 1 else None
        text = department_skeleton(key, name=name, parent=parent, head=head, clauses=list(project.clauses))
        path = project.root / department_path(key)
        problem = validated(text, str(path), Department)
        assert problem is None, problem  # a skeleton with a name and a head is always valid
        files.append((path, text))
    plan.departments += len(files)
    return files
