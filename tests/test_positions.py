"""Source positions: the same with LibYAML as with the pure-Python parser, keys and values apart."""

from __future__ import annotations

from orgspec.core.diagnostics import Position
from orgspec.load.yamlfile import SourceFile

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
