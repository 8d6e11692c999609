"""Time orgspec and the site builders, each run in a fresh process.

Every measurement starts a new process and waits for it with ``os.wait4``,
which gives the resource usage of that process (its own children
included): the wall time and the CPU time. The peak memory is the larger
of the largest process's own peak (``ru_maxrss`` when it is more than the
benchmark's, which a started process inherits; ``VmHWM`` when sampled) and
the resident memory of the whole process tree, sampled every 50 ms
(`TreeMemory`): worker processes hold theirs at the same time. Sampling slows the process it
samples, so a measurement whose budget is a time alone is not sampled, and
the check, whose budget is its wall time and its peak, is timed unsampled
and sampled in a run of its own. On a shared machine the CPU time is the
steadier of the two times; the ratios to the floors are taken on it.

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

import importlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from orgspec.site.builders import command, environment
from orgspec.site.config_names import GENERATED_CONFIG
from orgspec.site.mkdocs_config import builder_config, handbook_settings
from orgspec.site.search import PAGEFIND_DIR, pagefind_command

REPORT_LINE = re.compile(r"(\d+) written, (\d+) unchanged, (\d+) removed")
"""The line orgspec generate and build print: ``docs/handbook: N written, M unchanged, K removed``."""
ENGINE_CONFIG = ".engine-alone.yml"
"""The configuration the engine alone builds with: the project's mkdocs.yml and what orgspec adds, no plugin ``orgspec``."""
GENERATED = ("docs/handbook", GENERATED_CONFIG, "site", ENGINE_CONFIG)
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


def measured(args: list[str], *, env: Env | None = None, cwd: Path | None = None, sampled: bool = True) -> Run:
    """Run ``args`` in a new process; raise `BenchmarkError` if it fails.

    ``sampled``: the memory of the process tree is sampled while it runs (`TreeMemory`). Reading a
    process's proportional share makes the kernel walk its page tables under its memory lock, which slows a
    large process: a generate after one edit at 10,000 posts took 2-3 s longer sampled than not. Runs
    measured for their time alone are not sampled (their peak is the largest process's, ``ru_maxrss``, when it
    is more than this process's own: 0 otherwise, not known).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=dict(env or environment()), stdout=out, stderr=err)
        with TreeMemory(process.pid) if sampled else nullcontext(TreeMemory(process.pid)) as tree:
            _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise BenchmarkError(f"{' '.join(args)} failed (exit {process.returncode}):\n{stdout}\n{stderr}")
    # ru_maxrss (KiB): the largest process of the tree; a process started from this one begins with this one's
    # peak (Linux keeps it across the exec), so a peak no larger than that may not be the process's own
    largest = usage.ru_maxrss / 1024
    peak_mb = max(tree.peak_mb, largest if largest > own else 0.0)
    return Run(seconds, usage.ru_utime + usage.ru_stime, peak_mb, stdout, stderr)


SAMPLE_SECONDS = 0.05
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class TreeMemory(threading.Thread):
    """The memory of a process and all its descendants together (their proportional shares: `_resident`),
    sampled while it runs.

    A generate that renders in worker processes holds the memory of all of them at once, which only sampling
    sees. Each sample also reads each process's own peak since its start (``VmHWM``: unlike ``ru_maxrss``,
    not the peak of the process it was started from), which catches what happens between samples. Linux
    only (``/proc``); elsewhere the peak stays 0 and ``ru_maxrss`` alone is reported.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mb = 0.0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(SAMPLE_SECONDS):
            pids = list(_tree(self.pid))
            together = sum(map(_resident, pids))
            self.peak_mb = max(self.peak_mb, together / 1024 / 1024, *(_own_peak(pid) / 1024 / 1024 for pid in pids))

    def __enter__(self) -> TreeMemory:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopped.set()
        self.join()


def _tree(pid: int) -> Iterator[int]:
    yield pid
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return
    for task in tasks:
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            yield from _tree(int(child))


def _resident(pid: int) -> int:
    """Bytes of memory of one process (0 once it is gone): its proportional share (``Pss``), in which a page
    that a forked process still shares with its parent counts half to each, so that the tree's sum counts it
    once; the resident size where the kernel does not give the share."""
    share = _kilobytes(pid, "smaps_rollup", "Pss:")
    if share is not None:
        return share
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _own_peak(pid: int) -> int:
    """Bytes: the largest resident size of one process since it started its program (``VmHWM``; 0 once it is
    gone)."""
    return _kilobytes(pid, "status", "VmHWM:") or 0


def _kilobytes(pid: int, name: str, field: str) -> int | None:
    """The figure in kB on the line starting with ``field`` of ``/proc/<pid>/<name>``, in bytes; None if none."""
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return None


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
        "samples": [
            {
                "seconds": round(run.seconds, 3),
                "cpu_seconds": round(run.cpu_seconds, 3),
                "peak_mb": round(run.peak_mb, 1),
            }
            for run in runs
        ],
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
    """``orgspec check``: time, peak memory and what it found.

    Timed without sampling its memory, which slows the check (its budget is its wall time); its peak is
    taken from one more run, sampled.
    """
    args = orgspec("check", "--format", "json", str(root))
    samples = repeat(lambda: measured(args, env=env, sampled=False), runs)
    peak = measured(args, env=env).peak_mb
    found = json.loads(samples[-1].stdout)["summary"]
    counts = {key: found[key] for key in ("errors", "warnings", "posts", "departments")}
    return {**summary(samples), "peak_mb": round(max(peak, *(run.peak_mb for run in samples)), 1), **counts}


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
        return measured(args, env=env, sampled=False)

    states = {"cold": repeat(lambda: fresh(keep_downloads=False), runs)}
    if cached:
        states["cached"] = repeat(lambda: fresh(keep_downloads=True), runs)
    states["unchanged"] = repeat(lambda: measured(args, env=env, sampled=False), runs)
    if edits:
        states["edited"] = repeat(edited, runs)
        with warnings_on(root):
            measured(args, env=env)  # the run that generates, and keeps the warnings with its stamp
            states["warned"] = repeat(lambda: measured(args, env=env, sampled=False), runs)
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

    return {**summary(repeat(fresh, runs)), **html_sizes(root / "site"), "search_index": search_index(root / "site")}


def search_index(site: Path) -> dict[str, Any] | None:
    """Pagefind indexing the built ``site`` again, as ``orgspec build`` did (None for a site searched with the
    builder's own index, which the builder works out among its pages)."""
    if not (site / PAGEFIND_DIR).is_dir():
        return None
    _remove(site / PAGEFIND_DIR)
    return summary([measured(pagefind_command(site))])


def measure_engine_alone(root: Path, engine: str, runs: int, env: Env | None = None) -> dict[str, Any]:
    """The engine alone (``mkdocs build`` / ``zensical build``) on the pages an ``orgspec build`` left.

    Its configuration is what ``orgspec build`` hands the engine, without the plugin ``orgspec`` (which
    would check and generate again): the same pages, navigation, theme, extensions and search.
    """
    config = root / ENGINE_CONFIG
    config.write_text(engine_config(root), encoding="utf-8")
    args = command(engine, config.resolve(), strict=False)

    def fresh() -> Run:
        reset(root, keep_downloads=True, written=("site",))
        return measured(args, env=env, cwd=root)

    return summary(repeat(fresh, runs))


def measure_engine_given(root: Path, engine: str, runs: int, env: Env | None = None) -> dict[str, Any]:
    """The engine alone on the configuration ``orgspec build`` gives it (`builder_config`): its Markdown
    extension, Zensical without its check of links, orgspec's plugin only compacting pages where Pagefind
    searches. What `orgspec build` adds to the engine is the difference; no Pagefind index is made."""
    args = command(engine, builder_config(root / GENERATED_CONFIG, engine).resolve(), strict=False)

    def fresh() -> Run:
        reset(root, keep_downloads=True, written=("site",))
        return measured(args, env=env, cwd=root)

    return summary(repeat(fresh, runs))


def engine_config(root: Path) -> str:
    """The text of `ENGINE_CONFIG` for a project whose pages are generated."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [plugin for plugin in config.get("plugins") or [] if plugin != "orgspec"]
    config.update(plugins=plugins, **handbook_settings(root / GENERATED_CONFIG))
    return yaml.dump(config, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000)


def html_sizes(site: Path) -> dict[str, Any]:
    """HTML of the built site: per post page (on average and the largest), in total per post, and the
    bytes a browser fetches for a first search query."""
    posts = sorted((site / "handbook" / "posts").glob("*.html"))
    sizes = {path.name: path.stat().st_size for path in posts}
    total = sum(path.stat().st_size for path in site.rglob("*.html"))
    every_file = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    largest = max(sizes, key=lambda name: sizes[name], default=None)
    return {
        "post_pages": len(posts),
        "html_kb_per_post_page": round(sum(sizes.values()) / max(len(posts), 1) / 1024, 1),
        "html_kb_largest_post_page": round(sizes[largest] / 1024, 1) if largest else None,
        "largest_post_page": largest,
        "html_kb_total_per_post": round(total / max(len(posts), 1) / 1024, 1),
        "html_mb_total": round(total / 1024 / 1024, 1),
        "site_mb_total": round(every_file / 1024 / 1024, 1),
        "search_first_query_kb": round(first_query_bytes(site) / 1024, 1),
    }


SEARCH_FILES = (
    "search/search_index.json",  # MkDocs: the index
    "search.json",  # Zensical: the index
    "assets/javascripts/workers/*.js",  # Material's and Zensical's search workers
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",  # the languages the MkDocs worker loads
    "assets/javascripts/lunr/min/lunr.multi.min.js",
    "assets/javascripts/lunr/min/lunr.zh.min.js",
)


def first_query_bytes(site: Path) -> int:
    """Bytes a browser downloads on a first visit up to the results of its first search query on ``site``.

    A site with Material's search box (its own index, or Pagefind's) is measured in Chromium by
    `benchmarks.search_bytes`: the page and everything the search fetched, typing `QUERY`. A Zensical site
    counts its search index and the worker scripts that read it (`SEARCH_FILES`).
    """
    if (site / "search" / "search_index.json").is_file() or (site / "pagefind").is_dir():
        search_bytes = importlib.import_module("benchmarks.search_bytes")
        return int(search_bytes.first_query_bytes(site, QUERY).total)
    return sum(path.stat().st_size for pattern in SEARCH_FILES for path in site.glob(pattern) if path.is_file())


QUERY = "经理"
"""What the first search types: a word in the titles of every synthetic organisation."""


def measure_floors(root: Path, packed: Path, out: Path, runs: int) -> dict[str, Any]:
    """The parse floor and the write floor (`benchmarks.floor`) of the organisation at ``root``."""
    floor = [sys.executable, "-m", "benchmarks.floor"]
    parse = repeat(lambda: measured([*floor, "parse", str(root)]), runs)

    def write() -> Run:
        _remove(out)
        return measured([*floor, "write", str(root), str(packed), str(out)])

    return {"parse": summary(parse), "write": summary(repeat(write, runs))}


def generated_files(root: Path) -> list[Path]:
    """Every file a generate left in ``root``: the handbook, the build configuration and its caches."""
    files = [root / GENERATED_CONFIG] if (root / GENERATED_CONFIG).is_file() else []
    for folder in (root / "docs" / "handbook", root / CACHE):
        files += sorted(path for path in folder.rglob("*") if path.is_file())
    return files


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
