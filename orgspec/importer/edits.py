"""Head counts set in a file a person wrote, and nothing else in it changed.

Merging a staffing table into a project changes the ``authorised`` and
``filled`` numbers of posts (and a department's ``authorised``) where the
table says otherwise. Only the digits of those values change; a value not
written yet gets a line of its own after the line named by ``after``.
Every other byte — comments, order, quoting, text — stays as it was.
"""

from __future__ import annotations

from collections.abc import Mapping

from orgspec.load.yamlfile import SourceFile


def set_counts(source: SourceFile, counts: Mapping[str, int], *, after: str) -> str | None:
    """The text of ``source`` with the top-level ``counts`` set; None when a value is not a plain number to replace."""
    lines = source.text.split("\n")
    inserted: list[str] = []
    for name, value in counts.items():
        info = source.node((name,))
        if info is None:
            inserted.append(f"{name}: {value}")
            continue
        row, column = info.position.line - 1, info.position.column - 1
        raw = info.raw or ""
        if not info.plain or not raw.isdigit() or lines[row][column : column + len(raw)] != raw:
            return None
        lines[row] = f"{lines[row][:column]}{value}{lines[row][column + len(raw) :]}"
    if inserted:
        anchor = source.node((after,))
        if anchor is None or anchor.key_position is None:
            return None
        lines[anchor.position.line : anchor.position.line] = inserted
    return "\n".join(lines)
