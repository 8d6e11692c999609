"""generate and build run wherever check passes, say why they cannot write, and repair any edited page."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.faults.ordinary import orgspec, read_only, writable
from tests.sites import copy_example

SKIPPED = "(nothing changed)"


@pytest.fixture
def example(tmp_path: Path) -> Iterator[Path]:
    project = copy_example(tmp_path / "project")
    yield project
    writable(tmp_path)


def generate(project: Path) -> str:
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stderr
    return result.stderr


def test_a_file_name_that_is_not_utf8_is_generated(example: Path) -> None:
    (example / os.fsdecode(b"roles/notes\xff.txt")).write_text("from a zip made on Windows\n", encoding="utf-8")
    assert run_cli("check", str(example)).exit_code == 0
    assert "0 removed" in generate(example)
    assert SKIPPED in generate(example)


def test_a_hand_written_page_whose_name_is_not_utf8_is_named(example: Path) -> None:
    (example / os.fsdecode(b"docs/notes\xff.md")).write_text("# 笔记\n", encoding="utf-8")
    result = run_cli("generate", str(example))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{example}/docs/notes\\xff.md: the file name is not UTF-8 text, which the site builders cannot use; rename it\n"
    )


def test_check_writes_a_name_that_is_not_utf8_as_valid_json(example: Path) -> None:
    post = example / os.fsdecode(b"roles/driver\xff.yaml")
    post.write_bytes((example / "roles" / "driver.yaml").read_bytes())
    result = orgspec("check", example, "--format", "json")
    assert result.returncode == 1
    files = [diagnostic["file"] for diagnostic in json.loads(result.stdout)["diagnostics"]]
    assert "roles/driver\\xff.yaml" in files  # the byte that is not UTF-8, as main shows it


def test_a_dangling_symlink_is_generated(example: Path) -> None:
    (example / "roles" / "old-notes.txt").symlink_to(example / "nowhere.txt")
    assert run_cli("check", str(example)).exit_code == 0
    assert "0 removed" in generate(example)
    assert SKIPPED in generate(example)


def test_a_fifo_does_not_hang_generate(example: Path) -> None:
    os.mkfifo(example / "roles" / "pipe.txt")
    result = orgspec("generate", example, timeout=120)
    assert result.returncode == 0, result.stderr


def test_an_unreadable_file_is_generated(example: Path) -> None:
    secret = example / "roles" / "secret.txt"
    secret.write_text("not for orgspec\n", encoding="utf-8")
    secret.chmod(0)
    result = orgspec("generate", example)
    assert result.returncode == 0, result.stderr
    assert (example / "docs" / "handbook" / "posts" / "driver.md").is_file()
    secret.chmod(0o644)  # readable now: the stamp notices
    assert SKIPPED not in generate(example)


def test_a_page_edited_with_its_size_and_time_kept_is_repaired(example: Path) -> None:
    generate(example)
    assert SKIPPED in generate(example)
    page = example / "docs" / "handbook" / "posts" / "driver.md"
    original, before = page.read_bytes(), page.stat()
    edited = original.replace("司机".encode(), "伪造".encode(), 1)  # the same number of bytes
    page.write_bytes(edited)
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # touch -r
    assert (page.stat().st_size, page.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert "1 written" in generate(example)
    assert page.read_bytes() == original


@pytest.mark.parametrize("command", ["generate", "build"])
def test_a_read_only_handbook_folder_is_said_plainly(example: Path, command: str) -> None:
    generate(example)
    handbook = example / "docs" / "handbook"
    read_only(handbook)
    driver = example / "roles" / "driver.yaml"
    driver.write_text(driver.read_text(encoding="utf-8").replace("title: 司机", "title: 专职司机"), encoding="utf-8")
    result = orgspec(command, example)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    message = result.stderr.splitlines()[-1]
    assert message.startswith(f"Error: {handbook}"), message  # the folder in it that cannot be written
    assert message.endswith(
        ": cannot write in this folder (Permission denied); make the folder writable (chmod u+w), or write somewhere else"
    ), message


def test_a_read_only_out_folder_is_said_plainly(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    read_only(out)
    result = orgspec("generate", example, "--out", out)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"Error: {out}: cannot write in this folder (Permission denied)")
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (b"site_name: [unclosed\n", "mkdocs.yml:2:1: YAML syntax error: expected ',' or ']'"),
        (b"site_name: x\n\tnav: y\n", "mkdocs.yml:2:1: YAML syntax error: found character '\\t'"),
        (b"- a list\n- not settings\n", "mkdocs.yml: the file holds a list, not settings"),
        (b"site_name: \xff\n", "mkdocs.yml: the file is not UTF-8 (byte 11)"),
    ],
)
@pytest.mark.parametrize("command", ["generate", "build"])
def test_a_mkdocs_yml_that_cannot_be_read_is_named_with_its_place(
    example: Path, command: str, text: bytes, said: str
) -> None:
    (example / "mkdocs.yml").write_bytes(text)
    result = run_cli(command, str(example))
    assert result.exit_code == 2
    assert said in result.stderr
    assert "Traceback" not in result.stderr
    assert (example / "mkdocs.yml").read_bytes() == text
