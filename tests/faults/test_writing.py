"""Writing never ends in a traceback or half a result, and never adds a second file for one id."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BASE_FILES, run_cli

WITHOUT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
"""Root ignores file permissions; without these two capabilities it is bound by them like anyone."""


def orgspec_bound_by_permissions(*args: str) -> subprocess.CompletedProcess[str]:
    """orgspec in a process of its own that a read-only folder stops, even when the tests run as root."""
    command = [*(WITHOUT_OVERRIDE if os.geteuid() == 0 else []), sys.executable, "-m", "orgspec", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


READ_ONLY = (
    "Error: {folder}: cannot write in this folder (Permission denied);"
    " make the folder writable (chmod u+w), or write somewhere else\n"
)

COMMANDS = {
    "export csv": ["export", "csv", "--out", "{out}/posts.csv", "-C", "{root}"],
    "export xlsx": ["export", "xlsx", "--out", "{out}/posts.xlsx", "-C", "{root}"],
    "export docx": ["export", "docx", "--all", "--out", "{out}/sheets", "-C", "{root}"],
    "chart": ["chart", "-o", "{out}/chart.svg", "-C", "{root}"],
    "schema": ["schema", "--out", "{out}/schemas"],
    "init": ["init", "{out}/new-project"],
}


@pytest.mark.parametrize("command", COMMANDS, ids=str)
def test_a_read_only_output_folder_is_a_clear_error(project: Callable[..., Path], tmp_path: Path, command: str) -> None:
    root = project()
    out = tmp_path / "read-only"
    out.mkdir(mode=0o555)
    result = orgspec_bound_by_permissions(*(arg.format(out=out, root=root) for arg in COMMANDS[command]))
    assert (result.returncode, result.stderr) == (2, READ_ONLY.format(folder=out))
    assert list(out.iterdir()) == []


def test_new_in_a_read_only_roles_folder_is_a_clear_error(project: Callable[..., Path]) -> None:
    root = project()
    (root / "roles").chmod(0o555)
    result = orgspec_bound_by_permissions("new", "post", "cs-trainer", "--department", "cs", "-C", str(root))
    assert (result.returncode, result.stderr) == (2, READ_ONLY.format(folder=root / "roles"))


def test_init_with_a_file_in_the_way_of_a_folder_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "roles").write_text("notes\n", encoding="utf-8")
    result = run_cli("init", "--force", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{tmp_path / 'roles'}: a file is in the way of a folder\n"
        "nothing written; move them away, then run orgspec init again\n"
    )
    assert [path.name for path in tmp_path.iterdir()] == ["roles"]


@pytest.mark.parametrize(
    ("kind", "existing", "options"),
    [
        ("post", "roles/sub/cs-agent.yaml", ["--department", "cs"]),
        ("department", "departments/sub/cs.yaml", []),
    ],
)
def test_new_refuses_an_id_that_a_file_in_a_sub_folder_gives_already(
    project: Callable[..., Path], kind: str, existing: str, options: list[str]
) -> None:
    folder_name, _, name = existing.partition("/sub/")
    root = project({existing: BASE_FILES[f"{folder_name}/{name}"], f"{folder_name}/{name}": None})
    result = run_cli("new", kind, Path(name).stem, *options, "-C", str(root))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{root / existing}: the {kind} '{Path(name).stem}' exists already;"
        " not replaced (choose another id or edit this file)\n"
    )
    assert not (root / folder_name / name).exists()
