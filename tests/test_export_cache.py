"""An export of posts that did not change reads their documents from .cache/orgspec/exports instead of making
them again; a changed post is made again, and the cache keeps one document per name."""

from __future__ import annotations

from pathlib import Path

from orgspec.commands.export import EXPORT_CACHE
from tests.conftest import run_cli
from tests.sites import copy_example


def export(project: Path, out: Path) -> str:
    result = run_cli(
        "export", "docx", "--department", "customer-service", "--each", "--out", str(out), "-C", str(project)
    )
    assert result.exit_code == 0, result.stderr
    return result.stderr


def test_unchanged_posts_come_from_the_cache_and_a_changed_one_is_made_again(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "example")
    export(project, tmp_path / "first")
    cached = {path.parent.name: path for path in (project / EXPORT_CACHE).glob("*/*.docx")}
    exported = sorted(path.stem for path in (tmp_path / "first").glob("*.docx"))
    assert sorted(cached) == exported
    assert all(cached[name].read_bytes() == (tmp_path / "first" / f"{name}.docx").read_bytes() for name in cached)

    marked = cached["customer-service-manager"]
    marked.write_bytes(b"from the cache")  # what an export of the unchanged post now gives shows where it came from
    other = cached["quality-officer"]
    post = project / "roles" / "quality-officer.yaml"
    post.write_text(post.read_text(encoding="utf-8").replace("讨论。", "讨论并记录。", 1), encoding="utf-8")
    export(project, tmp_path / "second")

    assert (tmp_path / "second" / "customer-service-manager.docx").read_bytes() == b"from the cache"
    remade = (tmp_path / "second" / "quality-officer.docx").read_bytes()
    assert remade != (tmp_path / "first" / "quality-officer.docx").read_bytes()
    assert not other.exists()  # its old copy is gone: one per name
    assert [path.read_bytes() for path in other.parent.glob("*.docx")] == [remade]
