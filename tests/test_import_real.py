"""Six real job descriptions of different layouts: at least 90 % of their text lands in named fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli, write_files
from tests.documents.real import real_documents

PROJECT = {
    "orgspec.yaml": "name: 示例公司\n",
    "departments/customer-service.yaml": "name: 客户服务部\n",
}
"""A project with one department, for the documents that name none."""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, object]]]:
    root = tmp_path_factory.mktemp("project")
    write_files(root, PROJECT)
    documents = real_documents(tmp_path_factory.mktemp("documents"))
    reports: dict[str, dict[str, object]] = {}
    for name, path in documents.items():
        result = run_cli(
            "import", "docx", str(path), "--department", "customer-service", "--format", "json", "-C", str(root)
        )
        assert result.exit_code == 0, result.stdout + result.stderr
        report = json.loads(result.stdout)
        reports[name] = {**report["files"][0], "notes": report["notes"]}
    return root, reports


def test_most_of_each_documents_text_lands_in_named_fields(
    imported: tuple[Path, dict[str, dict[str, object]]], capsys: pytest.CaptureFixture[str]
) -> None:
    _, reports = imported
    with capsys.disabled():
        print()
        for name, report in reports.items():
            print(f"  {name}: {report['text_placed_percent']}% of the text in named fields, {report['kept']} kept")
    assert {name: float(str(report["text_placed_percent"])) >= 90 for name, report in reports.items()} == dict.fromkeys(
        reports, True
    )


def test_the_rest_is_kept_in_the_post_and_named_with_its_place(
    imported: tuple[Path, dict[str, dict[str, object]]],
) -> None:
    root, reports = imported
    text = (root / "roles/customer-service-norms.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "# ── 原文中没有对应字段的内容，原样保留：请移到合适的字段，或删除 ──\n"
        "# 【其他】第 28 段\n"
        "#   客户服务部门根据工作需要,可能需要调整部分工作职责和工作时间,具体以公司通知为准。\n"
    )
    kept = [note for note in reports["customer-service-norms"]["notes"] if note["level"] == "kept"]  # type: ignore[attr-defined]
    assert kept == [
        {
            "level": "kept",
            "code": "import.kept",
            "file": kept[0]["file"],
            "place": "第 28 段",
            "message": "“其他”下的文字没有对应的字段：“客户服务部门根据工作需要,可能需要调整部分工作职责和工作时间,具体以公司通知为…”；"
            f"已作为注释保留在 {root / 'roles/customer-service-norms.yaml'} 末尾",
        }
    ]


def test_the_project_checks_clean_after_the_import(imported: tuple[Path, dict[str, dict[str, object]]]) -> None:
    root, _ = imported
    result = run_cli("check", str(root))
    assert result.exit_code == 0, result.stdout + result.stderr


def test_the_labelled_cell_sheet(imported: tuple[Path, dict[str, dict[str, object]]]) -> None:
    root, _ = imported
    assert (root / "roles/call-centre-agent.yaml").read_text(encoding="utf-8") == AGENT_YAML


AGENT_YAML = """\
# yaml-language-server: $schema=../schemas/post.schema.json
# 导入自 call-centre-agent.docx（orgspec import）
# 导入时请核对：
# - “值长”不是本项目的岗位，未填写；导入或新建该岗位后，再在这里写上它的 id
title: 客服中心坐席员
department: customer-service
purpose: 做好客服中心日常的客户服务工作
duties:
  - 负责受理客户来电,并及时跟踪、回访及归档,严格遵循闭环处理原则。
  - 负责按工作需要和要求落实主动呼出等服务。
  - 负责收集客户反映的热点问题,并及时反馈。
  - 负责对客户做好重大、突发事件的解释工作,并及时上报。
  - 严格遵守各项规章制度。
  - 按时完成上级领导安排的各项工作。
responsibilities:
  - 对负责的岗位所做的工作负责。
  - 对岗位所分解承担的考核指标完成情况负责。
  - 对部门所承担的分解考核指标和工作任务负责。对班组的安全负总责。
authorities:
  - 业务受理组的人员管理和业务管理
qualifications:
  education: 大专及以上学历
  majors: 电力、市场营销、客户服务等相关专业
  experience: 电力行业相关经验、客服中心技术知识
  certificates: 持证上岗要求,如岗位证
  skills:
    - 语言水平:声音亲切、咬字清晰,发音标准,掌握简单英语口语。
    - 电脑操作水平:具备良好的电脑操作能力,能熟练使用办公软件。
    - 沟通能力:具有良好的口头和书面表达能力。具备一定的应变能力。
  knowledge: 电力系统相关专业知识
  qualities: 身体健康,具有良好的适应能力和抗压能力,能适度地控制情绪,能够保持良的人际关系。
"""
