"""What each file parsed into, kept by the hash of its bytes, so that an edit does not parse 10,000 files again.

Parsing is most of the time of loading a large project. After the load of
a command that writes the project anyway, under its lock (generate, build,
serve), the data of every file that parsed without a remark is kept in
``.cache/orgspec/parsed.json``, by the hash of the file's bytes; every load
reads it, and a file is
taken from there only when its bytes are exactly those that were parsed, and
the whole cache is dropped when orgspec's loading code or PyYAML changes.
The cache is JSON (nothing in it can run code), its mappings in the order
written; a date is a one-entry mapping under a key that starts with a NUL
character, which no project file can hold.
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
from orgspec.load.yamlfile import SourceFile, text_hash

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
    """What this load took from the cache: written back with ``added``, so that the cache holds the project
    as it is and no more."""
    added: dict[str, str] = field(default_factory=dict)
    """What this load parsed, as JSON already: the data itself is freed once validated."""

    @classmethod
    def read(cls, path: Path | None, *, saving: bool = True) -> ParsedCache:
        found: dict[str, object] = {}
        if path is not None:
            with suppress(OSError, ValueError, TypeError, KeyError):
                document = json.loads(path.read_bytes(), object_hook=_undated)
                if document["version"] == _version() and isinstance(document["files"], dict):
                    found = document["files"]
        return cls(path, saving, found)

    def get(self, name: str, raw: bytes) -> tuple[object, SourceFile] | None:
        """The data of a file whose bytes are ``raw``, as parsed last time; None when not kept."""
        digest = text_hash(raw)
        kept = self.found.get(digest)
        if kept is None:
            return None
        try:
            text = raw.decode("utf-8")
        except ValueError:
            return None
        self.used[digest] = kept
        return kept, SourceFile(name, text, digest)  # the bytes of a text decoded as UTF-8

    def keep(self, source: SourceFile, data: object) -> None:
        """Keep what a file parsed into, by the hash of its text, when JSON gives it back the same (text keys,
        numbers that are numbers, dates)."""
        if not self.saving or self.path is None or data is None:
            return
        try:
            encoded = _dumped(data)
            same = json.loads(encoded, object_hook=_undated) == data
        except ValueError:
            same = False
        if same:
            self.added[source.digest] = encoded

    def save(self) -> None:
        """Write what this load used (best effort: a read-only project loads without the cache), unless it
        differs from what was read by a few files only: parsing them again costs less than writing the cache
        of a large project anew (83 MB at 10,000 long job sheets) after every edit."""
        if not self.saving or self.path is None:
            return
        dropped = sum(1 for digest in self.found if digest not in self.used)
        if dropped + len(self.added) <= max(FEW, (len(self.used) + len(self.added)) // 50):
            return
        files = {digest: _dumped(data) for digest, data in self.used.items()} | self.added
        entries = ", ".join(f"{json.dumps(digest)}: {files[digest]}" for digest in sorted(files))
        document = f'{{"version": {json.dumps(_version())}, "files": {{{entries}}}}}'
        with suppress(OSError, ValueError):
            write_if_changed(self.path, document.encode("utf-8"))


FEW = 20
"""Files parsed again rather than the cache written anew; a fiftieth of the files, when that is more."""


def _dumped(data: object) -> str:
    """``data`` as JSON, dates as one-entry mappings under a NUL-tagged key; `ValueError` for what JSON cannot
    hold (a float that is not a number, a value of another type)."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, default=_tagged)


def _tagged(value: object) -> dict[str, str]:
    if isinstance(value, datetime.datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, datetime.date):
        return {_DATE: value.isoformat()}
    raise ValueError(f"{type(value).__name__} is not kept")


def _undated(mapping: dict[str, object]) -> object:
    """A mapping as JSON gave it, or the date it stands for."""
    if len(mapping) == 1:
        if _DATETIME in mapping:
            return datetime.datetime.fromisoformat(str(mapping[_DATETIME]))
        if _DATE in mapping:
            return datetime.date.fromisoformat(str(mapping[_DATE]))
    return mapping
