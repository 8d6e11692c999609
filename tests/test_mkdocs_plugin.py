"""The MkDocs plugin: plain `mkdocs build` on a project gives the site that `orgspec build` gives."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig

from orgspec.mkdocs_plugin import OrgspecPlugin
from orgspec.site.compact import compact_html
from orgspec.site.config_names import PAGEFIND_CONFIG
from orgspec.site.mkdocs_config import compacted_by_builder
from tests.conftest import run_cli
from tests.visible import page_text


@pytest.fixture(autouse=True)
def _installed() -> None:
    assert entry_points(group="mkdocs.plugins", name="orgspec"), "the orgspec plugin is not installed: run make"


def new_project(folder: Path) -> Path:
    assert run_cli("init", str(folder), "--locale", "en", "--name", "Plugin Co").exit_code == 0
    return folder


def mkdocs(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", *arguments]
    return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, check=False)


def site_pages(site: Path) -> dict[str, str]:
    """Every file of a built site: the visible text of a page, the size of anything else."""
    files = sorted(path for path in site.rglob("*") if path.is_file())
    return {
        path.relative_to(site).as_posix(): page_text(path) if path.suffix == ".html" else str(path.stat().st_size)
        for path in files
        if path.name != "sitemap.xml.gz"
    }


def test_mkdocs_build_with_the_plugin_gives_the_site_orgspec_build_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    ours = new_project(tmp_path / "orgspec-build")
    plain = shutil.copytree(ours, tmp_path / "mkdocs-build")
    assert run_cli("build", "--strict", str(ours)).exit_code == 0
    run = mkdocs(plain, "build", "--strict")
    assert run.returncode == 0, run.stderr
    assert (plain / "docs" / "handbook" / "posts" / "office-manager.md").is_file()
    expected = site_pages(ours / "site")
    assert "handbook/posts/office-manager.html" in expected
    assert site_pages(plain / "site") == expected
    for site in (ours / "site", plain / "site"):  # the themes' indentation between tags is cut by both
        html = (site / "handbook" / "posts" / "office-manager.html").read_text(encoding="utf-8")
        assert compact_html(html) == html and "\n  <" not in html


def test_errors_stop_the_build_and_warnings_fail_it_under_strict(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    post = project / "roles" / "office-manager.yaml"
    post.write_text(post.read_text(encoding="utf-8").replace("department: general-office", "department: nowhere"))
    run = mkdocs(project, "build")
    assert run.returncode == 1
    assert (
        "ERROR   -  orgspec: roles/office-manager.yaml:5:13: error: department: 'nowhere' is not a known department"
        in run.stderr
    )
    assert "ERROR   -  orgspec: the organisation has errors (logged above)" in run.stderr
    post.write_text(post.read_text(encoding="utf-8").replace("department: nowhere", "department: general-office"))
    clauses = project / "clauses.yaml"
    clauses.write_text(clauses.read_text(encoding="utf-8") + "unused: 没有岗位引用的条款\n", encoding="utf-8")
    assert mkdocs(project, "build").returncode == 0
    strict = mkdocs(project, "build", "--strict")
    assert strict.returncode == 1
    assert "WARNING -  orgspec: clauses.yaml:" in strict.stderr
    assert "warning: the standard clause 'unused' is used by no post or department" in strict.stderr


def test_serve_watches_the_organisation(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    config = MkDocsConfig(config_file_path=str(project / "mkdocs.yml"))
    OrgspecPlugin().on_serve(Server(), config=config, builder=None)
    names = ["clauses.yaml", "departments", "mkdocs.yml", "orgspec.yaml", "roles"]
    assert watched == [str(project / name) for name in names]


def test_under_orgspec_build_the_plugin_does_nothing(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    config = MkDocsConfig(config_file_path=str(project / ".orgspec-mkdocs.yml"))
    assert OrgspecPlugin().on_config(config) is config
    assert not (project / "docs" / "handbook").exists()


@pytest.mark.parametrize("own_theme", [False, True])
def test_mkdocs_build_with_the_plugin_searched_with_pagefind_gives_what_orgspec_build_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_theme: bool
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    ours = new_project(tmp_path / "orgspec-build")
    with (ours / "orgspec.yaml").open("a", encoding="utf-8") as settings:
        settings.write("search:\n  engine: pagefind\n")
    if own_theme:  # merged with orgspec's theme folder either way
        mkdocs_yml = (ours / "mkdocs.yml").read_text(encoding="utf-8")
        assert "\ntheme:\n  name: material\n" in mkdocs_yml
        mkdocs_yml = mkdocs_yml.replace("\ntheme:\n", "\ntheme:\n  custom_dir: overrides\n", 1)
        (ours / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
        (ours / "overrides").mkdir()
        announce = '{% extends "base.html" %}{% block announce %}本周六系统维护{% endblock %}'
        (ours / "overrides" / "main.html").write_text(announce, encoding="utf-8")
    plain = shutil.copytree(ours, tmp_path / "mkdocs-build")
    assert run_cli("build", "--strict", str(ours)).exit_code == 0
    run = mkdocs(plain, "build", "--strict")
    assert run.returncode == 0, run.stderr
    expected = site_pages(ours / "site")
    assert "pagefind/pagefind-entry.json" in expected  # indexed after the build, by either
    assert 'name="orgspec-search"' in (plain / "site" / "index.html").read_text(encoding="utf-8")  # the theme folder
    assert site_pages(plain / "site") == expected
    assert own_theme == ("本周六系统维护" in (plain / "site" / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("listed", [True, False])
def test_orgspec_build_searched_with_pagefind_has_mkdocs_write_the_pages_compacted(
    tmp_path: Path, listed: bool
) -> None:
    # The plugin compacts each page as MkDocs writes it, so orgspec build reads and writes no page again,
    # whether or not the project lists the plugin (the Pagefind configuration names it where it names plugins).
    project = new_project(tmp_path / "project")
    if not listed:
        mkdocs_yml = project / "mkdocs.yml"
        text = mkdocs_yml.read_text(encoding="utf-8")
        mkdocs_yml.write_text("\n".join(line for line in text.splitlines() if "- orgspec" not in line) + "\n")
    with (project / "orgspec.yaml").open("a", encoding="utf-8") as settings:
        settings.write("search:\n  engine: pagefind\n")
    assert run_cli("build", "--strict", str(project)).exit_code == 0
    config = project / PAGEFIND_CONFIG
    assert compacted_by_builder(config, "mkdocs") and not compacted_by_builder(config, "zensical")
    pages = sorted((project / "site").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert compact_html(html) == html, page
    assert (project / "site" / "pagefind" / "pagefind-entry.json").is_file()
