"""How often Python's cycle collector runs while a project is read, and after.

Loading builds hundreds of thousands of small objects and almost no cycles:
with the default thresholds the collector walks over all of them again and
again (a quarter of a check of 10,000 posts). While a project is loaded,
linked and checked it runs rarely. After that the defaults come back: Word
and PDF documents are built from trees full of cycles, and collecting them
rarely doubled the peak memory of an export (1 GB against 270 MB for 300
posts).
"""

from __future__ import annotations

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
