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


class Recording:
    """Where the reads of the page being computed in this process go."""

    __slots__ = ("reads",)

    def __init__(self) -> None:
        self.reads: set[str] | None = None
        """The reads noted so far; None: nothing is being recorded."""


RECORDING = Recording()
"""The reads of the page being computed. The tracked tables add to ``RECORDING.reads`` themselves: a page
of every post looks up hundreds of thousands of entries, and a call per lookup was a tenth of its time."""


def note(name: str) -> None:
    """Note one read for the page being computed, if any."""
    if RECORDING.reads is not None:
        RECORDING.reads.add(name)


def note_all(names: Iterable[str]) -> None:
    """Note again the reads a kept value was made from."""
    if RECORDING.reads is not None:
        RECORDING.reads.update(names)


@contextmanager
def recording() -> Iterator[set[str]]:
    """Note the reads made inside the block (one page's values) into the set it gives."""
    before = RECORDING.reads
    reads: set[str] = set()
    RECORDING.reads = reads
    try:
        yield reads
    finally:
        RECORDING.reads = before


@contextmanager
def kept_reads() -> Iterator[set[str]]:
    """The reads made inside the block, in the set it gives, and noted for the page being computed too."""
    outer = RECORDING.reads
    if outer is None:
        yield set()
        return
    inner: set[str] = set()
    RECORDING.reads = inner
    try:
        yield inner
    finally:
        RECORDING.reads = outer
        outer.update(inner)
