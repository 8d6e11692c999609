"""A company with a full authority matrix (分权手册): 40 business items, 12 posts and 3 bodies that sign.

The fund-payment item is the table of a real 资金审批权限表: four tiers
(≤5万, 5–20万, 20–200万, over 200万), each signed in order by up to five
parties. The other items follow three common shapes (four tiers, two tiers,
no tier), so that the grid is as large as a real one: 40 items by 15 parties.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tests.conftest import write_files

SETTINGS = """\
name: 示范公司
currency: CNY
downloads: []
checks:
  post-without-kpis: ignore
approvals:
  bodies:
    - {name: 董事会, name_en: Board of directors}
    - {name: 股东会, name_en: Shareholders' meeting}
    - 有关部门
"""

DEPARTMENTS = {
    "gm-office": ("总经理办公室", "general-manager", 1),
    "finance": ("财务部", "finance-manager", 2),
    "purchasing": ("采购部", "purchasing-manager", 3),
    "hr": ("人力资源部", "hr-manager", 4),
    "sales": ("销售部", "sales-manager", 5),
}
"""id → (name, head, order)."""

POSTS = {
    "general-manager": ("总经理", "gm-office", None),
    "deputy-gm": ("副总经理", "gm-office", "general-manager"),
    "legal-counsel": ("法务专员", "gm-office", "general-manager"),
    "finance-manager": ("财务部经理", "finance", "deputy-gm"),
    "accountant": ("会计", "finance", "finance-manager"),
    "cashier": ("出纳", "finance", "finance-manager"),
    "purchasing-manager": ("采购部经理", "purchasing", "deputy-gm"),
    "buyer": ("采购员", "purchasing", "purchasing-manager"),
    "hr-manager": ("人力资源部经理", "hr", "general-manager"),
    "recruiter": ("招聘专员", "hr", "hr-manager"),
    "sales-manager": ("销售部经理", "sales", "deputy-gm"),
    "sales-rep": ("销售代表", "sales", "sales-manager"),
}
"""id → (title, department, reports_to)."""

FUND_PAYMENT = """\
  # 资金支付：四档金额，依次签批
  - item: 资金支付
    up_to: 5万
    parties:
      - cashier: 提议
      - finance-manager: 审核
      - deputy-gm: 审批
      - accountant: 备案
  - item: 资金支付
    above: 5万
    up_to: 20万
    parties:
      - cashier: 提议
      - finance-manager: 审核
      - deputy-gm: 会签
      - general-manager: 审批
      - accountant: 备案
  - item: 资金支付
    above: 20万
    up_to: 200万
    parties:
      - cashier: 提议
      - finance-manager: 审核
      - general-manager: 审核
      - 董事会: 审批
      - 有关部门: 知会
    note: 年度预算内
  - item: 资金支付
    above: 200万
    parties:
      - cashier: 提议
      - {party: finance-manager, action: review}
      - {party: general-manager, action: review}
      - {party: Board of directors, action: review}
      - 股东会: 核准
"""

OWNERS = ("buyer", "purchasing-manager", "recruiter", "hr-manager", "sales-rep", "sales-manager", "legal-counsel")
ITEMS = (
    "采购合同",
    "费用报销",
    "销售合同",
    "对外投资",
    "对外担保",
    "借款",
    "资产处置",
    "固定资产购置",
    "预算调整",
    "人员招聘",
    "薪酬调整",
    "员工培训",
    "合同变更",
    "坏账核销",
    "捐赠",
    "广告投放",
    "差旅费",
    "业务招待费",
    "办公用品采购",
    "软件采购",
    "设备维修",
    "租赁合同",
    "工程项目",
    "委托研发",
    "法律诉讼",
    "对外宣传",
    "印章使用",
    "档案借阅",
    "员工离职",
    "员工调岗",
    "绩效考核结果",
    "奖金发放",
    "供应商准入",
    "客户信用额度",
    "价格调整",
    "退货处理",
    "质量索赔",
    "保险投保",
    "税务申报",
)
"""39 items besides 资金支付: 40 in all."""


def _rules(index: int, item: str) -> Iterator[str]:
    owner = OWNERS[index % len(OWNERS)]
    shape = index % 3
    if shape == 0:
        tiers = (
            ("up_to: 1万", "deputy-gm: 审批"),
            ("above: 1万\n    up_to: 10万", "general-manager: 审批"),
            ("above: 10万", "董事会: 审批"),
        )
        for tier, final in tiers:
            yield f"  - item: {item}\n    {tier}\n    parties:\n      - {owner}: 提议\n      - finance-manager: 审核\n      - {final}\n"
    elif shape == 1:
        yield (
            f"  - item: {item}\n    up_to: 10万\n    parties:\n      - {owner}: 提议\n      - finance-manager: 会签\n"
            "      - general-manager: 审批\n      - accountant: 知会\n"
        )
        yield (
            f"  - item: {item}\n    above: 10万\n    parties:\n      - {owner}: 提议\n      - finance-manager: 会签\n"
            "      - general-manager: 审核\n      - 董事会: 审批\n      - 股东会: 知会\n"
        )
    else:
        yield f"  - item: {item}\n    parties:\n      - {owner}: 提议\n      - deputy-gm: 审核\n      - general-manager: 核准\n"


def approvals_yaml() -> str:
    rules = "".join(rule for index, item in enumerate(ITEMS) for rule in _rules(index, item))
    return "# yaml-language-server: $schema=schemas/approvals.schema.json\nrules:\n" + FUND_PAYMENT + rules


def demo_files(settings: str = SETTINGS) -> dict[str, str]:
    files = {"orgspec.yaml": settings, "approvals.yaml": approvals_yaml(), "clauses.yaml": "sign: 按分权手册签批\n"}
    for key, (name, head, order) in DEPARTMENTS.items():
        files[f"departments/{key}.yaml"] = f"name: {name}\nhead: {head}\norder: {order}\n"
    for key, (title, department, superior) in POSTS.items():
        reports = f"reports_to: {superior}\n" if superior else ""
        files[f"roles/{key}.yaml"] = f"title: {title}\ndepartment: {department}\n{reports}duties: [clause: sign]\n"
    return files


def write_demo(root: Path, settings: str = SETTINGS) -> Path:
    write_files(root, demo_files(settings))
    return root


CELL = ("资金支付", "5万–20万", "总经理", "④审批")
"""A cell of the grid: item, tier, party (its name), and what it shows (step and action)."""
