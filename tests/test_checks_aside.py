"""The checks run in a process of their own while the pages are worked out, and say what they say in-process."""

from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path

import pytest

from orgspec.check import pipeline
from orgspec.check.pipeline import check_loaded, checks_aside, load_linked
from orgspec.load.project import load_project
from tests.sites import copy_example


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with an unknown superior (an error) and a superior of its own (a cycle)."""
    root = copy_example(tmp_path_factory.mktemp("broken"))
    driver = root / "roles" / "driver.yaml"
    text = driver.read_text(encoding="utf-8")
    driver.write_text(text.replace("reports_to: service-centre-manager", "reports_to: no-such-post"), "utf-8")
    return root


def said(root: Path) -> list[tuple[str, str, str]]:
    """What the checks run in-process, as they always were, say of the project at ``root``."""
    result = check_loaded(*load_project(root))
    return [(found.code, found.severity, found.file) for found in result.diagnostics]


def aside(root: Path) -> list[tuple[str, str, str]]:
    with checks_aside(*load_linked(root)) as checked:
        result = checked()
        assert checked() is result  # the same each time it is asked for
    assert not multiprocessing.active_children()
    return [(found.code, found.severity, found.file) for found in result.diagnostics]


def test_the_checks_aside_say_what_the_checks_in_process_say(broken: Path) -> None:
    expected = said(broken)
    assert ("unknown-reference", "error", "roles/driver.yaml") in expected
    assert aside(broken) == expected


def test_checks_whose_process_dies_run_here(broken: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    died = tmp_path / "died"

    def dies(*_: object) -> None:
        died.write_text(str(os.getpid()))
        os._exit(3)

    monkeypatch.setattr(pipeline, "_checks_in_child", dies)
    assert aside(broken) == said(broken)
    assert int(died.read_text()) != os.getpid()  # it died in a process of its own


def test_with_threads_running_nothing_is_forked(broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_: object) -> None:
        raise AssertionError("forked with a thread running")

    monkeypatch.setattr(pipeline, "_fork_checks", refused)
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        assert aside(broken) == said(broken)
    finally:
        stop.set()
        waiting.join()


def test_a_process_not_asked_for_is_stopped(broken: Path) -> None:
    with checks_aside(*load_linked(broken)):
        assert len(multiprocessing.active_children()) == 1
    assert not multiprocessing.active_children()
