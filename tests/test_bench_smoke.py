"""The benchmark in miniature (200 posts), so that its generator and runner cannot rot.

Nothing is timed here: speed is measured by ``make bench``, never by tests.
WeasyPrint is hidden from the measured processes (Word copies only): a PDF
of every post would make this test take most of a minute.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from benchmarks.measure import Env, measure_check, measure_generate, without_pdf
from benchmarks.plan import split
from benchmarks.run import budgets, imports, tables
from benchmarks.synth import write_organisation

POSTS = 200


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
    results = {POSTS: {**result, "copies": copies}}
    table = tables(results, budgets(results), pdf=False)
    assert f"| 200 | {check['departments']} |" in table
    assert "| 200 | " + " | ".join(str(cold_cached) for cold_cached in (cold["seconds"], cached["seconds"])) in table
    assert "| files rewritten by an unchanged generate (every size) | 0 files | 0 files | yes |" in table
    assert "| check of 10,000 posts | – | 3.0 s | not measured |" in table


def test_a_handbook_without_downloads_writes_pages_only(tmp_path: Path, env: Env) -> None:
    write_organisation(tmp_path / "org", 40, downloads=[])
    generate = measure_generate(tmp_path / "org", 1, env)
    assert set(generate) == {"cold", "unchanged"}
    pages = sorted((tmp_path / "org" / "docs" / "handbook").rglob("*.md"))
    assert len(pages) > 40 and not list((tmp_path / "org" / "docs" / "handbook").rglob("*.docx"))
    assert generate["cold"]["written"] < len(pages) + 5 and generate["unchanged"]["written"] == 0


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    write_organisation(tmp_path / "a", 50)
    write_organisation(tmp_path / "b", 50)
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


def test_an_import_of_the_organisations_own_job_sheets(organisation: Path, env: Env, tmp_path: Path) -> None:
    posts = sorted(path.stem for path in (organisation / "roles").rglob("*.yaml"))[:12]
    found = imports(organisation, tmp_path / "import", 1, env, posts)
    assert (found["files"], found["posts"], found["failed"]) == (12, 12, 0)
    check = {"seconds": 1.0, "cpu_seconds": 1.0, "peak_mb": 1.0}
    state = {"seconds": 1.0, "peak_mb": 1.0, "written": 0}
    results = {
        1_000: {"departments": 1, "check": check, "generate": {"cold": state, "unchanged": state}, "import": found}
    }
    lines = tables(results, budgets(results)).splitlines()
    assert f"| 12 | {found['seconds']} | {found['cpu_seconds']} | {found['peak_mb']} | 12 | 0 |" in lines
    holds = "yes" if found["seconds"] < 60 else "**no**"
    assert f"| import of 1,000 Word job descriptions | {found['seconds']} s | 60.0 s | {holds} |" in lines
