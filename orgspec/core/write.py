"""The one module that writes to disk: atomically, and only what changed."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from orgspec.core.errors import RefusedError


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` to ``path`` atomically unless it already holds it; True if written."""
    try:
        if path.read_bytes() == content:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def create_new(path: Path, content: bytes) -> bool:
    """Create ``path`` with ``content``; False (and nothing written) if it exists already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("xb") as stream:
            stream.write(content)
    except FileExistsError:
        return False
    return True


MARKER = ".orgspec-generated"
MARKER_TEXT = b"This folder is written by orgspec generate; files here are replaced and removed on every run.\n"


class ForeignFolderError(RefusedError):
    """The output folder exists, is not empty and was not created by orgspec."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"{folder}: not written: the folder has files that orgspec did not write; "
            "move them away or choose another --out"
        )


@dataclass(frozen=True)
class TreeReport:
    """What writing a generated folder changed."""

    written: list[str]
    unchanged: int
    removed: list[str]


def write_tree(folder: Path, files: dict[str, bytes]) -> TreeReport:
    """Make ``folder`` hold exactly ``files`` (relative paths → bytes).

    Only changed files are written (atomically); files left over from an
    earlier run are removed. A folder that has content but no orgspec
    marker is never touched.
    """
    for name in files:
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise ValueError(f"generated path {name!r} leaves the output folder")
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).is_file():
        raise ForeignFolderError(folder)
    folder.mkdir(parents=True, exist_ok=True)
    create_new(folder / MARKER, MARKER_TEXT)
    written = [name for name, content in sorted(files.items()) if write_if_changed(folder / name, content)]
    removed = []
    for path in sorted(folder.rglob("*"), reverse=True):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and relative != MARKER and relative not in files:
            path.unlink()
            removed.append(relative)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return TreeReport(written, len(files) - len(written), sorted(removed))
