"""`orgspec diff`: a restructure of the example, committed in a throw-away git repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from orgspec.analysis.diff import diff, text_change
from orgspec.check.pipeline import check_project
from tests.conftest import REPO, run_cli, write_files

PROJECT_PATHS = ("orgspec.yaml", "clauses.yaml", "departments", "roles")

ANALYST = """\
title: 会员数据分析员
code: EX-KF-003
department: member-service
grade: P2
reports_to: member-service-supervisor
authorised: 2
filled: 1
duties:
  - 分析会员消费数据,按月提交分析报告;
kpis:
  - name: 报告及时率
"""

SUPERVISOR_ADDITIONS = """\
kpis:
  - name: 会员续费率
authorities:
  - 会员活动预算审批
"""


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` with a fixed identity and no signing, whatever the user's configuration."""
    identity = ["-c", "user.name=orgspec test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
    done = subprocess.run(["git", *identity, *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, f"{path.name}: {old!r}"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def restructure(root: Path) -> None:
    """Move a post, add one, remove one, change head counts, reporting lines, titles and texts."""
    roles, departments = root / "roles", root / "departments"
    # moved: another department and another superior, plus a dotted line
    edit(
        roles / "records-officer.yaml",
        ("department: customer-service\n", "department: member-service\n"),
        (
            "reports_to: after-service-supervisor\n",
            "reports_to: member-service-supervisor\ndotted_line: [customer-service-manager]\n",
        ),
    )
    (roles / "callback-agent.yaml").unlink()  # removed (customer-care, authorised 1, filled 1)
    write_files(root, {"roles/membership-analyst.yaml": ANALYST})  # added (authorised 2, filled 1)
    # head count and grade: authorised 2 → 3, filled stays 2
    edit(roles / "driver.yaml", ("grade: P1\n", "grade: P2\n"), ("authorised: 2\n", "authorised: 3\nfilled: 2\n"))
    # renamed, one duty replaced by another
    edit(
        roles / "member-service-specialist.yaml",
        ("title: 客服专员\n", "title: 会员服务专员\n"),
        ("  - 会员档案资料录入及建档;\n", "  - 会员积分核对;\n"),
    )
    # a KPI and an authority added
    supervisor = roles / "member-service-supervisor.yaml"
    supervisor.write_text(supervisor.read_text(encoding="utf-8") + SUPERVISOR_ADDITIONS, encoding="utf-8")
    # department totals follow: 编制 must equal the total of the posts
    edit(departments / "customer-service.yaml", ("authorised: 23\n", "authorised: 22\n"))
    edit(departments / "member-service.yaml", ("authorised: 4\n", "authorised: 7\n"))
    edit(departments / "marketing-centre.yaml", ("authorised: 8\n", "authorised: 11\n"))
    edit(departments / "customer-care.yaml", ("authorised: 4\n", "authorised: 3\n"))
    edit(departments / "customer-service-centre.yaml", ("authorised: 5\n", "authorised: 6\n"))


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository with the example committed, then the restructure committed on top."""
    for name in PROJECT_PATHS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "as-is")
    restructure(tmp_path)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "to-be")
    return tmp_path


def state(root: Path) -> tuple[str, str]:
    """What must not change: the working tree's status and the index."""
    return git(root, "status", "--porcelain"), git(root, "ls-files", "-s")


def delta(old: int | None, new: int | None) -> dict[str, int | None]:
    return {"old": old, "new": new, "delta": (new or 0) - (old or 0)}


def no_texts() -> dict[str, list[str]]:
    return {"added": [], "removed": []}


def changed_post(post_id: str, title: str, **fields: object) -> dict[str, object]:
    """A changed post as the JSON shows it: every key present, unchanged ones null or empty."""
    document: dict[str, object] = {
        "id": post_id,
        "title": title,
        "moved": False,
        "renamed": None,
        "department": None,
        "reports_to": None,
        "grade": None,
        "authorised": None,
        "filled": None,
        "dotted_line": no_texts(),
        "duties": no_texts(),
        "kpis": no_texts(),
        "authorities": no_texts(),
    }
    assert fields.keys() <= document.keys()
    return {**document, **fields}


def expected_document(old_commit: str, new_commit: str | None, new_revision: str | None) -> dict[str, object]:
    """Every field of the restructure's diff, worked out by hand from `restructure`."""
    return {
        "old": {"revision": "HEAD~1", "commit": old_commit},
        "new": {"revision": new_revision, "commit": new_commit},
        "summary": {
            "posts": delta(26, 26),  # one added, one removed
            "added": 1,
            "removed": 1,
            "renamed": 1,
            "moved": 1,
            "changed": 4,
            "authorised": delta(40, 42),  # +2 analyst, −1 callback agent, +1 driver
            "filled": delta(37, 37),  # +1 analyst, −1 callback agent
            "vacant": delta(3, 5),  # +1 analyst, +1 driver
        },
        "added": [
            {
                "id": "membership-analyst",
                "title": "会员数据分析员",
                "department": "member-service",
                "reports_to": "member-service-supervisor",
                "grade": "P2",
                "authorised": 2,
                "filled": 1,
            }
        ],
        "removed": [
            {
                "id": "callback-agent",
                "title": "回访员",
                "department": "customer-care",
                "reports_to": "customer-director",
                "grade": "P1",
                "authorised": 1,
                "filled": 1,
            }
        ],
        "changed": [
            changed_post("driver", "司机", grade={"old": "P1", "new": "P2"}, authorised=delta(2, 3), filled=None),
            changed_post(
                "member-service-specialist",
                "会员服务专员",
                renamed={"old": "客服专员", "new": "会员服务专员"},
                duties={"added": ["会员积分核对;"], "removed": ["会员档案资料录入及建档;"]},
            ),
            changed_post(
                "member-service-supervisor",
                "客服主管",
                kpis={"added": ["会员续费率"], "removed": []},
                authorities={"added": ["会员活动预算审批"], "removed": []},
            ),
            changed_post(
                "records-officer",
                "客户信息档案管理人员",
                moved=True,
                department={"old": "customer-service", "new": "member-service"},
                reports_to={"old": "after-service-supervisor", "new": "member-service-supervisor"},
                dotted_line={"added": ["customer-service-manager"], "removed": []},
            ),
        ],
        "departments": [
            # Each department with its sub-departments; call-centre and the sales departments are unchanged.
            # marketing-centre holds member-service: +records officer (1/1) +analyst (2/1); its director's
            # span stays 4 and its longest chain director → supervisor → specialist stays 3 layers.
            impact(
                "marketing-centre",
                "营销中心",
                posts=(6, 8),
                authorised=(8, 11),
                filled=(7, 9),
                vacant=(1, 2),
                span_max=(4, 4),
                layers=(3, 3),
            ),
            # member-service: supervisor's span 1 (specialist) → 3 (+records officer, +analyst)
            impact(
                "member-service",
                "客服部",
                posts=(2, 4),
                authorised=(4, 7),
                filled=(3, 5),
                vacant=(1, 2),
                span_max=(1, 3),
                layers=(2, 2),
            ),
            # customer-service-centre: driver authorised 2 → 3 with 2 filled: one more vacancy
            impact(
                "customer-service-centre",
                "客户服务中心",
                posts=(4, 4),
                authorised=(5, 6),
                filled=(5, 5),
                vacant=(0, 1),
                span_max=(3, 3),
                layers=(2, 2),
            ),
            # customer-service loses the records officer; the after-service supervisor's span 5 → 4, but the
            # manager's span is 5 too, so the largest stays 5
            impact(
                "customer-service",
                "客户服务部",
                posts=(12, 11),
                authorised=(23, 22),
                filled=(21, 20),
                vacant=(2, 2),
                span_max=(5, 5),
                layers=(3, 3),
            ),
            # customer-care loses the callback agent: the director's span 3 → 2
            impact(
                "customer-care",
                "客户关爱部",
                posts=(4, 3),
                authorised=(4, 3),
                filled=(4, 3),
                vacant=(0, 0),
                span_max=(3, 2),
                layers=(2, 2),
            ),
        ],
    }


def impact(department_id: str, name: str, **numbers: tuple[int, int]) -> dict[str, object]:
    values = {field: delta(*pair) for field, pair in numbers.items()}
    return {"id": department_id, "name": name, "status": "changed", **values}


def test_diff_between_two_commits_reports_every_change(repository: Path) -> None:
    before = state(repository)
    run = run_cli("diff", "HEAD~1", "HEAD", "--format", "json", "-C", str(repository))
    assert run.exit_code == 0, run.stderr
    commits = git(repository, "rev-parse", "HEAD~1", "HEAD").split()
    assert json.loads(run.stdout) == expected_document(commits[0], commits[1], "HEAD")
    assert state(repository) == before


def test_diff_against_the_working_tree(repository: Path) -> None:
    # committed: the same as HEAD~1..HEAD, with the working tree as the new side
    run = run_cli("diff", "HEAD~1", "--format", "json", "-C", str(repository))
    old_commit = git(repository, "rev-parse", "HEAD~1").strip()
    assert json.loads(run.stdout) == expected_document(old_commit, None, None)
    # an uncommitted change is seen, and neither the working tree nor the index is touched
    edit(repository / "roles" / "driver.yaml", ("authorised: 3\n", "authorised: 4\n"))
    edit(repository / "departments" / "customer-service-centre.yaml", ("authorised: 6\n", "authorised: 7\n"))
    before = state(repository)
    run = run_cli("diff", "HEAD", "--format", "json", "-C", str(repository))
    assert run.exit_code == 0, run.stderr
    document = json.loads(run.stdout)
    assert document["changed"] == [changed_post("driver", "司机", authorised=delta(3, 4))]
    assert document["summary"]["authorised"] == delta(42, 43)
    assert [department["id"] for department in document["departments"]] == ["customer-service-centre"]
    assert state(repository) == before
    assert before[0] == " M departments/customer-service-centre.yaml\n M roles/driver.yaml\n"


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_diff_for_people(repository: Path, output_format: str, golden: Callable[[str, str], None]) -> None:
    run = run_cli("diff", "HEAD~1", "HEAD", "--format", output_format, "-C", str(repository))
    assert run.exit_code == 0, run.stderr
    golden(f"compare/diff-restructure.{'md' if output_format == 'markdown' else 'txt'}", run.stdout)


def test_a_revision_that_does_not_validate_is_named_with_its_errors(repository: Path) -> None:
    edit(repository / "roles" / "driver.yaml", ("reports_to: service-centre-manager\n", "reports_to: nobody\n"))
    git(repository, "commit", "-q", "-a", "-m", "broken")
    run = run_cli("diff", "HEAD~1", "HEAD", "-C", str(repository))
    assert run.exit_code == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        "HEAD:roles/driver.yaml:11:13: 错误: reports_to：'nobody' 不是已知的岗位；请检查拼写，或新建 roles/nobody.yaml [unknown-reference]",
        "orgspec diff: HEAD 的组织未通过检查（1 个错误），无法比较",
    ]


def test_unknown_revision_is_a_usage_error_with_gits_message(repository: Path) -> None:
    before = state(repository)
    run = run_cli("diff", "no-such-branch", "-C", str(repository))
    assert run.exit_code == 2
    assert run.stderr == "Error: fatal: Not a valid object name no-such-branch\n"
    assert state(repository) == before


def test_outside_a_git_repository_is_a_usage_error(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(root.parent))
    run = run_cli("diff", "HEAD", "-C", str(root))
    assert run.exit_code == 2
    assert "not a git repository" in run.stderr


def test_a_project_in_a_subfolder_of_the_repository(project: Callable[..., Path]) -> None:
    repository = project()
    folder = repository / "org"
    folder.mkdir()
    for name in PROJECT_PATHS:
        (repository / name).rename(folder / name)
    git(repository, "init", "-q")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "as-is")
    edit(folder / "roles" / "cs-agent.yaml", ("title: 客服专员\n", "title: 客服代表\n"))
    run = run_cli("diff", "HEAD", "--format", "json", "-C", str(folder))
    assert run.exit_code == 0, run.stderr
    renamed = {"old": "客服专员", "new": "客服代表"}
    assert json.loads(run.stdout)["changed"] == [changed_post("cs-agent", "客服代表", renamed=renamed)]


def test_no_changes(repository: Path) -> None:
    run = run_cli("diff", "HEAD", "HEAD", "-C", str(repository))
    assert run.lines == [
        "HEAD → HEAD：新增岗位 0 个，撤销 0 个，更名 0 个，调动 0 个，有变更 0 个；编制 42，实有 37",
        "",
        "两个版本的组织没有差别。",
    ]


def test_a_new_department_is_added_in_the_impact(tmp_path: Path) -> None:
    from tests.conftest import BASE_FILES

    old_root, new_root = tmp_path / "old", tmp_path / "new"
    write_files(old_root, dict(BASE_FILES))
    sales = {
        "departments/sales.yaml": "name: 销售部\ncode: SA\nhead: seller\n",
        "roles/seller.yaml": "title: 销售员\ncode: T-SA-01\ndepartment: sales\nauthorised: 2\nduties: [卖货]\nkpis: [{name: 销售额}]\n",
    }
    write_files(new_root, {**BASE_FILES, **sales})
    result = diff(check_project(old_root).organisation, check_project(new_root).organisation)
    [sales_impact] = result.departments
    assert (sales_impact.id, sales_impact.status) == ("sales", "added")
    assert sales_impact.old == dict.fromkeys(["posts", "authorised", "filled", "vacant", "span_max", "layers"])
    assert sales_impact.new == {"posts": 1, "authorised": 2, "filled": 2, "vacant": 0, "span_max": 0, "layers": 1}
    assert [post.id for post in result.added] == ["seller"]
    assert result.changed == [] and result.removed == []


def test_text_change_keeps_order_and_reports_each_text_once() -> None:
    change = text_change(["a", "b", "c", "c"], ["c", "d", "a", "d"])
    assert (change.added, change.removed) == (("d",), ("b",))
    assert not text_change(["a"], ["a"])


def test_a_revision_without_settings_does_not_validate(repository: Path) -> None:
    git(repository, "rm", "-q", "--cached", "orgspec.yaml")
    git(repository, "commit", "-q", "-m", "settings lost")
    run = run_cli("diff", "HEAD~1", "HEAD", "-C", str(repository))
    assert run.exit_code == 1
    assert run.stderr.splitlines() == [
        "HEAD:orgspec.yaml:1:1: 错误: 无法读取文件：not in revision HEAD [unreadable-file]",
        "orgspec diff: HEAD 的组织未通过检查（1 个错误），无法比较",
    ]
