"""Word 97–2003 files (.doc), converted to .docx with LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from orgspec.importer.problems import Unreadable

PROGRAMS = ("soffice", "libreoffice")
TIMEOUT = 600
"""Seconds a conversion of many files may take at most."""


def convert(paths: Sequence[Path], folder: Path) -> dict[Path, Path | Unreadable]:
    """Each .doc converted into ``folder`` (one LibreOffice run for all), or why it could not be."""
    program = next((found for name in PROGRAMS if (found := shutil.which(name))), None)
    if program is None:
        return {path: Unreadable("import.legacy-doc") for path in paths}
    staged = _stage(paths, folder)
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=folder))
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "docx",
               "--outdir", str(folder / "out"), *(str(path) for path in staged.values())]  # fmt: skip
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        reason = (completed.stderr or completed.stdout).strip().splitlines()
    except (OSError, subprocess.TimeoutExpired) as error:
        reason = [str(error)]
    result: dict[Path, Path | Unreadable] = {}
    for path, copy in staged.items():
        converted = folder / "out" / f"{copy.stem}.docx"
        failed = Unreadable("import.conversion-failed", reason=reason[-1] if reason else "?")
        result[path] = converted if converted.is_file() else failed
    return result


def _stage(paths: Sequence[Path], folder: Path) -> dict[Path, Path]:
    """Copies under numbered names: two files of one name in different folders must not overwrite each other."""
    staged = {}
    for number, path in enumerate(paths):
        copy = folder / "in" / f"{number}.doc"
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        staged[path] = copy
    return staged
