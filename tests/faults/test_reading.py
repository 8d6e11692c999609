"""orgspec reads regular files inside the project, of a sane size, and says so when it will not."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli

OUTSIDE = (
    "roles/z.yaml:1:1: error: the file is a symbolic link to {target}, outside the project folder, and is not read;"
    " copy the file it points to into the project, or remove the link [file-outside-project]"
)
NOT_REGULAR = (
    "roles/z.yaml:1:1: error: it is not a regular file (but a pipe, a device or a socket) and is not read;"
    " replace it with a plain YAML file, or remove it [file-not-regular]"
)


def _one_gigabyte() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def check_in_child(root: Path, *options: str) -> subprocess.CompletedProcess[bytes]:
    """``orgspec check`` in a process of its own, so that a hang or a runaway read fails the test rather than the suite."""
    command = [sys.executable, "-m", "orgspec", "check", *options, str(root)]
    return subprocess.run(command, capture_output=True, timeout=60, preexec_fn=_one_gigabyte, check=False)


def test_a_link_to_dev_zero_is_refused_without_reading_it(project: Callable[..., Path]) -> None:
    root = project()
    (root / "roles" / "z.yaml").symlink_to("/dev/zero")
    result = check_in_child(root)
    assert result.returncode == 1
    assert result.stdout.decode("utf-8").splitlines()[0] == OUTSIDE.format(target="/dev/zero")


def test_a_fifo_is_refused_without_waiting_for_a_writer(project: Callable[..., Path]) -> None:
    root = project()
    os.mkfifo(root / "roles" / "z.yaml")
    result = check_in_child(root)
    assert result.returncode == 1
    assert result.stdout.decode("utf-8").splitlines()[0] == NOT_REGULAR


def test_a_link_out_of_the_project_is_named_and_its_text_never_shown(project: Callable[..., Path]) -> None:
    root = project()
    (root / "roles" / "z.yaml").symlink_to("/etc/passwd")
    result = run_cli("check", str(root))
    assert result.exit_code == 1
    assert result.lines[0] == OUTSIDE.format(target="/etc/passwd")
    assert "root:" not in result.stdout + result.stderr


def test_a_folder_linked_out_of_the_project_is_refused_file_by_file(
    project: Callable[..., Path], tmp_path: Path
) -> None:
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    (elsewhere / "z.yaml").write_text("title: x\ndepartment: cs\n", encoding="utf-8")
    root = project()
    (root / "roles" / "linked").symlink_to(elsewhere, target_is_directory=True)
    (root / "roles" / "z.yaml").symlink_to(elsewhere / "z.yaml")
    result = run_cli("check", str(root))
    assert result.lines[0] == OUTSIDE.format(target=elsewhere / "z.yaml")


def test_a_link_inside_the_project_is_followed(project: Callable[..., Path]) -> None:
    root = project()
    (root / "shared").mkdir()
    (root / "roles" / "cs-agent.yaml").rename(root / "shared" / "cs-agent.yaml")
    (root / "roles" / "cs-agent.yaml").symlink_to(root / "shared" / "cs-agent.yaml")
    assert run_cli("check", str(root)).exit_code == 0


def test_a_file_larger_than_the_limit_is_refused_with_its_size(project: Callable[..., Path]) -> None:
    root = project({"roles/z.yaml": "# " + "x" * 2_000_000 + "\n"})
    result = run_cli("check", str(root))
    assert result.exit_code == 1
    assert result.lines[0] == (
        "roles/z.yaml:1:1: error: the file has 2,000,003 bytes, more than the limit of 2,000,000, and is not read;"
        " a department or post file is far smaller: check that it is the file meant, or shorten it [file-too-large]"
    )


@pytest.mark.parametrize("name", [b"roles/x\xff.yaml", b"roles/sub\xff/x.yaml"])
def test_a_file_name_that_is_not_utf8_is_shown_and_the_json_stays_utf8(
    project: Callable[..., Path], name: bytes
) -> None:
    root = project()
    path = root / os.fsdecode(name)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"title: x\ndepartment: cs\n")
    result = check_in_child(root, "--format", "json")
    document = json.loads(result.stdout.decode("utf-8"))
    assert name.decode("utf-8", "backslashreplace") in {item["file"] for item in document["diagnostics"]}


@pytest.mark.parametrize("make", ["file", "loop"])
def test_a_roles_folder_that_cannot_be_listed_is_one_clear_error(project: Callable[..., Path], make: str) -> None:
    root = project()
    roles = root / "roles"
    for post in roles.iterdir():
        post.unlink()
    roles.rmdir()
    if make == "file":
        roles.write_text("", encoding="utf-8")
    else:
        roles.symlink_to(roles)
    result = run_cli("check", str(root))
    assert result.exit_code == 2
    assert result.lines == []
    assert result.stderr.startswith(f"Error: {roles}: cannot be listed as a folder (")
    assert result.stderr.endswith(
        f"), so the files in it cannot be checked; make it a folder you can read (for permission: chmod u+rx {roles})\n"
    )
