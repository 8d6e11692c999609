"""What each page read of the organisation, so that an edit recomputes only the pages it reaches.

While the values of a page are computed, the organisation's tables (its
posts, departments, clauses, approval rules, and the relations derived from
them: subordinates, department members, head counts, titles shared, …) are
*tracked*: every entry a page looks up is noted as a read, ``table|key``;
listing a table's keys is the read ``table*`` and going through its values
the read ``table**``. The next generate hashes every entry of every table
again (`entry_hashes`); a page whose reads all hash as before shows the same
values, so its file is kept without its values being computed.

A table's value hash is cheap where it can be: a post or department read
from its file as it is has the hash of that file's text; anything else is
hashed as data.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import Any

from pydantic import BaseModel

from orgspec.core.reads import RECORDING, note
from orgspec.link.organisation import Organisation
from orgspec.load.project import Entity
from orgspec.load.yamlfile import SourceFile
from orgspec.render.handbook import Handbook
from orgspec.views.approvals import post_approvals

Hashes = dict[str, str]
"""Read → hash of what it found."""
ANY_KEY = "*"
ANY_VALUE = "**"
DERIVED = (
    "departments",
    "department_children",
    "subordinates",
    "department_posts",
    "held_by",
    "_counted",
    "family_levels",
    "office_partners",
)
"""The organisation's tables derived once for all pages (cached properties)."""


def token(table: str, key: object) -> str:
    """The read of one entry: ``table|key`` (``table#repr`` for a key that is not text, such as None)."""
    return f"{table}|{key}" if isinstance(key, str) else f"{table}#{key!r}"


def _noting_entry(method: Callable[..., Any]) -> Any:
    """``method`` of a tracked table, noting first the read of the entry its first argument names (`token`)."""

    def noted(self: Tracked, key: Any, *rest: Any) -> Any:
        reads = RECORDING.reads
        if reads is not None:  # token(), written out: this runs for every lookup of every page
            reads.add(f"{self.table}|{key}" if isinstance(key, str) else f"{self.table}#{key!r}")
        return method(self, key, *rest)

    noted.__name__ = method.__name__
    return noted


def _noting_all(method: Callable[..., Any], suffix: str) -> Any:
    """``method`` of a tracked table, noting first the read of all its keys (``*``) or values (``**``)."""

    def noted(self: Tracked | TrackedList, *args: Any) -> Any:
        reads = RECORDING.reads
        if reads is not None:
            reads.add(self.table + suffix)
        return method(self, *args)

    noted.__name__ = method.__name__
    return noted


class Tracked(dict[Any, Any]):
    """A table whose entries note, when looked up, that the page being computed read them.

    Looking up an entry (``[key]``, ``get``, ``in``) reads that entry; listing the keys (iterating,
    ``len``, ``keys``) reads the table's keys; ``values`` and ``items`` read all of its values.
    """

    table: str

    def __init__(self, table: str, entries: Mapping[Any, Any]) -> None:
        super().__init__(entries)
        self.table = table

    def __missing__(self, key: Any) -> Any:
        raise KeyError(key)

    __getitem__ = _noting_entry(dict.__getitem__)
    get = _noting_entry(dict.get)
    __contains__ = _noting_entry(dict.__contains__)
    __iter__ = _noting_all(dict.__iter__, ANY_KEY)
    __len__ = _noting_all(dict.__len__, ANY_KEY)
    keys = _noting_all(dict.keys, ANY_KEY)
    values = _noting_all(dict.values, ANY_VALUE)
    items = _noting_all(dict.items, ANY_VALUE)

    def __reduce__(self) -> Any:  # written out as the plain table it is
        return (dict, (dict(dict.items(self)),))


class TrackedList(list[Any]):
    """A list read only as a whole (the approval rules): any use of it reads all of its values."""

    table: str

    def __init__(self, table: str, entries: list[Any]) -> None:
        super().__init__(entries)
        self.table = table

    __iter__ = _noting_all(list.__iter__, ANY_VALUE)
    __len__ = _noting_all(list.__len__, ANY_VALUE)
    __getitem__ = _noting_all(list.__getitem__, ANY_VALUE)

    def __bool__(self) -> bool:
        note(self.table + ANY_VALUE)
        return list.__len__(self) > 0

    def __reduce__(self) -> Any:
        return (list, (list(list.__iter__(self)),))


def unique_reads(reads: set[str]) -> tuple[str, ...]:
    """``reads`` in order, without those that a read of all of a table's values covers."""
    whole = {read[: -len(ANY_VALUE)] for read in reads if read.endswith(ANY_VALUE)}
    return tuple(sorted(read for read in reads if read.endswith(ANY_VALUE) or _table(read) not in whole))


def _table(read: str) -> str:
    return read.split("|", 1)[0].split("#", 1)[0].removesuffix(ANY_KEY)


Tables = dict[str, "Tracked | TrackedList"]


@contextmanager
def tracked(book: Handbook) -> Iterator[Tables]:
    """The handbook with its organisation's tables tracked for the block; given back as they were after it.

    What views work out once for all pages is worked out first, outside any page, so that no page is
    taken to have read what only the first page to ask for it caused to be read.
    """
    organisation = book.organisation
    ctx, project = book.ctx, organisation.project
    post_approvals(ctx, "")  # the rules each post signs, worked out once
    saved = (organisation.posts, dict(organisation.__dict__), dict(book.__dict__), dict(ctx.__dict__))
    saved_project = (project.clauses, project.posts, project.departments, project.approvals)
    tables: Tables = {}

    def track(table: str, entries: Mapping[Any, Any], kind: type[Tracked] = Tracked) -> Tracked:
        tables[table] = kind(table, entries)
        return tables[table]  # type: ignore[return-value]

    try:
        organisation.posts = track("post", organisation.posts)
        for name in DERIVED:
            organisation.__dict__[name] = track(name, getattr(organisation, name))
        book.__dict__["shared_titles"] = track("shared_title", book.shared_titles)
        ctx.page_of_post = track("page_of_post", ctx.page_of_post)
        ctx.page_of_department = track("page_of_department", ctx.page_of_department)
        ctx.page_of_family = track("page_of_family", ctx.page_of_family)
        ctx.worked_out = dict(ctx.worked_out)
        for name, value in list(ctx.worked_out.items()):
            if isinstance(value, dict):
                ctx.worked_out[name] = track(f"worked_out.{name}", value)
        project.clauses = track("clause", project.clauses)
        project.posts = track("post_file", project.posts)
        project.departments = track("department_file", project.departments)
        tables["approvals"] = project.approvals = TrackedList("approvals", project.approvals)
        yield tables
    finally:
        organisation.posts = saved[0]
        for target, before in ((organisation, saved[1]), (book, saved[2]), (ctx, saved[3])):
            target.__dict__.clear()
            target.__dict__.update(before)
        project.clauses, project.posts, project.departments, project.approvals = saved_project


def entry_hashes(organisation: Organisation, tables: Tables) -> Hashes:
    """The hash of every entry of every table, of each table's keys in order and of all its values."""
    sources = _sources(organisation)
    hashes: Hashes = {}
    for table, entries in tables.items():
        whole = hashlib.blake2b(digest_size=16)
        if isinstance(entries, Tracked):
            order = hashlib.blake2b(digest_size=16)
            for key, value in dict.items(entries):
                entry = _hash(value, sources)
                hashes[token(table, key)] = entry
                order.update(token("", key).encode() + b"\0")
                whole.update(token("", key).encode() + b"\0" + entry.encode() + b"\0")
            hashes[table + ANY_KEY] = order.hexdigest()
        else:
            for value in list.__iter__(entries):
                whole.update(_hash(value, sources).encode() + b"\0")
        hashes[table + ANY_VALUE] = whole.hexdigest()
    return hashes


def _sources(organisation: Organisation) -> dict[int, SourceFile]:
    """The file each post and department model was read from, by the model's identity.

    A model is the same as long as its file's text is (orgspec's code and settings are in every page's key):
    its hash is that of the text, taken as the file was read.
    """
    project = organisation.project
    entities: list[Entity[Any]] = [*project.posts.values(), *project.departments.values()]
    return {id(entity.model): entity.source for entity in entities}


def _hash(value: object, sources: dict[int, SourceFile]) -> str:
    if isinstance(value, Entity):  # a post or department as read: where it was read from counts too
        source = sources.get(id(value.model))
        if source is not None:
            named = f"{value.source.name}\0{source.digest}".encode("utf-8", "surrogatepass")
            return hashlib.blake2b(named, digest_size=16).hexdigest()
    elif isinstance(value, BaseModel):
        source = sources.get(id(value))
        if source is not None:
            return source.digest
    data = as_data(value)
    if data is None:  # not plain data: taken to have changed, every time
        return f"unknown {id(value)} {os.getpid()} {time.monotonic_ns()}"
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _model_state(model: BaseModel) -> tuple[type, tuple[list[tuple[str, Any]]]]:
    """A model as its type and its fields in order (pickle's own way adds a set, whose order varies)."""
    return type(model), (list(model.__dict__.items()),)


def _subclasses(base: type) -> Iterator[type]:
    subclass: type
    for subclass in base.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


@cache
def _models() -> dict[type, Callable[[BaseModel], tuple[type, tuple[list[tuple[str, Any]]]]]]:
    """How each kind of model is written out (a kind defined later is written as pickle writes it, which may
    differ between runs for equal models: then taken as changed, never the other way round)."""
    return dict.fromkeys(_subclasses(BaseModel), _model_state)


def as_data(value: object) -> bytes | None:
    """``value`` written out as data, the same bytes for equal values; None when it is not plain data."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: equal values give equal bytes, however their objects are shared
    pickler.dispatch_table = _models()
    try:
        pickler.dump(value)
    except Exception:  # whatever cannot be written out
        return None
    return buffer.getvalue()
