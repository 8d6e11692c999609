"""The one module that writes to disk: atomically, only what changed, never over a person's file.

Every file is written to a temporary file beside it and renamed into place,
so a run killed at any moment leaves either the old or the new file, and at
worst a temporary file that the next run removes. A folder orgspec generates
lists what orgspec wrote there (`Tree`); only those files are ever
replaced or removed. One run at a time writes a project (`orgspec.core.lock`).
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from orgspec.core.errors import EnvironmentProblem, RefusedError

TEMPORARY_SUFFIX = ".orgspec-tmp"
"""The end of the name of a file being written; one left by a killed run is removed by the next."""


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` to ``path`` atomically unless it already holds it; True if written."""
    try:
        if path.read_bytes() == content:
            return False
    except OSError:
        pass
    write_atomically(path, content)
    return True


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to a temporary file beside ``path`` and rename it into place (a new file, always)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
    except OSError as error:  # name the file being written, not its temporary name
        raise OSError(error.errno, error.strerror, str(path)) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def create_new(path: Path, content: bytes) -> bool:
    """Create ``path`` with ``content``; False (and nothing written) if it exists already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("xb") as stream:
            stream.write(content)
    except FileExistsError:
        return False
    return True


def is_temporary(name: str) -> bool:
    """Whether a file name is one of orgspec's temporary files (``.<name>.<random>.orgspec-tmp``)."""
    return name.startswith(".") and name.endswith(TEMPORARY_SUFFIX)


def remove_temporaries(folder: Path, *, recursive: bool) -> None:
    """Remove the temporary files a killed run left in ``folder`` (and below it when ``recursive``)."""
    for top, folders, names in os.walk(folder):
        for name in names:
            if is_temporary(name):
                _remove_quietly(Path(top, name))
        if not recursive:
            folders.clear()


def _remove_quietly(path: Path) -> None:
    with suppress(OSError):  # in a read-only folder the file stays, harmless
        path.unlink(missing_ok=True)


_FOLDER_FAULTS = {
    errno.EACCES: "make the folder writable (chmod u+w), or write somewhere else",
    errno.EPERM: "make the folder writable (chmod u+w), or write somewhere else",
    errno.EROFS: "the disk is read-only: write somewhere else",
    errno.ENOSPC: "free some disk space, then run the command again",
    errno.EDQUOT: "free some disk space, then run the command again",
}
"""Failures that lie with the folder a file is written into, and their fix."""


class CannotWriteError(EnvironmentProblem):
    """A folder orgspec must write to cannot be written: read-only, not a folder, or a full disk."""

    def __init__(self, place: Path, error: OSError) -> None:
        super().__init__(cannot_write(place, error))


@contextmanager
def writing(place: Path) -> Iterator[None]:
    """Where a run writes files under ``place``: a failure becomes a message naming the path and the fix.

    Every command that writes wraps its writing in this, so that a read-only
    folder, a full disk or a file in the way of a folder is never a traceback.
    """
    try:
        yield
    except OSError as error:
        raise CannotWriteError(place, error) from error


def cannot_write(place: Path, error: OSError) -> str:
    """The message for ``error`` raised while writing under ``place``."""
    path = Path(error.filename) if error.filename else place
    reason = error.strerror or str(error)
    fix = _FOLDER_FAULTS.get(error.errno or 0)
    if fix is not None and error.filename:
        return f"{path.parent}: cannot write in this folder ({reason}); {fix}"
    if fix is not None:
        return f"{path}: cannot be written ({reason}); {fix}"
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return f"{path}: cannot be written ({reason}): a file is in the way of a folder; move it away"
    if error.errno == errno.EISDIR:
        return f"{path}: cannot be written ({reason}): a folder is in the way of a file; move it away"
    return f"{path}: cannot be written ({reason})"


MARKER = ".orgspec-generated"
MARKER_NOTE = "This folder is written by orgspec generate; it replaces and removes only the files listed here."


class ForeignFolderError(RefusedError):
    """The output folder exists, is not empty and was not created by orgspec."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"{folder}: not written: the folder has files that orgspec did not write; "
            "move them away or choose another --out"
        )


class InTheWayError(RefusedError):
    """Files orgspec would write are there already, and orgspec did not write them."""

    def __init__(self, folder: Path, names: list[str]) -> None:
        lines = [f"{folder / name}: not replaced: orgspec did not write this file" for name in names]
        lines.append(f"they are left as they were; move them out of {folder} and run again")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class TreeReport:
    """What writing a generated folder changed, and what it found there that orgspec did not write."""

    written: list[str]
    unchanged: int
    removed: list[str]
    foreign: list[str]


Put = Literal["written", "kept", "in the way"]
"""What giving a `Tree` one file did: wrote it, found it holding those bytes already, or found a person's file
with other bytes where it goes (left as it is)."""


class Tree:
    """``folder`` made to hold the files ``names`` (relative paths), given one at a time, touching only what
    orgspec wrote.

    The files may be given by several processes at once (forked after the tree is opened): each `put` writes
    one file, atomically and only if it changed, and says what it did. Files an earlier run wrote that are no
    longer generated are removed at the `end`, and anything else in the folder is left alone and reported as
    ``foreign``. The list of what orgspec wrote (the marker file) is updated before the first file is written,
    so a run killed half way still knows every file it wrote. A folder that has content but no marker is never
    touched; a person's file where a generated one goes is replaced only if it holds those bytes already, and
    the tree refuses to end while one does not.
    """

    def __init__(self, folder: Path, names: Iterable[str]) -> None:
        self.folder = folder
        self.names = frozenset(names)
        for name in self.names:
            if Path(name).is_absolute() or ".." in Path(name).parts:
                raise ValueError(f"generated path {name!r} leaves the output folder")
        owned = _owned(folder)
        self.owned = set(self.names) if owned is None else owned
        self.guarded = frozenset(name for name in self.names - self.owned if _exists(folder / name))
        """The names a file orgspec did not write stands at: not in the marker until found to be the same."""
        _write_marker(folder, self.owned | (self.names - self.guarded))

    def put(self, name: str, content: bytes) -> Put:
        """Write the file ``name`` unless it holds ``content`` already."""
        if name in self.guarded:
            return "in the way" if _differs(self.folder / name, content) else "kept"
        return "written" if write_if_changed(self.folder / name, content) else "kept"

    def end(self, done: Mapping[str, Put]) -> TreeReport:
        """Remove what is no longer generated and list the rest in the marker; ``done``: what each `put` did
        (a name not in it was intact and kept). A person's file in the way is an error, once all else is written."""
        in_the_way = sorted(name for name, put in done.items() if put == "in the way")
        if in_the_way:
            raise InTheWayError(self.folder, in_the_way)
        removed = _remove(self.folder, self.owned - self.names)
        _write_marker(self.folder, set(self.names))
        written = sorted(name for name, put in done.items() if put == "written")
        return TreeReport(written, len(self.names) - len(written), removed, foreign_files(self.folder, self.names))


def generated_files(folder: Path) -> list[str]:
    """The files orgspec wrote into ``folder``, as its marker lists them (none when it cannot be read)."""
    try:
        return sorted(_owned(folder) or ())
    except (OSError, RefusedError):
        return []


def foreign_files(folder: Path, ours: Iterable[str]) -> list[str]:
    """The files in ``folder`` that are not ``ours`` nor the marker; temporary files of a killed run are removed."""
    owned = {*ours, MARKER}
    foreign = []
    for top, folders, names in os.walk(folder):
        links = [name for name in folders if Path(top, name).is_symlink()]  # a person's link to a folder
        for name in [*links, *names]:
            relative = Path(top, name).relative_to(folder).as_posix()
            if is_temporary(name):
                _remove_quietly(Path(top, name))
            elif relative not in owned:
                foreign.append(relative)
    return sorted(foreign)


def _owned(folder: Path) -> set[str] | None:
    """The names the marker lists; None for a marker of an earlier orgspec, which listed nothing."""
    try:
        text = (folder / MARKER).read_text(encoding="utf-8")
    except FileNotFoundError:
        if folder.is_dir() and any(folder.iterdir()):
            raise ForeignFolderError(folder) from None
        return set()
    try:
        return {str(name) for name in json.loads(text)["files"]}
    except (ValueError, KeyError, TypeError):
        return None


def _write_marker(folder: Path, names: set[str]) -> None:
    document = {"note": MARKER_NOTE, "files": sorted(names)}
    write_if_changed(folder / MARKER, (json.dumps(document, indent=0) + "\n").encode("ascii"))


def _exists(path: Path) -> bool:
    """Whether anything stands at ``path``, a broken link included."""
    try:
        path.lstat()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return True


def _differs(path: Path, content: bytes) -> bool:
    """Whether a file is in the way of ``content``: it exists (or something else does) with other bytes."""
    try:
        return path.read_bytes() != content
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _remove(folder: Path, names: set[str]) -> list[str]:
    """Remove the files orgspec wrote that are no longer generated, and the folders they leave empty."""
    removed = []
    for name in sorted(names):
        path = folder / name
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(name)
    parents = {parent for name in removed for parent in (folder / name).parents if folder in parent.parents}
    for parent in sorted(parents, key=lambda path: len(path.parts), reverse=True):
        if parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
    return removed
