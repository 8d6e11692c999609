"""`orgspec import xlsx|csv`: a staffing table (岗位编制表) → departments and posts, merged into a project."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import BASE_FILES, run_cli, write_files
from tests.documents.staffing import GRADES, POSTS, staffing_workbook


def workbook(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("company")
    write_files(root, {"orgspec.yaml": "name: 示例集团\n" + GRADES})
    table = staffing_workbook(tmp_path_factory.mktemp("tables") / "编制表.xlsx")
    result = run_cli("import", "xlsx", str(table), "-C", str(root))
    assert result.exit_code == 0, result.stderr
    return root, result.stdout


def test_a_table_of_59_posts_makes_a_project_that_checks_clean(imported: tuple[Path, str]) -> None:
    root, stdout = imported
    assert len(POSTS) == 59
    assert len(files(root / "roles")) == 59
    assert len(files(root / "departments")) == 17
    assert stdout.splitlines()[-1] == "读取 59 个岗位：新建 59 个岗位、17 个部门，更新 0 个文件；0 个文件未能导入"
    assert run_cli("check", str(root)).exit_code == 0


def test_head_counts_superiors_and_merged_departments(imported: tuple[Path, str]) -> None:
    root, _ = imported
    agent = (root / "roles/zuo-xi-yuan.yaml").read_text(encoding="utf-8")
    for line in ("title: 坐席员", "department: hu-jiao-zhong-xin", "grade: P1", "authorised: 30", "filled: 27",
                 "reports_to: zhi-zhang"):  # fmt: skip
        assert f"\n{line}\n" in agent
    assert "\nreports_to: xing-zheng-bu-bu-men-jing-li\n" in (root / "roles/xing-zheng-zhu-guan.yaml").read_text(
        "utf-8"
    )
    department = (root / "departments/xing-zheng-bu.yaml").read_text(encoding="utf-8")
    assert "\nname: 行政部\n" in department and "\nparent: zong-jing-ban\n" in department
    assert "\nhead: xing-zheng-bu-bu-men-jing-li\n" in department


def test_a_note_column_is_kept_and_the_row_number_is_not(imported: tuple[Path, str]) -> None:
    root, _ = imported
    text = (root / "roles/wu-liu-zong-jian.yaml").read_text(encoding="utf-8")
    assert text.endswith("# 【备注】第 60 行 J 列\n#   含兼职\n")
    assert "序号" not in text


def test_a_csv_in_gb18030_with_english_headers(tmp_path: Path) -> None:
    write_files(tmp_path, {"orgspec.yaml": "name: Test Ltd\nlocale: en\n"})
    table = tmp_path / "staffing.csv"
    table.write_bytes(
        "Department,Job title,Headcount,In post,Reports to\n"
        "客服部,客服主管,1,1,\n"
        "客服部,客服专员,3,2,客服主管\n".encode("gb18030")
    )

    result = run_cli("import", "csv", str(table), "-C", str(tmp_path))

    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "roles/ke-fu-zhuan-yuan.yaml").read_text(encoding="utf-8")
    assert all(f"\n{line}\n" in text for line in ("authorised: 3", "filled: 2", "reports_to: ke-fu-zhu-guan"))
    assert run_cli("check", str(tmp_path)).exit_code == 0


MERGE_TABLE: list[list[object]] = [
    ["部门", "岗位", "编制", "实有", "直接上级"],
    ["客服部", "客服主管", 1, 1, ""],
    ["客服部", "客服专员", 3, 3, "客服主管"],
    ["客服部", "配送员", 2, 2, "客服主管"],
]


def test_merging_adds_posts_and_reports_head_counts_it_may_not_change(tmp_path: Path) -> None:
    write_files(tmp_path, BASE_FILES)
    before = {name: (tmp_path / name).read_bytes() for name in BASE_FILES}
    table = workbook(tmp_path / "table.xlsx", MERGE_TABLE)

    result = run_cli("import", "xlsx", str(table), "-C", str(tmp_path))

    assert result.exit_code == 0, result.stderr
    assert {name: (tmp_path / name).read_bytes() for name in BASE_FILES} == before
    assert files(tmp_path / "roles") == ["cs-agent.yaml", "cs-lead.yaml", "pei-song-yuan.yaml"]
    assert result.stderr.splitlines() == [
        f"{table}: row 3: {tmp_path / 'roles/cs-agent.yaml'} has 2 authorised and 1 filled, which the table changes; "
        "to take the table's numbers, import it again with --update",
        f"{table}: the department '客服部' has 3 authorised, but its posts add up to 6 after the import; change "
        f"authorised in {tmp_path / 'departments/cs.yaml'}, or import again with --update",
    ]


def test_merging_with_update_changes_the_head_counts_and_nothing_else(tmp_path: Path) -> None:
    write_files(tmp_path, BASE_FILES)
    table = workbook(tmp_path / "table.xlsx", MERGE_TABLE)

    result = run_cli("import", "xlsx", str(table), "--update", "-C", str(tmp_path))

    assert result.exit_code == 0, result.stderr
    agent = BASE_FILES["roles/cs-agent.yaml"].replace("authorised: 2\nfilled: 1\n", "authorised: 3\nfilled: 3\n")
    assert (tmp_path / "roles/cs-agent.yaml").read_text(encoding="utf-8") == agent
    assert (tmp_path / "departments/cs.yaml").read_text(encoding="utf-8") == BASE_FILES["departments/cs.yaml"].replace(
        "authorised: 3", "authorised: 6"
    )
    assert (tmp_path / "roles/cs-lead.yaml").read_text(encoding="utf-8") == BASE_FILES["roles/cs-lead.yaml"]
    assert run_cli("check", str(tmp_path)).exit_code == 0


def test_column_names_of_ones_own_with_map(tmp_path: Path) -> None:
    write_files(tmp_path, {"orgspec.yaml": "name: 测试公司\n"})
    table = workbook(tmp_path / "table.xlsx", [["科室", "职务", "人数"], ["客服部", "客服专员", 3]])

    refused = run_cli("import", "xlsx", str(table), "-C", str(tmp_path))
    result = run_cli("import", "xlsx", str(table), "--map", "科室=department", "--map", "职务=title",
                     "--map", "人数=authorised", "-C", str(tmp_path))  # fmt: skip

    assert refused.exit_code == 1
    assert result.exit_code == 0, result.stderr
    assert "\nauthorised: 3\n" in (tmp_path / "roles/ke-fu-zhuan-yuan.yaml").read_text(encoding="utf-8")


def test_a_dry_run_reports_as_json_and_writes_nothing(tmp_path: Path) -> None:
    write_files(tmp_path, BASE_FILES)
    table = workbook(tmp_path / "table.xlsx", MERGE_TABLE)

    result = run_cli("import", "xlsx", str(table), "--update", "--dry-run", "--format", "json", "-C", str(tmp_path))

    report = json.loads(result.stdout)
    assert report["summary"] == {"files": 1, "posts": 1, "departments": 0, "kept": 0, "failed": 0, "rows": 3,
                                 "dry_run": True}  # fmt: skip
    assert [note["code"] for note in report["notes"]] == ["import.post-updated", "import.department-updated"]
    assert files(tmp_path / "roles") == ["cs-agent.yaml", "cs-lead.yaml"]
    assert (tmp_path / "roles/cs-agent.yaml").read_text(encoding="utf-8") == BASE_FILES["roles/cs-agent.yaml"]


BAD_TABLES: dict[str, tuple[list[list[object]], str]] = {
    "no-header": (
        [["2024年计划"], ["客服部", "客服专员", 3]],
        "the sheet 'Sheet1' has no header in its first 20 rows",
    ),
    "duplicate": (
        [["部门", "岗位", "编制"], ["客服部", "客服专员", 2], ["客服部", "客服专员", 1]],
        "row 3: the post '客服专员' appears twice in one department (rows 2 and 3), so the table was not imported; "
        "make it one row with its head count",
    ),
    "cycle": (
        [["部门", "岗位", "直接上级"], ["客服部", "甲", "乙"], ["客服部", "乙", "丙"], ["客服部", "丙", "甲"]],
        "row 2: the direct superiors go round in a circle: 甲 → 乙 → 丙 → 甲; the table was not imported: correct the "
        "superior of one of these posts",
    ),
    "no-department": (
        [["岗位", "编制"], ["客服专员", 3]],
        "row 2: this row has no department, nor has any row above it, so the table was not imported",
    ),
}


@pytest.mark.parametrize("case", BAD_TABLES)
def test_a_table_that_cannot_be_used_writes_nothing(tmp_path: Path, case: str) -> None:
    write_files(tmp_path, {"orgspec.yaml": "name: Test\nlocale: en\n"})
    rows, message = BAD_TABLES[case]
    table = workbook(tmp_path / f"{case}.xlsx", rows)

    result = run_cli("import", "xlsx", str(table), "-C", str(tmp_path))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"{table}: {message}"), result.stderr
    assert files(tmp_path / "roles") == [] and files(tmp_path / "departments") == []


def test_a_sheet_that_does_not_exist(tmp_path: Path) -> None:
    write_files(tmp_path, {"orgspec.yaml": "name: Test\nlocale: en\n"})
    table = workbook(tmp_path / "t.xlsx", [["Department", "Post"]], title="Posts")

    result = run_cli("import", "xlsx", str(table), "--sheet", "Staff", "-C", str(tmp_path))

    assert result.exit_code == 1
    assert result.stderr == f"{table}: there is no sheet 'Staff'; the sheets are: Posts\n"


def test_a_department_without_parent_is_found_under_the_tables_division(tmp_path: Path) -> None:
    write_files(tmp_path, {"orgspec.yaml": "name: Test\nlocale: en\n", "departments/kf.yaml": "name: 客服部\n"})
    table = workbook(tmp_path / "t.xlsx", [["一级部门", "部门", "岗位"], ["客户服务中心", "客服部", "客服专员"]])

    result = run_cli("import", "xlsx", str(table), "-C", str(tmp_path))

    assert result.exit_code == 0, result.stderr
    assert files(tmp_path / "departments") == ["ke-hu-fu-wu-zhong-xin.yaml", "kf.yaml"]
    assert "\ndepartment: kf\n" in (tmp_path / "roles/ke-fu-zhuan-yuan.yaml").read_text(encoding="utf-8")
    assert result.stderr == (
        f"{table}: row 2: the department '客服部' (kf) has no parent in the project, and the table puts it under "
        "ke-hu-fu-wu-zhong-xin; if it belongs there, write parent: ke-hu-fu-wu-zhong-xin in its file\n"
    )


def test_a_department_name_two_departments_share_needs_a_division_column(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "orgspec.yaml": "name: Test\nlocale: en\n",
            "departments/a.yaml": "name: 客服部\n",
            "departments/b.yaml": "name: 客服部\n",
        },
    )
    table = workbook(tmp_path / "t.xlsx", [["部门", "岗位"], ["客服部", "客服专员"]])

    result = run_cli("import", "xlsx", str(table), "-C", str(tmp_path))

    assert result.exit_code == 1
    assert "several departments are called '客服部' (a, b)" in result.stderr
    assert files(tmp_path / "roles") == []
