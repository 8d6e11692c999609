"""What the check of a stamped generate said, kept beside the stamp to be said again.

Real organisations always have a few warnings. An unchanged generate
(`orgspec.site.stamp`) must still print them, and fail under ``--strict``,
without loading and checking every file again: the diagnostics of the run
that recorded the stamp are kept in ``.cache/orgspec/generate-findings.json``
with the same hash of the inputs, and read back only while that hash holds.
"""

from __future__ import annotations

import json
from pathlib import Path

from orgspec.core.diagnostics import Diagnostic, Findings
from orgspec.core.write import write_if_changed
from orgspec.i18n import LOCALES

FINDINGS = Path(".cache") / "orgspec" / "generate-findings.json"


def keep(root: Path, digest: str, findings: Findings) -> bool:
    """Keep ``findings`` for the inputs ``digest``; False (nothing kept) when they cannot be read back as they are."""
    records = [diagnostic.as_record() for diagnostic in findings.diagnostics]
    document = {"inputs": digest, "locale": findings.locale, "diagnostics": records}
    try:
        text = json.dumps(document, ensure_ascii=False, sort_keys=True)
        same = _findings(json.loads(text)) == findings
    except (TypeError, ValueError):
        same = False
    if not same:  # an argument that JSON cannot carry as it is: the check runs again next time
        forget(root)
        return False
    write_if_changed(root / FINDINGS, text.encode("utf-8"))
    return True


def recall(root: Path, digest: str) -> Findings | None:
    """The findings kept for the inputs ``digest``; None when there are none for them."""
    try:
        document = json.loads((root / FINDINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("inputs") != digest:
        return None
    try:
        return _findings(document)
    except (KeyError, TypeError, ValueError):
        return None


def forget(root: Path) -> None:
    (root / FINDINGS).unlink(missing_ok=True)


def _findings(document: dict[str, object]) -> Findings:
    locale = document["locale"]
    records = document["diagnostics"]
    if locale not in LOCALES or not isinstance(records, list):
        raise ValueError("not a findings document")
    return Findings([Diagnostic.from_record(record) for record in records], locale)
