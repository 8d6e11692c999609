"""How often Python's cycle collector runs while a project is read, and after.

Loading builds millions of small objects and no cycles that become
garbage: the collector would walk over all of them again and again (a
fifth of the parsing of 10,000 posts even when it runs fifty times less
often than by default). While a project is loaded, linked and checked it
does not run; a forked parser inherits that. Then what was made is set
aside for good (``gc.freeze``: it lives as long as the command, and a
collection walking over it cost a second at a time while the pages of
10,000 posts were made; forked workers no longer copy its memory by
touching it) and the collector runs again among what is made after: Word
and PDF documents are built from trees full of cycles, and collecting them
rarely doubled the peak memory of an export (1 GB against 270 MB for 300
posts). What a load freed (the files' bytes and what was parsed from them,
once validated) is given back to the system as it ends, so that it is not
copied into, nor counted beside, the processes that render pages (150 MB of
10,000 long job sheets). Before a site builder runs, what orgspec no longer
uses is freed and given back (`release`), so that the two do not hold a
large organisation at once.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loading() -> Iterator[None]:
    """Collect no cycles during the block; then set what it made aside for good (``gc.freeze``) and collect
    as before, among what is made after it."""
    # After a load before this one in the same process (serve, diff), what it set aside and is garbage
    # now, cycles included, is collected rather than kept for good.
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
        _give_back()


def set_aside() -> None:
    """Collect what is garbage now, then set what is left aside for good (``gc.freeze``): what a generate works
    out for all pages before it renders them (the handbook's views, the record of the last generate, the
    hashes of the organisation's entries) lives until the pages are written. The collector then no longer
    walks over it each time it runs among what the pages make: two dozen full collections of a tenth to a
    third of a second each, in this process and the workers forked after, when one post of 10,000 was
    edited."""
    gc.collect()
    gc.freeze()


def release() -> None:
    """Free what is no longer used, cycles included, and give the freed memory back to the system where the C
    library can (glibc's ``malloc_trim``): before a long child process, such as a site builder, runs beside
    this one."""
    gc.unfreeze()
    gc.collect()
    _give_back()


def _give_back() -> None:
    """Give the memory freed so far back to the system, where the C library can (glibc's ``malloc_trim``)."""
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc: what is freed stays with this process, for reuse
        return
    trim(0)
