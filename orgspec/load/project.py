"""Find and read every file of a project: settings, clauses, departments, posts.

Every file is read and validated on its own, so one bad file never hides
the problems of another; files that fail are remembered so that references
to them are not reported a second time as unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Generic, TypeVar

from pydantic import BaseModel

from orgspec.diagnostics import Diagnostic, Position
from orgspec.i18n import Term
from orgspec.load.validate import validate
from orgspec.load.yamlfile import SourceFile, read_yaml
from orgspec.model import ClauseLibrary, Department, Post, Settings
from orgspec.model.common import TextItem
from orgspec.model.types import ID_RE

SETTINGS_FILE = "orgspec.yaml"
CLAUSES_FILE = "clauses.yaml"
DEPARTMENTS_DIR = "departments"
POSTS_DIR = "roles"

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Entity(Generic[ModelT]):
    """A validated department or post with the id its file name gives it."""

    id: str
    model: ModelT
    source: SourceFile


@dataclass
class Project:
    """Everything read from a project folder, before linking."""

    root: Path
    settings: Settings
    settings_source: SourceFile
    clauses: dict[str, TextItem] = field(default_factory=dict)
    clauses_source: SourceFile | None = None
    departments: dict[str, Entity[Department]] = field(default_factory=dict)
    posts: dict[str, Entity[Post]] = field(default_factory=dict)
    broken: set[tuple[str, str]] = field(default_factory=set)
    """(kind, id) of files that exist but could not be read: not reported again as unknown."""


def is_project(root: Path) -> bool:
    """Whether ``root`` holds an orgspec project (its settings file)."""
    return (root / SETTINGS_FILE).is_file()


def load_project(root: Path) -> tuple[Project, list[Diagnostic]]:
    """Read and validate every file of the project at ``root``."""
    names = [SETTINGS_FILE, *([CLAUSES_FILE] if (root / CLAUSES_FILE).is_file() else [])]
    names += [
        path.relative_to(root).as_posix()
        for folder in (DEPARTMENTS_DIR, POSTS_DIR)
        for path in _yaml_files(root / folder)
    ]
    return load_files(root, names, lambda name: (root / name).read_bytes())


def load_files(root: Path, names: Iterable[str], read: Callable[[str], bytes]) -> tuple[Project, list[Diagnostic]]:
    """Read and validate the project files ``names`` (paths relative to ``root``) through ``read``.

    ``read`` returns a file's bytes or raises `OSError`; it lets a project be
    read from somewhere other than the disk, such as a git revision. The
    settings file is always read, whether or not ``names`` lists it.
    """
    names = list(names)
    diagnostics: list[Diagnostic] = []
    settings_source, settings = _read_one(SETTINGS_FILE, read, Settings, diagnostics)
    project = Project(root, settings or Settings(name=root.resolve().name or "orgspec"), settings_source)
    if CLAUSES_FILE in names:
        project.clauses_source, library = _read_one(CLAUSES_FILE, read, ClauseLibrary, diagnostics)
        if library is not None:
            project.clauses = {key: _clause(value) for key, value in library.root.items()}
        else:
            project.broken.add(("clause", "*"))
    _read_folder(
        project, _in_folder(names, DEPARTMENTS_DIR), read, "department", Department, project.departments, diagnostics
    )
    _read_folder(project, _in_folder(names, POSTS_DIR), read, "post", Post, project.posts, diagnostics)
    return project, diagnostics


def _clause(value: str | TextItem) -> TextItem:
    return TextItem(text=value) if isinstance(value, str) else value


def _read_one(
    name: str, read: Callable[[str], bytes], model: type[ModelT], diagnostics: list[Diagnostic]
) -> tuple[SourceFile, ModelT | None]:
    try:
        raw = read(name)
    except OSError as error:
        diagnostics.append(
            Diagnostic("unreadable-file", "error", name, Position(), {"reason": error.strerror or str(error)})
        )
        return SourceFile(name, ""), None
    data, problems, source = read_yaml(name, raw)
    diagnostics.extend(problems)
    if data is None or any(problem.severity == "error" for problem in problems):
        return source, None
    built, errors = validate(model, data, source)
    diagnostics.extend(errors)
    return source, built


def _yaml_files(folder: Path) -> Iterator[Path]:
    """The YAML files under ``folder``, in a stable order, hidden files skipped."""
    if not folder.is_dir():
        return
    paths = [*folder.rglob("*.yaml"), *folder.rglob("*.yml")]
    for path in sorted(paths, key=lambda path: path.relative_to(folder).as_posix()):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            yield path


def _in_folder(names: list[str], folder: str) -> list[str]:
    """The YAML files of ``names`` under ``folder``, in a stable order, hidden files skipped."""
    prefix = f"{folder}/"
    inside = [
        name
        for name in names
        if name.startswith(prefix)
        and name.endswith((".yaml", ".yml"))
        and not any(part.startswith(".") for part in PurePosixPath(name[len(prefix) :]).parts)
    ]
    return sorted(inside)


def _read_folder(
    project: Project,
    names: list[str],
    read: Callable[[str], bytes],
    kind: str,
    model: type[ModelT],
    into: dict[str, Entity[ModelT]],
    diagnostics: list[Diagnostic],
) -> None:
    first_file: dict[str, str] = {}
    for name in names:
        path = PurePosixPath(name)
        identifier = path.stem
        if not ID_RE.match(identifier):
            diagnostics.append(Diagnostic("invalid-file-id", "error", name, Position(), {"value": f"'{path.name}'"}))
            continue
        if identifier in first_file:
            args = {"kind": Term(f"kind.{kind}"), "id": identifier, "other": first_file[identifier]}
            diagnostics.append(Diagnostic("duplicate-id", "error", name, Position(), args))
            continue
        first_file[identifier] = name
        source, built = _read_one(name, read, model, diagnostics)
        if built is None:
            project.broken.add((kind, identifier))
        else:
            into[identifier] = Entity(identifier, built, source)
