"""The reads of the page being computed: what of the organisation its values looked up.

`orgspec.site.reads` tracks the organisation's tables and notes here each
entry a page looks up; an incremental generate recomputes a page only when
one of its reads changed. A cache that keeps something worked out from the
organisation across pages (a chart's post box) keeps the reads it took with
it, and notes them again each time it is used (`kept_reads`, `note_all`), so
that every page that shows the value depends on what it was made of.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

_READS: set[str] | None = None
"""The reads of the page being computed in this process; None: nothing is being recorded."""


def note(name: str) -> None:
    """Note one read for the page being computed, if any."""
    if _READS is not None:
        _READS.add(name)


def note_all(names: Iterable[str]) -> None:
    """Note again the reads a kept value was made from."""
    if _READS is not None:
        _READS.update(names)


@contextmanager
def recording() -> Iterator[set[str]]:
    """Note the reads made inside the block (one page's values) into the set it gives."""
    global _READS
    before, _READS = _READS, set()
    try:
        yield _READS
    finally:
        _READS = before


@contextmanager
def kept_reads() -> Iterator[set[str]]:
    """The reads made inside the block, in the set it gives, and noted for the page being computed too."""
    global _READS
    outer = _READS
    if outer is None:
        yield set()
        return
    inner: set[str] = set()
    _READS = inner
    try:
        yield inner
    finally:
        _READS = outer
        outer.update(inner)
