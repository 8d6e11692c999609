"""Constrained value types shared by every model, declared once.

Each type carries its own JSON Schema hints so that `orgspec schema` gives
editors the same rules the validator applies.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, Strict, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
"""Ids are safe slugs: they become file and URL names and cannot escape a folder."""

ID_RE = re.compile(ID_PATTERN)

Id = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=ID_PATTERN),
    Field(examples=["sales-manager"]),
]
"""A department, post or clause id: lowercase letters, digits and inner hyphens."""

Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
"""Free text written by people; never empty."""

HeadCount = Annotated[int, Strict(), Field(ge=0, le=1_000_000)]
"""A number of people."""

AMOUNT_UNITS = {"千": 1_000, "万": 10_000, "亿": 100_000_000}
"""The units people write amounts with: 5万 is 50,000, 2亿 is 200,000,000."""


def _amount(value: Any) -> Any:
    """Read ``5万``, ``1.5万元``, ``200,000`` and ``￥3000`` as the numbers they stand for."""
    if not isinstance(value, str):
        return value
    text = "".join(value.split()).replace(",", "").replace("，", "").lstrip("¥￥").removesuffix("元")
    factor = AMOUNT_UNITS.get(text[-1:], 1)
    number = text[:-1] if factor != 1 else text
    if number == value or not number:
        return value  # a plain number, or not an amount: the decimal type says what is wrong with it
    try:
        return Decimal(number) * factor
    except InvalidOperation:
        return value


Money = Annotated[
    Decimal,
    Field(ge=0, max_digits=18, decimal_places=2, examples=[20000, "5万"]),
    BeforeValidator(_amount),
]
"""An amount in the organisation's currency, written as a number or as people write it (5万, 200,000)."""

EntryT = TypeVar("EntryT")

MAX_ENTRIES = 500
"""The most entries one list may hold: duties (the items of groups counted), KPIs, authorities, grades, ….

Nobody writes more by hand; a generated file with 100,000 duties would keep
the handbook and its Word copies building for hours.
"""

Entries = Annotated[list[EntryT], Field(max_length=MAX_ENTRIES)]
"""A list of at most `MAX_ENTRIES` entries."""

Severity = Literal["error", "warning", "ignore"]
"""How a check reports: an error fails `orgspec check`, a warning fails it under --strict."""

Locale = Literal["zh-CN", "en"]

Edition = Literal["internal", "public"]
"""internal shows everything; public leaves out what is internal."""

PERIOD_WORDS = {
    "daily": ("每日", "每天", "日"),
    "weekly": ("每周", "周"),
    "monthly": ("每月", "月", "月度"),
    "quarterly": ("每季", "每季度", "季", "季度"),
    "yearly": ("每年", "年", "年度"),
}
"""Each period and the Chinese words HR people write for it."""
SAY_WORDS = {
    "propose": ("提议", "申请", "提出"),
    "review": ("审核",),
    "decide": ("审批", "批准", "决定"),
    "informed": ("知会", "备知"),
}
"""Each kind of say on a business item and the Chinese words for it."""


def _spellings(words: dict[str, tuple[str, ...]]) -> Any:
    """A Literal of every spelling, so that editors offer the Chinese words too."""
    return Literal[(*words, *(word for spelled in words.values() for word in spelled))]


def word_aliases(words: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Each word people write → the value it stands for (每月 → monthly); the values stand for themselves."""
    aliases = {word: value for value, spelled in words.items() for word in spelled}
    return {**aliases, **{value: value for value in words}}


def choices_text(words: Mapping[str, Sequence[str]]) -> str:
    """The values a message offers, each with the first word accepted for it: monthly 每月, decide 审批."""
    return ", ".join(f"{value} {spelled[0]}" if spelled else value for value, spelled in words.items())


def _from_words(words: dict[str, tuple[str, ...]]) -> Any:
    aliases = word_aliases(words)

    def canonical(value: Any) -> Any:
        return aliases.get(value.strip(), value) if isinstance(value, str) else value

    return canonical


Period = Annotated[
    Literal["daily", "weekly", "monthly", "quarterly", "yearly"],
    BeforeValidator(_from_words(PERIOD_WORDS), json_schema_input_type=_spellings(PERIOD_WORDS)),
]
"""A work period: daily, weekly, monthly, quarterly or yearly (每日 / 每周 / 每月 / 每季 / 每年 too)."""
PERIODS: tuple[str, ...] = tuple(PERIOD_WORDS)
"""The periods of routines and KPIs, shortest first."""

Say = Annotated[
    Literal["propose", "review", "decide", "informed"],
    BeforeValidator(_from_words(SAY_WORDS), json_schema_input_type=_spellings(SAY_WORDS)),
]
"""The kind of say a post has on a business item: propose 提议, review 审核, decide 审批, informed 知会."""


def _percent(value: Any) -> Any:
    """Accept ``20%`` as well as ``20``: HR people write shares with the sign."""
    if isinstance(value, str) and value.strip().endswith("%"):
        number = value.strip()[:-1].strip()
        if number.isdigit():
            return int(number)
    return value


Percent = Annotated[
    int,
    BeforeValidator(_percent, json_schema_input_type=int | str),
    Strict(),
    Field(ge=0, le=100),
]
"""A share in percent, written ``20`` or ``20%``."""


EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2107, 12, 31)
"""The last day a Word or Excel file can be dated: ZIP timestamps end in 2107."""


def _within_range(value: dt.date) -> dt.date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise PydanticCustomError(
            "date_range",
            "a date from {earliest} to {latest} is expected",
            {"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()},
        )
    return value


Date = Annotated[
    dt.date,
    AfterValidator(_within_range),
    Field(examples=["2008-03-16"]),
]
"""A calendar date written YYYY-MM-DD, from 1900-01-01 to 2107-12-31."""
