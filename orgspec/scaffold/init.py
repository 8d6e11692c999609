"""`orgspec init`: a new handbook project for someone else's organisation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from orgspec import requirement
from orgspec.core.errors import RefusedError
from orgspec.core.write import create_new
from orgspec.model.schema import schema_files
from orgspec.render.escape import escape

SKELETON = Path(__file__).resolve().parent / "skeleton"

FILES = {
    "orgspec.yaml": "orgspec.yaml",
    "clauses.yaml": "clauses.yaml",
    "mkdocs.yml": "mkdocs.yml",
    "departments/general-office.yaml": "departments/general-office.yaml",
    "roles/office-manager.yaml": "roles/office-manager.yaml",
    "docs/index.md": "docs/index.md",
    "gitignore": ".gitignore",
    "vscode-settings.json": ".vscode/settings.json",
    "github/handbook.yml": ".github/workflows/handbook.yml",
}
"""Skeleton file → where it goes in the new project."""

FORMATTED = {"orgspec.yaml", "mkdocs.yml", "docs/index.md"}
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


def project_files(name: str, locale: str) -> dict[str, bytes]:
    """Every file of a new project (relative path → content)."""
    values = {
        "name": json.dumps(name, ensure_ascii=False),
        "locale": locale,
        "theme_language": "zh" if locale == "zh-CN" else "en",
    }
    files: dict[str, bytes] = {}
    for source, target in FILES.items():
        text = (SKELETON / source).read_text(encoding="utf-8")
        if source in FORMATTED:
            text = text.format(**(values | {"name": str(escape(name))} if source.endswith(".md") else values))
        elif source == WORKFLOW:
            text = text.replace("{requirement}", requirement("mkdocs"))
        files[target] = text.encode("utf-8")
    for schema, text in schema_files().items():
        files[f"schemas/{schema}"] = text.encode("utf-8")
    return files


def init_project(target: Path, *, name: str, locale: str, force: bool = False) -> Created:
    """Create the project in ``target``; existing files are never overwritten."""
    if target.exists() and any(target.iterdir()) and not force:
        raise NotEmptyError(target)
    written: list[str] = []
    skipped: list[str] = []
    for relative, content in project_files(name, locale).items():
        (written if create_new(target / relative, content) else skipped).append(relative)
    return Created(written, skipped)
