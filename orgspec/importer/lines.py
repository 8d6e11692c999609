"""How the lines of a job description are cut: a document's title and its ending, a label in front of its
value, several ``label：value`` pairs on one line."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from orgspec.importer.numbering import TERMINAL

TITLE_SUFFIXES: tuple[tuple[str, str | None], ...] = (
    ("岗位职务说明书", None),
    ("岗位职责说明书", None),
    ("岗位说明书", None),
    ("职位说明书", None),
    ("职务说明书", None),
    ("工作说明书", None),
    ("职责说明书", None),
    ("岗位描述", None),
    ("职位描述", None),
    ("职务说明", None),
    ("岗位说明", None),
    ("职位说明", None),
    ("岗位职责规范", "duties"),
    ("岗位职责", "duties"),
    ("工作职责", "duties"),
    ("jobdescription", None),
    ("roleprofile", None),
)
"""Endings of a document's title, and the section the body starts in (客户总监岗位职责: the duties)."""
TITLE_PREFIXES = ("job description", "role profile", "position description")


def title_parts(text: str) -> tuple[str | None, str | None]:
    """The post's title in a document title (客服主管岗位说明书 → 客服主管), and the section its body starts in."""
    plain = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()
    for suffix, target in TITLE_SUFFIXES:
        if plain.endswith(suffix) and len(plain) > len(suffix):
            return _strip_title(text, suffix), target
    lowered = text.casefold()
    for prefix in TITLE_PREFIXES:
        if lowered.startswith(prefix) and len(text) > len(prefix) + 1:
            return text[len(prefix) :].strip(" :：-–—\t") or None, None
    return None, None


def _strip_title(text: str, suffix: str) -> str:
    """``text`` without its title ending, however it was spaced or cased."""
    kept = len(re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))) - len(suffix)
    seen = 0
    for index, char in enumerate(text):
        if not char.isspace():
            seen += 1
        if seen == kept:
            return text[: index + 1].strip(" :：-–—")
    return text


_LABEL_END = re.compile(r"(?<!\d)[：:]|[：:](?!\d)")
"""The colon after a label; one between digits is a time (8:30)."""


def split_label(text: str) -> tuple[str | None, str]:
    """``岗位名称：客服专员`` → (岗位名称, 客服专员); (None, text) when the line has no label in front."""
    found = _LABEL_END.search(text)
    if found is None or found.start() == 0 or found.start() > 20:
        return None, text
    label = text[: found.start()]
    if any(char in label for char in TERMINAL):
        return None, text
    return label, text[found.end() :].strip()


_PAIR = re.compile(r"(?:^|\s)(([^\s:：]{1,12})[：:])")
"""A label in a line of several ``label：value`` pairs, at its start or after white space."""


def pairs(text: str, is_label: Callable[[str], bool]) -> list[str]:
    """``职位:仓库管理员 所属部门:财务部`` as its pairs, when the line starts with a label and every label is one
    (``is_label``); otherwise the line as it is."""
    starts = [found.start(1) for found in _PAIR.finditer(text) if is_label(found.group(2))]
    if len(starts) < 2 or starts[0] != 0:
        return [text]
    return [text[start:end].strip() for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]
