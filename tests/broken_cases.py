"""The catalogue of broken inputs: each case changes the valid base project
(tests/conftest.py) in one way; what `orgspec check` prints for it, exactly,
is in tests/golden/broken/<case>.txt with the exit code."""

from __future__ import annotations

from dataclasses import dataclass

from tests.conftest import BASE_FILES

AGENT = BASE_FILES["roles/cs-agent.yaml"]


def agent(extra: str) -> str:
    """The agent's file with lines appended (they start at line 12)."""
    return AGENT + extra


def agent_with(old: str, new: str) -> str:
    assert old in AGENT
    return AGENT.replace(old, new)


def rule(parties: str, tier: str = "", item: str = "退款") -> str:
    """A rule of approvals.yaml; ``parties`` and ``tier`` are its lines (indented by six and four spaces)."""
    return f"  - item: {item}\n{tier}    parties:\n{parties}"


SIGNED = "      - cs-agent: 提议\n      - cs-lead: 审批\n"
"""The agent proposes, the lead decides: a rule as it should be."""


SETTINGS = BASE_FILES["orgspec.yaml"]
DEPARTMENT = BASE_FILES["departments/cs.yaml"]
CLERK = "title: 文员\ncode: T-CS-03\ndepartment: cs\nreports_to: cs-lead\nauthorised: 0\nfilled: 0\n"
"""A third post, without seats of its own, for the cases of posts held concurrently."""


def settings(extra: str) -> str:
    """The settings with lines appended (they start at line 7)."""
    return SETTINGS + extra


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes | None]
    exit_code: int = 1


CASES: list[Case] = [
    Case("syntax-unclosed-quote", {"roles/cs-agent.yaml": agent("summary: '回访\n")}),
    Case("syntax-bad-indentation", {"roles/cs-agent.yaml": agent("  summary: 回访\n")}),
    Case("syntax-colon-in-value", {"roles/cs-agent.yaml": agent("summary: 时间: 上午\n")}),
    Case("syntax-fullwidth-colon", {"roles/cs-agent.yaml": agent("summary：回访\n")}),
    Case("syntax-no-space-after-colon", {"roles/cs-agent.yaml": agent("summary:回访\n")}),
    Case("two-documents", {"roles/cs-agent.yaml": agent("---\ntitle: x\n")}),
    Case("duplicate-key", {"roles/cs-agent.yaml": agent("title: 客服代表\n")}),
    Case("duplicate-key-nested", {"roles/cs-agent.yaml": agent("routines:\n  daily: [a]\n  daily: [b]\n")}),
    Case("alias", {"roles/cs-agent.yaml": agent("responsibilities: &r [a]\nenvironment: *r\n")}),
    Case("merge-key", {"roles/cs-agent.yaml": agent("routines:\n  <<: {daily: [a]}\n")}),
    Case("python-tag", {"roles/cs-agent.yaml": agent("summary: !!python/object:os.system x\n")}),
    Case("tab-indentation", {"roles/cs-agent.yaml": agent("routines:\n\tdaily: [a]\n")}),
    Case("not-utf8-gbk", {"roles/cs-agent.yaml": AGENT.encode("utf-8") + "summary: 回访\n".encode("gbk")}),
    Case("utf16", {"roles/cs-agent.yaml": AGENT.encode("utf-16")}),
    Case("bom", {"roles/cs-agent.yaml": b"\xef\xbb\xbf" + AGENT.encode("utf-8")}, exit_code=0),
    Case("empty-file", {"roles/cs-agent.yaml": ""}),
    Case("comments-only", {"roles/cs-agent.yaml": "# 待填写\n"}),
    Case("not-a-mapping", {"roles/cs-agent.yaml": "- title: 客服专员\n"}),
    Case("control-character", {"roles/cs-agent.yaml": agent("summary: 回访\x07\n")}),
    Case("file-too-large", {"roles/cs-agent.yaml": agent("# " + "备注" * 700_000 + "\n")}),
    Case("file-name-not-utf8", {"roles/cs-agent\udcff.yaml": AGENT}),
    Case("unknown-key-suggestion", {"roles/cs-agent.yaml": agent("titel: 客服代表\n")}),
    Case("unknown-key-nested", {"roles/cs-agent.yaml": agent("qualifications:\n  educaton: 大专\n")}),
    Case("unknown-key-no-suggestion", {"roles/cs-agent.yaml": agent("pay_band: 5\n")}),
    Case("missing-department", {"roles/cs-agent.yaml": agent_with("department: cs\n", "")}),
    Case("wrong-type-list", {"roles/cs-agent.yaml": agent("dotted_line: 5\n")}),
    Case("wrong-type-headcount", {"roles/cs-agent.yaml": agent_with("authorised: 2", "authorised: two")}),
    Case("negative-headcount", {"roles/cs-agent.yaml": agent_with("filled: 1", "filled: -1")}),
    Case("bad-say", {"roles/cs-agent.yaml": agent("authorities:\n  - text: 审批\n    say: approve\n")}),
    Case(
        "bad-date",
        {"roles/cs-agent.yaml": agent("revisions:\n  - version: '1.0'\n    date: 2008-13-45\n    change: 初版\n")},
    ),
    Case(
        "date-after-2107",
        {"roles/cs-agent.yaml": agent("revisions:\n  - version: '1.0'\n    date: 2108-01-01\n    change: 初版\n")},
    ),
    Case(
        "more-than-500-duties",
        {"roles/cs-agent.yaml": agent_with("  - 回访客户\n", "".join(f"  - 职责 {n}\n" for n in range(501)))},
    ),
    Case("trap-time", {"roles/cs-agent.yaml": agent("routines:\n  daily:\n    - time: 8:30\n      text: 审批报表\n")}),
    Case("trap-no", {"roles/cs-agent.yaml": agent("environment: no\n")}),
    Case(
        "trap-version",
        {"roles/cs-agent.yaml": agent("revisions:\n  - version: 1.10\n    date: 2008-03-16\n    change: 初版\n")},
    ),
    Case("trap-octal", {"roles/cs-agent.yaml": agent("summary: 0123\n")}),
    Case("bad-id-reference", {"roles/cs-agent.yaml": agent_with("reports_to: cs-lead", "reports_to: ../x")}),
    Case("bad-file-name", {"roles/Sales Manager.yaml": "title: x\ndepartment: cs\n"}),
    Case("duplicate-id", {"roles/extra/cs-agent.yaml": AGENT.replace("T-CS-02", "T-CS-03")}),
    Case("dangling-reports-to", {"roles/cs-agent.yaml": agent_with("reports_to: cs-lead", "reports_to: cs-leed")}),
    Case("dangling-department", {"roles/cs-agent.yaml": agent_with("department: cs", "department: sales")}),
    Case("dangling-clause", {"roles/cs-agent.yaml": agent("responsibilities:\n  - clause: obey-rule\n")}),
    Case("dangling-head", {"departments/cs.yaml": "name: 客服部\ncode: CS\nhead: boss\nauthorised: 3\n"}),
    Case("unknown-grade", {"roles/cs-agent.yaml": agent_with("grade: P1", "grade: P9")}),
    Case(
        "reporting-cycle",
        {
            "roles/cs-lead.yaml": "title: 客服主管\ncode: T-CS-01\ndepartment: cs\ngrade: M1\nreports_to: cs-agent\nduties: [受理来电, {clause: obey-rules}]\nkpis: [{name: 满意度}]\n"
        },
    ),
    Case(
        "department-cycle",
        {
            "departments/cs.yaml": "name: 客服部\ncode: CS\nhead: cs-lead\nauthorised: 3\nparent: sales\n",
            "departments/sales.yaml": "name: 销售部\ncode: SA\nparent: cs\n",
        },
    ),
    Case("filled-exceeds-authorised", {"roles/cs-agent.yaml": agent_with("filled: 1", "filled: 3")}),
    Case("headcount-mismatch", {"departments/cs.yaml": "name: 客服部\ncode: CS\nhead: cs-lead\nauthorised: 5\n"}),
    Case("head-outside-department", {"departments/sales.yaml": "name: 销售部\ncode: SA\nhead: cs-agent\n"}),
    Case("duplicate-code", {"roles/cs-agent.yaml": agent_with("T-CS-02", "T-CS-01")}),
    Case("code-pattern", {"roles/cs-agent.yaml": agent_with("T-CS-02", "CS-2")}, exit_code=0),
    Case("post-without-duties", {"roles/cs-agent.yaml": agent_with("duties:\n  - 回访客户\n", "")}, exit_code=0),
    Case(
        "duplicate-duty",
        {"roles/cs-agent.yaml": agent("responsibilities: [x]\n").replace("回访客户", "受理来电")},
        exit_code=0,
    ),
    Case(
        "authority-without-owner",
        {"roles/cs-agent.yaml": agent("authorities: [{text: 审核报销, item: 报销, say: review}]\n")},
        exit_code=0,
    ),
    Case("search-engine-unknown", {"orgspec.yaml": settings("search:\n  engine: lunr\n  pagefind_from: 一千\n")}),
    Case("unknown-check-code", {"orgspec.yaml": "name: Test Co\nlocale: en\nchecks:\n  post-without-kpi: ignore\n"}),
    Case(
        "approval-without-final",
        {"approvals.yaml": "rules:\n" + rule("      - cs-agent: 提议\n      - cs-lead: 审核\n")},
    ),
    Case(
        "approval-two-finals", {"approvals.yaml": "rules:\n" + rule("      - cs-agent: 审批\n      - cs-lead: 核准\n")}
    ),
    Case(
        "approval-tier-overlap",
        {"approvals.yaml": "rules:\n" + rule(SIGNED, "    up_to: 5万\n") + rule(SIGNED, "    above: 2万\n")},
    ),
    Case(
        "approval-tier-gap",
        {
            "orgspec.yaml": "name: 测试公司\ngrades: [{id: M1}, {id: P1}]\n",
            "approvals.yaml": "rules:\n"
            + rule(SIGNED, "    above: 1000\n    up_to: 5万\n")
            + rule(SIGNED, "    above: 10万\n    up_to: 200万\n"),
        },
        exit_code=0,
    ),
    Case(
        "approval-duplicate-party",
        {
            "approvals.yaml": "rules:\n"
            + rule("      - cs-agent: 提议\n      - cs-lead: 审核\n      - cs-agent: 审批\n")
        },
    ),
    Case(
        "approval-unknown-party",
        {"approvals.yaml": "rules:\n" + rule("      - cs-agent: 提议\n      - cs-leed: 审核\n      - 董事会: 审批\n")},
    ),
    Case(
        "approval-unknown-action",
        {"approvals.yaml": "rules:\n" + rule("      - cs-agent: 提议\n      - {party: cs-lead, action: 批示}\n")},
    ),
    Case("approval-tier-order", {"approvals.yaml": "rules:\n" + rule(SIGNED, "    above: 5万\n    up_to: 1万\n")}),
    Case(
        "approval-actions-clash",
        {
            "orgspec.yaml": BASE_FILES["orgspec.yaml"]
            + "approvals:\n  actions:\n    - {id: decide, name: 审批, final: true}\n    - {id: approve, name: 审批}\n"
        },
    ),
    Case(
        "family-level-twice",
        {
            "orgspec.yaml": settings(
                "families:\n  a: {name: 客服序列, levels: [cs-agent, cs-lead]}\n  b: {name: 主管序列, levels: [cs-lead]}\n"
            )
        },
    ),
    Case(
        "family-unknown-level",
        {"orgspec.yaml": settings("families:\n  a: {name: 客服序列, levels: [cs-agnet, cs-lead]}\n")},
    ),
    Case("replaces-outside-family", {"roles/cs-agent.yaml": agent("replaces: [kpis]\n")}, exit_code=0),
    Case(
        "concurrent-cycle",
        {
            "roles/cs-agent.yaml": agent("also_holds: cs-lead\n"),
            "roles/cs-lead.yaml": BASE_FILES["roles/cs-lead.yaml"] + "also_holds: cs-agent\n",
        },
    ),
    Case(
        "concurrent-chain",
        {
            "roles/cs-lead.yaml": BASE_FILES["roles/cs-lead.yaml"] + "also_holds: cs-agent\n",
            "roles/cs-agent.yaml": agent("also_holds: cs-clerk\n"),
            "roles/cs-clerk.yaml": CLERK.replace("authorised: 0\nfilled: 0\n", "")
            + "duties: [归档]\nkpis: [{name: 及时率}]\n",
        },
    ),
    Case(
        "concurrent-seats",
        {
            "roles/cs-lead.yaml": BASE_FILES["roles/cs-lead.yaml"] + "also_holds: cs-clerk\n",
            "roles/cs-agent.yaml": agent("also_holds: cs-clerk\n"),
            "roles/cs-clerk.yaml": CLERK + "duties: [归档]\nkpis: [{name: 及时率}]\n",
        },
    ),
    Case(
        "staffing-mismatch",
        {
            "departments/cs.yaml": DEPARTMENT + "staffing: {行政编制: 3}\n",
            "roles/cs-agent.yaml": agent("staffing_kind: 行政编制\n"),
        },
    ),
    Case(
        "leadership-quota",
        {
            "departments/cs.yaml": DEPARTMENT + "leadership: {主管: 1}\n",
            "roles/cs-agent.yaml": agent("leadership: 主管\n"),
        },
    ),
    Case(
        "leadership-without-quota",
        {
            "departments/cs.yaml": DEPARTMENT + "leadership: {副主管: 1}\n",
            "roles/cs-agent.yaml": agent("leadership: 付主管\n"),
        },
        exit_code=0,
    ),
    Case(
        "unknown-competency-level",
        {
            "orgspec.yaml": settings("competency_scale:\n  - {level: 1, name: 了解}\n  - {level: 3, name: 熟练}\n"),
            "roles/cs-agent.yaml": agent("competencies:\n  - {name: 沟通, level: 4}\n"),
        },
    ),
    Case(
        "unknown-section",
        {
            "orgspec.yaml": settings("sections:\n  - {id: training, title: 培训要求}\n"),
            "roles/cs-agent.yaml": agent("sections:\n  trainig: 岗前培训两周\n"),
        },
    ),
    Case(
        "unknown-section-import-label",
        {
            "orgspec.yaml": settings(
                "sections:\n  - {id: training, title: 培训要求}\nimport_labels:\n  培训需求: sections.trainig\n"
            )
        },
    ),
    Case(
        "unknown-import-target",
        {"orgspec.yaml": settings("import_labels:\n  培训需求: trainig\n")},
    ),
    Case(
        "chinese-messages",
        {
            "orgspec.yaml": "name: 测试公司\ngrades: [{id: M1}, {id: P1}]\n",
            "roles/cs-agent.yaml": agent("titel: x\nenvironment: no\n"),
        },
    ),
]
