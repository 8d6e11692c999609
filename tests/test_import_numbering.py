"""List numbering as HR documents write it: what a line starts with, and an enumeration run into one line."""

from __future__ import annotations

import pytest

from orgspec.importer.numbering import marker, split_inline


@pytest.mark.parametrize(
    ("line", "kind", "number", "rest"),
    [
        ("一、岗位职责", "一、", 1, "岗位职责"),
        ("十二、其他", "一、", 12, "其他"),
        ("（二）客户投诉", "(一)", 2, "客户投诉"),
        ("第三条 服务对象", "第一条", 3, "服务对象"),
        ("(1)负责收集客户信息", "(1)", 1, "负责收集客户信息"),
        ("（2）负责回访", "(1)", 2, "负责回访"),
        ("⑶ 培训", "⑴", 3, "培训"),
        ("1.负责受理客户来电", "1.", 1, "负责受理客户来电"),
        ("2． 全角句点", "1.", 2, "全角句点"),
        ("3、确认并执行", "1、", 3, "确认并执行"),
        ("4) Record every contact", "1)", 4, "Record every contact"),
        ("⑤ 完成其他工作", "①", 5, "完成其他工作"),
        ("b) Answer calls", "a)", 2, "Answer calls"),
        ("• Lead the team", "•", None, "Lead the team"),
        ("1.6.1概念化阶段", "1.1.1", None, "概念化阶段"),
    ],
)
def test_the_numbering_a_line_starts_with(line: str, kind: str, number: int | None, rest: str) -> None:
    found = marker(line)
    assert found is not None
    assert (found.kind, found.number, found.rest) == (kind, number, rest)


@pytest.mark.parametrize("line", ["8:30~10:00审批报表", "2008-3-16", "1.5倍工资", "95598客服中心", "3天内封闭"])
def test_numbers_that_are_not_numbering(line: str) -> None:
    assert marker(line) is None


def test_an_enumeration_in_one_line_is_split_where_the_numbers_follow_on() -> None:
    assert split_inline("1. 团队管理：负责招募；2. 监督运营：见（2）号文件；3. 目标设定") == [
        "1. 团队管理：负责招募；",
        "2. 监督运营：见（2）号文件；",
        "3. 目标设定",
    ]
    assert split_inline("(1)负责收集客户信息(2)负责客户管理(3)负责建立团队") == [
        "(1)负责收集客户信息",
        "(2)负责客户管理",
        "(3)负责建立团队",
    ]
    assert split_inline("①甲；②乙") == ["①甲；", "②乙"]
    assert split_inline("1.在 3 天内回复，2 次以上升级") == ["1.在 3 天内回复，2 次以上升级"]
