"""`orgspec import docx`: layouts, labels, ids, names and what is written, on documents built here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgspec.model import Post
from orgspec.model.targets import IMPORT_TARGETS
from tests.conftest import run_cli, write_files
from tests.documents.builder import H, P, T, word

CHINESE = {
    "orgspec.yaml": "name: 测试公司\ngrades:\n  - {id: M3, name: 主管级}\n",
    "clauses.yaml": "other-tasks: 完成上级交办的其他工作\n",
    "departments/kf.yaml": "name: 客服部\n",
    "roles/kf-manager.yaml": "title: 客服经理\ndepartment: kf\n",
}
ENGLISH = {
    "orgspec.yaml": "name: Test Ltd\nlocale: en\ngrades:\n  - {id: M1, name: Team leader}\n",
    "departments/cs.yaml": "name: Customer Service\n",
    "roles/cs-manager.yaml": "title: Customer Services Manager\ndepartment: cs\n",
}


def project(root: Path, files: dict[str, str]) -> Path:
    write_files(root, files)
    return root


def supervisor_sheet(path: Path) -> Path:
    """Headings and numbered lists, with a KPI, an authority and a revision table under them."""
    return word(
        path,
        H("客服主管岗位说明书", 0),
        "岗位名称：客服主管",
        "所属部门：客服部",
        "职位等级：主管级",
        "直接上级：客服经理",
        H("一、岗位职责"),
        "（一）受理与回访",
        "1. 受理客户来电（40%）",
        "2. 回访重点客户（30%）",
        "（二）其他",
        "① 完成上级交办的其他工作",
        H("二、考核指标"),
        T([["指标", "权重", "目标", "考核周期", "数据来源"], ["客户满意度", "60%", "≥ 90 分", "月度", "回访记录"]]),
        H("三、岗位权限"),
        T([["权限内容", "事项", "权限类型", "额度"], ["审批客户退款", "客户退款", "审批", "2万元（单笔）"]]),
        H("四、任职资格"),
        "1、大专及以上学历",
        "2、三年以上客服工作经验",
        "3、熟练使用办公软件",
        H("五、修订记录"),
        T([["版本", "修订日期", "修订内容", "修订人"], ["1.0", "2024年3月1日", "初版", "人力资源部"]]),
    )


def test_headings_lists_and_tables(tmp_path: Path) -> None:
    root = project(tmp_path / "project", CHINESE)
    sheet = supervisor_sheet(tmp_path / "客服主管.docx")

    result = run_cli("import", "docx", str(sheet), "-C", str(root))

    assert result.exit_code == 0, result.stderr
    assert (root / "roles/ke-fu-zhu-guan.yaml").read_text(encoding="utf-8") == SUPERVISOR_YAML
    assert run_cli("check", str(root)).exit_code == 0


SUPERVISOR_YAML = """\
# yaml-language-server: $schema=../schemas/post.schema.json
# 导入自 客服主管.docx（orgspec import）
title: 客服主管
department: kf
grade: M3
reports_to: kf-manager
duties:
  - group: 受理与回访
    items:
      - text: 受理客户来电
        share: 40
      - text: 回访重点客户
        share: 30
  - group: 其他
    items:
      - clause: other-tasks
authorities:
  - text: 审批客户退款
    item: 客户退款
    say: decide
    limit: 20000
    note: 单笔
kpis:
  - name: 客户满意度
    target: ≥ 90 分
    period: monthly
    source: 回访记录
    weight: 60
qualifications:
  education: 大专及以上学历
  experience: 三年以上客服工作经验
  skills: 熟练使用办公软件
revisions:
  - version: '1.0'
    date: 2024-03-01
    change: 初版
    author: 人力资源部
"""


def english_documents(folder: Path) -> Path:
    """Two English job descriptions: labelled cells with bullets, and headings with Word's own numbering."""
    word(
        folder / "team-leader.docx",
        H("Job Description: Customer Service Team Leader", 0),
        T(
            [
                ["Job title", "Customer Service Team Leader"],
                ["Department", "Customer Service"],
                ["Reports to", "Customer Service Manager"],
                ["Grade", "M1"],
                ["Main purpose of the job", "To lead the team that answers customers' calls and letters."],
            ]
        ),
        H("Key responsibilities"),
        P("Lead a team of customer service advisers.", "List Bullet"),
        P("Handle the complaints that advisers pass on.", "List Bullet"),
        H("Person specification"),
        T([["Education", "A degree, or equivalent experience"], ["Skills", "Clear writing\nCalm under pressure"]]),
        H("Working conditions"),
        "Office based, with some evening shifts.",
        H("Salary"),
        "From 25,000 a year.",
    )
    word(
        folder / "adviser.docx",
        H("Customer Service Adviser", 0),
        "Department: Customer Service",
        "Reports to: Customer Service Team Leader",
        H("Duties"),
        P("Answer calls and e-mails from customers.", "List Number"),
        P("Record every contact in the system.", "List Number"),
        H("Key performance indicators"),
        T([["KPI", "Target", "Frequency"], ["Calls answered within 20 seconds", "80%", "Weekly"]]),
    )
    return folder


def test_english_documents_of_two_layouts(tmp_path: Path) -> None:
    root = project(tmp_path / "project", ENGLISH)
    folder = english_documents(tmp_path / "documents")

    result = run_cli("import", "docx", str(folder), "-C", str(root))

    assert result.exit_code == 0, result.stderr
    assert (root / "roles/team-leader.yaml").read_text(encoding="utf-8") == TEAM_LEADER_YAML
    assert (root / "roles/adviser.yaml").read_text(encoding="utf-8") == ADVISER_YAML
    assert result.stderr.splitlines() == [
        f"{folder / 'team-leader.docx'}: table 1, row 3, column 2: 'Customer Service Manager' is not a post of the "
        "project, so it was left out; did you mean 'Customer Services Manager'? Write its id here",
        f"{folder / 'team-leader.docx'}: paragraph 8: text under 'Salary' found no field: 'From 25,000 a year.'; "
        f"kept as a comment at the end of {root / 'roles/team-leader.yaml'}",
    ]
    assert result.stdout.splitlines() == [
        f"{folder / 'adviser.docx'} → {root / 'roles/adviser.yaml'} (Customer Service Adviser): 5 of 18 fields "
        "filled (28%), 100% of the text placed, 0 kept aside",
        f"{folder / 'team-leader.docx'} → {root / 'roles/team-leader.yaml'} (Customer Service Team Leader): 7 of 18 "
        "fields filled (39%), 95% of the text placed, 1 kept aside",
        "files read: 2; written: 2 posts, 0 departments; text kept as comments: 1; files not imported: 0",
    ]


TEAM_LEADER_YAML = """\
# yaml-language-server: $schema=../schemas/post.schema.json
# imported from team-leader.docx (orgspec import)
# to check after the import:
# - 'Customer Service Manager' is not a post of the project, so it was left out; did you mean 'Customer Services Manager'? Write its id here
title: Customer Service Team Leader
department: cs
grade: M1
purpose: To lead the team that answers customers' calls and letters.
duties:
  - Lead a team of customer service advisers.
  - Handle the complaints that advisers pass on.
qualifications:
  education: A degree, or equivalent experience
  skills:
    - Clear writing
    - Calm under pressure
environment: Office based, with some evening shifts.

# ── text of the document that found no field, kept as it was: move it into a field, or delete it ──
# [Salary] paragraph 8
#   From 25,000 a year.
"""

ADVISER_YAML = """\
# yaml-language-server: $schema=../schemas/post.schema.json
# imported from adviser.docx (orgspec import)
title: Customer Service Adviser
department: cs
reports_to: team-leader
duties:
  - Answer calls and e-mails from customers.
  - Record every contact in the system.
kpis:
  - name: Calls answered within 20 seconds
    target: 80%
    period: weekly
"""


def test_labelled_cells_merged_and_split(tmp_path: Path) -> None:
    """Group labels merged down, a head count split over two cells, a list over several cells."""
    root = project(tmp_path / "project", CHINESE)
    sheet = word(
        tmp_path / "专员.docx",
        T(
            [
                ["岗位信息", "岗位名称", "客服专员", "岗位编制", "3", "人"],
                ["^", "所属部门", "客服部", "直接上级", "客服主管", "<"],
                ["岗位职责", "1. 受理来电", "2. 回访客户", "<", "<", "<"],
                ["任职资格", "学历", "大专", "经验", "一年以上", "<"],
            ]
        ),
    )
    run_cli("import", "docx", str(supervisor_sheet(tmp_path / "客服主管.docx")), "-C", str(root))

    result = run_cli("import", "docx", str(sheet), "-C", str(root))

    assert result.exit_code == 0, result.stderr
    assert (root / "roles/ke-fu-zhuan-yuan.yaml").read_text(encoding="utf-8").split("\n", 2)[2] == (
        "title: 客服专员\n"
        "department: kf\n"
        "authorised: 3\n"
        "reports_to: ke-fu-zhu-guan\n"
        "duties:\n"
        "  - 受理来电\n"
        "  - 回访客户\n"
        "qualifications:\n"
        "  education: 大专\n"
        "  experience: 一年以上\n"
    )


def test_labels_of_the_projects_own(tmp_path: Path) -> None:
    sheet = word(tmp_path / "zhuanyuan.docx", "岗位名称：客服专员", "所属部门：客服部", "岗位综述：受理客户来电")
    plain = project(tmp_path / "plain", CHINESE)
    extended = project(
        tmp_path / "extended",
        {**CHINESE, "orgspec.yaml": CHINESE["orgspec.yaml"] + "import_labels:\n  岗位综述: summary\n"},
    )

    run_cli("import", "docx", str(sheet), "-C", str(plain))
    run_cli("import", "docx", str(sheet), "-C", str(extended))

    assert "summary" not in (plain / "roles/zhuanyuan.yaml").read_text(encoding="utf-8")
    assert "# 【岗位综述】第 3 段\n#   受理客户来电\n" in (plain / "roles/zhuanyuan.yaml").read_text(encoding="utf-8")
    assert "summary: 受理客户来电\n" in (extended / "roles/zhuanyuan.yaml").read_text(encoding="utf-8")


def test_ids_from_the_file_name_the_title_or_the_option(tmp_path: Path) -> None:
    root = project(tmp_path, CHINESE)
    named = word(tmp_path / "in/cs-agent.docx", "岗位名称：客服专员", "所属部门：客服部")
    chinese = word(tmp_path / "in/客服专员岗位说明书.docx", "岗位名称：客服专员", "所属部门：客服部")
    chosen = word(tmp_path / "other/agent.docx", "岗位名称：客服专员", "所属部门：客服部")

    assert run_cli("import", "docx", str(tmp_path / "in"), "-C", str(root)).exit_code == 0
    assert run_cli("import", "docx", str(chosen), "--id", "night-agent", "-C", str(root)).exit_code == 0

    assert sorted(path.name for path in (root / "roles").iterdir()) == [
        "cs-agent.yaml",
        "ke-fu-zhuan-yuan.yaml",
        "kf-manager.yaml",
        "night-agent.yaml",
    ]
    assert named.exists() and chinese.exists()


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    root = project(tmp_path, CHINESE)
    sheet = word(tmp_path / "kf-manager.docx", "岗位名称：客服经理", "所属部门：客服部", "本职工作：新的内容")
    before = (root / "roles/kf-manager.yaml").read_bytes()

    result = run_cli("import", "docx", str(sheet), "-C", str(root))

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{sheet}: {root / 'roles/kf-manager.yaml'} 已存在，没有覆盖；要另建岗位，请把文件改名为新的 id"
        "（单个文件也可用 --id）后再导入"
    ]
    assert (root / "roles/kf-manager.yaml").read_bytes() == before


def test_two_documents_with_one_id_are_both_refused(tmp_path: Path) -> None:
    root = project(tmp_path, CHINESE)
    word(tmp_path / "in/a/客服专员.docx", "岗位名称：客服专员", "所属部门：客服部")
    word(tmp_path / "in/b/客服专员.docx", "岗位名称：客服专员", "所属部门：客服部")

    result = run_cli("import", "docx", str(tmp_path / "in"), "-C", str(root))

    assert result.exit_code == 1
    assert "岗位 id“ke-fu-zhuan-yuan”与" in result.stderr
    assert sorted(path.name for path in (root / "roles").iterdir()) == ["kf-manager.yaml"]


def test_a_new_department_is_made_and_a_close_name_named(tmp_path: Path) -> None:
    root = project(tmp_path, CHINESE)
    sheet = word(tmp_path / "agent.docx", "岗位名称：客服专员", "所属部门：客服一部", "直接上级：客服经里")

    result = run_cli("import", "docx", str(sheet), "-C", str(root))

    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{sheet}: 第 2 段: 所属部门“客服一部”在本项目中还没有，已新建 departments/ke-fu-yi-bu.yaml；若指的是“客服部”（kf），"
        "请把 department 改为 kf，并删除新文件",
        f"{sheet}: 第 3 段: “客服经里”不是本项目的岗位，未填写；是否为“客服经理”？请写上它的 id",
    ]
    department = (root / "departments/ke-fu-yi-bu.yaml").read_text(encoding="utf-8")
    assert "name: 客服一部\n" in department and "head: agent\n" in department
    assert run_cli("check", str(root)).exit_code == 0


def test_a_dry_run_writes_nothing_and_reports_as_json(tmp_path: Path) -> None:
    root = project(tmp_path, CHINESE)
    sheet = supervisor_sheet(tmp_path / "lead.docx")

    result = run_cli("import", "docx", str(sheet), "--dry-run", "--format", "json", "-C", str(root))

    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["files"] == [
        {
            "file": str(sheet),
            "post": "lead",
            "title": "客服主管",
            "path": str(root / "roles/lead.yaml"),
            "fields_filled": 9,
            "fields": 18,
            "text_placed_percent": 100.0,
            "kept": 0,
        }
    ]
    assert report["summary"] == {
        "files": 1, "posts": 1, "departments": 0, "kept": 0, "failed": 0, "rows": 0, "dry_run": True
    }  # fmt: skip
    assert not (root / "roles/lead.yaml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--department", "kf-x"], "Error: 'kf-x' is not a known department; did you mean 'kf'?"),
        (["--id", "a"], "Error: --id names the post of one file: give one .docx with it"),
        (["--id", "Bad_Id"], "'Bad_Id' is not an id"),
    ],
)
def test_options_that_cannot_be_used(tmp_path: Path, args: list[str], message: str) -> None:
    root = project(tmp_path, CHINESE)
    word(tmp_path / "in/a.docx", "岗位名称：甲")
    word(tmp_path / "in/b.docx", "岗位名称：乙")

    result = run_cli("import", "docx", str(tmp_path / "in"), *args, "-C", str(root))

    assert result.exit_code == 2
    assert message in result.stderr


def test_a_folder_without_word_files(tmp_path: Path) -> None:
    root = project(tmp_path / "project", CHINESE)
    (tmp_path / "empty").mkdir()

    result = run_cli("import", "docx", str(tmp_path / "empty"), "-C", str(root))

    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'empty'}: no Word file (.docx or .doc) in it\n"


COLUMNS = ("kpi", "authority", "routine", "relation", "revision", "competency")
FILLED_BY_PARAGRAPHS = sorted(target for target in IMPORT_TARGETS if target.split(".")[0] not in COLUMNS)
"""Every field a label can name outside a table: the columns of tables are tested with their tables."""


@pytest.mark.parametrize("target", FILLED_BY_PARAGRAPHS)
def test_no_label_loses_its_text(tmp_path: Path, target: str) -> None:
    """Whatever field a project's own label names, its text lands in the post or in the comments kept."""
    settings = CHINESE["orgspec.yaml"] + f"import_labels:\n  自定栏目: {target}\n"
    root = project(tmp_path, {**CHINESE, "orgspec.yaml": settings})
    sheet = word(tmp_path / "post.docx", "岗位名称：客服专员", "所属部门：客服部", "自定栏目：核对值班表Z9")

    result = run_cli("import", "docx", str(sheet), "-C", str(root))

    assert result.exit_code == 0, result.stderr
    assert "核对值班表Z9" in (root / "roles/post.yaml").read_text(encoding="utf-8") + result.stderr


TWO_SERVICE_DEPARTMENTS = {
    "orgspec.yaml": "name: 测试公司\ncode_pattern: T-{department}-{seq:2}\n",
    "departments/north.yaml": "name: 北区\n",
    "departments/south.yaml": "name: 南区\n",
    "departments/kf-north.yaml": "name: 客服部\nparent: north\ncode: KFN\n",
    "departments/kf-south.yaml": "name: 客服部\nparent: south\ncode: KFS\n",
    "roles/north-head.yaml": "title: 区域经理\ndepartment: north\n",
    "roles/south-head.yaml": "title: 区域经理\ndepartment: south\n",
}
"""Two departments called 客服部, under two regions each with a manager called 区域经理."""


def test_a_department_name_two_departments_share_is_told_apart_by_the_post_number(tmp_path: Path) -> None:
    root = project(tmp_path / "project", TWO_SERVICE_DEPARTMENTS)
    sheet = word(
        tmp_path / "agent.docx", "岗位名称：客服专员", "岗位编号：T-KFS-01", "所属部门：客服部", "直接上级：区域经理"
    )

    result = run_cli("import", "docx", str(sheet), "-C", str(root))

    assert result.exit_code == 0, result.stderr
    text = (root / "roles/agent.yaml").read_text(encoding="utf-8")
    assert "\ndepartment: kf-south\nreports_to: south-head\n" in text  # the nearest 区域经理 up the tree
    assert run_cli("check", str(root)).exit_code == 0


def test_a_department_name_two_departments_share_and_nothing_tells_apart(tmp_path: Path) -> None:
    root = project(tmp_path / "project", TWO_SERVICE_DEPARTMENTS)
    sheet = word(tmp_path / "agent.docx", "岗位名称：客服专员", "所属部门：客服部")

    result = run_cli("import", "docx", str(sheet), "-C", str(root))

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{sheet}: 第 2 段: 有几个部门都叫“客服部”（kf-north、kf-south），不知是哪一个，没有导入；用 --department 指定其中一个"
        "的 id 后再导入"
    ]
    assert not (root / "roles/agent.yaml").exists()


NOT_IN_DOCUMENTS = {"based_on", "replaces"}
"""Fields no document can carry: a sheet prints what a post takes from another (``based_on``) as its own, and a
level of a job family prints its entries, never which of its fields start afresh (``replaces``)."""


def test_every_field_of_a_post_can_be_named_by_a_label() -> None:
    """A field added to posts needs its import target too (and the reading of it), or documents cannot fill it."""
    assert set(Post.model_fields) - NOT_IN_DOCUMENTS <= set(IMPORT_TARGETS)


BUREAU = {
    "orgspec.yaml": "name: 示例区档案局\n"
    "competency_scale:\n  - {level: 1, name: 了解}\n  - {level: 2, name: 熟悉}\n  - {level: 3, name: 掌握}\n"
    "sections:\n  - {id: training, title: 培训要求}\n  - {id: hours, title: 工作时间}\n",
    "departments/office.yaml": "name: 办公室\n",
    "roles/director.yaml": "title: 局长\ndepartment: office\n",
    "roles/archive-chief.yaml": "title: 机要科科长\ndepartment: office\nreports_to: director\n",
}
"""A project with a competency scale and two sections of its own (工作时间 one of them, which orgspec's own labels
would read as the working environment)."""


def test_staffing_kind_leadership_a_post_held_too_competencies_and_sections(tmp_path: Path) -> None:
    root = project(tmp_path / "project", BUREAU)
    sheet = word(
        tmp_path / "office-chief.docx",
        H("办公室主任岗位说明书", 0),
        T(
            [
                ["岗位名称", "办公室主任", "所属部门", "办公室"],
                ["编制类别", "行政编制", "领导职务", "主任"],
                ["直接上级", "局长", "兼任", "机要科科长"],
            ]
        ),
        H("一、岗位职责"),
        "1. 负责文电、会务工作",
        H("二、能力要求"),
        "评级标准：1 了解、2 熟悉、3 掌握",
        "1. 公文写作：掌握（3），能起草重要文稿",
        "2. 沟通协调能力 2级",
        "3. 保密意识",
        "4. 外语：精通（5）",
        H("三、任职资格"),
        "优先条件：具有档案专业中级职称",
        H("四、培训要求"),
        "1. 岗前培训一个月",
        "2. 每年参加业务培训不少于 40 学时",
        H("五、工作时间"),
        "标准工时制",
    )

    result = run_cli("import", "docx", str(sheet), "-C", str(root))

    assert result.exit_code == 0, result.stderr
    assert (root / "roles/office-chief.yaml").read_text(encoding="utf-8").split("\n", 4)[4] == OFFICE_CHIEF_YAML
    assert result.stderr.splitlines() == [
        f"{sheet}: 第 9 段: 能力“外语”的等级“精通（5）”不在 orgspec.yaml 的 competency_scale（1、2、3）中，已作为技能写入 "
        "qualifications.skills；在 competency_scale 中加上这一级后，可把它移到 competencies"
    ]
    assert run_cli("check", str(root)).exit_code == 0


OFFICE_CHIEF_YAML = """\
title: 办公室主任
department: office
staffing_kind: 行政编制
leadership: 主任
reports_to: director
also_holds: archive-chief
duties:
  - 负责文电、会务工作
qualifications:
  skills:
    - 保密意识
    - 外语：精通（5）
  preferred: 具有档案专业中级职称
competencies:
  - name: 公文写作
    level: 3
    description: 能起草重要文稿
  - name: 沟通协调能力
    level: 2
sections:
  training:
    - 岗前培训一个月
    - 每年参加业务培训不少于 40 学时
  hours: 标准工时制
"""


def test_a_section_under_a_label_of_the_projects_own(tmp_path: Path) -> None:
    settings = BUREAU["orgspec.yaml"] + "import_labels:\n  培训需求: sections.training\n"
    root = project(tmp_path / "project", {**BUREAU, "orgspec.yaml": settings})
    sheet = word(tmp_path / "clerk.docx", "岗位名称：文书", "所属部门：办公室", "备注：无", "培训需求：岗前培训两周")

    result = run_cli("import", "docx", str(sheet), "-C", str(root))

    text = (root / "roles/clerk.yaml").read_text(encoding="utf-8")
    assert "\nsections:\n  training: 岗前培训两周\n" in text
    assert text.endswith("# 【备注】第 3 段\n#   无\n")  # a label no section of the project has: kept as it was
    assert result.exit_code == 0


def test_competencies_without_a_scale_are_skills(tmp_path: Path) -> None:
    root = project(tmp_path / "project", CHINESE)
    sheet = word(tmp_path / "clerk.docx", "岗位名称：文书", "所属部门：客服部", "能力要求：", "1. 沟通能力（3级）")

    result = run_cli("import", "docx", str(sheet), "-C", str(root))

    assert "qualifications:\n  skills: 沟通能力（3级）\n" in (root / "roles/clerk.yaml").read_text(encoding="utf-8")
    assert "但 orgspec.yaml 中还没有 competency_scale" in result.stderr


def test_a_title_line_its_summary_and_labels_written_as_phrases(tmp_path: Path) -> None:
    """A first line that is no label is the title, the prose under it the summary; The main responsibilities of the
    post are: names the duties, and a heading is read before its subtitle; a plain line after a list Word numbers
    continues nothing."""
    root = project(tmp_path / "project", ENGLISH)
    sheet = word(
        tmp_path / "analyst.docx",
        "Data Analyst",
        "You will turn the service's data into decisions.",
        "The main responsibilities of the post are:",
        P("Build the monthly dashboards", "List Bullet"),
        P("Answer questions from the team", "List Bullet"),
        "Reporting",
        H("Person specification - skills required", 2),
        P("Skilled in SQL", "List Bullet"),
        "Desirable",
        P("Experience of R", "List Bullet"),
    )

    result = run_cli("import", "docx", str(sheet), "--department", "cs", "-C", str(root))

    assert result.exit_code == 0, result.stderr
    assert (root / "roles/analyst.yaml").read_text(encoding="utf-8").split("\n", 2)[2] == (
        "title: Data Analyst\n"
        "department: cs\n"
        "summary: You will turn the service's data into decisions.\n"
        "duties:\n"
        "  - Build the monthly dashboards\n"
        "  - Answer questions from the team\n"
        "qualifications:\n"
        "  skills: Skilled in SQL\n"
        "  preferred: Experience of R\n"
        "\n"
        "# ── text of the document that found no field, kept as it was: move it into a field, or delete it ──\n"
        "# [The main responsibilities of the post are] paragraph 6\n"
        "#   Reporting\n"
    )
