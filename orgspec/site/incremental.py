"""Render only the pages whose inputs changed since the last generate, on every core.

A page is a pure function of the values its template is shown (`PageJob`),
of the templates, of orgspec's code and of the settings. Its *key* hashes
the text they render to with the key common to all pages (code, libraries,
templates, settings): writing the values out as data instead, to render a
page only when they changed, took longer than rendering them. After a
generate, the key of every page is
recorded with the size and time of the file written, and with what its
values read of the organisation (`orgspec.site.reads`: the entries of its
tables of posts, departments, clauses, approval rules and derived relations)
and the hash of what each read found (``.cache/orgspec/pages-<edition>.json``).

The next generate hashes the organisation's tables again, which is cheap, and
computes the values only of the pages one of whose reads found something
else, whose file is no longer as written, or that were not recorded, and
renders them; it writes only the pages whose key changed. Editing one post computes
that post's page and the pages that read it (its superior's and
subordinates' pages and its peers', its department's page and chart, and the
indexes that go through every post); a renamed post, a changed clause or
job family reach the pages that read them, and a new template, setting or
version of orgspec (the key common to every page) recomputes every page.

When there are enough pages to pay for starting workers, this process
renders the pages that read the whole organisation first, alone, then the
others together with a worker process forked per other core, each taking
the next chunk of pages as it finishes one and writing the pages it
renders. Workers are forked anew every 1,536 pages: reading an object
writes its reference count, so a worker copies the memory that holds what
it reads, and that copy ends with it. After an edit in such a handbook,
few pages are due, too few to pay for workers by their number, but the
indexes among them read the whole organisation: this process and workers
(one per other core, no more than there are such pages) then share them a
page at a time. So few pages are written together once all are rendered,
so that a builder serving the folder sees one burst of changes. The output
is the same bytes in the same order either way.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import pickle
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import Any

from orgspec.core.progress import SILENT, Progress
from orgspec.core.reads import recording
from orgspec.core.write import Put, Tree, write_if_changed
from orgspec.render.handbook import Handbook
from orgspec.render.pages import PageJob, render_job
from orgspec.site.cache import code_fingerprint, library_version
from orgspec.site.reads import Hashes, as_data, unique_reads

RECORD_DIR = Path(".cache") / "orgspec"
LIBRARIES = ("Jinja2", "MarkupSafe", "pypinyin", "pydantic")
"""Libraries whose upgrade may change a page."""
PARALLEL_FROM = 400
"""Below this many pages one process is faster than starting workers."""
CHUNK = 64
"""Pages per task given to a worker: small enough to share the work evenly."""
SPELL = 24
"""Chunks rendered by one set of workers before they end, and what they copied of the organisation with them."""


@dataclass(frozen=True)
class Record:
    """The pages of the last generate into ``folder``: name → [key, size, modification and change time in ns];
    what each page read (`orgspec.site.reads`), the hash of each of those reads, and the key common to all.

    The change time is there because it cannot be set back: a page edited
    with its size and modification time kept (``touch -r``) is rendered again.
    """

    path: Path
    folder: Path
    pages: dict[str, list[Any]]
    reads: dict[str, list[int]] = field(default_factory=dict)
    """Page → what it read, as places in ``names``."""
    names: list[str] = field(default_factory=list)
    """Every read of some page."""
    hashes: list[str | None] = field(default_factory=list)
    """The hash of what each read of ``names`` found."""
    common: str = ""
    found: dict[str, list[int]] = field(default_factory=dict)
    """The state of each page `intact` found as it was written: a page not written since is recorded with it."""

    def intact(self) -> dict[str, str]:
        """The key of every recorded page whose file is still as it was written."""
        keys = {}
        for name, (key, *recorded) in self.pages.items():
            try:
                state = (self.folder / name).stat()
            except OSError:
                continue
            if _state(state) == recorded:
                keys[name] = key
                self.found[name] = recorded
        return keys

    def settled(self, intact: dict[str, str], common: bytes, hashes: Hashes) -> dict[str, list[str]]:
        """The reads of each intact page whose reads all find what they found last time: its values are the same."""
        if self.common != common.hex() or len(self.names) != len(self.hashes):
            return {}
        changed = {
            place
            for place, (read, found) in enumerate(zip(self.names, self.hashes, strict=True))
            if hashes.get(read) != found
        }
        return {
            name: [self.names[place] for place in places]
            for name, places in self.reads.items()
            if name in intact and changed.isdisjoint(places)
        }


def read_record(root: Path, edition: str, folder: Path) -> Record:
    """What the last generate of ``edition`` into ``folder`` recorded (nothing when it wrote elsewhere)."""
    path = root / RECORD_DIR / f"pages-{edition}.json"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document["folder"] == str(folder.resolve()):
            pages = {str(name): list(entry) for name, entry in document["pages"].items() if len(entry) == 4}
            reads = {str(name): list(entry) for name, entry in document["reads"].items()}
            names, hashes = [str(name) for name in document["names"]], list(document["hashes"])
            _check_places(reads, len(names))
            return Record(path, folder, pages, reads, names, hashes, str(document["common"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return Record(path, folder, {})


def _check_places(reads: dict[str, list[int]], count: int) -> None:
    """`ValueError` unless every read is a place in a list of ``count`` names (checked at C speed: a record
    of 10,000 pages holds some 800,000 of them)."""
    places = list(chain.from_iterable(reads.values()))
    if places and (set(map(type, places)) != {int} or min(places) < 0 or max(places) >= count):
        raise ValueError("a read that is not recorded")


def write_record(record: Record, pages: dict[str, Rendered], common: bytes, hashes: Hashes) -> None:
    """Record each page's key and reads (page name → `Rendered`) with the state of its file as it is now."""
    states, reads = {}, {}
    for name, page in sorted(pages.items()):
        kept = record.found.get(name) if page.text is None and page.put is None else None
        try:  # a page written, or not known to be intact, as it is now
            state = kept if kept is not None else _state((record.folder / name).stat())
        except OSError:
            continue
        states[name] = [page.key, *state]
        if page.reads is not None:
            reads[name] = page.reads
    names = sorted({read for page in reads.values() for read in page})
    places = {read: place for place, read in enumerate(names)}
    document = {
        "folder": str(record.folder.resolve()),
        "common": common.hex(),
        "pages": states,
        "reads": {name: [places[read] for read in page] for name, page in reads.items()},
        "names": names,
        "hashes": [hashes.get(read) for read in names],
    }
    write_if_changed(record.path, json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def _state(state: os.stat_result) -> list[int]:
    return [state.st_size, state.st_mtime_ns, state.st_ctime_ns]


def common_key(book: Handbook, templates: Sequence[Path]) -> bytes:
    """What every page depends on besides its values: code, libraries, templates, settings, downloads."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(code_fingerprint(("",)).encode())
    for library in LIBRARIES:
        digest.update(f"\0{library}={library_version(library)}".encode())
    for folder in templates:
        for path in sorted(path for path in folder.rglob("*") if path.is_file()):
            digest.update(b"\0" + path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    shown = book.organisation.settings.model_copy(update={"checks": {}})  # severities shape no page
    digest.update(b"\0" + (as_data(shown) or repr(shown).encode()))
    digest.update(b"\0" + "\0".join(book.downloads.formats).encode())
    return digest.digest()


def page_key(common: bytes, job: PageJob, text: str) -> str:
    """A hash of everything that shapes the page: the key common to all pages, its path, its template and the
    ``text`` its values render to."""
    data = b"\0".join((job.path.encode(), job.template.encode(), text.encode("utf-8", "surrogatepass")))
    return hashlib.blake2b(common + data, digest_size=20).hexdigest()


@dataclass(frozen=True)
class Rendered:
    """One page: its key (`page_key`), its text (None: the file written last time is still right, or the page
    was given to the tree being written: `put` says what that did) and what its values read of the
    organisation (None: not known, the page is computed next time)."""

    key: str
    text: str | None
    reads: Sequence[str] | None = None
    put: Put | None = None


@dataclass(frozen=True)
class _Batch:
    book: Handbook
    jobs: list[PageJob]
    common: bytes
    known: dict[str, str]
    """Page path (inside docs/) → the key its intact file was written from."""
    settled: dict[str, list[str]]
    """Page path → what it read, for the pages whose values are known to be the same: not computed again."""
    into: Tree | None
    """Where the pages under ``prefix`` are written as they are rendered (None: their text is given back)."""
    prefix: str


_BATCH: _Batch | None = None
"""The batch being rendered, for the worker processes, which inherit it when they are forked."""


def _render(batch: _Batch, indices: Sequence[int]) -> list[Rendered]:
    done = []
    for index in indices:
        job = batch.jobs[index]
        with recording() as reads:
            values = job.values()
        read = unique_reads(reads)
        # Keyed by its text: writing its values out as data, to render only when they changed, took longer
        # than rendering them (a tenth of a cold generate), and after an edit the pages computed again are few.
        text = render_job(batch.book, job, values)
        key = page_key(batch.common, job, text)
        if batch.known.get(job.path) == key:
            done.append(Rendered(key, None, read))
            continue
        page = Rendered(key, text, read)
        done.append(page if batch.into is None else _put(batch.into, batch.prefix, job.path, page))
    return done


def _render_in_worker(indices: Sequence[int], folder: str) -> str:
    """The pages rendered, handed back through a file in ``folder``: its path.

    Through the pool's pipe, a page of the whole organisation (megabytes) would come 64 KB at a time, each
    waiting for this process's rendering thread to let the result handler run: half a second for the KPI
    index of 10,000 posts, during which the worker stood idle.
    """
    assert _BATCH is not None
    done = _render(_BATCH, indices)
    with tempfile.NamedTemporaryFile(dir=folder, delete=False) as file:
        pickle.dump(done, file, protocol=pickle.HIGHEST_PROTOCOL)
    return file.name


def _handed_back(name: str) -> list[Rendered]:
    """The pages a worker wrote to the file ``name`` (`_render_in_worker`)."""
    path = Path(name)
    done: list[Rendered] = pickle.loads(path.read_bytes())
    path.unlink()
    return done


def render_changed(
    book: Handbook,
    jobs: list[PageJob],
    common: bytes,
    known: dict[str, str],
    settled: dict[str, list[str]] | None = None,
    *,
    into: tuple[Callable[[], Tree], str] | None = None,
    workers: int | None = None,
    progress: Progress = SILENT,
) -> list[Rendered]:
    """Each job's key, its text unless ``known`` (path → key) says its file is right already, and its reads.

    A job that ``settled`` lists (path → reads) is neither computed nor rendered: its known key is kept.
    ``into``: what opens the tree to write (once nothing stands in the way of writing it) and the path of its
    folder; a page rendered inside that folder is written there instead of its text being given back: at
    once, by the process that rendered it, or, when fewer than `PARALLEL_FROM` pages are due (an edit), all
    together by this process once every page is rendered, the tree opened only then.
    ``workers``: processes to use (default: one per core, when there are enough pages and forking is safe).
    """
    settled = {path: reads for path, reads in (settled or {}).items() if path in known}
    opened, prefix = into if into is not None else (None, "")
    due = [index for index, job in enumerate(jobs) if job.path not in settled]
    # After an edit few pages are due: they are written together once all are rendered, so that a builder
    # serving the folder (orgspec serve) notices one burst of changes, not a page now and the next seconds
    # later with a build of a half-written handbook started in between.
    together = opened is not None and len(due) < PARALLEL_FROM
    tree = opened() if opened is not None and not together else None
    batch = _Batch(book, jobs, common, known, settled, tree, prefix)
    rendered = _render_due(batch, due, workers, progress)
    if opened is None or not together:
        return rendered
    tree = opened()
    return [_put(tree, prefix, job.path, page) for job, page in zip(jobs, rendered, strict=True)]


def _put(tree: Tree, prefix: str, path: str, page: Rendered) -> Rendered:
    """``page`` given to ``tree`` if it was rendered and belongs there."""
    if page.text is None or not path.startswith(prefix):
        return page
    return Rendered(page.key, None, page.reads, tree.put(path.removeprefix(prefix), page.text.encode("utf-8")))


def _render_due(batch: _Batch, due: list[int], workers: int | None, progress: Progress) -> list[Rendered]:
    """The ``due`` jobs of ``batch`` rendered, the others as known and settled."""
    jobs = batch.jobs
    count = _workers(len(due)) if workers is None else workers
    whole_due = sum(jobs[index].whole for index in due)
    if workers is None and count <= 1 and whole_due > 1:
        # After an edit: few pages are due, but the pages among them that read the whole organisation take
        # as long as the organisation is large. They are shared out one page at a time, in one spell, by no
        # more processes than there are of them: each worker copies the memory of what it reads.
        count = min(_workers(len(jobs)), whole_due)
        if count > 1:
            return _render_few(batch, due, count, progress)
    # With workers, the pages that read the whole organisation are rendered here before any worker is forked:
    # a worker copies the memory that holds what it reads (reading an object writes its reference count),
    # and what those pages work out would be held beside it. The others are rendered a spell at a time by
    # this process and workers forked for the spell, which end with it, and their copies with them.
    whole = _chunks([index for index in due if jobs[index].whole or count <= 1])
    rest = _chunks([index for index in due if not (jobs[index].whole or count <= 1)])
    spells = [rest[start : start + SPELL] for start in range(0, len(rest), SPELL)]
    computed: dict[int, Rendered] = {}
    with progress.steps("pages", len(whole) + len(rest)) as advance:
        for chunk in whole:
            computed.update(zip(chunk, _render(batch, chunk), strict=True))
            advance(jobs[chunk[-1]].path)
        if spells:
            with _inherited(batch):
                for spell in spells:
                    _render_together(batch, spell, count, computed, advance)
    return _completed(batch, computed)


def _render_few(batch: _Batch, due: list[int], count: int, progress: Progress) -> list[Rendered]:
    """The ``due`` jobs of ``batch``, a page at a time, in this process and ``count - 1`` workers; the others as
    known and settled."""
    computed: dict[int, Rendered] = {}
    with progress.steps("pages", len(due)) as advance, _inherited(batch):
        _render_together(batch, [[index] for index in due], count, computed, advance)
    return _completed(batch, computed)


@contextmanager
def _inherited(batch: _Batch) -> Iterator[None]:
    """``batch`` where the worker processes forked inside the block find it."""
    global _BATCH
    _BATCH = batch
    try:
        yield
    finally:
        _BATCH = None


def _completed(batch: _Batch, computed: dict[int, Rendered]) -> list[Rendered]:
    """Every job of ``batch`` rendered: as ``computed`` or, for a job not computed, as known and settled."""
    return [
        computed[index] if index in computed else Rendered(batch.known[job.path], None, batch.settled[job.path])
        for index, job in enumerate(batch.jobs)
    ]


def _render_together(
    batch: _Batch, chunks: list[list[int]], count: int, computed: dict[int, Rendered], advance: Callable[[str], None]
) -> None:
    """Render ``chunks`` of jobs in this process and in ``count - 1`` workers forked for them, into ``computed``.

    Every process takes the next chunk of pages as it finishes one, so that all end together. This process
    renders a share itself: one process fewer to copy the organisation's memory into, as many cores busy.
    """
    shared = deque(chunks)
    lock = threading.Lock()
    handed: list[tuple[list[int], AsyncResult[str]]] = []

    def next_chunk() -> list[int] | None:
        with lock:
            return shared.popleft() if shared else None

    def give(pool: Pool) -> None:
        """Hand a worker the next chunk; as it returns it, the next one (before its result is ready)."""
        chunk = next_chunk()
        if chunk is not None:
            handed.append((chunk, pool.apply_async(_render_in_worker, (chunk, folder), callback=lambda _: give(pool))))

    with (
        tempfile.TemporaryDirectory(prefix="orgspec-pages-") as folder,
        multiprocessing.get_context("fork").Pool(count - 1) as pool,
    ):
        for _ in range(2 * (count - 1)):  # two chunks in hand per worker: it never waits for the next
            give(pool)
        while (chunk := next_chunk()) is not None:
            computed.update(zip(chunk, _render(batch, chunk), strict=True))
            advance(batch.jobs[chunk[-1]].path)
        for chunk, result in handed:  # grows while it is gone through, until every chunk is handed out
            computed.update(zip(chunk, _handed_back(result.get()), strict=True))
            advance(batch.jobs[chunk[-1]].path)


def _chunks(indices: list[int]) -> list[list[int]]:
    return [indices[start : start + CHUNK] for start in range(0, len(indices), CHUNK)]


def _workers(pages: int) -> int:
    """One per core for a large handbook; one (this process) when forking is unsafe or does not pay."""
    if pages < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1:  # forking a process with threads may deadlock the child
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, cores)
