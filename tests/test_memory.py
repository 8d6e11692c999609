"""The cycle collector around a load: off while loading, what was loaded set aside, and collected once dropped."""

from __future__ import annotations

import gc
import weakref

from orgspec.core.memory import loading, release


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def cycle() -> weakref.ref[Node]:
    """A pair of objects that only refer to each other: only the cycle collector frees them."""
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_what_a_load_made_is_set_aside_then_collected_by_the_next_load() -> None:
    enabled = gc.isenabled()
    try:
        with loading():
            assert not gc.isenabled()
            left = cycle()
        assert gc.isenabled() == enabled and gc.get_freeze_count() > 0
        gc.collect()
        assert left() is not None  # set aside: no collection frees it
        with loading():
            pass
        assert left() is None  # the next load collected what the last one left
    finally:
        release()


def test_release_frees_what_a_load_set_aside() -> None:
    with loading():
        left = cycle()
    release()
    assert left() is None and gc.get_freeze_count() == 0
