"""A generate after an edit renders only the pages that the edit reaches, and gives what a fresh one gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orgspec.check.pipeline import check_project
from orgspec.render.handbook import handbook
from orgspec.render.pages import PageJob, page_jobs, render_job
from orgspec.site import incremental
from orgspec.site.incremental import common_key, render_changed
from orgspec.site.stamp import STAMP
from tests.conftest import run_cli
from tests.sites import copy_example

HANDBOOK = Path("docs") / "handbook"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_example(tmp_path / "project")
    settings = root / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\ndownloads: []\n", encoding="utf-8")
    assert run_cli("generate", str(root)).exit_code == 0
    return root


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages rendered by the next generate, by path inside docs/."""
    paths: list[str] = []

    def counted(book: object, job: PageJob, values: object = None) -> str:
        paths.append(job.path)
        return render_job(book, job, values)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "render_job", counted)
    return paths


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def assert_same_as_a_fresh_generate(project: Path, elsewhere: Path) -> None:
    fresh = elsewhere / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".cache", "handbook"))
    assert run_cli("generate", str(fresh)).exit_code == 0
    assert files(project / HANDBOOK) == files(fresh / HANDBOOK)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_editing_a_post_renders_it_and_the_pages_that_show_it(
    project: Path, rendered: list[str], tmp_path: Path
) -> None:
    edit(project / "roles" / "call-centre-director.yaml", "title: 客服中心主任", "title: 客服中心值班主任")
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stderr
    pages = set(rendered)
    assert {"handbook/posts/call-centre-director.md", "handbook/posts/call-centre-agent.md"} <= pages  # a subordinate
    assert "handbook/posts/customer-service-manager.md" in pages  # the superior
    assert "handbook/indexes/posts.md" in pages
    assert "handbook/posts/driver.md" not in pages
    assert len(pages) < 12, "\n".join(sorted(pages))
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_a_changed_clause_renders_every_post_that_uses_it(project: Path, rendered: list[str], tmp_path: Path) -> None:
    edit(project / "clauses.yaml", "完成上级交办的其他工作。", "完成上级临时交办的其他工作。")
    assert run_cli("generate", str(project)).exit_code == 0
    users = {
        f"handbook/posts/{path.stem}.md"
        for path in (project / "roles").glob("*.yaml")
        if "clause: other-tasks" in path.read_text(encoding="utf-8")
    }
    assert users and users <= set(rendered)
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_an_edited_approval_rule_renders_the_matrix_and_the_posts_that_sign_it(
    project: Path, rendered: list[str], tmp_path: Path
) -> None:
    edit(
        project / "approvals.yaml",
        "      - customer-director: 审批\n",
        "      - driver: 提议\n      - customer-director: 审批\n",
    )
    assert run_cli("generate", str(project)).exit_code == 0
    pages = set(rendered)
    assert {"handbook/indexes/authorities.md", "handbook/posts/driver.md"} <= pages
    assert "handbook/posts/call-centre-director.md" not in pages
    assert "部门经营费用" in (project / HANDBOOK / "posts" / "driver.md").read_text(encoding="utf-8")
    assert "①提议" in (project / HANDBOOK / "indexes" / "authorities.md").read_text(encoding="utf-8")
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_a_removed_post_and_the_pages_that_named_it(project: Path, tmp_path: Path) -> None:
    (project / "roles" / "driver.yaml").unlink()
    edit(project / "departments" / "customer-service-centre.yaml", "authorised: 5", "authorised: 3")
    result = run_cli("generate", str(project))
    assert result.exit_code == 0 and "1 removed" in result.stderr
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_a_project_template_renders_every_page_of_it(project: Path, rendered: list[str]) -> None:
    own = project / "site_templates"
    own.mkdir()
    builtin = Path(__file__).resolve().parent.parent / "site_templates" / "post.md.j2"
    (own / "post.md.j2").write_text(builtin.read_text(encoding="utf-8") + "\n<!-- ours -->\n", encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    posts = sorted((project / HANDBOOK / "posts").glob("*.md"))
    assert len([path for path in rendered if path.startswith("handbook/posts/")]) == len(posts)
    assert all(path.read_text(encoding="utf-8").endswith("<!-- ours -->\n") for path in posts)


def test_without_its_record_every_page_is_rendered_and_nothing_rewritten(project: Path, rendered: list[str]) -> None:
    for record in (project / ".cache" / "orgspec").glob("pages-*.json"):
        record.unlink()
    (project / STAMP).unlink()
    result = run_cli("generate", str(project))
    assert result.exit_code == 0 and " 0 written" in result.stderr
    assert len(rendered) == len(list((project / HANDBOOK).rglob("*.md")))


def test_pages_rendered_by_worker_processes_are_the_same(project: Path) -> None:
    book = handbook(check_project(project).organisation, project_root=project)
    jobs = page_jobs(book)
    common = common_key(book, [])
    alone = render_changed(book, jobs, common, {}, workers=1)
    together = render_changed(book, jobs, common, {}, workers=2)
    assert together == alone
    assert [page.text for page in alone] == [render_job(book, job) for job in jobs]
