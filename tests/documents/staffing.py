"""A staffing table (岗位编制表) as HR keeps it in Excel: a title row, divisions and departments merged
down over their posts, subtotal rows, a notes column, and one title (部门经理) in several departments."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

HEADER = ["序号", "一级部门", "部门", "岗位名称", "岗位编号", "职位等级", "编制", "实有", "直接上级", "备注"]

POSTS: list[tuple[str, str, str, str, int, int, str]] = [
    # 一级部门, 部门, 岗位, 等级, 编制, 实有, 直接上级
    ("总经办", "", "总经理", "M1", 1, 1, ""),
    ("总经办", "", "总经理助理", "P2", 1, 1, "总经理"),
    ("总经办", "行政部", "部门经理", "M2", 1, 1, "总经理"),
    ("总经办", "行政部", "行政主管", "M3", 1, 1, "部门经理"),
    ("总经办", "行政部", "行政专员", "P2", 2, 2, "行政主管"),
    ("总经办", "行政部", "前台接待", "P1", 2, 1, "行政主管"),
    ("总经办", "行政部", "司机", "P1", 3, 3, "行政主管"),
    ("总经办", "人力资源部", "部门经理", "M2", 1, 1, "总经理"),
    ("总经办", "人力资源部", "招聘主管", "M3", 1, 1, "部门经理"),
    ("总经办", "人力资源部", "招聘专员", "P2", 2, 1, "招聘主管"),
    ("总经办", "人力资源部", "薪酬专员", "P2", 1, 1, "部门经理"),
    ("总经办", "人力资源部", "培训专员", "P2", 1, 0, "部门经理"),
    ("营销中心", "", "营销总监", "M1", 1, 1, "总经理"),
    ("营销中心", "市场部", "部门经理", "M2", 1, 1, "营销总监"),
    ("营销中心", "市场部", "市场策划专员", "P2", 2, 2, "部门经理"),
    ("营销中心", "市场部", "品牌专员", "P2", 1, 1, "部门经理"),
    ("营销中心", "市场部", "市场调研员", "P1", 2, 1, "部门经理"),
    ("营销中心", "南方区销售管理部", "销售管理部经理", "M2", 1, 1, "营销总监"),
    ("营销中心", "南方区销售管理部", "区域经理", "M3", 4, 4, "销售管理部经理"),
    ("营销中心", "南方区销售管理部", "市场督导", "P2", 2, 2, "销售管理部经理"),
    ("营销中心", "南方区销售管理部", "销售跟单员", "P1", 3, 3, "销售管理部经理"),
    ("营销中心", "南方区销售管理部", "拓展专员", "P1", 2, 1, "销售管理部经理"),
    ("营销中心", "北方区销售管理部", "北区销售管理部经理", "M2", 1, 1, "营销总监"),
    ("营销中心", "北方区销售管理部", "北区区域经理", "M3", 5, 4, "北区销售管理部经理"),
    ("营销中心", "北方区销售管理部", "北区市场督导", "P2", 2, 2, "北区销售管理部经理"),
    ("营销中心", "北方区销售管理部", "北区销售跟单员", "P1", 3, 2, "北区销售管理部经理"),
    ("客户服务中心", "", "客户服务中心经理", "M1", 1, 1, "总经理"),
    ("客户服务中心", "客服部", "客服主管", "M3", 1, 1, "客户服务中心经理"),
    ("客户服务中心", "客服部", "客服专员", "P2", 3, 3, "客服主管"),
    ("客户服务中心", "客服部", "配送员", "P1", 4, 4, "客服主管"),
    ("客户服务中心", "呼叫中心", "呼叫中心主任", "M2", 1, 1, "客户服务中心经理"),
    ("客户服务中心", "呼叫中心", "值长", "M3", 3, 3, "呼叫中心主任"),
    ("客户服务中心", "呼叫中心", "坐席员", "P1", 30, 27, "值长"),
    ("客户服务中心", "呼叫中心", "回访员", "P1", 6, 6, "值长"),
    ("客户服务中心", "呼叫中心", "质检员", "P2", 2, 2, "呼叫中心主任"),
    ("客户服务中心", "呼叫中心", "培训师", "P2", 1, 1, "呼叫中心主任"),
    ("客户服务中心", "客户关爱部", "客户总监", "M1", 1, 1, "客户服务中心经理"),
    ("客户服务中心", "客户关爱部", "客户关系管理人员", "P2", 2, 2, "客户总监"),
    ("客户服务中心", "客户关爱部", "客户服务质量管理人员", "P2", 1, 1, "客户总监"),
    ("客户服务中心", "客户关爱部", "客户信息档案管理人员", "P1", 1, 1, "客户总监"),
    ("客户服务中心", "客户关爱部", "后期服务主管", "M3", 1, 1, "客户总监"),
    ("客户服务中心", "客户关爱部", "后期服务人员", "P1", 4, 3, "后期服务主管"),
    ("客户服务中心", "客户关爱部", "大客户服务人员", "P2", 2, 2, "客户总监"),
    ("客户服务中心", "客户关爱部", "客户投诉管理人员", "P2", 2, 2, "客户总监"),
    ("财务中心", "", "财务总监", "M1", 1, 1, "总经理"),
    ("财务中心", "财务部", "部门经理", "M2", 1, 1, "财务总监"),
    ("财务中心", "财务部", "总账会计", "P2", 1, 1, "部门经理"),
    ("财务中心", "财务部", "应收会计", "P2", 2, 2, "部门经理"),
    ("财务中心", "财务部", "应付会计", "P2", 2, 1, "部门经理"),
    ("财务中心", "财务部", "出纳", "P1", 1, 1, "部门经理"),
    ("财务中心", "审计部", "审计主管", "M3", 1, 1, "财务总监"),
    ("财务中心", "审计部", "审计专员", "P2", 2, 2, "审计主管"),
    ("物流中心", "", "物流总监", "M1", 1, 1, "总经理"),
    ("物流中心", "仓储部", "仓库主管", "M3", 1, 1, "物流总监"),
    ("物流中心", "仓储部", "仓库管理员", "P1", 4, 4, "仓库主管"),
    ("物流中心", "仓储部", "叉车司机", "P1", 3, 2, "仓库主管"),
    ("物流中心", "运输部", "运输主管", "M3", 1, 1, "物流总监"),
    ("物流中心", "运输部", "调度员", "P1", 2, 2, "运输主管"),
    ("物流中心", "运输部", "货车司机", "P1", 8, 7, "运输主管"),
]
"""Fifty-nine posts in fifteen departments under five divisions."""

GRADES = "grades:\n" + "".join(f"  - {{id: {grade}}}\n" for grade in ("P1", "P2", "M3", "M2", "M1"))


def staffing_workbook(path: Path) -> Path:
    """The table as an .xlsx: merged division and department cells, a subtotal under each division."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "2024年编制"
    sheet.append(["示例集团岗位编制表（2024年）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(["单位：人"])
    sheet.append(HEADER)
    number = 0
    for division in dict.fromkeys(post[0] for post in POSTS):
        rows = [post for post in POSTS if post[0] == division]
        first = sheet.max_row + 1
        for _, department, title, grade, authorised, filled, superior in rows:
            number += 1
            sheet.append([number, division, department, title, "", grade, authorised, filled, superior, ""])
        _merge_runs(sheet, first, 2)
        _merge_runs(sheet, first, 3)
        sheet.append(["", "小计", "", "", "", "", sum(row[4] for row in rows), sum(row[5] for row in rows)])
    sheet.cell(first, 10).value = "含兼职"
    sheet.append(["", "合计", "", "", "", "", sum(post[4] for post in POSTS), sum(post[5] for post in POSTS)])
    book.save(path)
    return path


def _merge_runs(sheet: Worksheet, first: int, column: int) -> None:
    """Merge each run of equal values down ``column`` from row ``first``, as a person tidies the table."""
    start = first
    for row in range(first + 1, sheet.max_row + 2):
        if row > sheet.max_row or sheet.cell(row, column).value != sheet.cell(start, column).value:
            if row - 1 > start and sheet.cell(start, column).value:
                sheet.merge_cells(start_row=start, start_column=column, end_row=row - 1, end_column=column)
            start = row
