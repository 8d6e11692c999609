"""The process serve regenerates in, and the models it keeps from one load to the next."""

from __future__ import annotations

import shutil
from pathlib import Path

from orgspec.commands.common import NORMAL
from orgspec.commands.regenerator import Regenerator
from orgspec.commands.site import generate_here
from orgspec.load.project import keeping_models, load_project
from tests.conftest import run_cli
from tests.sites import copy_example


def retitle(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert f"title: {old}\n" in text
    path.write_text(text.replace(f"title: {old}\n", f"title: {new}\n"), encoding="utf-8")


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_a_load_keeping_models_takes_the_unchanged_ones_and_reads_as_a_fresh_load(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "project")
    assert run_cli("generate", str(root)).exit_code == 0  # the parsed cache, as serve finds it
    twin = root / "roles" / "driver-twin.yaml"
    shutil.copyfile(root / "roles" / "driver.yaml", twin)  # the same text in two files: two models
    with keeping_models():
        first, _ = load_project(root)
        retitle(root / "roles" / "driver.yaml", "司机", "专职司机")
        second, said = load_project(root)
        third, _ = load_project(root)
    fresh, fresh_said = load_project(root)
    assert second.posts["receptionist"].model is first.posts["receptionist"].model  # kept
    assert second.settings is first.settings
    assert second.posts["driver"].model is not first.posts["driver"].model  # validated again
    assert second.posts["driver"].model.title == "专职司机"
    assert second.posts["driver-twin"].model.title == "司机"
    assert third.posts["driver"].model is second.posts["driver"].model
    assert third.posts["driver-twin"].model is not third.posts["receptionist"].model
    assert first.posts["driver"].model is not first.posts["driver-twin"].model
    for kind in ("posts", "departments"):
        loaded, read = getattr(second, kind), getattr(fresh, kind)
        assert loaded.keys() == read.keys()
        for key, entity in loaded.items():
            assert entity.model == read[key].model
            assert (entity.source.name, entity.source.text) == (read[key].source.name, read[key].source.text)
    assert second.clauses == fresh.clauses and second.approvals == fresh.approvals
    assert said == fresh_said


def test_regenerating_in_the_kept_process_writes_what_generate_writes(tmp_path: Path) -> None:
    """Edits regenerated one after another by the process serve keeps give the handbook a fresh generate of the
    same sources gives; an error stops a regeneration without writing, and the next one after the fix goes on."""
    root = copy_example(tmp_path / "project")
    assert run_cli("generate", str(root)).exit_code == 0
    with Regenerator(generate_here, root, None, NORMAL) as regenerator:
        retitle(root / "roles" / "driver.yaml", "司机", "专职司机")
        assert regenerator.regenerate()
        before = files(root / "docs")
        post = root / "roles" / "receptionist.yaml"
        good = post.read_text(encoding="utf-8")
        post.write_text(good.replace("department:", "department: [", 1), encoding="utf-8")
        assert not regenerator.regenerate()
        assert files(root / "docs") == before
        post.write_text(good, encoding="utf-8")
        retitle(root / "roles" / "receptionist.yaml", "接待员", "前台接待员")
        assert regenerator.regenerate()
    fresh = copy_example(tmp_path / "fresh")
    retitle(fresh / "roles" / "driver.yaml", "司机", "专职司机")
    retitle(fresh / "roles" / "receptionist.yaml", "接待员", "前台接待员")
    assert run_cli("generate", str(fresh)).exit_code == 0
    regenerated, generated = files(root / "docs"), files(fresh / "docs")
    assert regenerated.keys() == generated.keys()
    assert [name for name in generated if regenerated[name] != generated[name]] == []
    assert "前台接待员" in regenerated["handbook/posts/receptionist.md"].decode("utf-8")


def test_a_regenerating_process_that_died_is_started_again(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "project")
    assert run_cli("generate", str(root)).exit_code == 0
    with Regenerator(generate_here, root, None, NORMAL) as regenerator:
        process = regenerator._process
        assert process is not None
        process.kill()
        process.join()
        retitle(root / "roles" / "driver.yaml", "司机", "专职司机")
        assert regenerator.regenerate()
        assert regenerator._process is not process
    assert "专职司机" in (root / "docs" / "handbook" / "posts" / "driver.md").read_text(encoding="utf-8")
