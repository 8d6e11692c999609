"""`orgspec new post|department`: valid, commented skeletons that never replace a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from orgspec.check.pipeline import check_project
from tests.conftest import run_cli
from tests.sites import copy_example


def test_new_post_passes_check(project: Callable[..., Path]) -> None:
    root = project()
    result = run_cli("new", "post", "cs-trainer", "--department", "cs", "--reports-to", "cs-lead", str(root))
    assert result.exit_code == 0, result.stderr
    path = root / "roles" / "cs-trainer.yaml"
    assert result.stdout == f"created {path}\n"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/post.schema.json"
    check = run_cli("check", str(root))
    assert check.exit_code == 0, check.stdout
    assert "roles/cs-trainer.yaml" in check.stdout  # warned about: no duties, no KPIs yet
    assert "post-without-duties" in check.stdout or "duties" in check.stdout
    post = check_project(root).organisation.posts["cs-trainer"]
    assert (post.title, post.department, post.reports_to, post.code) == ("cs-trainer", "cs", "cs-lead", "T-CS-03")


def test_the_skeleton_explains_every_section(project: Callable[..., Path]) -> None:
    root = project()
    assert run_cli("new", "post", "cs-trainer", "--department", "cs", str(root)).exit_code == 0
    text = (root / "roles" / "cs-trainer.yaml").read_text(encoding="utf-8")
    for comment in ("# ── 岗位设置目的", "# ── 工作内容与职责", "# ── 关键绩效指标", "# ── 任职资格", "# ── 修订记录"):
        assert comment in text
    for example in ("#   - clause: obey-rules", "# grade: M1", "#     share: 20%"):
        assert example in text
    assert "# reports_to: 上级岗位的 id" in text


def test_a_new_post_in_the_example_gets_the_next_post_number(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    title = "客服培训专员: 新人 #1"
    result = run_cli(
        "new", "post", "cs-trainer", "--department", "customer-service", "--title", title,
        "--reports-to", "customer-service-manager", str(root),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = (root / "roles" / "cs-trainer.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["title"] == title
    assert "code: EX-KH-011" in text
    check = run_cli("check", str(root))
    assert check.exit_code == 0
    assert "code-pattern" not in check.stdout


def test_a_second_run_leaves_the_file_untouched(project: Callable[..., Path]) -> None:
    root = project()
    assert run_cli("new", "post", "cs-trainer", "--department", "cs", str(root)).exit_code == 0
    path = root / "roles" / "cs-trainer.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# 我的修改\n", encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    result = run_cli("new", "post", "cs-trainer", "--department", "cs", "--title", "别的", str(root))
    assert result.exit_code == 1
    assert "exists already; not replaced" in result.stderr
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_an_existing_post_is_never_replaced(project: Callable[..., Path]) -> None:
    root = project()
    before = (root / "roles" / "cs-lead.yaml").read_bytes()
    assert run_cli("new", "post", "cs-lead", "--department", "cs", str(root)).exit_code == 1
    assert (root / "roles" / "cs-lead.yaml").read_bytes() == before


@pytest.mark.parametrize("key", ["CS-Trainer", "cs_trainer", "cs-", "培训"])
def test_a_bad_id_is_a_usage_error(project: Callable[..., Path], key: str) -> None:
    root = project()
    result = run_cli("new", "post", key, "--department", "cs", str(root))
    assert result.exit_code == 2
    assert "is not an id: use lowercase letters, digits and hyphens" in result.stderr
    assert sorted(path.name for path in (root / "roles").iterdir()) == ["cs-agent.yaml", "cs-lead.yaml"]


def test_unknown_references_are_usage_errors(project: Callable[..., Path]) -> None:
    root = project()
    result = run_cli("new", "post", "cs-trainer", "--department", "cx", str(root))
    assert result.exit_code == 2
    assert "'cx' is not a known department; known: cs" in result.stderr
    result = run_cli("new", "post", "cs-trainer", "--department", "cs", "--reports-to", "cs-leed", str(root))
    assert result.exit_code == 2
    assert "did you mean 'cs-lead'?" in result.stderr
    assert not (root / "roles" / "cs-trainer.yaml").exists()


def test_new_department_passes_check(project: Callable[..., Path]) -> None:
    root = project()
    result = run_cli("new", "department", "cs-north", "--parent", "cs", "--name", "北区客服部", str(root))
    assert result.exit_code == 0, result.stderr
    text = (root / "departments" / "cs-north.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/department.schema.json"
    assert "# ── 部门职责" in text and "# head: 岗位 id" in text
    assert run_cli("check", str(root)).exit_code == 0
    department = check_project(root).organisation.departments["cs-north"]
    assert (department.name, department.parent) == ("北区客服部", "cs")
    again = run_cli("new", "department", "cs-north", str(root))
    assert again.exit_code == 1
    assert (root / "departments" / "cs-north.yaml").read_text(encoding="utf-8") == text


def test_a_post_in_a_new_department(project: Callable[..., Path]) -> None:
    root = project()
    assert run_cli("new", "department", "training", str(root)).exit_code == 0
    assert run_cli("new", "post", "trainer", "--department", "training", str(root)).exit_code == 0
    assert run_cli("check", str(root)).exit_code == 0
