"""Approximate text measurement and title wrapping for org-chart boxes.

Everything is measured in *columns*, the unit of a monospace terminal:
East Asian wide and fullwidth characters (``east_asian_width`` ``W`` or
``F``) take 2 columns, combining marks take 0 and everything else takes 1.
The build has no font metrics, so columns are the portable approximation;
``text_width_px`` turns them into pixels with two documented factors.

Only the standard library is used; results are fully deterministic.
"""

from __future__ import annotations

import functools
import unicodedata

#: Pixel width of a narrow (1-column) character, as a fraction of the font
#: size.  0.6 em is close to the average advance of Latin letters in common
#: sans-serif fonts, slightly generous so that boxes rarely clip text.
NARROW_EM = 0.6

#: Pixel width of a wide (2-column) character, as a fraction of the font
#: size.  CJK ideographs are drawn on a square 1 em body.
WIDE_EM = 1.0

#: Appended to the last line when a title is cut short; it counts 1 column.
ELLIPSIS = "\u2026"

# Closing punctuation that must not start a line (a minimal kinsoku rule):
# it is glued to the character before it so that a break never lands
# between the two.  Written as escapes because several of these glyphs look
# like ASCII punctuation.
_NO_LINE_START = frozenset(
    # ideographic comma and full stop; fullwidth , . : ; ? !
    "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01"
    # fullwidth ) and the closing corner, lenticular, shell and angle brackets
    "\uff09\u300d\u300f\u3011\u3015\u3009\u300b"
)


def _char_columns(char: str) -> int:
    """Columns taken by one code point (0, 1 or 2)."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def display_width(text: str) -> int:
    """Return the width of *text* in columns.

    Wide and fullwidth characters count 2, combining marks 0, anything
    else 1.  ``display_width("技术 Dept") == 9``.
    """
    return sum(_char_columns(char) for char in text)


@functools.lru_cache(maxsize=65536)
def text_width_px(text: str, font_size: float) -> float:
    """Return the approximate rendered width of *text* in pixels.

    Wide characters count ``WIDE_EM * font_size``, other visible characters
    ``NARROW_EM * font_size`` and combining marks nothing.
    """
    wide = narrow = 0
    for char in text:
        columns = _char_columns(char)
        if columns == 2:
            wide += 1
        elif columns == 1:
            narrow += 1
    return font_size * (WIDE_EM * wide + NARROW_EM * narrow)


def _clusters(text: str) -> list[str]:
    """Split *text* into base characters with their combining marks attached.

    A line break must never separate an accent from its letter.
    """
    clusters: list[str] = []
    for char in text:
        # A mark after whitespace stays apart so the space remains a space.
        if clusters and _char_columns(char) == 0 and not clusters[-1].isspace():
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _tokens(text: str) -> list[str]:
    """Split *text* into unbreakable atoms and single-space separators.

    Runs of whitespace collapse to one ``" "`` token.  Every wide cluster is
    an atom of its own (CJK may break between any two characters); runs of
    narrow clusters form a word (Latin breaks only at spaces).
    """
    tokens: list[str] = []
    in_word = False  # is tokens[-1] a narrow word that may still grow?
    for cluster in _clusters(text):
        if cluster.isspace():
            if tokens and tokens[-1] != " ":
                tokens.append(" ")
            in_word = False
        elif cluster[0] in _NO_LINE_START and tokens and tokens[-1] != " ":
            tokens[-1] += cluster
            in_word = False
        elif display_width(cluster) == 2:
            tokens.append(cluster)
            in_word = False
        elif in_word:
            tokens[-1] += cluster
        else:
            tokens.append(cluster)
            in_word = True
    if tokens and tokens[-1] == " ":
        tokens.pop()
    return tokens


def _hard_break(atom: str, max_columns: int) -> list[str]:
    """Cut an atom wider than a line into pieces of at most *max_columns*."""
    pieces = [""]
    for cluster in _clusters(atom):
        if display_width(pieces[-1]) + display_width(cluster) > max_columns:
            pieces.append("")
        pieces[-1] += cluster
    return pieces


def _fill(tokens: list[str], max_columns: int) -> list[str]:
    """Greedy line filling: put each atom on the current line if it fits."""
    lines: list[str] = []
    line = ""
    space = False  # was there a space between the line and the next atom?
    for token in tokens:
        if token == " ":
            space = bool(line)
            continue
        joined = f"{line} {token}" if space else line + token
        space = False
        if display_width(joined) <= max_columns:
            line = joined
            continue
        if line:
            lines.append(line)
        *full, line = _hard_break(token, max_columns)
        lines.extend(full)
    if line:
        lines.append(line)
    return lines


def _ellipsize(line: str, max_columns: int) -> str:
    """Shorten *line* so that it plus the ellipsis fits in *max_columns*."""
    clusters = _clusters(line)
    while clusters and display_width("".join(clusters)) + 1 > max_columns:
        clusters.pop()
    return "".join(clusters).rstrip() + ELLIPSIS


def wrap(text: str, max_columns: int, max_lines: int = 2) -> tuple[str, ...]:
    """Wrap a title into at most *max_lines* lines of at most *max_columns*.

    Latin text breaks at spaces (a word longer than a line is cut hard),
    CJK text between any two characters.  Whitespace runs collapse to one
    space.  If the text needs more lines, the last kept line is shortened
    and ends with ``ELLIPSIS``, still within *max_columns*.  Empty or blank
    text gives ``()``.

    *max_columns* must be at least 2 so that a wide character always fits.
    """
    if max_columns < 2:
        raise ValueError(f"max_columns must be at least 2, got {max_columns}")
    if max_lines < 1:
        raise ValueError(f"max_lines must be at least 1, got {max_lines}")
    lines = _fill(_tokens(text), max_columns)
    if len(lines) <= max_lines:
        return tuple(lines)
    kept = lines[: max_lines - 1]
    kept.append(_ellipsize(lines[max_lines - 1], max_columns))
    return tuple(kept)
