"""`orgspec generate`: writes only what changed, removes what is stale, never touches foreign files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgspec.core.write import Put, Tree
from orgspec.site.config_names import GENERATED_CONFIG
from orgspec.site.generate import hand_written_pages
from orgspec.site.stamp import STAMP
from tests.conftest import run_cli
from tests.sites import copy_example


def mtimes(folder: Path) -> dict[str, int]:
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()
    }


def test_second_run_rewrites_nothing(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    first = run_cli("generate", str(project))
    assert first.exit_code == 0, first.stderr
    handbook = project / "docs" / "handbook"
    before = mtimes(handbook)
    config_before = (project / ".orgspec-mkdocs.yml").stat().st_mtime_ns
    second = run_cli("generate", str(project))
    assert second.exit_code == 0
    assert "0 written" in second.stderr and "(nothing changed)" in second.stderr
    # And the whole run, without the stamp that lets an unchanged generate skip its work:
    (project / STAMP).unlink()
    third = run_cli("generate", str(project))
    assert third.exit_code == 0
    assert "0 written" in third.stderr and "(nothing changed)" not in third.stderr
    assert mtimes(handbook) == before
    assert (project / ".orgspec-mkdocs.yml").stat().st_mtime_ns == config_before


def test_stale_pages_are_removed_and_hand_written_pages_kept(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    (project / "roles" / "driver.yaml").unlink()
    text = (project / "departments" / "customer-service-centre.yaml").read_text(encoding="utf-8")
    (project / "departments" / "customer-service-centre.yaml").write_text(
        text.replace("authorised: 5", "authorised: 3"), encoding="utf-8"
    )
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "3 removed" in result.stderr  # the page and its Word and PDF copies
    assert not (project / "docs" / "handbook" / "posts" / "driver.md").exists()
    assert (project / "docs" / "index.md").is_file()


def test_refuses_a_folder_it_did_not_create(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    mine = project / "docs" / "handbook" / "notes.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("my own notes\n", encoding="utf-8")
    result = run_cli("generate", str(project))
    assert result.exit_code == 1
    assert "did not write" in result.stderr
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert sorted(path.name for path in mine.parent.iterdir()) == ["notes.md"]


def test_refuses_to_replace_a_foreign_build_config(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    (project / ".orgspec-mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    result = run_cli("generate", str(project))
    assert result.exit_code == 1
    assert (project / ".orgspec-mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"


def test_out_writes_pages_elsewhere(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    out = tmp_path / "pages"
    assert run_cli("generate", "--out", str(out), str(project)).exit_code == 0
    assert (out / "posts" / "driver.md").is_file()
    assert not (project / "docs" / "handbook").exists()


def test_generate_refuses_an_organisation_with_errors(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    (project / "roles" / "driver.yaml").write_text("title: 司机\n", encoding="utf-8")
    result = run_cli("generate", str(project))
    assert result.exit_code == 1
    assert "roles/driver.yaml:1:1" in result.stderr
    assert not (project / "docs" / "handbook").exists()


def test_a_project_template_overrides_the_built_in_one(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    (project / "site_templates").mkdir()
    (project / "site_templates" / "posts.md.j2").write_text(
        "# {{ t('nav.posts') }}\n\nOWN TEMPLATE {{ rows | length }}\n", encoding="utf-8"
    )
    assert run_cli("generate", str(project)).exit_code == 0
    assert (project / "docs" / "handbook" / "indexes" / "posts.md").read_text(
        encoding="utf-8"
    ) == "# 岗位索引\n\nOWN TEMPLATE 26\n"
    assert "OWN TEMPLATE" not in (project / "docs" / "handbook" / "indexes" / "kpis.md").read_text(encoding="utf-8")


def test_downloads_can_be_turned_off(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    settings = project / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "downloads: []\n", encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    handbook = project / "docs" / "handbook"
    assert not (handbook / "downloads").exists()
    assert "orgspec-download" not in (handbook / "posts" / "driver.md").read_text(encoding="utf-8")
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("downloads: []", "downloads: [docx]"), encoding="utf-8"
    )
    assert run_cli("generate", str(project)).exit_code == 0
    assert sorted(path.suffix for path in (handbook / "downloads").rglob("*.*")) == [".docx"] * (26 + 9)


def test_the_front_page_is_written_unless_the_project_has_its_own(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    front = project / "docs" / "index.md"
    assert front.read_text(encoding="utf-8").startswith("---\n# Written by orgspec generate")
    assert 'class="orgspec-find"' in front.read_text(encoding="utf-8")
    assert not (project / "docs" / "handbook" / "index.md").exists()
    front.write_text("# 欢迎\n\n我们的手册。\n", encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    assert front.read_text(encoding="utf-8") == "# 欢迎\n\n我们的手册。\n"
    assert 'class="orgspec-find"' in (project / "docs" / "handbook" / "index.md").read_text(encoding="utf-8")
    config = (project / ".orgspec-mkdocs.yml").read_text(encoding="utf-8")
    assert "nav:\n- 首页: index.md\n- 组织概览: handbook/index.md\n" in config


def test_a_generated_front_page_once_edited_is_left_alone(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    front = project / "docs" / "index.md"
    edited = front.read_text(encoding="utf-8").replace("找到我的岗位", "找到我的岗位（我们的说法）")
    front.write_text(edited, encoding="utf-8")  # the mark kept, the page changed: it is the editor's now
    assert run_cli("generate", str(project)).exit_code == 0
    assert front.read_text(encoding="utf-8") == edited
    assert (project / "docs" / "handbook" / "index.md").is_file()  # the handbook's home, beside it
    front.unlink()
    assert run_cli("generate", str(project)).exit_code == 0
    assert "我们的说法" not in front.read_text(encoding="utf-8")
    assert not (project / "docs" / "handbook" / "index.md").exists()


def test_the_front_page_carries_the_note_about_the_handbook(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    settings = project / "orgspec.yaml"
    about = "about: |\n  第一段，\n  接着写。\n\n  第二段 <b>不是标签</b>。\n"
    text = re.sub(r"about: \|\n(?:  .*\n|\n)+", about + "\n", settings.read_text(encoding="utf-8"))
    settings.write_text(text, encoding="utf-8")
    assert run_cli("generate", str(project)).exit_code == 0
    front = (project / "docs" / "index.md").read_text(encoding="utf-8")
    assert '<p class="orgspec-about">第一段，接着写。</p>' in front
    assert '<p class="orgspec-about">第二段 &#60;b&#62;不是标签&#60;&#47;b&#62;。</p>' in front


def test_hand_written_pages_are_every_page_outside_the_generated_folder_but_linked_folders(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for page in ("guide.md", "about/team.md", "about/deep/more.md", "handbook/posts/a.md", "handbook.md", "x/y.txt"):
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text("# page\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "linked.md").write_text("# linked\n", encoding="utf-8")
    (docs / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (docs / "about" / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    expected = ["about/deep/more.md", "about/team.md", "guide.md", "handbook.md"]
    assert hand_written_pages(docs) == expected
    # what a walk of the whole folder finds (rglob, which follows no linked folder), the generated folder aside
    walked = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    assert [page for page in walked if not page.startswith("handbook/")] == expected


def test_the_configuration_is_written_just_before_the_pages_of_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A retitled post changes its page and the navigation in the configuration. A builder serving the project
    (orgspec serve) builds once for both only if they are written together: the configuration is written as
    the pages of the edit are about to be, not after the folder is tidied and the record written, which take
    a second at 10,000 posts."""
    project = copy_example(tmp_path)
    assert run_cli("generate", str(project)).exit_code == 0
    post = project / "roles" / "driver.yaml"
    post.write_text(post.read_text(encoding="utf-8").replace("title: 司机", "title: 专职司机"), encoding="utf-8")
    seen: list[str] = []
    put = Tree.put

    def spied(tree: Tree, name: str, content: bytes) -> Put:
        seen.append((project / GENERATED_CONFIG).read_text(encoding="utf-8"))
        return put(tree, name, content)

    monkeypatch.setattr(Tree, "put", spied)
    result = run_cli("generate", str(project))
    assert result.exit_code == 0, result.stderr
    assert seen, "no page was given to the folder"
    assert "- 专职司机: handbook/posts/driver.md" in seen[0] and "- 司机: handbook/posts/driver.md" not in seen[0]
