"""Real job descriptions, rebuilt as Word files from their published text (see README.md here).

Six come from the project's seed documents; five more were found in public
sources for the import (`FOUND`). The text of every one is quoted in
``real/<name>.txt``, and the Word file is built from those lines alone, in
the layout its source shows: a document's text is its quote, line for line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from tests.documents.builder import Block, P, T, word

HERE = Path(__file__).parent

TEXT_DOCUMENTS = {
    "call-centre-staff": "客服中心部门岗位职务说明书",
    "customer-service-norms": "客户服务部岗位职责规范",
    "call-centre-director": "客服中心主任职务说明书",
    "sales-manager": "销售管理部经理岗位描述",
    "customer-director": "客户总监岗位职责",
}
"""The documents written as paragraphs, one per line of their text file, and their titles."""

AGENT_SHEET = T(
    [
        ["岗位信息", "岗位名称", "客服中心坐席员", "岗位编号", "", "<"],
        ["^", "所属部门/单位", "市场及客户服务部", "岗位编制", "", "<"],
        ["^", "直接下级人数", "", "职位等级", "", "<"],
        ["工作关系", "直接上级", "值长", "直接下级", "", "<"],
        ["工作内容与职责", "岗位设置目的", "做好客服中心日常的客户服务工作", "<", "<", "<"],
        [
            "^",
            "内容描述",
            "1.负责受理客户来电,并及时跟踪、回访及归档,严格遵循闭环处理原则。\n"
            "2.负责按工作需要和要求落实主动呼出等服务。\n"
            "3.负责收集客户反映的热点问题,并及时反馈。\n"
            "4.负责对客户做好重大、突发事件的解释工作,并及时上报。\n"
            "5.严格遵守各项规章制度。\n"
            "6.按时完成上级领导安排的各项工作。",
            "<",
            "<",
            "<",
        ],
        ["岗位权限", "业务受理组的人员管理和业务管理", "<", "<", "<", "<"],
        ["任职资格", "教育程度", "大专及以上学历", "<", "<", "<"],
        ["^", "专业", "电力、市场营销、客户服务等相关专业", "<", "<", "<"],
        ["^", "工作经验", "电力行业相关经验、客服中心技术知识", "<", "<", "<"],
        ["^", "职称或资格证书", "持证上岗要求,如岗位证", "<", "<", "<"],
        [
            "^",
            "业务技能",
            "1.语言水平:声音亲切、咬字清晰,发音标准,掌握简单英语口语。\n"
            "2.电脑操作水平:具备良好的电脑操作能力,能熟练使用办公软件。\n"
            "3.沟通能力:具有良好的口头和书面表达能力。具备一定的应变能力。",
            "<",
            "<",
            "<",
        ],
        ["^", "专业知识", "电力系统相关专业知识", "<", "<", "<"],
        [
            "^",
            "综合素质",
            "1.身体健康,具有良好的适应能力和抗压能力,能适度地控制情绪,能够保持良的人际关系。",
            "<",
            "<",
            "<",
        ],
        [
            "岗位责任",
            "1.对负责的岗位所做的工作负责。\n"
            "2.对岗位所分解承担的考核指标完成情况负责。\n"
            "3.对部门所承担的分解考核指标和工作任务负责。对班组的安全负总责。",
            "<",
            "<",
            "<",
            "<",
        ],
        ["修订记录", "<", "<", "<", "<", "<"],
        ["版本号", "修订时间", "修订内容", "修订者", "审核者", "审批者"],
        ["", "", "", "", "", ""],
    ]
)
"""The 95598 call-centre agent's sheet: labelled cells, labels over labels, cells merged both ways."""


Cells = Sequence[int | str]
"""A row of a table built from a document's lines: each cell takes that many lines (0: an empty cell), or merges
with its left (``<``) or upper (``^``) neighbour."""

CASHIER: tuple[Cells, ...] = (
    (1, 1, 1, 0), (1, 1, 1, 0), (1, 1, 1, 1), (1, 0, 1, 0), (1, 0, 1, 0),
    (1, 1, "<", "<"),
    (1, "<", "<", "<"),
    (3, 1, "<", "<"), ("^", 2, 4, "<"),
    (3, 1, "<", "<"), ("^", 2, 2, "<"),
    (3, 1, "<", "<"), ("^", 2, 7, "<"),
    (1, 1, "<", "<"),
    (1, "<", "<", "<"), (1, "<", "<", "<"),
    (1, "<", "<", "<"), (1, 1, "<", "<"), (1, 1, "<", "<"),
    (1, "<", "<", "<"), *[(1, 1, "<", "<")] * 5, (1, 2, "<", "<"), (1, 1, "<", "<"),
)  # fmt: skip
"""The cashier's sheet under its title: a grid of label–value pairs, then rows of a label and its text merged across;
each duty's label (职/责/一, a character a line) merged down over its statement and its tasks."""

RESEARCHER_HEADINGS = frozenset({1, 16})
RESEARCHER_LISTED = frozenset({*range(5, 16), *range(20, 24), 26, 27, 28, *range(32, 36), 38, 39, 40, *range(44, 49),
                               *range(51, 55), *range(57, 66)})  # fmt: skip
RESEARCHER_BOLD = frozenset({1, 4, 16, 17, 18, 19, 24, 25, 29, 30, 31, 36, 37, 41, 42, 43, 49, 50, 55, 56})
"""The lines (from 1) of the user researcher's description in Heading 2, those Word numbers as a list (Desirable
among them), and those in bold."""


def lines_of(name: str) -> list[str]:
    return (HERE / "real" / f"{name}.txt").read_text(encoding="utf-8").splitlines()


def tabled(lines: Sequence[str], rows: Sequence[Cells]) -> T:
    """A table whose cells take ``lines`` in order, as ``rows`` lay them out."""
    taken = iter(lines)
    table = T([[cell if isinstance(cell, str) else "\n".join(next(taken) for _ in range(cell)) for cell in row]
               for row in rows])  # fmt: skip
    assert next(taken, None) is None, "every line of the quote is in the table"
    return table


def researcher(lines: Sequence[str]) -> Iterator[Block]:
    for number, line in enumerate(lines, start=1):
        style = "Heading 2" if number in RESEARCHER_HEADINGS else "List Bullet" if number in RESEARCHER_LISTED else None
        yield P(line, style, bold=number in RESEARCHER_BOLD)


FOUND = ("cashier", "warehouse-keeper", "customer-callback", "admin-supervisor", "user-researcher")
"""The documents found in public sources for the import, in the order of README.md."""


def found_blocks(name: str) -> list[Block]:
    """The blocks of a found document, from its quote alone."""
    lines = lines_of(name)
    if name == "cashier":
        return [lines[0], tabled(lines[1:], CASHIER)]
    if name == "user-researcher":
        return list(researcher(lines))
    return list(lines)


def real_documents(folder: Path) -> dict[str, Path]:
    """The documents as .docx files in ``folder``, by name: the seed documents, then the ones found."""
    documents = {
        "call-centre-agent": word(folder / "call-centre-agent.docx", "供电局95598客服中心坐席员岗位说明书", AGENT_SHEET)
    }
    for name in TEXT_DOCUMENTS:
        documents[name] = word(folder / f"{name}.docx", *lines_of(name))
    for name in FOUND:
        documents[name] = word(folder / f"{name}.docx", *found_blocks(name))
    return documents
