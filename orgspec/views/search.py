"""The words a reader types to find a post or a department (pure).

People look for 销售管理部经理 by typing 经理, jingli, xsjl or Sales Manager.
The site builders index the words of a page as they segment them: MkDocs
keeps 部门经理 as one word (jieba), and neither builder knows pinyin. So
each page carries, out of sight, the words that lead to its title:

- the endings of its Chinese runs (门经理, 经理): both builders match the
  beginning of an indexed word, so an ending makes every part of the title
  findable;
- its pinyin, whole and by its endings (bumenjingli, jingli);
- its pinyin initials (bmjl), their endings, and a beginning joined to an
  ending (xs + jl: xsjl), as people shorten a title;
- the English name where the page shows another one.

They start with `MARK`, an invisible character that is a word of its own,
by which the page's script knows them in MkDocs' search results and leaves
them out of sight there too.

The same words, with the title, code and department, let the post index
filter its rows as one types (``finder``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
MARK = "\u2063"
"""INVISIBLE SEPARATOR: the first word of a page's search words."""
MAX_SYLLABLES = 12
"""Initials are combined for the first syllables only: a title is rarely longer, and the count grows as the square."""


def han_runs(text: str) -> list[str]:
    """The runs of Chinese characters in ``text``."""
    return _HAN.findall(text)


@functools.lru_cache(maxsize=65536)
def syllables(text: str) -> tuple[str, ...]:
    """The pinyin of the Chinese characters of ``text``, without tones, one syllable a character."""
    return tuple(syllable for run in han_runs(text) for syllable in lazy_pinyin(run, style=Style.NORMAL))


def initials(text: str) -> str:
    """The first letters of the pinyin of ``text``: 销售管理部经理 → xsglbjl."""
    return "".join(syllable[0] for syllable in syllables(text) if syllable)


def _endings(items: tuple[str, ...] | str, *, shortest: int = 2) -> list[str]:
    """``items`` joined from each position on, while at least ``shortest`` long (the whole included)."""
    return ["".join(items[start:]) for start in range(len(items) - shortest + 1)]


def _abbreviations(letters: str) -> list[str]:
    """A beginning of the initials joined to an ending, each two letters or more (xs + jl), as titles are
    shortened: 销售管理部经理 → xsjl."""
    letters = letters[:MAX_SYLLABLES]
    return [
        letters[:cut] + letters[resume:]
        for cut in range(2, len(letters) - 2)
        for resume in range(cut + 1, len(letters) - 1)
    ]


@functools.lru_cache(maxsize=65536)
def search_words(text: str) -> tuple[str, ...]:
    """The words that lead to ``text`` (a title or a name), each once, in a stable order."""
    words = [ending for run in han_runs(text) for ending in _endings(run)[1:]]
    words += _endings(syllables(text))
    letters = initials(text)
    words += _endings(letters) + _abbreviations(letters)
    return tuple(dict.fromkeys(word for word in words if word))


@dataclass(frozen=True)
class Finder:
    """What the post index matches a query against: the searchable text and the pinyin initials."""

    text: str
    initials: str


def finder(*names: str | None) -> Finder:
    """The finder entry of a row: its names (title, English title, code, department) with their pinyin."""
    shown = [name for name in names if name]
    pinyin = ["".join(syllables(name)) for name in shown]
    text = " ".join([*shown, *pinyin]).lower()
    return Finder(" ".join(text.split()), initials(shown[0]) if shown else "")


def search_text(name: str, *others: str | None) -> str:
    """The words that lead to a page named ``name`` (also called ``others``), for the builders' search."""
    return " ".join([MARK, *(other for other in others if other), *search_words(name)])
