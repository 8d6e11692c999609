"""Did you mean: the one rule for suggesting the closest known name."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.6
"""How alike two names must be (difflib's ratio) to be suggested."""
LISTED = 12
"""How many known names a message lists when none is close."""


def suggest(value: str, choices: Iterable[str]) -> str | None:
    """The known name closest to ``value``, or None when none is close."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=CUTOFF)
    return close[0] if close else None


def did_you_mean(kind: str, value: str, known: Iterable[str]) -> str:
    """``'x' is not a known department; did you mean 'y'?`` (or the known names when none is close)."""
    names = sorted(known)
    close = suggest(value, names)
    if close is not None:
        return f"'{value}' is not a known {kind}; did you mean '{close}'?"
    shown = ", ".join(names[:LISTED]) + (", …" if len(names) > LISTED else "")
    return f"'{value}' is not a known {kind}; known: {shown or 'none yet'}"


__all__ = ["CUTOFF", "did_you_mean", "suggest"]
