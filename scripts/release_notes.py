"""Print the section of CHANGELOG.md for one version: the notes of its GitHub release.

    python scripts/release_notes.py 0.1.0 [CHANGELOG.md]

Exits 1, printing why, when the changelog has no section ``## [0.1.0]`` or the
section is empty: a version is released with its changes written down.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def section(changelog: str, version: str) -> str | None:
    """The text under ``## [version]`` (up to the next ``## `` heading), or None when absent or empty."""
    heading = re.compile(rf"^## \[{re.escape(version)}\][^\n]*\n", re.MULTILINE)
    found = heading.search(changelog)
    if found is None:
        return None
    following = re.compile(r"^## ", re.MULTILINE).search(changelog, found.end())
    text = changelog[found.end() : following.start() if following else len(changelog)].strip()
    return text + "\n" if text else None


def main(arguments: list[str]) -> int:
    version, path = arguments[0], Path(arguments[1] if len(arguments) > 1 else "CHANGELOG.md")
    notes = section(path.read_text(encoding="utf-8"), version)
    if notes is None:
        print(f"{path}: no changes listed under '## [{version}]'; move them there from [Unreleased]", file=sys.stderr)
        return 1
    sys.stdout.write(notes)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
