"""The cycle collector around a load: off while loading, what was loaded set aside, and collected once dropped."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest

from orgspec.core.memory import loading, release, set_aside
from orgspec.site.incremental import render_changed
from tests.conftest import run_cli
from tests.sites import copy_example


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


def test_set_aside_collects_garbage_first_then_keeps_what_lives_out_of_the_collectors_walks() -> None:
    try:
        dropped = cycle()
        kept = Node()
        set_aside()
        assert dropped() is None  # garbage is collected, not set aside for good
        assert all(found is not kept for found in gc.get_objects())  # the collector no longer walks over it
    finally:
        release()


def test_a_generate_sets_aside_the_handbook_before_it_renders_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    walked: list[bool] = []

    def rendering(book: object, *args: Any, **kwargs: Any) -> Any:
        walked.append(any(found is book for found in gc.get_objects()))
        return render_changed(book, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("orgspec.site.generate.render_changed", rendering)
    try:
        result = run_cli("generate", str(copy_example(tmp_path)))
        assert result.exit_code == 0, result.stderr
        assert walked == [False]
    finally:
        release()
