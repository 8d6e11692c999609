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
character, which no project file can hold. Its first line says where each
file's data is in the rest, a JSON document per file: a file's data is
decoded only when the file is validated, and freed then, so that a load
never holds the data of every file at once (200 MB at 10,000 long job
sheets, a third of a check's peak).
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


Place = tuple[int, int]
"""Where a file's data is in the cache, after its first line: start and end."""


@dataclass
class ParsedCache:
    """Parsed data by the hash of the bytes it came from; ``path`` None keeps nothing.

    A cache read without ``saving`` only serves what it holds: what this load
    parses is not encoded for a file that will not be written.
    """

    path: Path | None
    saving: bool = True
    found: dict[str, Place] = field(default_factory=dict)
    data: bytes = b""
    """The documents of the files, one after the other: where each one is, is ``found``."""
    used: dict[str, Place] = field(default_factory=dict)
    """What this load took from the cache: written back with ``added``, so that the cache holds the project
    as it is and no more."""
    added: dict[str, bytes] = field(default_factory=dict)
    """What this load parsed, as JSON already: the data itself is freed once validated."""

    @classmethod
    def read(cls, path: Path | None, *, saving: bool = True) -> ParsedCache:
        if path is not None:
            with suppress(OSError, ValueError, TypeError, KeyError, AttributeError):
                content = path.read_bytes()
                end = content.index(b"\n")
                header = json.loads(content[:end])
                if header["version"] == _version():
                    data = content[end + 1 :]
                    found = {str(digest): _place(place, len(data)) for digest, place in header["files"].items()}
                    return cls(path, saving, found, data)
        return cls(path, saving)

    def get(self, name: str, raw: bytes) -> Kept | None:
        """The file whose bytes are ``raw`` as parsed last time, its data not decoded yet; None when not kept."""
        digest = text_hash(raw)
        place = self.found.get(digest)
        if place is None:
            return None
        try:
            text = raw.decode("utf-8")
        except ValueError:
            return None
        self.used[digest] = place
        return Kept(self, SourceFile(name, text, digest))  # the bytes of a text decoded as UTF-8

    def decoded(self, digest: str) -> object | None:
        """The data kept for ``digest``; None when what is kept there is not JSON (it is then not kept again)."""
        start, end = self.found[digest]
        try:
            data: object = json.loads(self.data[start:end], object_hook=_undated)
        except ValueError:
            self.used.pop(digest, None)
            return None
        return data

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
            self.added[source.digest] = encoded.encode("utf-8")

    def save(self) -> None:
        """Write what this load used (best effort: a read-only project loads without the cache), unless it
        differs from what was read by a few files only: parsing them again costs less than writing the cache
        of a large project anew (83 MB at 10,000 long job sheets) after every edit."""
        if not self.saving or self.path is None:
            return
        dropped = sum(1 for digest in self.found if digest not in self.used)
        if dropped + len(self.added) <= max(FEW, (len(self.used) + len(self.added)) // 50):
            return
        files = {digest: self.data[start:end] for digest, (start, end) in self.used.items()} | self.added
        places, offset = {}, 0
        for digest in sorted(files):
            places[digest] = [offset, offset + len(files[digest])]
            offset += len(files[digest])
        header = json.dumps({"version": _version(), "files": places}, sort_keys=True).encode()
        document = b"\n".join([header, b"".join(files[digest] for digest in sorted(files))])
        with suppress(OSError, ValueError):
            write_if_changed(self.path, document)


@dataclass(frozen=True)
class Kept:
    """A file found in the cache: its text, and its data when asked for (`ParsedCache.decoded`)."""

    cache: ParsedCache
    source: SourceFile

    def data(self) -> object | None:
        return self.cache.decoded(self.source.digest)


def _place(place: object, size: int) -> Place:
    """A place read from the cache's first line; `ValueError` unless it is inside ``size`` bytes."""
    if not isinstance(place, list) or len(place) != 2 or not all(type(number) is int for number in place):
        raise ValueError("not a place")
    start, end = place
    if not 0 <= start <= end <= size:
        raise ValueError("not a place")
    return start, end


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
