"""The organisation's locale chooses the language of the handbook and of messages."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli
from tests.sites import copy_example


def test_english_handbook(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    settings = project / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("locale: zh-CN", "locale: en"), encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    page = (project / "docs" / "handbook" / "posts" / "call-centre-agent.md").read_text(encoding="utf-8")
    for label in ("Job description", "Reports to", "Purpose", "Duties", "Qualifications"):
        assert label in page
    revised = (project / "docs" / "handbook" / "posts" / "sales-manager-south.md").read_text(encoding="utf-8")
    assert "Revision history" in revised
    assert "岗位说明书" not in page
    config = (project / ".orgspec-mkdocs.yml").read_text(encoding="utf-8")
    assert "- Home: index.md" in config  # the handbook's home is the front page
    assert "All posts: handbook/indexes/posts.md" in config


def test_posts_are_sorted_by_pinyin(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    index = (project / "docs" / "handbook" / "indexes" / "posts.md").read_text(encoding="utf-8")
    titles = [line.split('.html">')[1].split("<")[0] for line in index.splitlines() if line.startswith("<tr data-find")]
    # 部门经理 (bu), 大客户服务人员 (da), 后期服务人员 (hou), 接待员 (jie), 司机 (si), 营销总监 (ying)
    positions = [
        titles.index(title) for title in ("部门经理", "大客户服务人员", "后期服务人员", "接待员", "司机", "营销总监")
    ]
    assert positions == sorted(positions)
    assert len(titles) == 26
