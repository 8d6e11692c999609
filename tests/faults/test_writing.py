"""Writing never ends in a traceback or half a result, and never adds a second file for one id."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BASE_FILES, run_cli


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
