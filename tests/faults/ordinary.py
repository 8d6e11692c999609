"""Run orgspec as a separate process, as a person would: without the power of root to read or write any file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

AS_A_PERSON = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
"""Under root (a container), drop the capabilities that ignore file permissions; otherwise nothing to do."""


def environment() -> dict[str, str]:
    """The environment of an orgspec process: this checkout's code first."""
    return {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}


def orgspec(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -m orgspec ARGS`` to the end; what it printed and its exit code."""
    command = [*AS_A_PERSON, sys.executable, "-m", "orgspec", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=environment(), timeout=timeout, check=False)


def read_only(*folders: Path) -> None:
    """Take away the write permission of ``folders`` and everything in them."""
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode & ~0o222)


def writable(*folders: Path) -> None:
    """Give back the write permission (so that the test's folder can be removed)."""
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | 0o600)
