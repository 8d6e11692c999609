"""Time orgspec and the site builders, each run in a fresh process.

Every measurement starts a new process and waits for it with ``os.wait4``,
which gives the resource usage of that process alone (its own children
included): the wall time, the CPU time and the peak resident memory. On a
shared machine the CPU time is the steadier of the two; the budgets are set
on the wall time, the median of the runs.

A measurement is repeated up to the number of runs asked for, but not once
its runs have taken more than `REPEAT_SECONDS` together: a first generate
of 1,000 posts with their Word and PDF copies takes minutes.

States of a project before a run:

- cold: nothing generated or built, no caches (a fresh clone);
- cached: nothing generated or built, but the download cache of the Word and
  PDF copies (``.cache/orgspec``) kept from an earlier run (a CI job with a
  cache, or a build after ``make clean``); measured for the organisation that
  offers them;
- unchanged: everything left by the run before (the second run);
- edited: as unchanged, but one post's title changed since (a new title each run);
- warned: unchanged, in an organisation that has warnings (``post-without-kpis``
  turned on: every post without KPIs is one), whose warnings are printed again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.bare import BARE_CONFIG
from orgspec.site.builders import command, environment

REPORT_LINE = re.compile(r"(\d+) written, (\d+) unchanged, (\d+) removed")
"""The line orgspec generate and build print: ``docs/handbook: N written, M unchanged, K removed``."""
GENERATED = ("docs/handbook", ".orgspec-mkdocs.yml", "site")
CACHE = ".cache"
"""Zensical's cache; orgspec keeps its Word and PDF copies in ``.cache/orgspec``."""
DOWNLOAD_CACHE = "orgspec"
REPEAT_SECONDS = 120.0
Env = Mapping[str, str]


class BenchmarkError(Exception):
    """A measured command failed: the benchmark's numbers would mean nothing."""


@dataclass(frozen=True)
class Run:
    """One finished process: how long it took, the CPU it used, its peak memory, what it said."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    stdout: str
    stderr: str


def measured(args: list[str], *, env: Env | None = None, cwd: Path | None = None) -> Run:
    """Run ``args`` in a new process; raise `BenchmarkError` if it fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=dict(env or environment()), stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise BenchmarkError(f"{' '.join(args)} failed (exit {process.returncode}):\n{stdout}\n{stderr}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout, stderr)  # maxrss: KiB


def without_pdf(folder: Path) -> dict[str, str]:
    """An environment in which WeasyPrint cannot be imported, as without the ``pdf`` extra: Word copies only."""
    stub = folder / "weasyprint"
    stub.mkdir(parents=True, exist_ok=True)
    (stub / "__init__.py").write_text('raise ImportError("WeasyPrint is hidden by the benchmark")\n', encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))
    return {**environment(), "PYTHONPATH": path}


def orgspec(*args: str) -> list[str]:
    """The command line of orgspec, run by this interpreter."""
    return [sys.executable, "-m", "orgspec", *args]


def repeat(step: Callable[[], Run], runs: int) -> list[Run]:
    """Up to ``runs`` runs of ``step``; fewer once they have taken `REPEAT_SECONDS`."""
    samples = [step()]
    while len(samples) < runs and sum(sample.seconds for sample in samples) < REPEAT_SECONDS:
        samples.append(step())
    return samples


def summary(runs: list[Run]) -> dict[str, Any]:
    """Medians (and every sample) of a series of runs."""
    return {
        "seconds": round(statistics.median(run.seconds for run in runs), 3),
        "cpu_seconds": round(statistics.median(run.cpu_seconds for run in runs), 3),
        "peak_mb": round(max(run.peak_mb for run in runs), 1),
        "samples": [round(run.seconds, 3) for run in runs],
    }


def reset(root: Path, *, keep_downloads: bool, written: tuple[str, ...] = GENERATED) -> None:
    """Remove what orgspec and the builders wrote into ``root`` (the download cache only if told)."""
    for name in written:
        _remove(root / name)
    cache = root / CACHE
    if cache.is_dir():
        for path in cache.iterdir():
            if not (keep_downloads and path.name == DOWNLOAD_CACHE):
                _remove(path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def measure_check(root: Path, runs: int, env: Env | None = None) -> dict[str, Any]:
    """``orgspec check``: time, peak memory and what it found."""
    samples = repeat(lambda: measured(orgspec("check", "--format", "json", str(root)), env=env), runs)
    found = json.loads(samples[-1].stdout)["summary"]
    return {**summary(samples), **{key: found[key] for key in ("errors", "warnings", "posts", "departments")}}


def report_counts(run: Run) -> dict[str, int]:
    """The written / unchanged / removed counts of a generate or build run."""
    match = REPORT_LINE.search(run.stderr)
    if match is None:
        raise BenchmarkError(f"no '… written, … unchanged, … removed' line in:\n{run.stderr}")
    written, unchanged, removed = (int(number) for number in match.groups())
    return {"written": written, "unchanged": unchanged, "removed": removed}


def measure_generate(
    root: Path, runs: int, env: Env | None = None, *, cached: bool = False, edits: bool = False
) -> dict[str, Any]:
    """``orgspec generate``: cold, with the download cache if asked, again with nothing changed, and (with
    ``edits``) after one post was edited and with warnings."""
    args = orgspec("generate", str(root))

    def fresh(*, keep_downloads: bool) -> Run:
        reset(root, keep_downloads=keep_downloads)
        return measured(args, env=env)

    def edited() -> Run:
        edit_one_post(root)
        return measured(args, env=env)

    states = {"cold": repeat(lambda: fresh(keep_downloads=False), runs)}
    if cached:
        states["cached"] = repeat(lambda: fresh(keep_downloads=True), runs)
    states["unchanged"] = repeat(lambda: measured(args, env=env), runs)
    if edits:
        states["edited"] = repeat(edited, runs)
        with warnings_on(root):
            measured(args, env=env)  # the run that generates, and keeps the warnings with its stamp
            states["warned"] = repeat(lambda: measured(args, env=env), runs)
        measured(args, env=env)
    return {state: {**summary(samples), **report_counts(samples[-1])} for state, samples in states.items()}


EDITED = "（修订）"


def edit_one_post(root: Path) -> None:
    """Change the title of one post in the middle of the organisation: add or remove a suffix."""
    posts = sorted((root / "roles").glob("*.yaml"))
    for path in posts[len(posts) // 2 :]:
        text = path.read_text(encoding="utf-8")
        title = re.search(r"^title: (.*)$", text, re.MULTILINE)
        if title is not None:
            break
    else:
        raise BenchmarkError(f"{root / 'roles'}: no post with a title to edit")
    old = title.group(1)
    new = old.removesuffix(EDITED) if old.endswith(EDITED) else old + EDITED
    path.write_text(text[: title.start(1)] + new + text[title.end(1) :], encoding="utf-8")


QUIET_CHECK = "post-without-kpis: ignore"


@contextmanager
def warnings_on(root: Path) -> Iterator[None]:
    """The organisation with the ``post-without-kpis`` warning turned on, for as long as the block runs."""
    settings = root / "orgspec.yaml"
    text = settings.read_text(encoding="utf-8")
    if QUIET_CHECK not in text:
        raise BenchmarkError(f"{settings}: no '{QUIET_CHECK}' to turn on")
    settings.write_text(text.replace(QUIET_CHECK, "post-without-kpis: warning"), encoding="utf-8")
    try:
        yield
    finally:
        settings.write_text(text, encoding="utf-8")


def measure_build(root: Path, engine: str, runs: int, env: Env | None = None) -> dict[str, Any]:
    """The full ``orgspec build`` (check, generate, build) from a clean checkout, and the HTML it wrote."""
    args = orgspec("build", "--engine", engine, str(root))

    def fresh() -> Run:
        reset(root, keep_downloads=False)
        return measured(args, env=env)

    return {**summary(repeat(fresh, runs)), **html_sizes(root / "site")}


def measure_bare(bare: Path, engine: str, runs: int, env: Env | None = None) -> dict[str, Any]:
    """The builder alone on the bare project, called as orgspec build calls it."""
    args = command(engine, (bare / BARE_CONFIG).resolve(), strict=False)

    def fresh() -> Run:
        reset(bare, keep_downloads=False, written=("site",))
        return measured(args, env=env, cwd=bare)

    return summary(repeat(fresh, runs))


def html_sizes(site: Path) -> dict[str, Any]:
    """HTML of the built site: per post page, and in total per post."""
    posts = sorted((site / "handbook" / "posts").glob("*.html"))
    total = sum(path.stat().st_size for path in site.rglob("*.html"))
    post_bytes = sum(path.stat().st_size for path in posts)
    every_file = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    search = [site / "search" / "search_index.json", site / "search.json"]  # MkDocs, Zensical
    return {
        "post_pages": len(posts),
        "html_kb_per_post_page": round(post_bytes / max(len(posts), 1) / 1024, 1),
        "html_kb_total_per_post": round(total / max(len(posts), 1) / 1024, 1),
        "html_mb_total": round(total / 1024 / 1024, 1),
        "site_mb_total": round(every_file / 1024 / 1024, 1),
        "search_index_mb": round(sum(path.stat().st_size for path in search if path.is_file()) / 1024 / 1024, 2),
    }


def measure_import(project: Path, sheets: Path, target: Path, runs: int, env: Env | None = None) -> dict[str, Any]:
    """``orgspec import docx`` of every Word file in ``sheets`` into a copy of ``project`` without its posts.

    The copy keeps the settings, standard clauses and departments, so names are resolved as in a real
    adoption; each run starts from it again.
    """
    args = orgspec("import", "docx", str(sheets), "--format", "json", "-C", str(target))

    def fresh() -> Run:
        _remove(target)
        (target / "roles").mkdir(parents=True)
        for name in ("orgspec.yaml", "clauses.yaml"):
            shutil.copy2(project / name, target / name)
        shutil.copytree(project / "departments", target / "departments")
        return measured(args, env=env)

    samples = repeat(fresh, runs)
    found = json.loads(samples[-1].stdout)["summary"]
    return {**summary(samples), **{key: found[key] for key in ("files", "posts", "departments", "failed")}}
