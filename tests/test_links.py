"""A Zensical build runs with Zensical's check of links off, and orgspec follows the links of the project's own
pages in the built site instead: what it says, where, and when Zensical checks them itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgspec.site.config_names import GENERATED_CONFIG, ZENSICAL_CONFIG
from orgspec.site.mkdocs_config import builder_config
from tests.conftest import run_cli
from tests.sites import copy_example

GUIDE = """\
# 入职指南

## 第一周 {#first-week}

先读[客服专员的岗位说明书](../handbook/posts/call-centre-agent.md)和[本周安排](#first-week)，再读[制度](policies.md#leave)。

这是[一个不存在的页面](../nowhere.md)，还有[错误的锚点](policies.md#no-such-heading)。

![组织图](../images/missing.png) ![部门](../images/department.png)

[外部链接](https://example.com/missing.md) 与 [本页不存在的锚点](#nope)。
"""
POLICIES = """\
# 制度

## 休假 {#leave}

见[入职指南](intro.md)。
"""
SAID = [
    "orgspec: docs/guide/intro.md:7: the link '../nowhere.md' leads to no page or file of the site; "
    "correct the link, or add what it names",
    "orgspec: docs/guide/intro.md:7: the link 'policies.md#no-such-heading' names an anchor its page does not "
    "have; correct the link to a heading's anchor of that page",
    "orgspec: docs/guide/intro.md:9: the link '../images/missing.png' leads to no page or file of the site; "
    "correct the link, or add what it names",
    "orgspec: docs/guide/intro.md:11: the link '#nope' names an anchor its page does not have; "
    "correct the link to a heading's anchor of that page",
]


def with_guide(target: Path) -> Path:
    """The example with two pages of its own: one with four bad links among good ones, one with only good ones."""
    project = copy_example(target)
    guide = project / "docs" / "guide"
    guide.mkdir()
    (guide / "intro.md").write_text(GUIDE, encoding="utf-8")
    (guide / "policies.md").write_text(POLICIES, encoding="utf-8")
    return project


def said_by_orgspec(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("orgspec: ")]


def test_a_zensical_build_follows_the_links_of_the_projects_own_pages(tmp_path: Path) -> None:
    project = with_guide(tmp_path)
    result = run_cli("build", "--engine", "zensical", str(project))
    assert result.exit_code == 0, result.stderr
    assert said_by_orgspec(result.stderr) == SAID
    assert "Warning:" not in result.stderr  # Zensical did not check them as well
    assert (project / "site" / "guide" / "intro.html").is_file()
    strict = run_cli("build", "--strict", "--engine", "zensical", str(project))
    assert strict.exit_code == 1
    assert said_by_orgspec(strict.stderr) == SAID
    assert "zensical: 4 warnings under --strict" in strict.stderr


def test_zensical_checks_the_links_itself_where_the_project_says_how(tmp_path: Path) -> None:
    project = with_guide(tmp_path)
    settings = project / "mkdocs.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "\nvalidation:\n  links:\n    not_found: warn\n", encoding="utf-8"
    )
    result = run_cli("build", "--engine", "zensical", str(project))
    assert result.exit_code == 0, result.stderr
    assert not (project / ZENSICAL_CONFIG).exists()
    assert said_by_orgspec(result.stderr) == []
    # Zensical's own words, on the page that does not exist (it follows no images)
    assert "zensical: Warning: page does not exist" in result.stderr


ZENSICAL_TEXT = (
    "# Written by orgspec build/generate from mkdocs.yml and the organisation; do not edit.\n"
    f"INHERIT: {GENERATED_CONFIG}\n"
    "validation:\n"
    "  invalid_links: false\n"
    "  invalid_link_anchors: false\n"
)


@pytest.mark.parametrize(
    "setting", ["validation:\n  links:\n    anchors: warn\n", "INHERIT: base.yml\n"], ids=["validation", "inherit"]
)
def test_the_zensical_configuration_is_written_only_where_the_project_leaves_links_to_orgspec(
    tmp_path: Path, setting: str
) -> None:
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    generated = project / GENERATED_CONFIG
    assert (project / ZENSICAL_CONFIG).read_text(encoding="utf-8") == ZENSICAL_TEXT
    assert builder_config(generated, "zensical") == project / ZENSICAL_CONFIG
    assert builder_config(generated, "mkdocs") == generated  # MkDocs checks links as it renders them
    (project / "base.yml").write_text("site_name: base\n", encoding="utf-8")
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n" + setting, encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    assert not (project / ZENSICAL_CONFIG).exists()
    assert builder_config(generated, "zensical") == generated


def test_refuses_to_replace_a_foreign_zensical_config(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    (project / ZENSICAL_CONFIG).write_text("site_name: mine\n", encoding="utf-8")
    result = run_cli("generate", str(project))
    assert result.exit_code == 1
    assert f"{ZENSICAL_CONFIG}: not written: the file exists and was not written by orgspec" in result.stderr
    assert (project / ZENSICAL_CONFIG).read_text(encoding="utf-8") == "site_name: mine\n"
