"""A generate after an edit renders only the pages that the edit reaches, and gives what a fresh one gives."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from orgspec.check.pipeline import check_project
from orgspec.core.write import MARKER, Tree
from orgspec.render.handbook import handbook
from orgspec.render.pages import PageJob, page_jobs, render_job
from orgspec.site import incremental
from orgspec.site.incremental import common_key, page_key, render_changed
from orgspec.site.pipeline import LOCK
from orgspec.site.stamp import STAMP
from tests.conftest import REPO, run_cli
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


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages whose values the next generate computes, by path inside docs/."""
    paths: list[str] = []

    def counted(common: bytes, job: PageJob, text: str) -> str:
        paths.append(job.path)
        return page_key(common, job, text)

    monkeypatch.setattr(incremental, "page_key", counted)
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
    front = Path("docs") / "index.md"  # the front page, generated: the example has none of its own
    assert (project / front).read_bytes() == (fresh / front).read_bytes()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_editing_a_post_renders_it_and_the_pages_that_show_it(
    project: Path, rendered: list[str], tmp_path: Path
) -> None:
    compare = project / HANDBOOK / "indexes" / "compare.md"
    before = compare.stat().st_mtime_ns
    edit(project / "roles" / "call-centre-director.yaml", "title: 客服中心主任", "title: 客服中心值班主任")
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stderr
    pages = set(rendered)
    assert {"handbook/posts/call-centre-director.md", "handbook/posts/call-centre-agent.md"} <= pages  # a subordinate
    assert "handbook/posts/customer-service-manager.md" in pages  # the superior
    assert "handbook/indexes/posts.md" in pages
    assert "handbook/posts/reception-supervisor.md" in pages  # a peer: its team chart shows the post
    assert "handbook/departments/call-centre/chart.svg" in pages
    assert "handbook/posts/driver.md" not in pages
    # the post, its superior, subordinates and peers, its department and the one above (pages and chart files)
    indexes = ("posts", "kpis", "authorities", "compare", "completeness")
    whole = {"index.md", "handbook/overview.svg", *(f"handbook/indexes/{name}.md" for name in indexes)}
    assert len(pages - whole) <= 11, "\n".join(sorted(pages))
    # the pages that read the whole organisation are rendered when they are computed, written when they change:
    # the comparison counts posts, not their titles
    assert "handbook/indexes/compare.md" in pages and compare.stat().st_mtime_ns == before
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
    made = [*(project / HANDBOOK).rglob("*.md"), *(project / HANDBOOK).rglob("*.svg"), project / "docs" / "index.md"]
    assert sorted(rendered) == sorted(path.relative_to(project / "docs").as_posix() for path in made)


def test_pages_rendered_by_worker_processes_are_the_same(project: Path) -> None:
    book = handbook(check_project(project).organisation, project_root=project)
    jobs = page_jobs(book)
    common = common_key(book, [])
    alone = render_changed(book, jobs, common, {}, workers=1)
    together = render_changed(book, jobs, common, {}, workers=2)
    assert together == alone
    assert [page.text for page in alone] == [render_job(book, job) for job in jobs]


def test_pages_written_by_worker_processes_as_they_are_rendered_are_the_pages(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However the pages are split among this process and workers forked spell by spell, each page is written
    once, as it is rendered, and the folder holds every page as one process renders it."""
    book = handbook(check_project(project).organisation, project_root=project)
    jobs = page_jobs(book)
    common = common_key(book, [])
    prefix = f"{book.layout.folder}/"
    inside = [job for job in jobs if job.path.startswith(prefix)]
    expected = {job.path.removeprefix(prefix): render_job(book, job).encode("utf-8") for job in inside}
    monkeypatch.setattr(incremental, "CHUNK", 4)  # many chunks, handed out over several spells of workers
    monkeypatch.setattr(incremental, "SPELL", 3)
    folder = tmp_path / "pages"
    tree = Tree(folder, expected)
    rendered = render_changed(book, jobs, common, {}, into=(lambda: tree, prefix), workers=2)
    puts = {job.path.removeprefix(prefix): page.put for job, page in zip(jobs, rendered, strict=True) if page.put}
    report = tree.end(puts)
    assert sorted(puts) == sorted(expected) and set(puts.values()) == {"written"}
    assert report.written == sorted(expected) and report.unchanged == 0
    assert [page.text for job, page in zip(jobs, rendered, strict=True) if job in inside] == [None] * len(inside)
    assert {name: content for name, content in files(folder).items() if name != MARKER} == expected


def test_after_an_edit_in_a_large_handbook_the_few_pages_due_are_shared_with_a_worker(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit leaves few pages due, too few to start workers for, but the indexes among them read the whole
    organisation: in a handbook large enough for workers they are shared out a page at a time, and written
    together once all are rendered (a builder serving the folder sees one burst of changes)."""
    shared: list[int] = []
    render_few, render, put = incremental._render_few, incremental._render, Tree.put
    workers = tmp_path / "rendering"  # which process rendered each page and wrote each file, a line each, in turn

    def spied(batch: object, due: list[int], count: int, progress: object) -> object:
        shared.append(len(due))
        return render_few(batch, due, count, progress)  # type: ignore[arg-type]

    def rendering(batch: object, indices: list[int]) -> object:  # looked up by the workers, forked with it
        done = render(batch, indices)  # type: ignore[arg-type]
        with workers.open("a", encoding="utf-8") as record:
            record.writelines(f"{os.getpid()} rendered {index}\n" for index in indices)
        return done

    def putting(tree: Tree, name: str, content: bytes) -> object:
        with workers.open("a", encoding="utf-8") as record:
            record.write(f"{os.getpid()} put {name}\n")
        return put(tree, name, content)

    monkeypatch.setattr(incremental, "_render_few", spied)
    monkeypatch.setattr(incremental, "_render", rendering)
    monkeypatch.setattr(Tree, "put", putting)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    jobs = len(page_jobs(handbook(check_project(project).organisation, project_root=project)))
    monkeypatch.setattr(incremental, "PARALLEL_FROM", 30)  # the example's handbook is "large"; an edit's pages not
    assert jobs >= 30
    edit(project / "roles" / "receptionist.yaml", "title: 接待员", "title: 前台接待员")
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stderr
    assert len(shared) == 1 and 1 < shared[0] < 30
    events = [line.split() for line in workers.read_text(encoding="utf-8").splitlines()]
    rendered_by = [pid for pid, kind, _ in events if kind == "rendered"]
    assert len(rendered_by) == shared[0] and set(rendered_by) - {str(os.getpid())}  # some by a worker process
    kinds = [kind for _, kind, _ in events]
    last_rendered = len(kinds) - 1 - kinds[::-1].index("rendered")
    assert "put" in kinds and "put" not in kinds[:last_rendered]  # none written before every page is rendered
    assert {pid for pid, kind, _ in events if kind == "put"} == {str(os.getpid())}
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_a_removed_index_page_comes_back_though_nothing_changed(project: Path, tmp_path: Path) -> None:
    """A page keyed by its text (it reads the whole organisation) whose file is gone is rendered and written."""
    (project / STAMP).unlink()  # no stamp: the pages' record alone decides
    compare = project / HANDBOOK / "indexes" / "compare.md"
    compare.unlink()
    result = run_cli("generate", str(project))
    assert result.exit_code == 0 and " 1 written" in result.stderr, result.stderr
    assert compare.is_file()
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_an_edited_post_computes_only_the_pages_that_read_it(
    project: Path, computed: list[str], tmp_path: Path
) -> None:
    edit(project / "roles" / "receptionist.yaml", "title: 接待员", "title: 前台接待员")
    assert run_cli("generate", str(project)).exit_code == 0
    pages = set(computed)
    assert {"handbook/posts/receptionist.md", "handbook/posts/service-centre-manager.md"} <= pages
    assert "handbook/indexes/posts.md" in pages
    assert "handbook/posts/member-service-specialist.md" not in pages
    assert "handbook/posts/sales-manager-south.md" not in pages
    assert len(pages) < 25, "\n".join(sorted(pages))
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_an_unchanged_generate_after_an_edit_computes_nothing(project: Path, computed: list[str]) -> None:
    edit(project / "roles" / "receptionist.yaml", "title: 接待员", "title: 前台接待员")
    assert run_cli("generate", str(project)).exit_code == 0
    (project / STAMP).unlink()  # no stamp: the pages' record alone decides
    computed.clear()
    result = run_cli("generate", str(project))
    assert result.exit_code == 0 and " 0 written" in result.stderr
    assert computed == ["index.md"]  # the front page, outside the record, is always made


def test_a_renamed_post_and_the_posts_that_report_to_it(project: Path, tmp_path: Path) -> None:
    (project / "roles" / "call-centre-supervisor.yaml").rename(project / "roles" / "call-centre-lead.yaml")
    for path in (project / "roles").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("call-centre-supervisor", "call-centre-lead"), encoding="utf-8")
    for path in (project / "departments").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("call-centre-supervisor", "call-centre-lead"), encoding="utf-8")
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stderr
    assert "1 removed" in result.stderr
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_a_post_moved_to_another_superior(project: Path, tmp_path: Path) -> None:
    edit(
        project / "roles" / "receptionist.yaml",
        "reports_to: service-centre-manager",
        "reports_to: call-centre-director",
    )
    assert run_cli("generate", str(project)).exit_code == 0
    assert "接待员" in (project / HANDBOOK / "posts" / "call-centre-director.md").read_text(encoding="utf-8")
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_a_base_post_edited_reaches_the_posts_based_on_it(project: Path, tmp_path: Path) -> None:
    path = project / "roles" / "sales-manager-south.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("duties:\n", "duties:\n  - 每月走访重点客户一次。\n", 1), encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    north = (project / HANDBOOK / "posts" / "sales-manager-north.md").read_text(encoding="utf-8")
    assert "每月走访重点客户一次。" in north
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_a_changed_setting_computes_every_page(project: Path, computed: list[str], tmp_path: Path) -> None:
    edit(project / "orgspec.yaml", "currency: CNY", "currency: USD")
    assert run_cli("generate", str(project)).exit_code == 0
    made = [*(project / HANDBOOK).rglob("*.md"), *(project / HANDBOOK).rglob("*.svg")]
    assert len(computed) == len(made) + 1  # and the front page
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_a_project_template_gives_what_a_fresh_generate_gives(project: Path, tmp_path: Path) -> None:
    own = project / "site_templates"
    own.mkdir()
    builtin = REPO / "site_templates" / "department.md.j2"
    (own / "department.md.j2").write_text(builtin.read_text(encoding="utf-8") + "\n<!-- ours -->\n", encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_an_edit_that_keeps_size_and_time_is_read(project: Path, tmp_path: Path) -> None:
    """What a file parsed into is kept by its bytes: an edit is seen whatever the file's times say."""
    path = project / "roles" / "driver.yaml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "title: 司机" in text
    path.write_text(text.replace("title: 司机", "title: 车手"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert run_cli("generate", str(project)).exit_code == 0
    assert "车手" in (project / HANDBOOK / "posts" / "driver.md").read_text(encoding="utf-8")
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_a_level_of_a_job_family_edited_reaches_the_levels_above(tmp_path: Path) -> None:
    project = tmp_path / "families"
    shutil.copytree(
        REPO / "examples" / "public-documents", project, ignore=shutil.ignore_patterns(".cache", "handbook", "site")
    )
    assert run_cli("generate", str(project)).exit_code == 0
    edit(
        project / "roles" / "engineer-1.yaml",
        "Communicates internally and externally in a respectful manner.",
        "Communicates internally and externally with respect.",
    )
    assert run_cli("generate", str(project)).exit_code == 0
    senior = (project / HANDBOOK / "posts" / "senior-engineer.md").read_text(encoding="utf-8")
    assert "Communicates internally and externally with respect" in senior
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_a_post_held_concurrently_retitled_reaches_every_chart_that_shows_the_post_it_holds(tmp_path: Path) -> None:
    """A post's box in a team chart names who holds it too (由…兼任): every page that draws the box is recomputed
    when that holder's post is retitled, though nothing else on them reads it (the peers of the post held)."""
    root = copy_example(tmp_path / "project")
    settings = root / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\ndownloads: []\n", encoding="utf-8")
    edit(root / "roles" / "driver.yaml", "title: 司机\n", "title: 司机\nalso_holds: records-officer\n")
    edit(root / "departments" / "customer-service.yaml", "authorised: 23", "authorised: 22")  # one person, two posts
    assert run_cli("generate", str(root)).exit_code == 0
    edit(root / "roles" / "driver.yaml", "title: 司机\n", "title: 专职驾驶员\n")
    assert run_cli("generate", str(root)).exit_code == 0
    assert "专职驾驶员" in (root / HANDBOOK / "posts" / "complaints-officer.md").read_text(encoding="utf-8")
    assert_same_as_a_fresh_generate(root, tmp_path)


def test_a_changed_severity_computes_no_page(project: Path, computed: list[str], tmp_path: Path) -> None:
    """The severities of checks shape what the commands say, not what any page shows."""
    edit(project / "orgspec.yaml", "  post-without-kpis: ignore\n", "  post-without-kpis: warning\n")
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stderr
    assert "[post-without-kpis]" in result.stderr
    assert computed == ["index.md"]  # the front page, as after any change of the inputs
    assert_same_as_a_fresh_generate(project, tmp_path)


def test_an_edit_the_checks_refuse_writes_nothing_though_its_pages_were_rendered(
    project: Path, rendered: list[str]
) -> None:
    """The pages of an edit are rendered while the checks run beside them: when the checks find an error, not a
    page, record or configuration is written."""
    state = project / incremental.RECORD_DIR
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in project.rglob("*") if path.is_file()}
    assert any(path.is_relative_to(state) for path in before)  # the record of the last generate is among them
    edit(project / "roles" / "driver.yaml", "reports_to: service-centre-manager", "reports_to: no-such-post")
    result = run_cli("generate", str(project))
    assert result.exit_code == 1
    assert "roles/driver.yaml:10" in result.stderr and "no-such-post" in result.stderr
    assert "handbook/posts/driver.md" in rendered  # rendered before the checks had said
    after = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in project.rglob("*") if path.is_file()}
    changed = {path for path in after if after[path] != before.get(path)} - {project / LOCK}  # taken and let go
    assert changed == {project / "roles" / "driver.yaml"}
