"""List numbering as HR documents write it: 一、 （一） 1. 1、 (1) 1) ① 第一条 • …

A marker's kind tells list levels apart (the first kind met in a section is
its top level); its number lets an enumeration written inside one
paragraph, ``(1)…(2)…(3)…``, be split into its items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

TERMINAL = tuple("。；;.!！?？")
"""Punctuation that ends an item: a line after one without it continues the item (a wrapped line)."""

SECTION_KINDS = frozenset({"第一条", "一、", "(一)"})
"""Kinds of numbering used for section headings rather than for items."""


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 三十五 → 35; digits as they are."""
    if text.isascii() and text.isdigit():
        return int(text)
    if not text or any(char not in CHINESE_DIGITS and char not in "十百" for char in text):
        return None
    if "十" not in text:
        return int("".join(str(CHINESE_DIGITS[char]) for char in text)) if "百" not in text else None
    tens, _, units = text.partition("十")
    return (CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + (CHINESE_DIGITS.get(units, 0) if units else 0)


_CN = "[一二三四五六七八九十]+"
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("第一条", r"第([一二三四五六七八九十百零〇\d]+)[条章节部分]"),
    ("一、", rf"({_CN})\s*[、.．]"),
    ("(一)", rf"[（(]\s*({_CN})\s*[)）]"),
    ("(1)", r"[（(]\s*(\d{1,3})\s*[)）]"),
    ("⑴", r"([\u2474-\u2487])"),
    ("1.1.1", r"(\d{1,3}(?:[.．]\d{1,3}){2,})[.．、]?"),
    ("1.1", r"(\d{1,3}[.．]\d{1,3})(?=\s)"),
    ("1)", r"(\d{1,3})\s*[)）]"),
    ("1.", r"(\d{1,3})\s*[.．](?!\d)"),
    ("1、", r"(\d{1,3})\s*、"),
    ("①", r"([\u2460-\u2473])"),
    ("a)", r"([a-z])[).](?=\s)"),
    ("•", r"([•·▪●■◆◇□☆★\-–—*])"),
)
_AT_START = [(kind, re.compile(rf"^\s*{pattern}\s*")) for kind, pattern in _PATTERNS]
_INSIDE = {kind: re.compile(rf"(?<![\dA-Za-z.．]){pattern}") for kind, pattern in _PATTERNS if kind != "•"}


@dataclass(frozen=True)
class Marker:
    """The numbering at the start of a line: its kind, its number (None for bullets) and the text after it."""

    kind: str
    number: int | None
    rest: str


def marker(text: str) -> Marker | None:
    """The numbering ``text`` starts with, or None."""
    for kind, pattern in _AT_START:
        found = pattern.match(text)
        if found is not None and found.end() < len(text):
            return Marker(kind, _number(kind, found.group(1)), text[found.end() :].strip())
    return None


def _number(kind: str, token: str) -> int | None:
    if kind == "①":
        return ord(token) - 0x2460 + 1
    if kind == "⑴":
        return ord(token) - 0x2474 + 1
    if kind == "a)":
        return ord(token) - ord("a") + 1
    if kind in ("1.1", "1.1.1", "•"):
        return None
    return chinese_number(token)


def split_inline(text: str) -> list[str]:
    """An enumeration written in one line, ``1. a；2. b；3. c``, as its items; other text as it is.

    A line is split only where the numbers follow on from the one it starts
    with, so that a number inside an item (3 天, (2) 号文件) never splits it.
    """
    first = marker(text)
    if first is None or first.number is None or first.kind not in _INSIDE:
        return [text]
    pattern = _INSIDE[first.kind]
    cuts = [0]
    expected = first.number + 1
    for found in pattern.finditer(text, 1):
        if _number(first.kind, found.group(1)) == expected and found.start() > cuts[-1]:
            cuts.append(found.start())
            expected += 1
    if len(cuts) == 1:
        return [text]
    return [text[start:end].strip() for start, end in zip(cuts, [*cuts[1:], len(text)], strict=True)]
