"""What a file parsed into, kept in .cache/orgspec/parsed.json, reads back as the file itself would parse."""

from __future__ import annotations

import json
from pathlib import Path

from orgspec.load.parsed import PARSED_CACHE
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
    kept = json.loads((root / PARSED_CACHE).read_text(encoding="utf-8"))["files"]
    assert len(kept) > 20
    dated = [data for data in kept.values() if "revisions" in data]
    assert {"\0date": "2008-03-16"} in [revision["date"] for data in dated for revision in data["revisions"]]
    assert not any(data.get("title") == "奇数" for data in kept.values())  # not a number: not kept, parsed each time
    assert checked(root) == fresh
