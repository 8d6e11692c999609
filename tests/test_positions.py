"""Source positions: the same with LibYAML as with the pure-Python parser, keys and values apart."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from orgspec.diagnostics import Position
from orgspec.load import yamlfile
from orgspec.load.yamlfile import SourceFile, read_yaml
from tests.conftest import REPO

TEXT = """\
title: 客服主管
duties:
  - 受理来电
  - text: 回访
    share: 20
routines:
  daily:
    - {time: '8:30', text: 审批}
"""


def test_libyaml_is_used() -> None:
    assert yaml.__with_libyaml__
    assert getattr(yamlfile, "_Loader") is yaml.CSafeLoader  # noqa: B009 - a private name, read on purpose


def test_positions_of_values_and_keys() -> None:
    source = SourceFile("roles/x.yaml", TEXT)
    assert source.locate(("title",)) == Position(1, 8)
    assert source.locate(("title",), key=True) == Position(1, 1)
    assert source.locate(("duties", 1, "share")) == Position(5, 12)
    assert source.locate(("duties", 1, "share"), key=True) == Position(5, 5)
    assert source.locate(("routines", "daily", 0, "time")) == Position(8, 14)
    # A missing field is placed at its nearest ancestor that exists.
    assert source.locate(("duties", 1, "missing")) == Position(4, 5)
    assert source.locate(("nothing", "here")) == Position(1, 1)


@pytest.mark.parametrize("path", sorted((REPO / "roles").glob("*.yaml"))[:8], ids=lambda path: path.name)
def test_pure_python_parser_gives_the_same_positions(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    fast = SourceFile("x", text).index
    monkeypatch.setattr(yamlfile, "_Loader", yaml.SafeLoader)
    slow = SourceFile("x", text).index
    assert fast == slow
    data_fast, _, _ = read_yaml("x", text.encode())
    assert data_fast == read_yaml("x", text.encode())[0]
