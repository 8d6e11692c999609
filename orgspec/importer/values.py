"""Values as HR documents write them: head counts, dates, amounts, periods, kinds of say, shares of time."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from orgspec.i18n import LOCALES, label
from orgspec.importer.numbering import chinese_number
from orgspec.model.types import EARLIEST_DATE, LATEST_DATE, PERIOD_WORDS, SAY_WORDS

NONE_WORDS = frozenset({"无", "没有", "暂无", "none", "n/a", "na", "-", "—", "–", "/", "／", "nil"})
"""What a cell says when there is nothing: 无, None, a dash."""


def fold(text: str) -> str:
    """Full-width forms folded to their plain ones (（２０％） → (20%)), spaces at the ends removed."""
    return unicodedata.normalize("NFKC", text).strip()


def is_none(text: str) -> bool:
    return fold(text).casefold() in NONE_WORDS


_COUNT = re.compile(r"(\d+|[一二三四五六七八九十]+)\s*[人名位个]?(?:\s*/\s*\d+\s*[人名位个]?)?")


def count(text: str) -> int | None:
    """A head count written alone: 3, 3人, 三人, or 1 / 0 (filled / vacant: 1); None for any other text."""
    found = _COUNT.fullmatch(fold(text))
    return chinese_number(found.group(1)) if found else None


def date(text: str) -> dt.date | None:
    """2008-03-16, 2008-3-16, 2008/3/16, 2008.3.16, 2008年3月16日; a month alone gives its first day."""
    folded = fold(text)
    found = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(?:(\d{1,2})\s*日?)?)?", folded)
    if found is None:
        return None
    try:
        value = dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3) or 1))
    except ValueError:
        return None
    return value if EARLIEST_DATE <= value <= LATEST_DATE else None


_AMOUNT = re.compile(
    r"(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万|千|k)?\s*(?:元|人民币|[A-Z]{3})?\s*(?:\((?P<note>.*)\))?"
)


def amount(text: str) -> tuple[Decimal | None, str | None]:
    """A limit as a sheet prints it: ``20,000 CNY（货款信用额度）`` → (20000, 货款信用额度); other text is the note."""
    folded = fold(text)
    found = _AMOUNT.fullmatch(folded)
    if found is None:
        return None, text.strip() or None
    try:
        value = Decimal(found.group("number").replace(",", ""))
    except InvalidOperation:
        return None, text.strip()
    value *= {"万": 10000, "千": 1000, "k": 1000}.get(found.group("unit") or "", 1)
    return value, (found.group("note") or "").strip() or None


def percent(text: str) -> int | None:
    """30% or 30 → 30 (0 to 100), else None."""
    found = re.fullmatch(r"(\d{1,3})\s*%?", fold(text))
    return int(found.group(1)) if found and int(found.group(1)) <= 100 else None


def _words(words: dict[str, tuple[str, ...]], prefix: str) -> dict[str, str]:
    table = {word: value for value, spelled in words.items() for word in (value, *spelled)}
    for value in words:
        for locale in LOCALES:
            table[label(f"{prefix}.{value}", locale).casefold()] = value
    return table


PERIODS = _words(PERIOD_WORDS, "period")
SAYS = _words(SAY_WORDS, "say")


def period(text: str) -> str | None:
    """每月, 月度, Monthly → monthly."""
    folded = fold(text).casefold()
    return PERIODS.get(folded) or PERIODS.get(re.sub(r"工作$|tasks$", "", folded).strip())


def say(text: str) -> str | None:
    """审批, decide, be informed → the kind of say."""
    return SAYS.get(fold(text).casefold())


_SHARE = re.compile(r"^(?P<text>.*?)\s*[(（]\s*(?P<share>\d{1,3})\s*[%％]\s*[)）]$")


def share(text: str) -> tuple[str, int | None]:
    """A duty with its share of time written after it, ``受理来电（20%）`` → (受理来电, 20)."""
    found = _SHARE.match(text)
    if found is None or int(found.group("share")) > 100 or not found.group("text"):
        return text, None
    return found.group("text"), int(found.group("share"))


_TIME = re.compile(
    r"^(?P<time>(?:每[日天周月季年]度?|周[一二三四五六日天])?[一二三四五六日天]?(?:[上下]午|晚上|早上)?"
    r"(?:\d{1,2}[:：]\d{2}\s*[~～\-－—至到]\s*\d{1,2}[:：]\d{2}|\d{1,2}\s*(?:[~～\-－—至到]\s*\d{1,2})?\s*[日号])"
    r"|每周[一二三四五六日天]|周[一二三四五六日天])\s*(?P<text>\S.*)$"
)


def routine_time(text: str) -> tuple[str | None, str]:
    """A routine with its time in front, ``8:30~10:00审批报表`` → (8:30~10:00, 审批报表)."""
    found = _TIME.match(text.strip())
    if found is None:
        return None, text
    return found.group("time").strip(), found.group("text").strip()


def period_of(text: str) -> str | None:
    """The period a routine written without a heading names at its start: 每周一审阅报表 → weekly."""
    found = re.match(r"每([日天周月季年])|周[一二三四五六日天]", fold(text))
    if found is None:
        return None
    word = found.group(1) or "周"
    return {"日": "daily", "天": "daily", "周": "weekly", "月": "monthly", "季": "quarterly", "年": "yearly"}[word]


_LEVEL = re.compile(r"(?:level|lv|l)?\s*(\d{1,3}|[一二三四五六七八九十]+)\s*(?:级|分|星|档)?", re.IGNORECASE)
_NAMED_LEVEL = re.compile(r"(?P<name>[^()\d]*?)\s*\(\s*(?P<level>[^()]+?)\s*\)")


def rating(text: str, names: Mapping[str, int]) -> int | None:
    """A competency's rating as written: 4, 4级, 四级, Level 4, ★★★★, 熟练（4）, or a step's name in ``names``."""
    folded = fold(text).casefold()
    if folded and set(folded) <= {"★", "☆"}:
        return folded.count("★") or None
    found = _LEVEL.fullmatch(folded)
    if found is not None:
        return chinese_number(found.group(1))
    named = _NAMED_LEVEL.fullmatch(folded)
    if named is not None:
        return rating(named.group("level"), names) or names.get(named.group("name").strip())
    return names.get(folded)


_STEP = re.compile(r"(\d{1,3})\s*[-—.、:：=]?\s*([^\s\d、,，;；/|]+)")


def scale_steps(text: str) -> dict[str, int]:
    """The steps of a scale written in one line, ``1 了解、2 熟悉、3 掌握`` → {了解: 1, 熟悉: 2, 掌握: 3}; {} for fewer
    than two."""
    steps = {fold(name).casefold(): int(level) for level, name in _STEP.findall(fold(text))}
    return steps if len(steps) > 1 else {}
