"""Workflows, pre-commit hooks, editor settings and `orgspec init`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from orgspec.scaffold.init import SKELETON
from tests.conftest import REPO, run_cli
from tests.sites import build

PUBLISHED_ACTIONS = {
    "actions/checkout": "v4",
    "actions/setup-python": "v5",
    "actions/upload-pages-artifact": "v3",
    "actions/upload-artifact": "v4",
    "actions/deploy-pages": "v4",
}
WORKFLOWS = [*sorted((REPO / ".github" / "workflows").glob("*.yml")), SKELETON / "github" / "handbook.yml"]


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
    differing = [(a, b) for a, b in zip(ours.splitlines(), theirs.splitlines(), strict=True) if a != b]
    assert sorted(a.strip() for a, _ in differing) == [
        "cache-dependency-path: pyproject.toml",
        'run: pip install -e ".[mkdocs]"',
    ]


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
