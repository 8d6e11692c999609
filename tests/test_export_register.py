"""`orgspec export csv|xlsx`: the post register read back with the csv module and openpyxl."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import run_cli
from tests.sites import copy_example

HEADER_ZH = ["岗位编号", "岗位名称", "所属部门", "职位等级", "直接上级", "编制", "实有", "空缺"]
HEADER_EN = ["Post number", "Post", "Department", "Grade", "Reports to", "Authorised", "Filled", "Vacant"]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("register-example"))


def export(kind: str, project: Path, out: Path, *extra: str) -> Path:
    result = run_cli("export", kind, "--out", str(out), *extra, "-C", str(project))
    assert result.exit_code == 0, result.stderr
    return out


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_register(example: Path, tmp_path: Path) -> None:
    rows = read_csv(export("csv", example, tmp_path / "posts.csv"))
    assert rows[0] == HEADER_ZH
    assert len(rows) == 1 + 26
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["EX-FW-002"] == ["EX-FW-002", "司机", "客户服务中心", "员级（P1）", "部门经理", "2", "2", "0"]
    assert rows[1][1] == "营销总监"  # departments in the order of the tree, each head first


def test_csv_in_english(project: Callable[..., Path], tmp_path: Path) -> None:
    rows = read_csv(export("csv", project(), tmp_path / "posts.csv"))
    assert rows == [
        HEADER_EN,
        ["T-CS-01", "客服主管", "客服部", "M1", "", "1", "1", "0"],
        ["T-CS-02", "客服专员", "客服部", "P1", "客服主管", "2", "1", "1"],
    ]


def test_public_edition_leaves_internal_fields_empty(example: Path, tmp_path: Path) -> None:
    rows = read_csv(export("csv", example, tmp_path / "posts.csv", "--edition", "public"))
    assert {row[3] for row in rows[1:]} == {""}  # grades are internal in the example


def test_xlsx_register(example: Path, tmp_path: Path) -> None:
    path = export("xlsx", example, tmp_path / "posts.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == HEADER_ZH
    assert len(values) == 27
    assert ["EX-FW-002", "司机", "客户服务中心", "员级（P1）", "部门经理", 2, 2, 0] in values
    assert all(sheet.cell(row=1, column=column).font.b for column in range(1, 9))
    assert sheet.freeze_panes == "A2"
    assert sheet.title == "岗位清单"
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFGH"]
    assert widths[1] >= 2 * len("销售管理部经理")  # Chinese characters count double
    assert all(width > 0 for width in widths)


def test_xlsx_is_deterministic(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = export("xlsx", example, tmp_path / "one.xlsx").read_bytes()
    second = export("xlsx", example, tmp_path / "two.xlsx").read_bytes()
    assert first == second
    properties = openpyxl.load_workbook(tmp_path / "one.xlsx").properties
    assert properties.created == dt.datetime(2023, 11, 14, 22, 13, 20)
    assert properties.modified == properties.created
    assert properties.lastModifiedBy == "orgspec"


def test_a_spreadsheet_someone_saved_is_not_replaced(example: Path, tmp_path: Path) -> None:
    path = export("xlsx", example, tmp_path / "posts.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook.properties.lastModifiedBy = "李四"
    workbook.save(path)
    before = path.read_bytes()
    result = run_cli("export", "xlsx", "--out", str(path), "-C", str(example))
    assert result.exit_code == 1
    assert path.read_bytes() == before
