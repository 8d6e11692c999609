"""With SOURCE_DATE_EPOCH set, two builds of the same input give byte-identical sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sites import build, copy_example


def tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = tree(build(copy_example(tmp_path / "one"), engine))
    second = tree(build(copy_example(tmp_path / "two"), engine))
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
