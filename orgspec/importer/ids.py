"""Ids for imported posts and departments: from the file name when it is one, else from the pinyin of the name."""

from __future__ import annotations

import re
from collections.abc import Container

from pypinyin import Style, lazy_pinyin

from orgspec.model.types import ID_RE

MAX_ID = 64


def slug(name: str, fallback: str = "post") -> str:
    """An id spelled from ``name``: 客服主管 → ke-fu-zhu-guan, Sales Manager → sales-manager."""
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    text = "-".join(re.sub(r"[^a-z0-9]+", "-", part.casefold()).strip("-") for part in syllables)
    text = re.sub(r"-{2,}", "-", text).strip("-")
    while len(text) > MAX_ID:
        text = text.rsplit("-", 1)[0] if "-" in text else text[:MAX_ID]
    return text if ID_RE.match(text) else fallback


def unique(identifier: str, taken: Container[str]) -> str:
    """``identifier``, or it with -2, -3 … when it is taken."""
    candidate, number = identifier, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = identifier[: MAX_ID - len(suffix)].rstrip("-") + suffix
        number += 1
    return candidate
