"""What a file parsed into, kept in .cache/orgspec/parsed.json, reads back as the file itself would parse."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from orgspec.load.parsed import PARSED_CACHE, ParsedCache
from orgspec.load.project import DiskReader, parse_files, project_files
from tests.conftest import run_cli
from tests.sites import copy_example


def checked(root: Path) -> list[dict[str, object]]:
    run = run_cli("check", "--format", "json", str(root))
    assert run.exit_code == 1, run.stderr
    diagnostics: list[dict[str, object]] = json.loads(run.stdout)["diagnostics"]
    return diagnostics


def test_dates_and_numbers_read_back_from_the_cache_as_parsed(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "project")
    odd = root / "roles" / "odd.yaml"
    odd.write_text(
        "title: 奇数\ndepartment: sales\n1: .nan\nrevisions:\n"
        "  - {version: '1.0', date: 2008-03-16, change: 初稿}\n"
        "  - {version: 2, date: 2009-01-01 08:30:00, change: 改稿}\n",
        encoding="utf-8",
    )
    fresh = checked(root)
    assert any("odd.yaml" in str(item["file"]) for item in fresh)
    assert run_cli("generate", str(root)).exit_code == 1  # an error: nothing generated, the parsed files kept
    cache = ParsedCache.read(root / PARSED_CACHE)
    kept = {digest: cache.decoded(digest) for digest in cache.found}
    assert len(kept) > 20 and all(isinstance(data, dict) for data in kept.values())
    dated = [data for data in kept.values() if isinstance(data, dict) and "revisions" in data]
    assert datetime.date(2008, 3, 16) in [revision["date"] for data in dated for revision in data["revisions"]]
    assert b'{"\\u0000date": "2008-03-16"}' in cache.data  # a date, tagged in JSON
    titles = [data.get("title") for data in kept.values() if isinstance(data, dict)]
    assert "奇数" not in titles  # not a number: not kept, parsed each time
    assert checked(root) == fresh


def test_a_file_is_decoded_from_the_cache_only_when_asked_for(tmp_path: Path) -> None:
    """A load never holds every file's data at once: each is decoded as it is validated. What is kept for a
    file and is not JSON is parsed from the file again, and not kept."""
    root = copy_example(tmp_path / "project")
    assert run_cli("generate", str(root)).exit_code == 0
    names = [name for name in project_files(root) if name.startswith("roles/")]
    cache = ParsedCache.read(root / PARSED_CACHE)
    assert len(cache.found) >= len(names) > 20
    first, *rest = names
    parsed = parse_files(names, DiskReader(root), cache)
    cache.data = b"?" * len(cache.data)  # nothing was decoded yet: every file now falls back to its own text
    data, problems, source = parsed(first)  # type: ignore[misc]
    fresh = parse_files([first], DiskReader(root))(first)
    assert isinstance(fresh, tuple)
    assert (data, problems) == (fresh[0], []) and isinstance(data, dict) and data["title"]
    assert source.digest not in cache.used
    assert all(isinstance(parsed(name), tuple) for name in rest)
    assert not cache.used  # nothing not JSON is written back
