"""`orgspec init`: a new handbook project for someone else's organisation."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from orgspec import requirement
from orgspec.core.errors import RefusedError
from orgspec.core.write import create_new
from orgspec.export.guard import adopt
from orgspec.model.schema import schema_files

SKELETON = Path(__file__).resolve().parent / "skeleton"
SCHEMAS = "schemas/"
"""Where the new project's JSON Schemas go: files `orgspec schema` replaces after an upgrade."""

FILES = {
    "orgspec.yaml": "orgspec.yaml",
    "clauses.yaml": "clauses.yaml",
    "mkdocs.yml": "mkdocs.yml",
    "departments/general-office.yaml": "departments/general-office.yaml",
    "roles/office-manager.yaml": "roles/office-manager.yaml",
    "gitignore": ".gitignore",
    "vscode-settings.json": ".vscode/settings.json",
    "github/handbook.yml": ".github/workflows/handbook.yml",
    "docs-gitkeep": "docs/.gitkeep",  # MkDocs needs docs/ before its plugin generates the pages into it
}
"""Skeleton file → where it goes in the new project."""

FORMATTED = {"orgspec.yaml", "mkdocs.yml"}
WORKFLOW = "github/handbook.yml"
"""The workflow names the orgspec that wrote it (its ``${{ }}`` expressions rule out str.format)."""


class NotEmptyError(RefusedError):
    """The target folder has files and --force was not given."""

    def __init__(self, target: Path) -> None:
        super().__init__(
            f"{target}: the folder is not empty; choose an empty one, or use --force to add the missing files"
        )


@dataclass(frozen=True)
class Created:
    written: list[str]
    skipped: list[str]


def skeleton_file(source: str, locale: str) -> Path:
    """The skeleton file in the project's language: English ones under ``en/``, the rest shared."""
    english = SKELETON / "en" / source
    return english if locale == "en" and english.is_file() else SKELETON / source


def project_files(name: str, locale: str) -> dict[str, bytes]:
    """Every file of a new project (relative path → content)."""
    values = {
        "name": json.dumps(name, ensure_ascii=False),
        "locale": locale,
        "theme_language": "zh" if locale == "zh-CN" else "en",
    }
    files: dict[str, bytes] = {}
    for source, target in FILES.items():
        text = skeleton_file(source, locale).read_text(encoding="utf-8")
        if source in FORMATTED:
            text = text.format(**values)
        elif source == WORKFLOW:
            text = text.replace("{requirement}", requirement("mkdocs"))
        files[target] = text.encode("utf-8")
    for schema, text in schema_files().items():
        files[f"{SCHEMAS}{schema}"] = text.encode("utf-8")
    return files


def in_the_way(target: Path, relatives: Iterable[str]) -> list[str]:
    """What blocks the files ``relatives`` in ``target``: a file where a folder must be, a folder where a file must."""
    blocked = set()
    for relative in relatives:
        folders = [target / folder for folder in Path(relative).parents if folder != Path()]
        blocked |= {f"{folder}: a file is in the way of a folder" for folder in folders if folder.is_file()}
        if (target / relative).is_dir():
            blocked.add(f"{target / relative}: a folder is in the way of a file")
    return sorted(blocked)


def init_project(target: Path, *, name: str, locale: str, force: bool = False) -> Created:
    """Create the project in ``target``; existing files are never overwritten.

    Nothing is written when a file or folder is in the way of one of the new
    files: a project half created is worse than none.
    """
    if target.exists() and any(target.iterdir()) and not force:
        raise NotEmptyError(target)
    files = project_files(name, locale)
    blocked = in_the_way(target, files)
    if blocked:
        raise RefusedError("\n".join([*blocked, "nothing written; move them away, then run orgspec init again"]))
    written: list[str] = []
    skipped: list[str] = []
    for relative, content in files.items():
        (written if create_new(target / relative, content) else skipped).append(relative)
    adopt({target / relative: files[relative] for relative in written if relative.startswith(SCHEMAS)})
    return Created(written, skipped)
