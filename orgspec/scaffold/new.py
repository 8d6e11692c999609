"""`orgspec new`: the YAML skeleton of a new post or department (pure text, written by the CLI).

A skeleton is valid as it stands (so `orgspec check` passes, with warnings
for the parts still empty) and explains every section in a comment, with
commented-out examples to fill in, as the example organisation does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import yaml

from orgspec.core.errors import UnknownNameError
from orgspec.load.project import DEPARTMENTS_DIR, ROLES_DIR, Project
from orgspec.model.code_pattern import CodePattern
from orgspec.model.types import ID_RE


def post_path(key: str) -> str:
    return f"{ROLES_DIR}/{key}.yaml"


def department_path(key: str) -> str:
    return f"{DEPARTMENTS_DIR}/{key}.yaml"


def is_id(text: str) -> bool:
    """Whether ``text`` can be an id: lowercase letters, digits and inner hyphens."""
    return ID_RE.match(text) is not None


def require(kind: str, key: str | None, known: Iterable[str]) -> None:
    """Fail unless ``key`` (when given) is one of ``known``, suggesting the closest."""
    names = sorted(known)
    if key is not None and key not in names:
        raise UnknownNameError(kind, key, names)


def scalar(text: str) -> str:
    """``text`` as a YAML value: plain when YAML reads it back unchanged, else double-quoted."""
    plain = text.strip() == text and "\n" not in text and "#" not in text
    if plain:
        try:
            plain = yaml.safe_load(f"value: {text}") == {"value": text}
        except yaml.YAMLError:
            plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def post_code(project: Project, department: str) -> str | None:
    """The next post number in ``department``, from the settings' code pattern and the department's code."""
    entity = project.departments.get(department)
    codes = [entity.model.code for entity in project.posts.values() if entity.model.code]
    pattern = project.settings.code_pattern
    return CodePattern(pattern).next_number(entity.model.code if entity else None, codes) if pattern else None


def _line(name: str, value: str | None, example: str = "") -> str:
    """``name: value``, or the line commented out with an example when there is no value."""
    return f"{name}: {scalar(value)}" if value else f"# {name}: {example}".rstrip()


def post_skeleton(
    key: str,
    *,
    department: str,
    title: str | None = None,
    title_en: str | None = None,
    reports_to: str | None = None,
    code: str | None = None,
    grades: Sequence[str] = (),
    clauses: Sequence[str] = (),
    budgeted_by: str | None = None,
    grade: str | None = None,
    authorised: int | None = None,
    filled: int | None = None,
) -> str:
    """A new post's YAML: the basic information filled in, every other section explained and commented out.

    ``budgeted_by`` names a department whose authorised total covers the post: without an ``authorised``
    count the post then starts with none, so that the total still adds up until both are changed together.
    """
    return POST_TEMPLATE.format(
        authorised=f"authorised: {authorised}" if authorised is not None else _authorised(budgeted_by),
        filled=f"filled: {filled}" if filled is not None else "# filled: 1",
        grade=_line("grade", grade, grades[0] if grades else "P1"),
        key=key,
        title=_line("title", title or key),
        title_en=_line("title_en", title_en, "Job title in English"),
        code=_line("code", code, "按 orgspec.yaml 中 code_pattern 的编号规则填写"),
        department=_line("department", department),
        grades="、".join(grades) or "见 orgspec.yaml 中的 grades",
        reports_to=_line("reports_to", reports_to, "上级岗位的 id"),
        clause=clauses[0] if clauses else "other-tasks",
        clauses="、".join(clauses) or "clauses.yaml 中尚无条款",
    )


def _authorised(budgeted_by: str | None) -> str:
    if budgeted_by is None:
        return "authorised: 1"
    return f"# 部门 {budgeted_by} 已核定编制总数：本岗位定编后，请同时调高该部门的 authorised\nauthorised: 0"


def budgeting_department(project: Project, department: str) -> str | None:
    """The department, or the nearest one above it, whose authorised total would count a new post."""
    seen: set[str] = set()
    current: str | None = department
    while current is not None and current in project.departments and current not in seen:
        seen.add(current)
        model = project.departments[current].model
        if model.authorised is not None:
            return current
        current = model.parent
    return None


def department_skeleton(
    key: str,
    *,
    name: str | None = None,
    parent: str | None = None,
    head: str | None = None,
    clauses: Sequence[str] = (),
) -> str:
    """A new department's YAML: name, parent and head filled in, every other section explained and commented out."""
    return DEPARTMENT_TEMPLATE.format(
        key=key,
        name=_line("name", name or key),
        parent=_line("parent", parent, "上级部门的 id"),
        head=_line("head", head, "岗位 id"),
        clause=clauses[0] if clauses else "other-tasks",
    )


POST_TEMPLATE = """\
# yaml-language-server: $schema=../schemas/post.schema.json
# 岗位说明书：一个岗位一个文件，文件名（{key}）就是岗位的 id。
# 以 # 开头的是注释；删去行首的 “# ” 即启用该项。写好后运行 orgspec check 检查。

# ── 基本信息 ──
# 岗位名称
{title}
# 英文名称
{title_en}
# 岗位编号
{code}
# 所属部门：departments/ 下的文件名（部门 id）
{department}
# 职位等级，可选：{grades}
{grade}
# 岗位编制（核定人数）；实有人数 filled 不写时视为满编
{authorised}
{filled}
# 直接上级：上级岗位的 id（roles/ 下的文件名）；最高岗位不写。直接下级由各岗位的 reports_to 推出，不必填写
{reports_to}
# 虚线上级（次要汇报关系）
# dotted_line: [上级岗位的 id]
# 兼任：本岗位任职者同时担任的另一岗位的 id；人数只计一次
# also_holds: 岗位 id
# 编制类别（如 行政编制 / 事业编制 / 工勤编制）和领导职务（计入部门的领导职数）
# staffing_kind: 行政编制
# leadership: 副主任
# 职位序列（orgspec.yaml 的 families）中，本级的哪些内容替换而不是追加下级的内容
# replaces: [kpis]

# ── 岗位设置目的：为什么设这个岗位 ──
# purpose:

# ── 本职工作：一句话概括这个岗位做什么 ──
# summary:

# ── 工作内容与职责：逐条按顺序写；可分组、可注明时间占比 ──
# 多个岗位共用的标准条款写在 clauses.yaml 里，这里用 clause 引用（可用：{clauses}）
duties: []
#   - 负责……
#   - text: 负责……
#     share: 20%
#   - group: 分组标题
#     items:
#       - 负责……
#   - clause: {clause}

# ── 岗位责任：本岗位对什么结果负责 ──
# responsibilities:
#   - 对……负责

# ── 岗位权限：可注明业务事项、权限类型（propose 提议 / review 审核 / decide 审批 / informed 知会）和金额限额 ──
# authorities:
#   - 对……有建议权
#   - text: 审批……费用
#     item: 费用报销
#     say: decide
#     limit: 20000
#     note: 单笔

# ── 关键绩效指标 ──
kpis: []
#   - name: 指标名称
#     definition: 怎样计算
#     target: "≥ 90%"
#     period: monthly
#     source: 数据来源或考核方式

# ── 工作规程：daily 每日 / weekly 每周 / monthly 每月 / quarterly 每季 / yearly 每年；时间要加引号 ──
# routines:
#   daily:
#     - time: "8:30~10:00"
#       text: ……

# ── 工作协调关系：内部写部门 id、岗位 id 或其他对象；外部写单位名称 ──
# relations:
#   internal:
#     - department: 部门 id
#       about: 协调内容
#     - post: 岗位 id
#   external:
#     - party: 客户

# ── 任职资格 ──
# qualifications:
#   education: 大专及以上学历
#   majors: 专业
#   experience: 工作经验
#   certificates: 职称或资格证书
#   skills: 业务技能
#   knowledge: 专业知识
#   qualities: 综合素质
#   preferred: 优先条件（非必备）

# ── 能力要求：等级取自 orgspec.yaml 的 competency_scale ──
# competencies:
#   - name: 沟通协调能力
#     level: 3
#     description: 说明

# ── 工作环境 ──
# environment:

# ── 职业发展 ──
# career:

# ── 其他栏目：orgspec.yaml 的 sections 中声明的栏目（如 培训要求、工作时间、招聘流程） ──
# sections:
#   training: [……]

# ── 修订记录：版本号要加引号 ──
# revisions:
#   - version: "1.0"
#     date: 2025-01-01
#     change: 新建岗位说明书
#     author: 修订者
#     reviewer: 审核者
#     approver: 审批者
"""

DEPARTMENT_TEMPLATE = """\
# yaml-language-server: $schema=../schemas/department.schema.json
# 组织说明书：一个部门一个文件，文件名（{key}）就是部门的 id。
# 以 # 开头的是注释；删去行首的 “# ” 即启用该项。写好后运行 orgspec check 检查。

# ── 基本信息 ──
# 部门名称
{name}
# 英文名称
# name_en: Department name in English
# 部门代码：用于岗位编号（如 KF）
# code:
# 上级部门：上级部门的 id（departments/ 下的文件名）；一级部门不写
{parent}
# 排序：同级部门中数字小的排在前面
# order: 0
# 部门负责人：负责人岗位的 id，该岗位须属于本部门
{head}
# 机构规格（如 正科级）
# rank: 正科级
# 合署办公的部门 id
# shares_office_with: [部门 id]

# ── 工作目标 ──
# objective:

# ── 部门职责：逐条写，可分组（如 对内职能 / 对外职能）；标准条款用 clause 引用 ──
functions: []
#   - 负责……
#   - group: 对内职能
#     items:
#       - 负责……
#   - clause: {clause}

# ── 管理内容 ──
# management:
#   - ……

# ── 管理范围（地区、区域） ──
# territory:
#   - ……

# ── 编制：本部门及下级部门的核定人数合计，检查时与各岗位编制之和比对 ──
# authorised: 10
# 三定：按编制类别的人员编制，和按职务的领导职数（含下级部门的岗位）
# staffing: {{行政编制: 8, 工勤编制: 1}}
# leadership: {{主任: 1, 副主任: 2}}

# ── 部门关键绩效指标 ──
# kpis:
#   - name: 指标名称
#     target: 目标
#     period: monthly

# ── 工作协调关系 ──
# relations:
#   internal:
#     - department: 部门 id
#       about: 协调内容
#   external:
#     - party: 客户

# ── 修订记录 ──
# revisions:
#   - version: "1.0"
#     date: 2025-01-01
#     change: 新建组织说明书
"""
