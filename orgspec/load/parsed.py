"""What each file parsed into, kept by the hash of its bytes, so that an edit does not parse 10,000 files again.

Parsing is most of the time of loading a large project. After the load of
a command that writes the project anyway, under its lock (generate, build,
serve), the data of every file that parsed without a remark is kept in
``.cache/orgspec/parsed.json``, by the hash of the file's bytes; every load
reads it, and a file is
taken from there only when its bytes are exactly those that were parsed, and
the whole cache is dropped when orgspec's loading code or PyYAML changes.
The cache is JSON (nothing in it can run code), its mappings in the order
written; dates are lists tagged by a first item with a NUL character, which
no project file can hold.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from orgspec.core.write import write_if_changed
from orgspec.load.yamlfile import SourceFile

PARSED_CACHE = Path(".cache") / "orgspec" / "parsed.json"
_DATE, _DATETIME = "\0date", "\0datetime"


@cache
def _version() -> str:
    """A hash of the code that turns bytes into data, and of PyYAML's version."""
    from importlib import metadata

    digest = hashlib.blake2b(digest_size=16)
    for path in sorted((Path(__file__).parent).glob("*.py")):
        digest.update(path.read_bytes())
    with suppress(metadata.PackageNotFoundError):
        digest.update(metadata.version("PyYAML").encode())
    return digest.hexdigest()


def content_hash(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


@dataclass
class ParsedCache:
    """Parsed data by the hash of the bytes it came from; ``path`` None keeps nothing.

    A cache read without ``saving`` only serves what it holds: what this load
    parses is not encoded for a file that will not be written.
    """

    path: Path | None
    saving: bool = True
    found: dict[str, object] = field(default_factory=dict)
    used: dict[str, object] = field(default_factory=dict)
    """What this load parsed or took: written back, so that the cache holds the project as it is and no more."""

    @classmethod
    def read(cls, path: Path | None, *, saving: bool = True) -> ParsedCache:
        found: dict[str, object] = {}
        if path is not None:
            with suppress(OSError, ValueError, TypeError, KeyError):
                document = json.loads(path.read_bytes())
                if document["version"] == _version() and isinstance(document["files"], dict):
                    found = document["files"]
        return cls(path, saving, found)

    def get(self, name: str, raw: bytes) -> tuple[object, SourceFile] | None:
        """The data of a file whose bytes are ``raw``, as parsed last time; None when not kept."""
        digest = content_hash(raw)
        kept = self.found.get(digest)
        if kept is None:
            return None
        try:
            data = _decoded(kept)
            text = raw.decode("utf-8")
        except (ValueError, TypeError):
            return None
        self.used[digest] = kept
        return data, SourceFile(name, text)

    def keep(self, source: SourceFile, data: object) -> None:
        """Keep what a file parsed into, by the hash of its text (read back the same: UTF-8 without a mark)."""
        if not self.saving or self.path is None or data is None:
            return
        encoded = _encoded(data)
        if encoded is not None:
            self.used[content_hash(source.text.encode("utf-8"))] = encoded

    def save(self) -> None:
        """Write what this load used (best effort: a read-only project loads without the cache)."""
        if not self.saving or self.path is None or self.used == self.found:
            return
        document = {"version": _version(), "files": dict(sorted(self.used.items()))}
        with suppress(OSError):
            write_if_changed(self.path, json.dumps(document, ensure_ascii=False).encode("utf-8"))


def _encoded(value: object) -> object | None:
    """``value`` as JSON data (dates tagged); None when it holds something else."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, datetime.datetime):
        return [_DATETIME, value.isoformat()]
    if isinstance(value, datetime.date):
        return [_DATE, value.isoformat()]
    if isinstance(value, list):
        items = [_encoded(item) for item in value]
        return (
            None
            if any(item is None and original is not None for item, original in zip(items, value, strict=True))
            else items
        )
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        entries = {key: _encoded(item) for key, item in value.items()}
        return None if any(entries[key] is None and value[key] is not None for key in value) else entries
    return None


def _decoded(value: object) -> object:
    if isinstance(value, list):
        if len(value) == 2 and value[0] == _DATETIME:
            return datetime.datetime.fromisoformat(value[1])
        if len(value) == 2 and value[0] == _DATE:
            return datetime.date.fromisoformat(value[1])
        return [_decoded(item) for item in value]
    if isinstance(value, dict):
        return {key: _decoded(item) for key, item in value.items()}
    return value
