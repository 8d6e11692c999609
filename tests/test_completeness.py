"""完整度: which parts of each job description are written, post by post and department by department."""

from __future__ import annotations

from pathlib import Path

from orgspec.check.pipeline import check_project
from orgspec.views.common import Ctx
from orgspec.views.completeness import SECTIONS, completeness
from tests.conftest import REPO, run_cli
from tests.sites import copy_example


def test_the_example_shows_what_hr_has_left_to_write() -> None:
    report = completeness(Ctx(check_project(REPO).organisation))
    assert report.posts == 26
    written = dict(zip(SECTIONS, report.written, strict=True))
    assert written == {
        "duties": 26,
        "responsibilities": 3,
        "authorities": 4,
        "kpis": 1,
        "qualifications": 2,
        "revisions": 1,
    }
    assert report.duties_only == 21
    rows = {row.link.text: row.counts for block in report.blocks for row in block.rows}
    assert rows["客服中心坐席员"] == (6, 3, 1, 0, 7, 0)  # all seven qualification fields written


def test_the_page_is_an_index_in_the_navigation(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    page = (project / "docs" / "handbook" / "indexes" / "completeness.md").read_text(encoding="utf-8")
    assert "只写了工作内容与职责的岗位：21 个（共 26 个）。" in page
    assert "完整度: handbook/indexes/completeness.md" in (project / ".orgspec-mkdocs.yml").read_text(encoding="utf-8")
