"""Read the project files of a git revision without touching the working tree or the index.

Only plumbing commands that read the object database are run: ``ls-tree``
lists the files of the revision and one ``cat-file --batch`` process reads
every blob, so a revision of thousands of posts costs three processes.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from orgspec.check.pipeline import CheckResult, check_loaded
from orgspec.core.errors import UsageError
from orgspec.load.project import APPROVALS_FILE, CLAUSES_FILE, DEPARTMENTS_DIR, ROLES_DIR, SETTINGS_FILE, load_files

PROJECT_PATHS = (SETTINGS_FILE, CLAUSES_FILE, APPROVALS_FILE, DEPARTMENTS_DIR, ROLES_DIR)
_REGULAR_FILES = ("100644", "100755")
"""Modes of ordinary files: symbolic links and submodules are not project files."""


class GitError(UsageError):
    """git could not do what was asked; the message is git's own."""


@dataclass(frozen=True)
class Revision:
    """The project files of one revision: path relative to the project folder → bytes."""

    name: str
    commit: str
    files: dict[str, bytes]

    def read(self, name: str) -> bytes:
        """A file's bytes, as `orgspec.load.project.load_files` wants them."""
        try:
            return self.files[name]
        except KeyError:
            raise FileNotFoundError(2, f"not in revision {self.name}", name) from None


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run git in ``root`` and return its output, or raise `GitError` with its message."""
    try:
        done = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def read_revision(root: Path, name: str) -> Revision:
    """The project files of revision ``name``, for the project folder ``root`` inside a repository."""
    # ls-tree first: for an unknown revision its message names the revision.
    listing = git(root, "ls-tree", "-r", "-z", "--end-of-options", name, "--", *PROJECT_PATHS)
    commit = git(root, "rev-parse", "--verify", "--end-of-options", f"{name}^{{commit}}").decode().strip()
    blobs: dict[str, str] = {}
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, path = record.split(b"\t", 1)
        mode, kind, object_id = meta.decode().split()
        if kind == "blob" and mode in _REGULAR_FILES:
            blobs[path.decode("utf-8", "surrogateescape")] = object_id
    return Revision(name, commit, read_blobs(root, blobs))


def read_blobs(root: Path, blobs: dict[str, str]) -> dict[str, bytes]:
    """The contents of blobs (path → object id) from one ``git cat-file --batch``."""
    if not blobs:
        return {}
    output = git(root, "cat-file", "--batch", stdin="".join(f"{oid}\n" for oid in blobs.values()).encode())
    contents: list[bytes] = []
    at = 0
    for _ in blobs:
        header_end = output.index(b"\n", at)
        header = output[at:header_end].split()
        if len(header) != 3:
            raise GitError(f"git cat-file: {output[at:header_end].decode('utf-8', 'replace')}")
        size = int(header[2])
        contents.append(output[header_end + 1 : header_end + 1 + size])
        at = header_end + 1 + size + 1  # the content is followed by a newline
    return dict(zip(blobs, contents, strict=True))


def check_revision(root: Path, revision: Revision) -> CheckResult:
    """Load, validate, link and check the organisation of a revision, as `orgspec check` would."""
    return check_loaded(*load_files(root, revision.files, revision.read))
