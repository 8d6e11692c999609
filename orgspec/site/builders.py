"""Run a site builder (MkDocs or Zensical) on the generated configuration.

Builders run as child processes: their output is captured, cleaned of
colour codes and passed on, and their warnings counted so that
``orgspec build --strict`` can fail on them.
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from orgspec import requirement
from orgspec.core.errors import EnvironmentProblem

ENGINES = ("mkdocs", "zensical")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_INSTALL = {engine: f"pip install '{requirement(engine)}'" for engine in ENGINES}


class BuilderMissingError(EnvironmentProblem):
    """The chosen site builder is not installed; the message says how to install it."""


@dataclass(frozen=True)
class BuildRun:
    """What a builder said and whether it succeeded."""

    engine: str
    returncode: int
    output: str
    warnings: list[str]


def command(
    engine: str, config: Path, *, strict: bool, serve: bool = False, address: str | None = None, dirty: bool = False
) -> list[str]:
    """The command line that runs ``engine`` on ``config``; ``dirty``: MkDocs serve rebuilds only the pages whose
    files changed."""
    verb = "serve" if serve else "build"
    if engine == "mkdocs":  # serve: told of changes by the system rather than polling (orgspec.mkdocs_serve)
        runner = "orgspec.mkdocs_serve" if serve else "mkdocs"
        args = [sys.executable, "-m", runner, verb, "-f", str(config)]
        if strict:
            args.append("--strict")
        if serve and address:
            args += ["--dev-addr", address]
        if serve and dirty:
            args.append("--dirty")
        return args
    executable = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")
    if executable is None:
        raise BuilderMissingError(f"Zensical is not installed: {_INSTALL['zensical']}")
    args = [executable, verb, "-f", str(config)]
    if strict and not serve:
        args.append("--strict")
    if serve and address:
        args += ["--dev-addr", address]
    return args


def environment() -> dict[str, str]:
    """The builders' environment: no colour. Material's end-of-life notice stays unless the user hides it
    (``NO_MKDOCS_2_WARNING=1``): which engine has a future is theirs to know."""
    return {**os.environ, "NO_COLOR": "1"}


def notice(output: str) -> list[str]:
    """The lines of a builder's boxed notice (Material's end of life) in its output, with how to hide it."""
    lines = output.splitlines()
    boxed = [index for index, line in enumerate(lines) if line.lstrip().startswith("│")]
    if not boxed:
        return []
    hide = [line.strip() for line in lines[boxed[-1] + 1 :] if "NO_MKDOCS_2_WARNING" in line]
    return [*(lines[index].rstrip() for index in boxed), *hide[:1]]


def ensure_installed(engine: str) -> None:
    if engine == "mkdocs":
        try:
            importlib.import_module("material")
            importlib.import_module("mkdocs")
        except ImportError as error:
            raise BuilderMissingError(f"MkDocs with Material is not installed: {_INSTALL['mkdocs']}") from error


def run_build(engine: str, config: Path, *, strict: bool) -> BuildRun:
    """Build the site with ``engine``; never raises for a failed build."""
    ensure_installed(engine)
    process = subprocess.run(
        command(engine, config, strict=strict),
        cwd=config.parent,
        env=environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    output = _ANSI.sub("", process.stdout + process.stderr)
    return BuildRun(engine, process.returncode, output, _warnings(engine, output))


def _warnings(engine: str, output: str) -> list[str]:
    if engine == "mkdocs":
        return [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    return [line for line in output.splitlines() if line.startswith(("Warning:", "Error:", "error:"))]
