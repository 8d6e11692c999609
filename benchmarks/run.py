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

from benchmarks.chart_bench import CHART_WIDTH, chart_size
from benchmarks.floor import pack
from benchmarks.measure import (
    Env,
    generated_files,
    measure_build,
    measure_check,
    measure_engine_alone,
    measure_engine_given,
    measure_floors,
    measure_generate,
    measure_import,
    measured,
    orgspec,
    without_pdf,
)
from benchmarks.synth import write_organisation

OUT = Path(__file__).resolve().parent / "out"
SIZES = (1_000, 5_000, 10_000)
SHAPES = ("current", "long")
SHAPE_NAMES = {"current": "current", "long": "long-sheet"}
BUILD_LIMIT = 5_000
"""Full builds are measured up to this many posts by default (a 5,000-page MkDocs build takes minutes)."""
ENGINES = ("mkdocs", "zensical")
COPIES_LIMIT = 1_000
"""The Word and PDF copies are measured up to this many posts, on the current shape (a PDF a post takes minutes)."""
IMPORT_SIZE = 1_000
"""The organisation whose job sheets are exported to Word and imported again: 1,000 documents."""

Key = tuple[str, int]
"""A measured organisation: its shape and its number of posts."""
Results = dict[Key, dict[str, Any]]


def measure_size(
    shape: str,
    posts: int,
    runs: int,
    out: Path,
    env: Env | None = None,
    build_limit: int = BUILD_LIMIT,
    copies_limit: int = COPIES_LIMIT,
) -> dict[str, Any]:
    """Every measurement for an organisation of ``posts`` posts of one shape."""
    project = out / f"org-{shape}-{posts}"
    plan = write_organisation(project, posts, downloads=[], shape=shape)
    print(f"{posts} {SHAPE_NAMES[shape]} posts: {len(plan.units)} departments written to {project}", flush=True)
    result: dict[str, Any] = {"shape": shape, "posts": posts, "departments": len(plan.units)}
    result["check"] = check = measure_check(project, runs, env)
    print(f"  check {check['seconds']} s, {check['cpu_seconds']} s CPU, {check['peak_mb']} MB", flush=True)
    result["generate"] = generate = measure_generate(project, runs, env, edits=True)
    times = ", ".join(f"{generate[state]['seconds']} s {state}" for state in ("cold", "unchanged", "edited", "warned"))
    print(f"  generate {times}", flush=True)
    result["floor"] = floors = _floors(project, out / f"floor-{shape}-{posts}", runs)
    parse, write = floors["parse"], floors["write"]
    print(f"  floors: parse {parse['cpu_seconds']} s CPU, write {write['cpu_seconds']} s CPU", flush=True)
    if posts <= build_limit:
        result["build"] = _builds(project, runs, env)
    if shape == "current" and posts <= copies_limit:
        copies = out / f"org-{shape}-{posts}-copies"
        result["copies"] = _copies(copies, posts, runs, env, generate["cold"]["seconds"])
    if shape == "current" and posts == IMPORT_SIZE <= copies_limit:
        result["import"] = imports(project, out / f"import-{posts}", runs, env)
    return result


def _floors(project: Path, folder: Path, runs: int) -> dict[str, Any]:
    """The parse floor of the organisation and the write floor of the files its generate wrote."""
    files = generated_files(project)
    folder.mkdir(parents=True, exist_ok=True)
    packed = folder / "generated.pack"
    written = pack(project, files, packed)
    floors = measure_floors(project, packed, folder / "written", runs)
    floors["write"].update(files=len(files), bytes=written)
    shutil.rmtree(folder)
    return floors


def imports(project: Path, folder: Path, runs: int, env: Env | None, posts: list[str] | None = None) -> dict[str, Any]:
    """``orgspec import docx`` of the organisation's own job sheets (all, or ``posts``), exported first (not timed)."""
    sheets = folder / "sheets"
    shutil.rmtree(sheets, ignore_errors=True)
    chosen = posts or ["--all"]
    measured(orgspec("export", "docx", *chosen, "--out", str(sheets), "-C", str(project)), env=env)
    result = measure_import(project, sheets, folder / "project", runs, env)
    print(f"  import of {result['files']} Word job descriptions {result['seconds']} s", flush=True)
    return result


def _builds(project: Path, runs: int, env: Env | None) -> dict[str, Any]:
    """``orgspec build`` with each engine, then the engine alone on the pages it generated."""
    builds = {}
    for engine in ENGINES:
        built = measure_build(project, engine, runs, env)
        built["engine_alone"] = alone = measure_engine_alone(project, engine, runs, env)
        built["ratio"] = _ratio(built["cpu_seconds"], alone["cpu_seconds"])
        built["engine_given"] = given = measure_engine_given(project, engine, runs, env)
        built["ratio_given"] = _ratio(built["cpu_seconds"], given["cpu_seconds"])
        builds[engine] = built
        print(
            f"  build {engine} {built['cpu_seconds']} s CPU, {engine} alone {alone['cpu_seconds']} s CPU, "
            f"on orgspec's configuration {given['cpu_seconds']} s CPU",
            flush=True,
        )
    return builds


def _ratio(figure: float | None, reference: float | None) -> float | None:
    return None if figure is None or not reference else round(figure / reference, 2)


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


def _at(results: Results, key: Key, *path: str) -> Any:
    """The value at ``path`` in the results of the organisation ``key``, or None when not measured."""
    value: Any = results.get(key)
    for step in path:
        value = value.get(step) if isinstance(value, dict) else None
    return value


def _value(shape: str, posts: int, *path: str) -> Callable[[Results], Any]:
    """Reads the value at ``path`` of the organisation of ``posts`` posts of ``shape``."""
    return lambda results: _at(results, (shape, posts), *path)


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
    """A limit on a figure or, with a ``reference``, on the figure divided by the reference (≤ either way)."""

    measure: str
    unit: str
    limit: float
    figure: Callable[[Results], Any]
    reference: Callable[[Results], Any] | None = None


LONG_10K = ("long", 10_000)


def _budgets() -> list[Budget]:
    shape, posts = LONG_10K
    long_sheets = f"{posts:,} long-sheet posts"
    budgets = [
        Budget(  # the check has two cores, the floor one: its wall time against the floor's CPU time
            f"check of {long_sheets}, wall ÷ one-core parse floor CPU",
            "s",
            1.0,
            _value(shape, posts, "check", "seconds"),
            _value(shape, posts, "floor", "parse", "cpu_seconds"),
        ),
        Budget(f"check of {long_sheets}, peak memory", "MB", 600, _value(shape, posts, "check", "peak_mb")),
        Budget(
            f"generate cold of {long_sheets}, CPU ÷ write floor",
            "s",
            1.5,
            _value(shape, posts, "generate", "cold", "cpu_seconds"),
            _value(shape, posts, "floor", "write", "cpu_seconds"),
        ),
        Budget(
            f"generate cold of {long_sheets}, peak memory",
            "MB",
            1024,
            _value(shape, posts, "generate", "cold", "peak_mb"),
        ),
        Budget(
            f"generate after one post edited, {long_sheets}",
            "s",
            2.0,
            _value(shape, posts, "generate", "edited", "seconds"),
        ),
        Budget(
            f"files written after one post edited, {long_sheets}",
            "files",
            20,
            _value(shape, posts, "generate", "edited", "written"),
        ),
        Budget("files rewritten by an unchanged generate (every size)", "files", 0, _rewritten),
    ]
    for shape in SHAPES:
        for posts in (1_000, 5_000):
            for engine in ENGINES:
                budgets.append(
                    Budget(
                        f"orgspec build ÷ {engine} alone, {posts:,} {SHAPE_NAMES[shape]} posts, CPU",
                        "s",
                        1.1,
                        _value(shape, posts, "build", engine, "cpu_seconds"),
                        _value(shape, posts, "build", engine, "engine_alone", "cpu_seconds"),
                    )
                )
    for shape in SHAPES:
        for engine in ENGINES:
            pages = f"5,000 {SHAPE_NAMES[shape]} posts, {engine}"
            for measure, key, limit in (
                (f"HTML per post page, average, {pages}", "html_kb_per_post_page", 50),
                (f"HTML per post page, largest, {pages}", "html_kb_largest_post_page", 50),
                (f"bytes for a first search query, {pages}", "search_first_query_kb", 1024),
            ):
                budgets.append(Budget(measure, "KB", limit, _value(shape, 5_000, "build", engine, key)))
    budgets.append(
        Budget(
            "import of 1,000 Word job descriptions",
            "s",
            60.0,
            _value("current", IMPORT_SIZE, "import", "seconds"),
        )
    )
    return budgets


BUDGETS = tuple(_budgets())


def budgets(results: Results) -> list[dict[str, Any]]:
    """Each budget with its figure, its reference and ratio (if any) and whether it is met (None: not measured)."""
    checked = []
    for budget in BUDGETS:
        figure = budget.figure(results)
        reference = None if budget.reference is None else budget.reference(results)
        ratio = _ratio(figure, reference) if budget.reference is not None else None
        compared = ratio if budget.reference is not None else figure
        met = None if compared is None else compared <= budget.limit
        checked.append(
            {
                "measure": budget.measure,
                "figure": figure,
                "reference": reference,
                "ratio": ratio,
                "unit": budget.unit,
                "limit": budget.limit,
                "limit_is_ratio": budget.reference is not None,
                "met": met,
            }
        )
    return checked


def _chart_budget(chart: dict[str, float]) -> dict[str, Any]:
    """The width of a big department's chart against its limit."""
    return {
        "measure": f"chart of a {chart['posts']}-post department, width",
        "figure": chart["width"],
        "reference": None,
        "ratio": None,
        "unit": "px",
        "limit": CHART_WIDTH,
        "limit_is_ratio": False,
        "met": chart["width"] <= CHART_WIDTH,
    }


def _row(cells: list[Any]) -> str:
    return "| " + " | ".join("–" if cell is None else str(cell) for cell in cells) + " |"


def _label(key: Key) -> str:
    shape, posts = key
    return f"{posts:,} {SHAPE_NAMES[shape]}"


def _check_table(results: Results) -> list[str]:
    lines = [
        "| posts | departments | check s | check CPU s | check peak MB | parse floor CPU s | floor peak MB | check ÷ floor, CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, result in sorted(results.items(), key=lambda item: (item[0][1], item[0][0])):
        check, parse = result["check"], result.get("floor", {}).get("parse", {})
        cells = [_label(key), result["departments"], check["seconds"], check["cpu_seconds"], check["peak_mb"]]
        cells += [parse.get("cpu_seconds"), parse.get("peak_mb")]
        lines.append(_row([*cells, _times(_ratio(check["cpu_seconds"], parse.get("cpu_seconds")))]))
    return lines


def _times(ratio: float | None) -> str | None:
    return None if ratio is None else f"{ratio}×"


def _generate_table(results: Results) -> list[str]:
    lines = [
        "| posts | generate cold s | CPU s | peak MB | files | MB written | write floor CPU s | floor peak MB | cold ÷ floor, CPU | unchanged s | rewritten | one post edited s | written | unchanged, with warnings s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, result in sorted(results.items(), key=lambda item: (item[0][1], item[0][0])):
        generate, write = result["generate"], result.get("floor", {}).get("write", {})
        cold, again = generate["cold"], generate["unchanged"]
        edited, warned = generate.get("edited", {}), generate.get("warned", {})
        written_mb = None if "bytes" not in write else round(write["bytes"] / 1024 / 1024, 1)
        cells = [_label(key), cold["seconds"], cold["cpu_seconds"], cold["peak_mb"], cold["written"], written_mb]
        cells += [
            write.get("cpu_seconds"),
            write.get("peak_mb"),
            _times(_ratio(cold["cpu_seconds"], write.get("cpu_seconds"))),
        ]
        cells += [
            again["seconds"],
            again["written"],
            edited.get("seconds"),
            edited.get("written"),
            warned.get("seconds"),
        ]
        lines.append(_row(cells))
    return lines


def _build_table(results: Results) -> list[str]:
    lines = [
        "| posts | engine | orgspec build s | CPU s | peak MB | engine alone s | CPU s | peak MB | build ÷ engine, CPU | engine on orgspec's configuration CPU s | build ÷ that, CPU | HTML KB per post page | largest post page KB | first search query KB | Pagefind index s | CPU s | peak MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, result in sorted(results.items(), key=lambda item: (item[0][1], item[0][0])):
        for engine, build in result.get("build", {}).items():
            alone = build["engine_alone"]
            cells = [_label(key), engine, build["seconds"], build["cpu_seconds"], build["peak_mb"]]
            cells += [alone["seconds"], alone["cpu_seconds"], alone["peak_mb"], _times(build["ratio"])]
            given = build.get("engine_given") or {}
            cells += [given.get("cpu_seconds"), _times(build.get("ratio_given"))]
            cells += [
                build["html_kb_per_post_page"],
                build["html_kb_largest_post_page"],
                build["search_first_query_kb"],
            ]
            index = build.get("search_index") or {}
            cells += [index.get("seconds"), index.get("cpu_seconds"), index.get("peak_mb")]
            lines.append(_row(cells))
    return lines if len(lines) > 2 else []


def _copies_table(results: Results, formats: str) -> list[str]:
    lines = [
        f"| posts | generate with {formats} copies, cold s | with the copies cached s | unchanged s | rewritten | ms per post for the copies |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key, result in sorted(results.items()):
        if "copies" in result:
            copies = result["copies"]
            states = [copies[state]["seconds"] for state in ("cold", "cached", "unchanged")]
            lines.append(_row([_label(key), *states, copies["unchanged"]["written"], copies["ms_per_post"]]))
    return lines if len(lines) > 2 else []


def _import_table(results: Results) -> list[str]:
    lines = [
        "| Word job descriptions | import s | import CPU s | import peak MB | posts written | not imported |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results.values():
        if "import" in result:
            found = result["import"]
            cells = [f"{found['files']:,}", found["seconds"], found["cpu_seconds"], found["peak_mb"]]
            lines.append(_row([*cells, found["posts"], found["failed"]]))
    return lines if len(lines) > 2 else []


def budget_table(checked: list[dict[str, Any]]) -> list[str]:
    """The budgets: measure, figure, reference, ratio, budget, met or not."""
    lines = ["| measure | figure | reference | ratio | budget | met |", "|---|---:|---:|---:|---:|---|"]
    for budget in checked:
        unit = budget["unit"]
        figure = None if budget["figure"] is None else f"{budget['figure']} {unit}"
        reference = None if budget["reference"] is None else f"{budget['reference']} {unit}"
        limit = f"≤ {budget['limit']}×" if budget["limit_is_ratio"] else f"≤ {budget['limit']} {unit}"
        met = {True: "met", False: "**not met**", None: "not measured"}[budget["met"]]
        lines.append(_row([budget["measure"], figure, reference, _times(budget["ratio"]), limit, met]))
    return lines


def tables(results: Results, checked: list[dict[str, Any]], *, pdf: bool = True) -> str:
    """The results as Markdown tables, the budget table last."""
    sections = [
        _check_table(results),
        _generate_table(results),
        _build_table(results),
        _copies_table(results, "Word and PDF" if pdf else "Word"),
        _import_table(results),
        budget_table(checked),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark orgspec on synthetic organisations.")
    parser.add_argument("--sizes", default=",".join(str(size) for size in SIZES), help="posts, comma-separated")
    parser.add_argument("--shape", choices=[*SHAPES, "all"], default="all", help="the shape of the organisations")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--quick", action="store_true", help="one run per measurement")
    parser.add_argument("--no-pdf", action="store_true", help="hide WeasyPrint, as without the pdf extra")
    parser.add_argument("--out", type=Path, default=OUT, help="working folder and results.json")
    parser.add_argument(
        "--build-limit", type=int, default=BUILD_LIMIT, help="build with each engine up to this many posts"
    )
    parser.add_argument(
        "--copies-limit",
        type=int,
        default=COPIES_LIMIT,
        help="measure the Word/PDF copies and the import of Word job descriptions up to this many posts (0: never)",
    )
    arguments = parser.parse_args(argv)
    runs = 1 if arguments.quick else arguments.runs
    sizes = [int(size.replace("_", "")) for size in arguments.sizes.split(",") if size.strip()]
    shapes = SHAPES if arguments.shape == "all" else (arguments.shape,)
    arguments.out.mkdir(parents=True, exist_ok=True)
    env = without_pdf(arguments.out / "no-pdf") if arguments.no_pdf else None
    info = {**machine(), "runs": runs, "pdf": not arguments.no_pdf}
    results = {
        (shape, posts): measure_size(
            shape, posts, runs, arguments.out, env, arguments.build_limit, arguments.copies_limit
        )
        for posts in sizes
        for shape in shapes
    }
    chart = chart_size()
    print(f"chart of a {chart['posts']}-post department: {chart['width']:,.0f} × {chart['height']:,.0f} px", flush=True)
    info["load_average_after"] = [round(load, 2) for load in os.getloadavg()]
    checked = [*budgets(results), _chart_budget(chart)]
    document = {
        "machine": info,
        "results": {f"{shape}/{posts}": result for (shape, posts), result in results.items()},
        "chart": chart,
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
