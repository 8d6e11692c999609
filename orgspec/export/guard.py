"""Tell files that orgspec exported from files people made or edited, so those are never overwritten.

Word and Excel write the saving user's name as the last author, replacing
``orgspec``; a PDF made here names orgspec as its creator; a CSV register
starts with the register's header row.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

GENERATOR = b"orgspec"
_OFFICE_MARK = b"<cp:lastModifiedBy>" + GENERATOR + b"</cp:lastModifiedBy>"
_PDF_MARK = b"/Creator (" + GENERATOR + b")"


def replaceable(path: Path, content: bytes) -> bool:
    """Whether ``content`` may be written to ``path``: it is new, unchanged, or an earlier export of ours."""
    try:
        existing = path.read_bytes()
    except FileNotFoundError:
        return True
    if existing == content:
        return True
    return ours(path.suffix, existing, content)


def replaceable_sheet(path: Path) -> bool:
    """Whether a job sheet (Word or PDF) may be written to ``path`` whatever it holds: nothing is there, or ours is.

    Known before the sheet is made, so that an export can refuse at once and then write each file as it is done.
    """
    try:
        existing = path.read_bytes()
    except FileNotFoundError:
        return True
    return ours(path.suffix, existing, b"")


def ours(suffix: str, existing: bytes, content: bytes) -> bool:
    """Whether ``existing`` (a file with ``suffix``) carries orgspec's mark, for ``content`` to replace it."""
    if suffix in (".docx", ".xlsx"):
        return _office_mark(existing)
    if suffix == ".pdf":
        return _PDF_MARK in existing
    if suffix == ".csv":
        header = content.split(b"\r\n", 1)[0]
        return existing.split(b"\r\n", 1)[0] == header
    return False


def _office_mark(package: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as archive:
            return _OFFICE_MARK in archive.read("docProps/core.xml")
    except (zipfile.BadZipFile, KeyError):
        return False
