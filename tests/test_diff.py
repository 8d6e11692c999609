"""`orgspec diff`: a restructure of the example, committed in a throw-away git repository (`tests.restructures`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from orgspec.analysis.diff import diff, text_change
from orgspec.check.pipeline import check_project
from orgspec.link.organisation import Organisation
from orgspec.render.diff_report import as_text
from orgspec.render.diff_style import Side
from tests.conftest import run_cli, write_files
from tests.restructures import PROJECT_PATHS, commit_reorganisation, edit, example_repository, git


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository with the example (with pay bands) committed, then the restructure committed on top."""
    return example_repository(tmp_path)


@pytest.fixture
def reorganised(repository: Path) -> Path:
    """The restructure's repository with the departments reorganised in a third commit."""
    return commit_reorganisation(repository)


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
        "follows_department": False,
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
            "departments": no_department_changes(),
            "followed": 0,
        },
        "restructure": [],
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
                cost=(cost("M1 M2*3 M3 P2*3", "M1 M2*3 M3 P2*2"), cost("M1 M2*3 M3 P2*6", "M1 M2*3 M3 P2*4")),
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
                cost=(cost("M3 P2*3", "M3 P2*2"), cost("M3 P2*6", "M3 P2*4")),
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
                cost=(cost("M2 P1*4"), cost("M2 P2*3 P1*2", "M2 P2*2 P1*2")),
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
                cost=(
                    cost("M2 M3*4 P2*6 P1*12", "M2 M3*4 P2*6 P1*10"),
                    cost("M2 M3*4 P2*5 P1*12", "M2 M3*4 P2*5 P1*10"),
                ),
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
                cost=(cost("M1 P2 P1*2"), cost("M1 P2 P1")),
            ),
        ],
        # the whole organisation: the four top-level departments above, before and after
        "cost": {
            "currency": {"old": "CNY", "new": "CNY"},
            "old": cost("M1*2 M2*5 M3*5 P2*10 P1*18", "M1*2 M2*5 M3*5 P2*9 P1*16"),
            "new": cost("M1*2 M2*5 M3*5 P2*15 P1*15", "M1*2 M2*5 M3*5 P2*12 P1*13"),
        },
    }


def impact(
    department_id: str, name: str, *, cost: tuple[object, object], **numbers: tuple[int, int]
) -> dict[str, object]:
    values = {field: delta(*pair) for field, pair in numbers.items()}
    names = {"id": department_id, "old_id": department_id, "name": name, "old_name": name}
    return {**names, "status": "changed", **values, "cost": {"old": cost[0], "new": cost[1]}}


BANDS = {"P1": (4000, 6000), "P2": (6000, 9000), "M3": (9000, 14000), "M2": (14000, 22000), "M1": (22000, 35000)}
"""The pay bands of `PAY_BANDS`: grade → (min, max)."""


def cost(authorised: str, filled: str | None = None) -> dict[str, object]:
    """The cost of head counts written as grades, ``M2 P1*3`` (one M2, three P1); filled as authorised unless given."""

    def paid(heads: str) -> dict[str, int]:
        total = {"min": 0, "max": 0}
        for part in heads.split():
            grade, _, number = part.partition("*")
            low, high = BANDS[grade]
            total = {"min": total["min"] + low * int(number or 1), "max": total["max"] + high * int(number or 1)}
        return total

    return {"authorised": paid(authorised), "filled": paid(filled or authorised), "unpriced": 0}


def no_department_changes() -> dict[str, int]:
    return dict.fromkeys(["renamed", "moved", "merged", "split", "added", "removed"], 0)


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


def test_departments_renamed_moved_merged_and_split(reorganised: Path) -> None:
    run = run_cli("diff", "HEAD~1", "HEAD", "--format", "json", "-C", str(reorganised))
    assert run.exit_code == 0, run.stderr
    document = json.loads(run.stdout)
    after_service = ["after-service-supervisor", "quality-officer", "after-service-staff"]
    after_service += ["key-account-officer", "complaints-officer"]
    assert document["restructure"] == [
        # a new id whose one post came from market: a rename by the posts rule; the post followed it
        department_change(
            "renamed",
            ["market"],
            ["brand"],
            rule="posts",
            name={"old": "市场部", "new": "品牌部"},
            share={"count": 1, "of": 1},
            followed=["market-manager"],
        ),
        department_change(
            "renamed",
            ["customer-care"],
            ["customer-care"],
            rule="same-id",
            name={"old": "客户关爱部", "new": "客户关怀部"},
        ),
        department_change(
            "moved",
            ["member-service"],
            ["member-service"],
            parent={"old": "marketing-centre", "new": "customer-service-centre"},
        ),
        # both departments' posts are now in sales-south
        department_change("merged", ["sales-south", "sales-north"], ["sales-south"], followed=["sales-manager-north"]),
        # customer-service keeps four posts; five went to after-service, whose posts all came from customer-service
        department_change("split", ["customer-service"], ["customer-service", "after-service"], followed=after_service),
    ]
    assert document["summary"]["departments"] == {**no_department_changes(), "renamed": 2, "moved": 1} | {
        "merged": 1,
        "split": 1,
    }
    assert document["summary"]["followed"] == 7
    # the posts that followed their department are not listed one by one; the head of the moved department got a
    # new superior, which is a move of its own
    supervisor = {"old": "marketing-director", "new": "service-centre-manager"}
    assert document["changed"] == [
        changed_post("member-service-supervisor", "客服主管", moved=True, reports_to=supervisor)
    ]
    assert (document["summary"]["moved"], document["summary"]["changed"]) == (1, 1)


def department_change(kind: str, old: list[str], new: list[str], **fields: object) -> dict[str, object]:
    document: dict[str, object] = {
        "kind": kind,
        "old": old,
        "new": new,
        "rule": None,
        "name": None,
        "share": None,
        "parent": None,
        "followed": [],
    }
    assert fields.keys() <= document.keys()
    return {**document, **fields}


def test_every_department_touched_with_its_numbers_and_cost(reorganised: Path) -> None:
    run = run_cli("diff", "HEAD~1", "HEAD", "--format", "json", "-C", str(reorganised))
    departments = {department["id"]: department for department in json.loads(run.stdout)["departments"]}
    # the moved department and the renamed ones are listed though their numbers did not change
    assert list(departments) == [
        "marketing-centre",
        "sales-south",
        "brand",
        "customer-service-centre",
        "member-service",
        "customer-service",
        "customer-care",
        "after-service",
        "sales-north",
    ]
    brand = departments["brand"]
    assert (brand["old_id"], brand["old_name"], brand["name"], brand["status"]) == (
        "market",
        "市场部",
        "品牌部",
        "changed",
    )
    assert brand["cost"] == {"old": cost("M2"), "new": cost("M2")}
    assert departments["sales-north"]["status"] == "removed"
    assert departments["sales-north"]["cost"] == {"old": cost("M2"), "new": None}
    # the sales departments merged: one M2 each, now both in sales-south
    assert departments["sales-south"]["cost"] == {"old": cost("M2"), "new": cost("M2*2")}
    # customer-service hands the after-service supervisor (M3) and four P2 posts to after-service
    assert departments["after-service"]["cost"] == {"old": None, "new": cost("M3 P2*4")}
    assert departments["after-service"]["posts"] == delta(None, 5)


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_departments_for_people(reorganised: Path, output_format: str, golden: Callable[[str, str], None]) -> None:
    run = run_cli("diff", "HEAD~1", "HEAD", "--format", output_format, "-C", str(reorganised))
    assert run.exit_code == 0, run.stderr
    golden(f"compare/diff-departments.{'md' if output_format == 'markdown' else 'txt'}", run.stdout)


COST_SHOWN = {"text": "成本影响", "markdown": "成本影响", "json": '"min": 14000'}
"""What shows the cost in each format."""


@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_the_public_edition_shows_no_cost(reorganised: Path, output_format: str) -> None:
    internal = run_cli("diff", "HEAD~1", "HEAD", "--format", output_format, "-C", str(reorganised))
    assert COST_SHOWN[output_format] in internal.stdout
    public = run_cli("diff", "HEAD~1", "HEAD", "--format", output_format, "-C", str(reorganised), "--edition", "public")
    assert public.exit_code == 0, public.stderr
    for shown in ("成本", "14,000", "14000", "22,000", "22000"):
        assert shown not in public.stdout
    assert "品牌部" in public.stdout  # the restructure itself is public
    if output_format == "json":
        document = json.loads(public.stdout)
        assert document["cost"] is None
        assert {department["cost"] for department in document["departments"]} == {None}


def test_a_public_band_is_costed_in_the_public_edition(reorganised: Path) -> None:
    edit(
        reorganised / "orgspec.yaml",
        ("pay: {min: 14000, max: 22000}", "pay: {min: 14000, max: 22000, internal: false}"),
    )
    run = run_cli("diff", "HEAD", "--format", "json", "-C", str(reorganised), "--edition", "public")
    total = json.loads(run.stdout)["cost"]
    # the example hides post grades in the public edition (internal_fields: [grade]): no post has a band to cost
    assert total["new"] == {"authorised": {"min": 0, "max": 0}, "filled": {"min": 0, "max": 0}, "unpriced": 42}
    edit(reorganised / "orgspec.yaml", ("internal_fields: [grade]\n", "internal_fields: []\n"))
    total = json.loads(
        run_cli("diff", "HEAD", "--format", "json", "-C", str(reorganised), "--edition", "public").stdout
    )
    # only the M2 band is public now: five M2 posts, every other authorised head unpriced
    assert total["cost"]["new"] == {**cost("M2*5"), "unpriced": 37}


SALES_FILES = {
    "orgspec.yaml": "name: Test Co\nlocale: en\n",
    "departments/hq.yaml": "name: Head office\nhead: ceo\n",
    "departments/north.yaml": "name: Sales North\nparent: hq\nhead: north-lead\n",
    "departments/south.yaml": "name: Sales South\nparent: hq\nhead: south-lead\n",
    "departments/support.yaml": "name: Support\nparent: hq\nhead: support-lead\n",
    "roles/ceo.yaml": "title: Chief executive\ndepartment: hq\n",
    "roles/north-lead.yaml": "title: North lead\ndepartment: north\nreports_to: ceo\n",
    "roles/north-rep.yaml": "title: North rep\ndepartment: north\nreports_to: north-lead\n",
    "roles/south-lead.yaml": "title: South lead\ndepartment: south\nreports_to: ceo\n",
    "roles/south-rep.yaml": "title: South rep\ndepartment: south\nreports_to: south-lead\n",
    "roles/support-lead.yaml": "title: Support lead\ndepartment: support\nreports_to: ceo\n",
    "roles/support-agent.yaml": "title: Support agent\ndepartment: support\nreports_to: support-lead\n",
}

SALES_MERGED = {
    "departments/north.yaml": None,
    "departments/south.yaml": None,
    "departments/sales.yaml": "name: Sales\nparent: hq\nhead: north-lead\n",
    "departments/support.yaml": "name: Customer support\nhead: support-lead\n",
    **{
        f"roles/{post}.yaml": SALES_FILES[f"roles/{post}.yaml"].replace(
            f"department: {post[:5]}\n", "department: sales\n"
        )
        for post in ("north-lead", "north-rep", "south-lead", "south-rep")
    },
}


def organisation_of(root: Path, files: Mapping[str, str | None]) -> Organisation:
    """The checked organisation of ``files`` (None: no such file)."""
    write_files(root, {name: text for name, text in files.items() if text is not None})
    result = check_project(root)
    assert result.errors == 0
    return result.organisation


def test_departments_in_english(tmp_path: Path) -> None:
    old = organisation_of(tmp_path / "old", SALES_FILES)
    new = organisation_of(tmp_path / "new", {**SALES_FILES, **SALES_MERGED})
    text = as_text(diff(old, new), Side("old"), Side("new"), "en")
    assert text.splitlines()[:9] == [
        "old → new: 0 posts added, 0 removed, 0 renamed, 0 moved, 0 changed; authorised 7, filled 7",
        "Departments: 1 renamed, 1 moved, 1 merged, 0 split, 0 added, 0 removed; 4 posts followed their department",
        "",
        "Departments restructured",
        "  Renamed: Support → Customer support (support); same id",
        "  Moved: Customer support (support); parent: Head office → none (top level)",
        "  Merged: Sales North (north), Sales South (south) → Sales (sales)",
        "    Posts that followed: North lead (north-lead), North rep (north-rep), South lead (south-lead), South rep (south-rep)",
        "",
    ]


def test_a_department_whose_posts_went_different_ways_is_removed(tmp_path: Path) -> None:
    # support's two posts: one to north, one to south; no department holds most of them
    old = organisation_of(tmp_path / "old", SALES_FILES)
    moved = {
        "departments/support.yaml": None,
        "roles/support-lead.yaml": "title: Support lead\ndepartment: north\nreports_to: ceo\n",
        "roles/support-agent.yaml": "title: Support agent\ndepartment: south\nreports_to: support-lead\n",
    }
    result = diff(old, organisation_of(tmp_path / "new", {**SALES_FILES, **moved}))
    assert [(change.kind, change.old, change.new) for change in result.restructure] == [("removed", ("support",), ())]
    assert [change.id for change in result.moved] == ["support-agent", "support-lead"]


def test_a_department_under_a_parent_renamed_to_a_new_id_has_not_moved(tmp_path: Path) -> None:
    old = organisation_of(tmp_path / "old", SALES_FILES)
    head_office = {
        "departments/hq.yaml": None,
        "departments/head.yaml": "name: Head office\nhead: ceo\n",
        "roles/ceo.yaml": "title: Chief executive\ndepartment: head\n",
        **{
            f"departments/{key}.yaml": SALES_FILES[f"departments/{key}.yaml"].replace("parent: hq\n", "parent: head\n")
            for key in ("north", "south", "support")
        },
    }
    result = diff(old, organisation_of(tmp_path / "new", {**SALES_FILES, **head_office}))
    [renamed] = result.restructure
    assert (renamed.kind, renamed.rule, renamed.old, renamed.new, renamed.followed) == (
        "renamed",
        "posts",
        ("hq",),
        ("head",),
        ("ceo",),
    )
    assert result.changed == []
