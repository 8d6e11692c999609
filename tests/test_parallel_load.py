"""Many files are parsed in two processes; the result is the same as parsing them in one."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Any

import pytest

from orgspec.load import project as loader
from orgspec.pipeline import check_project
from tests.sites import copy_example


def outcome(root: Path) -> tuple[list[str], dict[str, str], list[str]]:
    result = check_project(root)
    titles = {key: post.title or "" for key, post in result.organisation.posts.items()}
    return [diagnostic.format(result.locale) for diagnostic in result.diagnostics], titles, list(titles)


def test_two_processes_give_what_one_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_example(tmp_path)
    (root / "roles" / "twice.yaml").write_text("title: 甲\ntitle: 乙\ndepartment: hr\n", encoding="utf-8")
    (root / "roles" / "latin1.yaml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    serial = outcome(root)
    assert any("twice.yaml:2" in line for line in serial[0]) and any("latin1.yaml" in line for line in serial[0])
    forks: list[str] = []
    real = multiprocessing.get_context

    def get_context(method: str) -> Any:
        forks.append(method)
        return real(method)

    monkeypatch.setattr(loader, "PARALLEL_FROM", 5)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # as in the command line, whatever ran before
    monkeypatch.setattr(multiprocessing, "get_context", get_context)
    assert outcome(root) == serial
    assert forks == ["fork"]
