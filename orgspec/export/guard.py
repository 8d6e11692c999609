"""Replace a file orgspec wrote only while its bytes are still what orgspec wrote.

Beside the files it writes (job sheets, registers, schemas), orgspec keeps a
record, ``.orgspec-written.json``, of a hash of each file's bytes. A file
may be replaced when it does not exist, already holds the new bytes, or
still hashes to what the record says; anything else (a file a person made,
or edited and saved, even with a tool that keeps orgspec's name in the
document's properties) is refused unless ``--force``. No mark inside a file
is trusted: tools that edit files keep those.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from orgspec.core.errors import RefusedError
from orgspec.core.write import write_if_changed, writing

RECORD = ".orgspec-written.json"
"""The record, in each folder orgspec writes files into: file name → hashes of the bytes orgspec wrote."""
JOURNAL = ".orgspec-written.journal"
"""While files are written: a line for each, its name and new hash, added before it is written and folded into
the record when the export ends, so that a run killed half way leaves files the next run may still replace."""
Record = dict[str, list[str]]
NOTE = "orgspec replaces a file here only while its bytes still hash to what orgspec wrote; an edited file is kept."


class NotReplacedError(RefusedError):
    """Files orgspec would replace hold bytes that orgspec did not write; nothing was written."""

    def __init__(self, paths: Iterable[Path]) -> None:
        lines = [f"{path}: not replaced: orgspec did not write this file (or it was edited since)" for path in paths]
        lines.append("nothing written; move those files away, choose another --out, or use --force")
        super().__init__("\n".join(lines))


def write_owned(files: dict[Path, bytes], *, force: bool) -> list[Path]:
    """Write every file, or none when one would replace bytes orgspec did not write; the paths written."""
    with OwnedFiles(files, force=force, contents=files) as owned:
        return [path for path, content in files.items() if owned.write(path, content)]


def adopt(files: dict[Path, bytes]) -> None:
    """Record ``files``, just written by orgspec in some other way (``orgspec init``), as its own to replace."""
    hashes = {path: _hash(content) for path, content in files.items()}
    for folder in sorted({path.parent for path in files}):
        _save(folder, _recorded(_read(folder), folder, hashes, keep_old=True))


class OwnedFiles:
    """The files an export is about to write: refused all at once before any is made, then written one by one.

    A file in the way is one that exists and does not hash to what the
    record of its folder says (nor, when its new bytes are known up front,
    holds them already): then `NotReplacedError` names every such file and
    nothing is written. With ``force`` every file is written. Before each
    file is written its new hash is added to the folder's journal (a line,
    not the whole record again), so a run killed half way leaves files the
    next run may still replace; when the block ends the record is saved with
    each file's new hash only, and the journal goes.
    """

    def __init__(self, targets: Iterable[Path], *, force: bool, contents: dict[Path, bytes] | None = None) -> None:
        paths = list(targets)
        self._records = {folder: _read(folder) for folder in sorted({path.parent for path in paths})}
        known = contents or {}
        refused = [path for path in paths if not force and not _ours(path, known.get(path), self._records[path.parent])]
        if refused:
            raise NotReplacedError(refused)
        self._hashes: dict[Path, str] = {}

    def __enter__(self) -> OwnedFiles:
        return self

    def __exit__(self, failure: type[BaseException] | None, *_details: object) -> None:
        if failure is not None:  # the record keeps old and new hashes: whichever a file holds, it is ours
            return
        with writing(next(iter(self._records), Path())):
            for folder, record in self._records.items():
                _save(folder, _recorded(record, folder, self._hashes, keep_old=False))
                (folder / JOURNAL).unlink(missing_ok=True)

    def write(self, path: Path, content: bytes) -> bool:
        """Write one of the files (when its bytes changed); True if written."""
        self._hashes[path] = digest = _hash(content)
        with writing(path.parent):
            path.parent.mkdir(parents=True, exist_ok=True)
            with (path.parent / JOURNAL).open("a", encoding="utf-8") as journal:
                journal.write(json.dumps([path.name, digest], ensure_ascii=False) + "\n")
            return write_if_changed(path, content)


def _hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _read(folder: Path) -> Record:
    """The hashes recorded in ``folder``, with those of its journal (none where neither can be read)."""
    try:
        document = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        record = {str(name): [str(value) for value in hashes] for name, hashes in document["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        record = {}
    for name, digest in _journal(folder):
        record[name] = list(dict.fromkeys([*record.get(name, []), digest]))
    return record


def _journal(folder: Path) -> Iterator[tuple[str, str]]:
    """The names and hashes in the journal of ``folder``; a line cut short by a killed run is passed over."""
    try:
        lines = (folder / JOURNAL).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return
    for line in lines:
        try:
            name, digest = json.loads(line)
        except (ValueError, TypeError):
            continue
        yield str(name), str(digest)


def _ours(path: Path, content: bytes | None, record: Record) -> bool:
    """Whether ``content`` may replace ``path``: it is missing, holds ``content``, or holds what orgspec wrote."""
    try:
        existing = path.read_bytes()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return existing == content or _hash(existing) in record.get(path.name, [])


def _recorded(record: Record, folder: Path, hashes: dict[Path, str], *, keep_old: bool) -> Record:
    """``record`` with the new hash of each file written into ``folder`` (after its old ones with ``keep_old``)."""
    new = {
        path.name: list(dict.fromkeys([*(record.get(path.name, []) if keep_old else []), digest]))
        for path, digest in hashes.items()
        if path.parent == folder
    }
    return {**record, **new}


def _save(folder: Path, record: Record) -> None:
    document = {"note": NOTE, "files": record}
    write_if_changed(folder / RECORD, (json.dumps(document, indent=1, sort_keys=True) + "\n").encode("ascii"))
