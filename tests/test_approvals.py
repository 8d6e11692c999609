"""The authority matrix (approvals.yaml): rules written in the organisation's words, checked, and shown as one
grid on the 分权手册 page, in Excel and in Word; each post lists the rules it signs."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pytest

from orgspec.model.approvals import ApprovalRule
from tests.approval_demo import CELL, SETTINGS, write_demo
from tests.conftest import BASE_FILES, run_cli
from tests.visible import word_text

Grid = dict[tuple[str, str, str], str]
"""(item, tier, party name) → the cell's text, empty cells left out."""


QUICK = BASE_FILES["orgspec.yaml"] + "downloads: []\n"
"""The base settings without Word and PDF copies of the job sheets, which these tests do not read."""


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return write_demo(tmp_path / "demo")


def generated(root: Path, page: str, *extra: str) -> str:
    result = run_cli("generate", *extra, str(root))
    assert result.exit_code == 0, result.stdout + result.stderr
    return (root / "docs" / "handbook" / page).read_text(encoding="utf-8")


class _GridReader(HTMLParser):
    """The cells of the generated grid, by item, tier and party, as the page shows them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, str]]] = []
        self.cell: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td") and self.rows:
            self.cell = (dict(attrs).get("class") or "", "")

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.cell[1]:  # a party's name; its department follows
            self.cell = (self.cell[0], data.strip())

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None


def page_grid(markdown: str) -> Grid:
    reader = _GridReader()
    reader.feed(markdown.split('<table class="orgspec-table orgspec-matrix">', 1)[1].split("</table>", 1)[0])
    header, *rows = reader.rows
    parties = [text for kind, text in header if "orgspec-approval-party" in kind]
    grid: Grid = {}
    item = ""
    for row in rows:
        item = next((text for kind, text in row if "orgspec-approval-item" in kind), item)
        tier = next((text for kind, text in row if "orgspec-approval-tier" in kind), "")
        cells = [text for kind, text in row if "orgspec-approval-cell" in kind]
        grid.update({(item, tier, party): text for party, text in zip(parties, cells, strict=True) if text})
    return grid


def workbook_grid(path: Path) -> Grid:
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert all(isinstance(value, str) for row in rows for value in row if value is not None)
    parties = [str(name).split("\n")[0] for name in header[2:]]
    if header[-1] == "备注":
        parties[-1] = ""  # the note column
    return {
        (str(row[0]), str(row[1] or ""), party): str(value)
        for row in rows
        for party, value in zip(parties, row[2:], strict=True)
        if value and party
    }


def test_the_demonstration_checks_clean(demo: Path) -> None:
    result = run_cli("check", "--strict", str(demo))
    assert result.exit_code == 0, result.stdout


def test_the_page_is_a_grid_of_steps_and_actions(demo: Path) -> None:
    grid = page_grid(generated(demo, "indexes/authorities.md"))
    item, tier, party, shown = CELL
    assert grid[item, tier, party] == shown
    assert grid["资金支付", "≤5万", "出纳"] == "①提议"
    assert grid["资金支付", ">200万", "股东会"] == "⑤核准"
    assert grid["资金支付", ">200万", "董事会"] == "④审核"  # written by its English name
    assert len({key[0] for key in grid}) == 40
    assert len({key[2] for key in grid}) == 15


def test_the_parties_are_in_the_order_of_the_organisation_then_the_bodies(demo: Path) -> None:
    markdown = generated(demo, "indexes/authorities.md")
    reader = _GridReader()
    reader.feed(markdown.split("<thead>", 1)[1].split("</thead>", 1)[0])
    parties = [text for kind, text in reader.rows[0] if "orgspec-approval-party" in kind]
    assert parties[:4] == ["总经理", "副总经理", "法务专员", "财务部经理"]
    assert parties[-3:] == ["董事会", "股东会", "有关部门"]


def test_the_spreadsheet_has_the_cells_of_the_page(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "approvals.xlsx"
    result = run_cli("export", "approvals", "--out", str(out), "-C", str(demo))
    assert result.exit_code == 0, result.stderr
    item, tier, party, shown = CELL
    cells = workbook_grid(out)
    assert cells[item, tier, party] == shown
    assert cells == page_grid(generated(demo, "indexes/authorities.md"))
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet.freeze_panes == "C2"
    assert sheet["C1"].value == "总经理\n总经理办公室"


def test_word_has_the_grid_as_a_table(demo: Path, tmp_path: Path) -> None:
    result = run_cli("export", "docx", "--approvals", "--out", str(tmp_path / "word"), "-C", str(demo))
    assert result.exit_code == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "word").glob("*.docx")) == ["approvals.docx"]
    document = docx.Document(str(tmp_path / "word" / "approvals.docx"))
    assert document.paragraphs[0].text == "示范公司分权手册"
    section = document.sections[0]
    assert (section.page_width or 0) > (section.page_height or 0)  # landscape
    (table,) = document.tables
    header = [cell.text.split("\n")[0] for cell in table.rows[0].cells]
    item, tier, party, shown = CELL
    row = next(row for row in table.rows[1:] if [cell.text for cell in row.cells[:2]] == [item, tier])
    assert row.cells[header.index(party)].text == shown
    lines = word_text(tmp_path / "word" / "approvals.docx").splitlines()
    assert "资金支付 | 20万–200万 | ③审核 |  |  | ②审核 |  | ①提议 |" in "\n".join(lines)


def test_word_job_sheets_and_the_matrix_in_one_run(demo: Path, tmp_path: Path) -> None:
    result = run_cli("export", "docx", "cashier", "--approvals", "--out", str(tmp_path), "-C", str(demo))
    assert result.exit_code == 0, result.stderr
    assert sorted(path.name for path in tmp_path.glob("*.docx")) == ["approvals.docx", "cashier.docx"]


def test_each_post_lists_the_rules_it_signs(demo: Path, tmp_path: Path) -> None:
    page = re.sub(r' class="[^"]*"', "", generated(demo, "posts/general-manager.md"))  # the cells, not their styles
    assert "## 审批事项" in page
    assert "<tr><td>资金支付</td><td>5万–20万</td><td>④</td><td>审批</td></tr>" in page
    assert "<tr><td>销售合同</td><td></td><td>③</td><td>核准</td></tr>" in page
    result = run_cli("export", "docx", "general-manager", "--out", str(tmp_path), "-C", str(demo))
    assert result.exit_code == 0, result.stderr
    sheet = word_text(tmp_path / "general-manager.docx")
    assert "[Heading 1] 审批事项\n事项 | 金额 | 顺序 | 签批\n资金支付 | 5万–20万 | ④ | 审批" in sheet


def test_a_post_that_signs_nothing_has_no_section(demo: Path) -> None:
    (demo / "roles" / "clerk.yaml").write_text("title: 文员\ndepartment: hr\nreports_to: hr-manager\nduties: [x]\n")
    assert "审批事项" not in generated(demo, "posts/clerk.md")


def test_the_public_edition_leaves_out_internal_rules_and_hidden_amounts(demo: Path) -> None:
    with (demo / "approvals.yaml").open("a", encoding="utf-8") as rules:
        rules.write("  - item: 秘密事项\n    internal: true\n    parties:\n      - general-manager: 审批\n")
    settings = demo / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "internal_fields: [limits]\n", encoding="utf-8")
    internal = page_grid(generated(demo, "indexes/authorities.md"))
    assert ("秘密事项", "", "总经理") in internal
    public = page_grid(generated(demo, "indexes/authorities.md", "--edition", "public"))
    assert ("秘密事项", "", "总经理") not in public
    assert public["资金支付", "第 2 档", "总经理"] == "④审批"
    assert public["销售合同", "", "总经理"] == "③核准"
    assert not any("万" in tier for _, tier, _ in public)


def test_in_english(tmp_path: Path) -> None:
    root = write_demo(tmp_path, SETTINGS.replace("currency: CNY\n", "currency: CNY\nlocale: en\n"))
    grid = page_grid(generated(root, "indexes/authorities.md"))
    assert grid["资金支付", "50,000–200,000", "总经理"] == "④ approve"
    assert grid["资金支付", ">2,000,000", "Board of directors"] == "④ review"
    assert grid["资金支付", ">2,000,000", "Shareholders' meeting"] == "⑤ ratify"
    assert '<th class="orgspec-approval-tier">Amount (CNY)</th>' in html.unescape(
        generated(root, "indexes/authorities.md")
    )


RULE = """\
rules:
  - item: 退款
    parties:
      - cs-agent: {first}
      - cs-lead: {final}
"""


def test_actions_in_chinese_or_english(project: Callable[..., Path]) -> None:
    root = project({"orgspec.yaml": QUICK, "approvals.yaml": RULE.format(first="申请", final="approve")})
    assert run_cli("check", "--strict", str(root)).exit_code == 0
    grid = page_grid(generated(root, "indexes/authorities.md"))
    assert grid == {("退款", "", "客服专员"): "① propose", ("退款", "", "客服主管"): "② approve"}


def test_the_organisation_may_have_its_own_actions(project: Callable[..., Path]) -> None:
    vocabulary = (
        "approvals:\n  actions:\n    - {id: apply, name: 申请, name_en: apply}\n"
        "    - {id: sign, name: 签发, name_en: sign off, final: true}\n"
    )
    settings = QUICK + vocabulary
    root = project({"orgspec.yaml": settings, "approvals.yaml": RULE.format(first="申请", final="签发")})
    assert run_cli("check", "--strict", str(root)).exit_code == 0
    assert page_grid(generated(root, "indexes/authorities.md"))["退款", "", "客服主管"] == "② sign off"
    wrong = project({"orgspec.yaml": settings, "approvals.yaml": RULE.format(first="申请", final="审批")})
    assert run_cli("check", str(wrong)).lines == [
        "approvals.yaml:5:9: error: rules[0].parties[1].action: '审批' is not valid: expected one of: "
        "apply 申请, sign 签发 [invalid-value]"
    ]


def test_amounts_as_people_write_them() -> None:
    def tier(above: object, up_to: object) -> tuple[Decimal | None, Decimal | None]:
        rule = ApprovalRule.model_validate({"item": "x", "above": above, "up_to": up_to, "parties": [{"a": "审批"}]})
        return rule.above, rule.up_to

    assert tier("5万", "20万元") == (Decimal(50_000), Decimal(200_000))
    assert tier("1.5万", "2,000,000") == (Decimal(15_000), Decimal(2_000_000))
    assert tier(0, "￥3 000") == (Decimal(0), Decimal(3_000))
    assert tier(None, "2亿") == (None, Decimal(200_000_000))


def test_authorities_naming_an_item_of_the_matrix_point_at_its_rules(project: Callable[..., Path]) -> None:
    lead = BASE_FILES["roles/cs-lead.yaml"] + "authorities:\n  - {text: 退款提议权, item: 退款, say: propose}\n"
    files = {
        "orgspec.yaml": QUICK,
        "roles/cs-lead.yaml": lead,
        "approvals.yaml": RULE.format(first="提议", final="审批"),
    }
    root = project(files)
    result = run_cli("check", "--strict", str(root))
    assert result.exit_code == 0, result.stdout  # no authority-without-owner: the matrix has the item
    grid = page_grid(generated(root, "indexes/authorities.md"))
    assert grid == {("退款", "", "客服专员"): "① propose", ("退款", "", "客服主管"): "② approve"}
    assert "退款提议权" in generated(root, "posts/cs-lead.md")


def test_authorities_alone_still_make_a_grid(project: Callable[..., Path]) -> None:
    lead = (
        BASE_FILES["roles/cs-lead.yaml"] + "authorities:\n  - {text: 审批退款, item: 退款, say: decide, limit: 2万}\n"
    )
    agent = BASE_FILES["roles/cs-agent.yaml"] + "authorities:\n  - {text: 提出退款, item: 退款, say: 提议}\n"
    root = project({"orgspec.yaml": QUICK, "roles/cs-lead.yaml": lead, "roles/cs-agent.yaml": agent})
    markdown = generated(root, "indexes/authorities.md")
    assert page_grid(markdown) == {("退款", "", "客服主管"): "decide ≤20,000 CNY", ("退款", "", "客服专员"): "propose"}
    assert "orgspec-approval-tier" not in markdown  # no rule has a tier: no tier column
