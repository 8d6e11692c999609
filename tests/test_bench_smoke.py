"""The benchmark in miniature (200 posts, and 300 long-sheet posts), so that its generator and runner cannot rot.

Nothing is timed here: speed is measured by ``make bench``, never by tests.
WeasyPrint is hidden from the measured processes (Word copies only): a PDF
of every post would make this test take most of a minute.
"""

from __future__ import annotations

import random
import shutil
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.chart_bench import CHART_WIDTH, chart_size
from benchmarks.floor import pack, source_yaml
from benchmarks.long_sheet import department_levels, largest_span
from benchmarks.measure import (
    QUERY,
    Env,
    engine_config,
    first_query_bytes,
    generated_files,
    html_sizes,
    measure_check,
    measure_engine_alone,
    measure_engine_given,
    measure_floors,
    measure_generate,
    measured,
    orgspec,
    search_index,
    without_pdf,
)
from benchmarks.plan import split
from benchmarks.run import LONG_10K, budgets, imports, tables
from benchmarks.synth import write_organisation

POSTS = 200
LONG_POSTS = 300
"""The fewest posts at which the long shape has all five levels of departments."""


@pytest.fixture(scope="module")
def organisation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench") / "org"
    plan = write_organisation(root, POSTS, downloads=["docx"])
    assert len(plan.slots) == POSTS
    return root


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Env:
    return without_pdf(tmp_path_factory.mktemp("no-pdf"))


@pytest.fixture(scope="module")
def check(organisation: Path, env: Env) -> dict[str, Any]:
    return measure_check(organisation, 1, env)


def test_the_synthetic_organisation_checks_clean(check: dict[str, Any]) -> None:
    assert (check["errors"], check["warnings"], check["posts"]) == (0, 0, POSTS)
    assert check["seconds"] > 0 and check["peak_mb"] > 0 and len(check["samples"]) == 1


def test_an_unchanged_generate_rewrites_nothing(organisation: Path, env: Env, check: dict[str, Any]) -> None:
    generate = measure_generate(organisation, 1, env, cached=True, edits=True)
    cold, cached, again = generate["cold"], generate["cached"], generate["unchanged"]
    assert 1 <= generate["edited"]["written"] < POSTS // 4 and generate["warned"]["written"] == 0
    # A page and a Word copy per post, at least; the copies come from the cache the second time.
    assert cold["written"] > 2 * POSTS and cold["unchanged"] == 0 and cached["written"] == cold["written"]
    assert (again["written"], again["unchanged"], again["removed"]) == (0, cold["written"], 0)
    copies = {**generate, "ms_per_post": 1.0}
    result = {"posts": POSTS, "departments": check["departments"], "check": check, "generate": generate}
    results = {("current", POSTS): {**result, "copies": copies}}
    table = tables(results, budgets(results), pdf=False)
    assert f"| 200 current | {check['departments']} | {check['seconds']} | {check['cpu_seconds']} |" in table
    assert f"| 200 current | {cold['seconds']} | {cached['seconds']} | {again['seconds']} | 0 |" in table
    assert "| files rewritten by an unchanged generate (every size) | 0 files | – | – | ≤ 0 files | met |" in table
    assert (
        "| check of 10,000 long-sheet posts, wall ÷ one-core parse floor CPU | – | – | – | ≤ 1.0× | not measured |"
        in table
    )


def test_a_handbook_without_downloads_writes_pages_only(tmp_path: Path, env: Env) -> None:
    write_organisation(tmp_path / "org", 40, downloads=[])
    generate = measure_generate(tmp_path / "org", 1, env)
    assert set(generate) == {"cold", "unchanged"}
    pages = sorted((tmp_path / "org" / "docs" / "handbook").rglob("*.md"))
    charts = sorted((tmp_path / "org" / "docs" / "handbook").rglob("*.svg"))  # each department's, the overview
    assert len(pages) > 40 and not list((tmp_path / "org" / "docs" / "handbook").rglob("*.docx"))
    written = generate["cold"]["written"]
    assert written < len(pages) + len(charts) + 5 and generate["unchanged"]["written"] == 0


def test_the_engine_alone_builds_the_generated_pages(tmp_path: Path, env: Env) -> None:
    write_organisation(tmp_path / "org", 40, downloads=[])
    measure_generate(tmp_path / "org", 1, env)
    alone = measure_engine_alone(tmp_path / "org", "zensical", 1, env)
    posts = sorted(path.stem for path in (tmp_path / "org" / "docs" / "handbook" / "posts").glob("*.md"))
    built = html_sizes(tmp_path / "org" / "site")
    assert len(posts) == 40 and built["post_pages"] == 40 and alone["cpu_seconds"] > 0
    assert sorted(path.stem for path in (tmp_path / "org" / "site" / "handbook" / "posts").glob("*.html")) == posts
    assert 0 < built["html_kb_per_post_page"] <= built["html_kb_largest_post_page"]
    assert built["search_first_query_kb"] > 0
    # and on the configuration orgspec build gives it: Zensical's check of links off
    shutil.rmtree(tmp_path / "org" / "site")
    given = measure_engine_given(tmp_path / "org", "zensical", 1, env)
    assert given["cpu_seconds"] > 0 and html_sizes(tmp_path / "org" / "site")["post_pages"] == 40
    assert "invalid_links: false" in (tmp_path / "org" / ".orgspec-zensical.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("shape", "posts"), [("current", 50), ("long", 120)])
def test_the_same_seed_writes_the_same_files(tmp_path: Path, shape: str, posts: int) -> None:
    write_organisation(tmp_path / "a", posts, shape=shape)
    write_organisation(tmp_path / "b", posts, shape=shape)
    names = sorted(path.relative_to(tmp_path / "a") for path in (tmp_path / "a").rglob("*") if path.is_file())
    assert names == sorted(path.relative_to(tmp_path / "b") for path in (tmp_path / "b").rglob("*") if path.is_file())
    assert all((tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes() for name in names)


def test_a_split_adds_up_within_its_bounds() -> None:
    sizes = split(1000, 7, 20, 300, random.Random(1))
    assert sum(sizes) == 1000 and all(20 <= size <= 300 for size in sizes)


def test_the_generator_does_not_empty_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_organisation(tmp_path, 20)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_500_post_department_draws_within_its_width() -> None:
    chart = chart_size(500)
    assert chart["width"] <= CHART_WIDTH  # folded into rows; side by side it was about 30,000 px
    assert chart["height"] > chart["width"]


def test_an_import_of_the_organisations_own_job_sheets(organisation: Path, env: Env, tmp_path: Path) -> None:
    posts = sorted(path.stem for path in (organisation / "roles").rglob("*.yaml"))[:12]
    found = imports(organisation, tmp_path / "import", 1, env, posts)
    assert (found["files"], found["posts"], found["failed"]) == (12, 12, 0)
    check = {"seconds": 1.0, "cpu_seconds": 1.0, "peak_mb": 1.0}
    state = {"seconds": 1.0, "cpu_seconds": 1.0, "peak_mb": 1.0, "written": 0}
    results = {
        ("current", 1_000): {
            "departments": 1,
            "check": check,
            "generate": {"cold": state, "unchanged": state},
            "import": found,
        }
    }
    lines = tables(results, budgets(results)).splitlines()
    assert f"| 12 | {found['seconds']} | {found['cpu_seconds']} | {found['peak_mb']} | 12 | 0 |" in lines
    met = "met" if found["seconds"] <= 60 else "**not met**"
    assert f"| import of 1,000 Word job descriptions | {found['seconds']} s | – | – | ≤ 60.0 s | {met} |" in lines


@pytest.fixture(scope="module")
def long_sheets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("long") / "org"
    plan = write_organisation(root, LONG_POSTS, downloads=[], shape="long")
    assert (len(plan.slots), department_levels(plan), largest_span(plan)) == (LONG_POSTS, 5, 60)
    return root


@pytest.fixture(scope="module")
def long_generated(long_sheets: Path, env: Env) -> dict[str, Any]:
    return measure_generate(long_sheets, 1, env)


def test_the_long_shape_checks_clean_under_strict(long_sheets: Path, env: Env) -> None:
    strict = measured(orgspec("check", "--strict", str(long_sheets)), env=env)  # raises unless it exits 0
    assert "没有问题" in strict.stdout + strict.stderr
    check = measure_check(long_sheets, 1, env)
    assert (check["errors"], check["warnings"], check["posts"]) == (0, 0, LONG_POSTS)


def test_every_long_sheet_is_full(long_sheets: Path) -> None:
    posts = [
        yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((long_sheets / "roles").glob("*.yaml"))
    ]
    groups = [[entry for entry in post["duties"] if "group" in entry] for post in posts]
    assert all(3 <= len(grouped) <= 5 for grouped in groups)
    assert all(15 <= sum(len(group["items"]) for group in grouped) <= 30 for grouped in groups)
    assert all(5 <= len(post["kpis"]) <= 10 for post in posts)
    assert all(len(post["authorities"]) == 8 for post in posts if "reports_to" in post)  # the chief decides all
    fields = ("qualifications", "relations", "routines", "revisions", "responsibilities", "purpose", "summary")
    assert all(all(post.get(name) for name in fields) for post in posts)
    assert all(2 <= len(post["revisions"]) <= 4 for post in posts)


def test_the_floors_parse_the_sources_and_write_what_generate_wrote(
    long_sheets: Path, long_generated: dict[str, Any], tmp_path: Path
) -> None:
    generate = long_generated
    files = generated_files(long_sheets)
    assert len(files) >= generate["cold"]["written"] > LONG_POSTS
    written = pack(long_sheets, files, tmp_path / "generated.pack")
    floors = measure_floors(long_sheets, tmp_path / "generated.pack", tmp_path / "written", 1)
    sources = len(list(source_yaml(long_sheets)))
    assert sources == LONG_POSTS + len(list((long_sheets / "departments").glob("*.yaml"))) + 2
    assert floors["parse"]["samples"][0]["cpu_seconds"] > 0 and floors["write"]["peak_mb"] > 0
    again = {
        path.relative_to(tmp_path / "written"): path for path in (tmp_path / "written").rglob("*") if path.is_file()
    }
    assert sorted(again) == sorted(path.relative_to(long_sheets) for path in files)
    assert sum(path.stat().st_size for path in again.values()) == written
    assert all(again[path.relative_to(long_sheets)].read_bytes() == path.read_bytes() for path in files)


def test_the_engine_alone_builds_what_orgspec_builds_without_orgspec(
    long_sheets: Path, long_generated: dict[str, Any]
) -> None:
    config = yaml.safe_load(engine_config(long_sheets))
    generated = yaml.safe_load((long_sheets / ".orgspec-mkdocs.yml").read_text(encoding="utf-8"))
    assert "orgspec" not in config["plugins"] and any("search" in plugin for plugin in config["plugins"])
    assert config["nav"] == generated["nav"] and config["extra_css"] == generated["extra_css"]
    assert config["theme"]["name"] == "material" and config["use_directory_urls"] is False


def test_the_first_search_query_of_a_zensical_site_counts_the_index_and_its_worker(tmp_path: Path) -> None:
    files = {
        "search.json": 1000,
        "assets/javascripts/workers/search.abc.min.js": 200,
        "assets/javascripts/lunr/min/lunr.ja.min.js": 4000,  # another language: not fetched
        "handbook/posts/a.html": 5000,
    }
    for name, size in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x" * size)
    assert first_query_bytes(tmp_path) == 1200


def test_the_first_search_query_of_a_material_site_is_measured_in_chromium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pagefind").mkdir()
    module = types.ModuleType("benchmarks.search_bytes")
    typed: list[str] = []

    def measured(site: Path, query: str) -> types.SimpleNamespace:
        typed.append(query)
        return types.SimpleNamespace(total=4242 if site == tmp_path else 0)

    module.first_query_bytes = measured  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "benchmarks.search_bytes", module)
    assert first_query_bytes(tmp_path) == 4242
    assert typed == [QUERY]


def test_the_pagefind_index_is_timed_again_where_the_site_has_one(tmp_path: Path) -> None:
    page = (  # as the theme folder marks a page searched with Pagefind
        '<html lang="zh"><head><title>坐席</title></head><body><main><div data-pagefind-body>'
        "<h1>客服中心坐席员</h1><p>接听来电</p></div></main></body></html>"
    )
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    assert search_index(tmp_path) is None  # searched with the builder's own index: nothing to time apart
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "stale.js").write_text("", encoding="utf-8")
    timed = search_index(tmp_path)
    assert timed is not None and timed["seconds"] > 0 and timed["cpu_seconds"] > 0 and timed["peak_mb"] > 0
    assert (tmp_path / "pagefind" / "pagefind.js").is_file() and not (tmp_path / "pagefind" / "stale.js").exists()


def test_the_peak_memory_counts_every_process_of_the_tree() -> None:
    script = (
        "import subprocess, sys\n"
        "child = [sys.executable, '-c', 'import time; block = bytearray(150_000_000); time.sleep(1.5)']\n"
        "for process in [subprocess.Popen(child) for _ in range(2)]: process.wait()\n"
    )
    run = measured([sys.executable, "-c", script])
    assert run.peak_mb > 2 * 150_000_000 / 1024 / 1024  # each child alone holds less than half of it


def test_a_ratio_budget_over_its_limit_is_not_met() -> None:
    check = {"seconds": 3.0, "cpu_seconds": 2.5, "peak_mb": 700.0}
    parse = {"seconds": 1.0, "cpu_seconds": 1.25, "peak_mb": 90.0}
    state = {"seconds": 1.0, "cpu_seconds": 1.0, "peak_mb": 1.0, "written": 0}
    generate = {"cold": state, "unchanged": state}
    results = {LONG_10K: {"departments": 1, "check": check, "generate": generate, "floor": {"parse": parse}}}
    lines = tables(results, budgets(results)).splitlines()
    assert (
        "| check of 10,000 long-sheet posts, wall ÷ one-core parse floor CPU | 3.0 s | 1.25 s | 2.4× | ≤ 1.0× | **not met** |"
        in lines
    )
    assert "| check of 10,000 long-sheet posts, peak memory | 700.0 MB | – | – | ≤ 600 MB | **not met** |" in lines
    assert "| 10,000 long-sheet | 1 | 3.0 | 2.5 | 700.0 | 1.25 | 90.0 | 2.0× |" in lines
