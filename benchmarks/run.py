"""Benchmark orgspec on synthetic organisations of 100, 1,000 and 10,000 posts.

``make bench`` (or ``python -m benchmarks.run``) writes each organisation
with `benchmarks.synth`, then measures, each time in a fresh process:
``orgspec check`` (time and peak memory), ``orgspec generate`` cold and
unchanged (nothing may be rewritten), and, up to 1,000 posts, the full
``orgspec build`` with MkDocs and with Zensical next to a bare build of the
same pages (`benchmarks.bare`), and, for 1,000 posts, ``orgspec import docx`` of
their job sheets exported to Word. These organisations set ``downloads: []``
(the handbook alone); the cost of the Word and PDF copies is measured
separately, up to 1,000 posts, on the same organisation with the copies on. Prints the medians as tables, checks them
against the budgets and writes everything to ``benchmarks/out/results.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.bare import write_bare
from benchmarks.measure import (
    Env,
    measure_bare,
    measure_build,
    measure_check,
    measure_generate,
    measure_import,
    measured,
    orgspec,
    without_pdf,
)
from benchmarks.synth import write_organisation

OUT = Path(__file__).resolve().parent / "out"
SIZES = (100, 1_000, 10_000)
BUILD_LIMIT = 1_000
"""Full builds are measured up to this many posts by default (a 5,000-page MkDocs build takes minutes)."""
ENGINES = ("mkdocs", "zensical")
IMPORT_SIZE = 1_000
"""The organisation whose job sheets are exported to Word and imported again: 1,000 documents."""


def measure_size(
    posts: int, runs: int, out: Path, env: Env | None = None, build_limit: int = BUILD_LIMIT
) -> dict[str, Any]:
    """Every measurement for an organisation of ``posts`` posts."""
    project = out / f"org-{posts}"
    plan = write_organisation(project, posts, downloads=[])
    print(f"{posts} posts: {len(plan.units)} departments written to {project}", flush=True)
    result: dict[str, Any] = {"posts": posts, "departments": len(plan.units)}
    result["check"] = check = measure_check(project, runs, env)
    print(f"  check {check['seconds']} s, {check['peak_mb']} MB", flush=True)
    result["generate"] = generate = measure_generate(project, runs, env, edits=True)
    times = ", ".join(f"{generate[state]['seconds']} s {state}" for state in ("cold", "unchanged", "edited", "warned"))
    print(f"  generate {times}", flush=True)
    if posts <= build_limit:
        result["build"] = _builds(project, out / f"bare-{posts}", runs, env)
        result["copies"] = _copies(out / f"org-{posts}-copies", posts, runs, env, generate["cold"]["seconds"])
    if posts == IMPORT_SIZE:
        result["import"] = imports(project, out / f"import-{posts}", runs, env)
    return result


def imports(project: Path, folder: Path, runs: int, env: Env | None, posts: list[str] | None = None) -> dict[str, Any]:
    """``orgspec import docx`` of the organisation's own job sheets (all, or ``posts``), exported first (not timed)."""
    sheets = folder / "sheets"
    shutil.rmtree(sheets, ignore_errors=True)
    chosen = posts or ["--all"]
    measured(orgspec("export", "docx", *chosen, "--out", str(sheets), "-C", str(project)), env=env)
    result = measure_import(project, sheets, folder / "project", runs, env)
    print(f"  import of {result['files']} Word job descriptions {result['seconds']} s", flush=True)
    return result


def _builds(project: Path, bare: Path, runs: int, env: Env | None) -> dict[str, Any]:
    pages = write_bare(project, bare)
    builds = {}
    for engine in ENGINES:
        built = measure_build(project, engine, runs, env)
        alone = measure_bare(bare, engine, runs, env)
        built["bare"] = {**alone, "pages": pages}
        built["ratio"] = round(built["seconds"] / alone["seconds"], 2)
        builds[engine] = built
        print(f"  build {engine} {built['seconds']} s, bare {alone['seconds']} s", flush=True)
    return builds


def _copies(project: Path, posts: int, runs: int, env: Env | None, handbook_seconds: float) -> dict[str, Any]:
    """``orgspec generate`` of the same organisation with a Word and a PDF copy of every job sheet."""
    write_organisation(project, posts)
    copies = measure_generate(project, runs, env, cached=True)
    copies["ms_per_post"] = round((copies["cold"]["seconds"] - handbook_seconds) / posts * 1000, 1)
    times = ", ".join(f"{copies[state]['seconds']} s {state}" for state in ("cold", "cached", "unchanged"))
    print(f"  generate with Word/PDF copies {times}", flush=True)
    return copies


def machine() -> dict[str, Any]:
    """Where the numbers come from."""
    versions = {
        name: _version(name) for name in ("orgspec", "mkdocs", "mkdocs-material", "zensical", "pydantic", "PyYAML")
    }
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "git_commit": commit.stdout.strip() or None,
        "versions": versions,
    }


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


Results = dict[int, dict[str, Any]]


def _at(results: Results, posts: int, *path: str) -> Any:
    """The value at ``path`` in the results of ``posts`` posts, or None when not measured."""
    value: Any = results.get(posts)
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _rewritten(results: Results) -> int | None:
    counts = [
        result[step]["unchanged"]["written"]
        for result in results.values()
        for step in ("generate", "copies")
        if step in result
    ]
    return max(counts) if counts else None


@dataclass(frozen=True)
class Budget:
    """A limit the issue sets; ``inclusive`` when the limit itself is allowed (≤ rather than <)."""

    name: str
    unit: str
    limit: float
    value: Callable[[Results], Any]
    inclusive: bool = False


BUDGETS = (
    Budget("check of 10,000 posts", "s", 3.0, lambda results: _at(results, 10_000, "check", "seconds")),
    Budget("check of 10,000 posts, peak memory", "MB", 500.0, lambda results: _at(results, 10_000, "check", "peak_mb")),
    Budget(
        "generate of 10,000 posts, cold", "s", 5.0, lambda results: _at(results, 10_000, "generate", "cold", "seconds")
    ),
    Budget(
        "generate of 10,000 posts, unchanged",
        "s",
        1.5,
        lambda results: _at(results, 10_000, "generate", "unchanged", "seconds"),
    ),
    Budget("files rewritten by an unchanged generate (every size)", "files", 0, _rewritten, inclusive=True),
    Budget(
        "generate of 10,000 posts, one post edited",
        "s",
        2.0,
        lambda results: _at(results, 10_000, "generate", "edited", "seconds"),
        inclusive=True,
    ),
    Budget(
        "files written after one post edited (10,000 posts)",
        "files",
        20,
        lambda results: _at(results, 10_000, "generate", "edited", "written"),
        inclusive=True,
    ),
    Budget(
        "generate of 10,000 posts with warnings, unchanged",
        "s",
        1.5,
        lambda results: _at(results, 10_000, "generate", "warned", "seconds"),
    ),
    Budget(
        "MkDocs build of 1,000 posts ÷ bare build",
        "×",
        1.25,
        lambda results: _at(results, 1_000, "build", "mkdocs", "ratio"),
        inclusive=True,
    ),
    Budget(
        "import of 1,000 Word job descriptions",
        "s",
        60.0,
        lambda results: _at(results, IMPORT_SIZE, "import", "seconds"),
    ),
    Budget(
        "HTML per post, whole site (1,000 posts, MkDocs)",
        "KB",
        60.0,
        lambda results: _at(results, 1_000, "build", "mkdocs", "html_kb_total_per_post"),
    ),
)


def budgets(results: Results) -> list[dict[str, Any]]:
    """Each budget with the measured value and whether it holds (None: not measured)."""
    checked = []
    for budget in BUDGETS:
        value = budget.value(results)
        holds = None if value is None else (value <= budget.limit if budget.inclusive else value < budget.limit)
        checked.append(
            {"budget": budget.name, "value": value, "limit": budget.limit, "unit": budget.unit, "holds": holds}
        )
    return checked


def _row(cells: list[Any]) -> str:
    return "| " + " | ".join("–" if cell is None else str(cell) for cell in cells) + " |"


def tables(results: Results, checked: list[dict[str, Any]], *, pdf: bool = True) -> str:
    """The results as Markdown tables (the README's Performance section uses them as they are)."""
    lines = [
        "| posts | departments | check s | check CPU s | check peak MB | generate cold s | generate peak MB | generate unchanged s | rewritten | one post edited s | written | unchanged, with warnings s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for posts, result in sorted(results.items()):
        check, generate = result["check"], result["generate"]
        cells = [f"{posts:,}", result["departments"], check["seconds"], check["cpu_seconds"], check["peak_mb"]]
        cold, again = generate["cold"], generate["unchanged"]
        edited, warned = generate.get("edited", {}), generate.get("warned", {})
        cells += [cold["seconds"], cold["peak_mb"], again["seconds"], again["written"]]
        lines.append(_row([*cells, edited.get("seconds"), edited.get("written"), warned.get("seconds")]))
    built = [(posts, result["build"]) for posts, result in sorted(results.items()) if "build" in result]
    if built:
        lines += [
            "",
            "| posts | engine | orgspec build s | bare build s | orgspec ÷ bare | HTML KB per post page | HTML KB per post, whole site | search index MB |",
            "|---:|---|---:|---:|---:|---:|---:|---:|",
        ]
        for posts, engines in built:
            for engine, build in engines.items():
                cells = [f"{posts:,}", engine, build["seconds"], build["bare"]["seconds"], f"{build['ratio']}×"]
                cells += [build["html_kb_per_post_page"], build["html_kb_total_per_post"]]
                lines.append(_row([*cells, build.get("search_index_mb")]))
    copied = [(posts, result["copies"]) for posts, result in sorted(results.items()) if "copies" in result]
    if copied:
        formats = "Word and PDF" if pdf else "Word"
        lines += [
            "",
            f"| posts | generate with {formats} copies, cold s | with the copies cached s | unchanged s | rewritten | ms per post for the copies |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for posts, copies in copied:
            states = [copies[state]["seconds"] for state in ("cold", "cached", "unchanged")]
            lines.append(_row([f"{posts:,}", *states, copies["unchanged"]["written"], copies["ms_per_post"]]))
    imported = [(posts, result["import"]) for posts, result in sorted(results.items()) if "import" in result]
    if imported:
        lines += [
            "",
            "| Word job descriptions | import s | import CPU s | import peak MB | posts written | not imported |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for _, found in imported:
            cells = [f"{found['files']:,}", found["seconds"], found["cpu_seconds"], found["peak_mb"]]
            lines.append(_row([*cells, found["posts"], found["failed"]]))
    lines += ["", "| budget | measured | limit | holds |", "|---|---:|---:|---|"]
    for budget in checked:
        holds = {True: "yes", False: "**no**", None: "not measured"}[budget["holds"]]
        value = None if budget["value"] is None else f"{budget['value']} {budget['unit']}"
        lines.append(_row([budget["budget"], value, f"{budget['limit']} {budget['unit']}", holds]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark orgspec on synthetic organisations.")
    parser.add_argument("--sizes", default=",".join(str(size) for size in SIZES), help="posts, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--quick", action="store_true", help="one run per measurement")
    parser.add_argument("--no-pdf", action="store_true", help="hide WeasyPrint, as without the pdf extra")
    parser.add_argument("--out", type=Path, default=OUT, help="working folder and results.json")
    parser.add_argument(
        "--build-limit", type=int, default=BUILD_LIMIT, help="build with each engine up to this many posts"
    )
    arguments = parser.parse_args(argv)
    runs = 1 if arguments.quick else arguments.runs
    sizes = [int(size.replace("_", "")) for size in arguments.sizes.split(",") if size.strip()]
    arguments.out.mkdir(parents=True, exist_ok=True)
    env = without_pdf(arguments.out / "no-pdf") if arguments.no_pdf else None
    info = {**machine(), "runs": runs, "pdf": not arguments.no_pdf}
    results = {posts: measure_size(posts, runs, arguments.out, env, arguments.build_limit) for posts in sizes}
    info["load_average_after"] = [round(load, 2) for load in os.getloadavg()]
    checked = budgets(results)
    document = {
        "machine": info,
        "results": {str(posts): result for posts, result in results.items()},
        "budgets": checked,
    }
    name = "results-no-pdf.json" if arguments.no_pdf else "results.json"
    (arguments.out / name).write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(
        f"\n{_describe(info)}\n\n{tables(results, checked, pdf=not arguments.no_pdf)}\n\nwritten to {arguments.out / name}"
    )
    return 0


def _describe(info: dict[str, Any]) -> str:
    return (
        f"{info['cpu_count']} CPUs, Python {info['python']}, {info['date']}, median of up to {info['runs']} run(s), "
        f"PDF copies {'on' if info['pdf'] else 'off'}; load average {info['load_average']} before, "
        f"{info['load_average_after']} after"
    )


if __name__ == "__main__":
    raise SystemExit(main())
