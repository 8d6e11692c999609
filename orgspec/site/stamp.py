"""An unchanged generate does nothing: a stamp of what the last clean run read and wrote.

Generating 10,000 posts means loading and checking every file and rendering
every page, which takes seconds even when nothing changed and nothing is
written. After a generate whose check found no error, the stamp
(``.cache/orgspec/generate-stamp.json``) records a hash of everything that
shapes the output and the size, modification and change time of every file
it wrote. The next generate skips loading, checking and rendering when:

- the hash is the same: the same bytes in ``orgspec.yaml``, ``clauses.yaml``,
  ``approvals.yaml``, ``departments/``, ``roles/``, ``mkdocs.yml`` and ``site_templates/``; the
  same names of hand-written pages; the same orgspec code and templates and
  the same versions of the libraries that render; the same edition, output
  folder, ``SOURCE_DATE_EPOCH`` and PDF support;
- and every file orgspec wrote is there with its recorded size and times
  (the generated folder's, and the front page when orgspec writes it): a
  page edited or removed by hand is repaired by a full run, even one whose
  modification time was set back (``touch -r``), which changes the change
  time. Files a person put in the folder are reported, not read.

The warnings of that run are kept beside the stamp (`orgspec.site.findings`)
and printed again by every run it skips, until they are fixed.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from orgspec import __version__
from orgspec.core.write import MARKER, TreeReport, foreign_files, generated_files, write_if_changed
from orgspec.export.pdf import pdf_installed
from orgspec.load.project import APPROVALS_FILE, CLAUSES_FILE, DEPARTMENTS_DIR, ROLES_DIR, SETTINGS_FILE
from orgspec.render.templates import TEMPLATES_DIR, builtin_templates, project_templates
from orgspec.render.urls import FRONT_PAGE, GENERATED_DIR
from orgspec.site.cache import library_version
from orgspec.site.config_names import GENERATED_CONFIG, USER_CONFIGS
from orgspec.site.front_page import has_own_front_page
from orgspec.site.generate import hand_written_pages
from orgspec.site.mkdocs_config import read_user_config

STAMP = Path(".cache") / "orgspec" / "generate-stamp.json"
SOURCE_FILES = (SETTINGS_FILE, CLAUSES_FILE, APPROVALS_FILE, *USER_CONFIGS)
"""The files at the top of a project that the handbook is generated from."""
SOURCE_FOLDERS = (DEPARTMENTS_DIR, ROLES_DIR, TEMPLATES_DIR)
"""The folders of a project whose every file the handbook is generated from (templates: the project's own)."""
RENDERING_LIBRARIES = ("Jinja2", "MarkupSafe", "pypinyin", "python-docx", "weasyprint", "pydantic", "PyYAML")
"""Libraries whose upgrade may change the generated files."""
Files = dict[str, list[int]]
"""Path → [size, modification time, change time in nanoseconds]."""


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

    def docs(self) -> Path:
        return self.root / read_user_config(self.root).docs_dir


def inputs_digest(request: Request) -> str:
    """A hash of everything that shapes the generated files (see the module's description).

    File names are hashed as the bytes they are on disk (a name from another
    system need not be UTF-8); a file that cannot be read, or is not a
    regular file, counts by what it is, never by its content: the check
    reports the ones that matter.
    """
    root = request.root
    digest = hashlib.blake2b(digest_size=20)
    facts = [__version__, str(request.edition), str(request.out), str(pdf_installed())]
    facts += [os.environ.get("SOURCE_DATE_EPOCH", ""), *map(library_version, RENDERING_LIBRARIES)]
    digest.update("\0".join(facts).encode())
    for path in source_files(root):
        digest.update(b"\0" + os.fsencode(path.relative_to(root).as_posix()) + b"\0" + _content_hash(path))
    for page in hand_written_pages(root / read_user_config(root).docs_dir):
        digest.update(b"\0page\0" + os.fsencode(str(page)))
    package = Path(__file__).resolve().parent.parent  # all of orgspec's code
    for path in [*_files(package), *_files(builtin_templates())]:
        if path.suffix != ".pyc" and "__pycache__" not in path.parts:
            digest.update(b"\0" + os.fsencode(path) + b"\0" + repr(_code_state(path)).encode())
    return digest.hexdigest()


def _code_state(path: Path) -> list[int]:
    try:
        return _state(path)
    except OSError:  # removed while listed (an editor's backup file): nothing to count
        return []


def _content_hash(path: Path) -> bytes:
    """The hash of a regular file's bytes; for anything else, or a file that cannot be read, what it is."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block the run
    except OSError as error:
        return f"unreadable: {error.errno}".encode()
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return b"not a regular file"
        try:
            return hashlib.file_digest(stream, "blake2b").digest()
        except OSError as error:
            return f"unreadable: {error.errno}".encode()


def source_files(root: Path) -> Iterator[Path]:
    """Every file the handbook is generated from, in a stable order (hand-written pages aside)."""
    for name in SOURCE_FILES:
        if (root / name).is_file():
            yield root / name
    for folder in (DEPARTMENTS_DIR, ROLES_DIR):
        yield from _files(root / folder)
    own = project_templates(root)
    if own is not None:
        yield from _files(own)
    theme = read_user_config(root).theme_dir  # merged with orgspec's when searched with Pagefind
    if theme is not None:
        yield from _files(root / theme)


def _files(folder: Path) -> list[Path]:
    """Every file below ``folder``, in a stable order (none when it does not exist)."""
    found = []
    for top, folders, names in os.walk(folder):
        folders.sort()
        found += [Path(top, name) for name in sorted(names)]
    return found


def _states(request: Request, names: Iterable[str]) -> Files:
    """The state of each of ``names`` in the output folder, and of the build configuration."""
    folder = request.folder()
    states = {name: _state(folder / name) for name in names}
    config = request.config()
    if config is not None:
        states[f"../{config.name}"] = _state(config) if config.is_file() else []
        front = request.docs() / FRONT_PAGE
        if not has_own_front_page(front.parent):
            states[f"../{FRONT_PAGE}"] = _state(front) if front.is_file() else []
    return states


def _state(path: Path) -> list[int]:
    """Size, modification and change time: a person can set a file's modification time back, not its change time."""
    state = path.stat()
    return [state.st_size, state.st_mtime_ns, state.st_ctime_ns]


def record(request: Request, digest: str) -> None:
    """Remember that the files orgspec wrote into the output folder are what ``digest`` generates.

    The stamp only saves time: a project where it cannot be written is generated in full every time.
    """
    names = [*generated_files(request.folder()), MARKER]
    with suppress(OSError):
        document = {"inputs": digest, "folder": str(request.folder().resolve()), "files": _states(request, names)}
        write_if_changed(request.root / STAMP, json.dumps(document, sort_keys=True).encode("ascii"))


def forget(request: Request) -> None:
    """Drop the stamp: the next generate does the whole work."""
    with suppress(OSError):
        (request.root / STAMP).unlink(missing_ok=True)


def unchanged(request: Request, digest: str) -> TreeReport | None:
    """What a generate would report when nothing changed since the stamp; None otherwise.

    Files in the output folder that orgspec did not write are reported, as a full run reports them.
    """
    try:
        document = json.loads((request.root / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("inputs") != digest:
        return None
    if document.get("folder") != str(request.folder().resolve()) or not isinstance(document.get("files"), dict):
        return None
    recorded = [name for name in document["files"] if not name.startswith("../")]
    try:
        if _states(request, recorded) != document["files"]:
            return None
        foreign = foreign_files(request.folder(), recorded)
    except OSError:
        return None
    return TreeReport(written=[], unchanged=len(recorded) - 1, removed=[], foreign=foreign)
