"""Six real job descriptions, rebuilt as Word files from their published text (see README.md here)."""

from __future__ import annotations

from pathlib import Path

from tests.documents.builder import T, word

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


def real_documents(folder: Path) -> dict[str, Path]:
    """The six documents as .docx files in ``folder``, by name."""
    documents = {
        "call-centre-agent": word(folder / "call-centre-agent.docx", "供电局95598客服中心坐席员岗位说明书", AGENT_SHEET)
    }
    for name in TEXT_DOCUMENTS:
        lines = (HERE / "real" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        documents[name] = word(folder / f"{name}.docx", *lines)
    return documents
