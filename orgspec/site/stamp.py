"""An unchanged generate does nothing: a stamp of what the last clean run read and wrote.

Generating 10,000 posts means loading and checking every file and rendering
every page, which takes seconds even when nothing changed and nothing is
written. After a generate whose check found no error, the stamp
(``.cache/orgspec/generate-stamp.json``) records a hash of everything that
shapes the output and the size and modification time of every file
written. The next generate skips loading, checking and rendering when:

- the hash is the same: the same bytes in ``orgspec.yaml``, ``clauses.yaml``,
  ``approvals.yaml``, ``departments/``, ``roles/``, ``mkdocs.yml`` and ``site_templates/``; the
  same names of hand-written pages; the same orgspec code and templates and
  the same versions of the libraries that render; the same edition, output
  folder, ``SOURCE_DATE_EPOCH`` and PDF support;
- and the generated folder holds exactly the files recorded, each with its
  recorded size and time (a page edited or removed by hand is repaired by
  a full run).

The warnings of that run are kept beside the stamp (`orgspec.site.findings`)
and printed again by every run it skips, until they are fixed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from orgspec import __version__
from orgspec.core.write import MARKER, write_if_changed
from orgspec.export.pdf import pdf_installed
from orgspec.load.project import APPROVALS_FILE, CLAUSES_FILE, DEPARTMENTS_DIR, ROLES_DIR, SETTINGS_FILE
from orgspec.render.templates import builtin_templates, project_templates
from orgspec.render.urls import GENERATED_DIR
from orgspec.site.cache import library_version
from orgspec.site.generate import hand_written_pages
from orgspec.site.mkdocs_config import GENERATED_CONFIG, read_user_config

STAMP = Path(".cache") / "orgspec" / "generate-stamp.json"
USER_CONFIG = "mkdocs.yml"
RENDERING_LIBRARIES = ("Jinja2", "MarkupSafe", "pypinyin", "python-docx", "weasyprint", "pydantic", "PyYAML")
"""Libraries whose upgrade may change the generated files."""
Files = dict[str, list[int]]
"""Path → [size, modification time in nanoseconds]."""


@dataclass(frozen=True)
class Request:
    """One generate: the project, the edition asked for (None: the settings' edition), the output folder."""

    root: Path
    edition: str | None
    out: Path | None

    def folder(self) -> Path:
        return self.out if self.out is not None else self.root / read_user_config(self.root).docs_dir / GENERATED_DIR

    def config(self) -> Path | None:
        return None if self.out is not None else self.root / GENERATED_CONFIG


def inputs_digest(request: Request) -> str:
    """A hash of everything that shapes the generated files (see the module's description)."""
    root = request.root
    digest = hashlib.blake2b(digest_size=20)
    facts = [__version__, str(request.edition), str(request.out), str(pdf_installed())]
    facts += [os.environ.get("SOURCE_DATE_EPOCH", ""), *map(library_version, RENDERING_LIBRARIES)]
    digest.update("\0".join(facts).encode())
    for path in source_files(root):
        digest.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    for page in hand_written_pages(root / read_user_config(root).docs_dir):
        digest.update(b"\0page\0" + str(page).encode())
    package = Path(__file__).resolve().parent.parent  # all of orgspec's code
    for path in [*_files(package), *_files(builtin_templates())]:
        if path.suffix != ".pyc":
            state = path.stat()
            digest.update(f"\0{path}\0{state.st_size}\0{state.st_mtime_ns}".encode())
    return digest.hexdigest()


def source_files(root: Path) -> Iterator[Path]:
    """Every file the handbook is generated from, in a stable order (hand-written pages aside)."""
    for name in (SETTINGS_FILE, CLAUSES_FILE, APPROVALS_FILE, USER_CONFIG):
        if (root / name).is_file():
            yield root / name
    for folder in (DEPARTMENTS_DIR, ROLES_DIR):
        yield from _files(root / folder)
    own = project_templates(root)
    if own is not None:
        yield from _files(own)


def _files(folder: Path) -> list[Path]:
    """Every file below ``folder``, in a stable order (none when it does not exist)."""
    found = []
    for top, folders, names in os.walk(folder):
        folders.sort()
        found += [Path(top, name) for name in sorted(names)]
    return found


def _states(request: Request) -> Files:
    folder = request.folder()
    states = {path.relative_to(folder).as_posix(): _state(path) for path in _files(folder)}
    config = request.config()
    if config is not None:
        states[f"../{config.name}"] = _state(config) if config.is_file() else []
    return states


def _state(path: Path) -> list[int]:
    state = path.stat()
    return [state.st_size, state.st_mtime_ns]


def record(request: Request, digest: str) -> None:
    """Remember that the files now in the output folder are what ``digest`` generates."""
    document = {"inputs": digest, "folder": str(request.folder().resolve()), "files": _states(request)}
    path = request.root / STAMP
    path.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(path, json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def forget(request: Request) -> None:
    """Drop the stamp: the next generate does the whole work."""
    (request.root / STAMP).unlink(missing_ok=True)


def unchanged(request: Request, digest: str) -> int | None:
    """The number of generated pages and files when nothing changed since the stamp; None otherwise."""
    try:
        document = json.loads((request.root / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("inputs") != digest:
        return None
    if document.get("folder") != str(request.folder().resolve()):
        return None
    try:
        files = _states(request)
    except OSError:
        return None
    if files != document.get("files"):
        return None
    return sum(1 for name in files if not name.startswith("../") and name != MARKER)
