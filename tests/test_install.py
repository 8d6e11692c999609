"""The wheel, installed as a user installs it: a fresh virtualenv outside the checkout, then a new handbook."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from orgspec import __version__
from tests.conftest import REPO
from tests.test_mkdocs_plugin import site_pages


def run(*command: str | Path, cwd: Path, extra: dict[str, str] | None = None, expect: int = 0) -> str:
    """Run ``command`` as a user would (no PYTHONPATH to this checkout); its output, or a failed test."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    environment |= {"SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1", **(extra or {})}
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == expect, f"{command}:\n{result.stdout}\n{result.stderr}"
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


def test_the_pre_commit_hook_passes_a_new_handbook_and_stops_a_broken_one(tmp_path: Path) -> None:
    """``pre-commit try-repo`` of this repository, in a new handbook project, as its README tells a user to."""
    run(sys.executable, "-m", "orgspec", "init", "handbook", "--name", "新公司", cwd=tmp_path)
    project = tmp_path / "handbook"
    run("git", "init", "--quiet", cwd=project)
    run("git", "add", "--all", cwd=project)
    hook: list[str | Path] = [sys.executable, "-m", "pre_commit", "try-repo", REPO, "orgspec-check", "--all-files"]
    settings = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit"), "PIP_CONSTRAINT": str(REPO / "constraints.txt")}
    passed = run(*hook, cwd=project, extra=settings)
    assert re.search(r"^orgspec check\.+Passed$", passed, re.MULTILINE), passed
    post = project / "roles" / "office-manager.yaml"
    text = post.read_text(encoding="utf-8")
    assert "reports_to:" not in text  # the new project's one post heads it
    post.write_text(text + "reports_to: nobody-here\n", encoding="utf-8")
    run("git", "add", "--all", cwd=project)
    failed = run(*hook, cwd=project, extra=settings, expect=1)
    assert re.search(r"^orgspec check\.+Failed$", failed, re.MULTILINE), failed
    assert "roles/office-manager.yaml:" in failed and "nobody-here" in failed, failed
