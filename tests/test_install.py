"""The wheel, installed as a user installs it: a fresh virtualenv outside the checkout, then a new handbook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgspec import __version__
from tests.conftest import REPO
from tests.test_mkdocs_plugin import site_pages


def run(*command: str | Path, cwd: Path) -> str:
    """Run ``command`` as a user would (no PYTHONPATH to this checkout); its output, or a failed test."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    environment |= {"SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a new virtualenv holding the wheel of this checkout with its mkdocs extra.

    pip takes the dependencies from its cache or the package index, at the versions the suite is tested with.
    """
    folder = tmp_path_factory.mktemp("install")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", folder / "dist", REPO, cwd=folder)
    (wheel,) = (folder / "dist").glob("orgspec-*.whl")
    assert wheel.name == f"orgspec-{__version__}-py3-none-any.whl"
    run(sys.executable, "-m", "venv", folder / "venv", cwd=folder)
    bin_folder = folder / "venv" / "bin"
    pip: list[str | Path] = [bin_folder / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run(*pip, "-c", REPO / "constraints.txt", f"orgspec[mkdocs] @ {wheel.as_uri()}", cwd=folder)
    return bin_folder


def test_a_new_handbook_checks_and_builds_with_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    assert run(installed / "orgspec", "--version", cwd=tmp_path).strip() == f"orgspec, version {__version__}"
    run(installed / "orgspec", "init", "handbook", "--name", "新公司", cwd=tmp_path)
    project = tmp_path / "handbook"
    run(installed / "orgspec", "check", "--strict", cwd=project)
    run(installed / "orgspec", "build", "--strict", cwd=project)
    assert (project / "site" / "handbook" / "posts" / "office-manager.html").is_file()
    workflow = (project / ".github" / "workflows" / "handbook.yml").read_text(encoding="utf-8")
    assert f"@v{__version__}" in workflow


def test_plain_mkdocs_build_gives_the_pages_orgspec_build_gives(installed: Path, tmp_path: Path) -> None:
    run(installed / "orgspec", "init", "built-by-orgspec", "--locale", "en", cwd=tmp_path)
    run(installed / "orgspec", "init", "built-by-mkdocs", "--locale", "en", cwd=tmp_path)
    run(installed / "orgspec", "build", "--strict", cwd=tmp_path / "built-by-orgspec")
    run(installed / "mkdocs", "build", "--strict", cwd=tmp_path / "built-by-mkdocs")
    expected = site_pages(tmp_path / "built-by-orgspec" / "site")
    assert site_pages(tmp_path / "built-by-mkdocs" / "site") == expected
