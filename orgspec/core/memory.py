"""How often Python's cycle collector runs while a project is read, and after.

Loading builds hundreds of thousands of small objects and almost no cycles:
with the default thresholds the collector walks over all of them again and
again (a quarter of a check of 10,000 posts). While a project is loaded,
linked and checked it runs rarely. After that the defaults come back: Word
and PDF documents are built from trees full of cycles, and collecting them
rarely doubled the peak memory of an export (1 GB against 270 MB for 300
posts). Before a site builder runs, what orgspec no longer uses is freed and
given back (`release`), so that the two do not hold a large organisation at
once.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager

WHILE_LOADING = (50_000, 20, 100)
"""Allocations between two collections of the youngest generation (Python's default: 700), and the rest."""


@contextmanager
def loading() -> Iterator[None]:
    """Collect cycles rarely for the block, then as often as before."""
    before = gc.get_threshold()
    gc.set_threshold(*WHILE_LOADING)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def release() -> None:
    """Free what is no longer used, cycles included, and give the freed memory back to the system where the C
    library can (glibc's ``malloc_trim``): before a long child process, such as a site builder, runs beside
    this one."""
    gc.collect()
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc: what is freed stays with this process, for reuse
        return
    trim(0)
