"""`orgspec export docx`: Word job sheets opened with python-docx and read back."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from orgspec.check.pipeline import check_project
from orgspec.link.organisation import Organisation
from orgspec.views.common import Ctx
from tests.conftest import run_cli
from tests.sites import copy_example

REVISION_HEADER = ["版本号", "修订时间", "修订内容", "修订者", "审核者", "审批者"]
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("docx-example"))


@pytest.fixture(scope="module")
def organisation(example: Path) -> Organisation:
    return check_project(example).organisation


@pytest.fixture(scope="module")
def exported(example: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the dates then come from the revision history
        result = run_cli("export", "docx", "--all", "--out", str(out), "-C", str(example))
    assert result.exit_code == 0, result.stderr
    return out


def basic_table(document: Document) -> dict[str, str]:
    """The basic-information table as label → value."""
    cells: dict[str, str] = {}
    for row in document.tables[0].rows:
        texts = list(dict.fromkeys(cell.text for cell in row.cells))  # a merged cell repeats
        for index in range(0, len(texts) - 1, 2):
            cells[texts[index]] = texts[index + 1]
    return cells


def style_name(paragraph: Paragraph) -> str | None:
    return paragraph.style.name if paragraph.style is not None else None


def body_text(document: Document) -> str:
    lines = [paragraph.text for paragraph in document.paragraphs]
    lines += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def test_one_document_per_post(exported: Path, organisation: Organisation) -> None:
    assert sorted(path.stem for path in exported.glob("*.docx")) == sorted(organisation.posts)


def test_basic_information_table(exported: Path, organisation: Organisation) -> None:
    for key, post in organisation.posts.items():
        basic = basic_table(docx.Document(str(exported / f"{key}.docx")))
        superior = organisation.posts[post.reports_to].title if post.reports_to else "无"
        assert basic["岗位名称"] == post.title, key
        assert basic["岗位编号"] == (post.code or ""), key
        assert basic["所属部门"] == organisation.departments[post.department].name, key
        assert basic["直接上级"] == superior, key
        assert basic["岗位编制"] == str(post.authorised), key
        assert basic["实有人数 / 空缺"] == f"{post.filled_count} / {post.vacant}", key
        assert basic["直接下级人数"] == str(len(organisation.subordinates[key])), key


def test_subordinates_are_listed(exported: Path) -> None:
    basic = basic_table(docx.Document(str(exported / "customer-director.docx")))
    assert basic["直接下级"] == "客户服务专员、回访员、信息管理员"


def test_every_duty_appears(exported: Path, organisation: Organisation) -> None:
    ctx = Ctx(organisation)
    for key, post in organisation.posts.items():
        text = body_text(docx.Document(str(exported / f"{key}.docx")))
        for group in ctx.groups(post.duties):
            assert not group.heading or group.heading in text, key
            for line in group.lines:
                assert line.text in text, (key, line.text)


def test_sections_in_the_order_of_the_source_sheets(exported: Path) -> None:
    document = docx.Document(str(exported / "customer-director.docx"))
    headings = [paragraph.text for paragraph in document.paragraphs if style_name(paragraph) == "Heading 1"]
    assert headings == [
        "工作内容与职责",
        "岗位权限",
        "审批事项",
        "关键绩效指标",
        "工作规程",
        "工作协调关系",
        "签字确认",
    ]  # no revision history: no section for it
    assert document.paragraphs[0].text == "客户总监岗位说明书"


def test_east_asian_font_on_every_style_in_use(exported: Path) -> None:
    document = docx.Document(str(exported / "driver.docx"))
    section = document.sections[0]
    paragraphs = [*document.paragraphs, *section.header.paragraphs, *section.footer.paragraphs]
    paragraphs += [paragraph for table in document.tables for cell in table._cells for paragraph in cell.paragraphs]
    used = {style_name(paragraph) for paragraph in paragraphs}
    assert {"Normal", "Title", "Heading 1", "Header", "Footer"} <= used
    for name in used:
        rpr = document.styles[name].element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) in ("宋体", "黑体"), name
        assert fonts.get(qn("w:ascii")), name
        assert not [attribute for attribute in THEME_ATTRIBUTES if fonts.get(qn(attribute))], name
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN", name
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"
    assert not [a for a in THEME_ATTRIBUTES if defaults.find(qn("w:rFonts")).get(qn(a))]


def test_revision_table_has_six_columns(exported: Path) -> None:
    table = docx.Document(str(exported / "sales-manager-south.docx")).tables[-1]
    assert [cell.text for cell in table.rows[0].cells] == REVISION_HEADER
    assert len(table.columns) == 6
    driver = docx.Document(str(exported / "driver.docx"))
    assert all(table.rows[0].cells[0].text != REVISION_HEADER[0] for table in driver.tables)  # none: left out
    filled = docx.Document(str(exported / "sales-manager-south.docx")).tables[-1]
    assert len(filled.rows) > 1 and filled.rows[1].cells[1].text.startswith("20")


def test_a4_with_header_and_page_numbers(exported: Path) -> None:
    document = docx.Document(str(exported / "driver.docx"))
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text == "示例集团\t岗位编号：EX-FW-002"
    footer = section.footer.paragraphs[0]._p.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert "第" in section.footer.paragraphs[0].text


def test_same_input_same_bytes(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for out in ("one", "two"):
        assert run_cli("export", "docx", "driver", "--out", str(tmp_path / out), "-C", str(example)).exit_code == 0
    first, second = (tmp_path / out / "driver.docx" for out in ("one", "two"))
    assert first.read_bytes() == second.read_bytes()
    properties = docx.Document(str(first)).core_properties
    assert properties.created is not None and properties.created.timestamp() == 1700000000
    assert properties.last_modified_by == "orgspec"


def test_without_source_date_epoch_the_date_is_the_latest_revision(exported: Path) -> None:
    created = docx.Document(str(exported / "sales-manager-south.docx")).core_properties.created
    assert created is not None and created.date().isoformat() >= "2004-01-01"
    driver = docx.Document(str(exported / "driver.docx")).core_properties.created
    assert driver is not None and driver.year == 1980


def test_department_booklet(example: Path, tmp_path: Path, organisation: Organisation) -> None:
    result = run_cli(
        "export", "docx", "--department", "customer-service", "--booklet", "--out", str(tmp_path), "-C", str(example)
    )
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(tmp_path / "booklet-customer-service.docx"))
    posts = organisation.posts_in("customer-service")
    titles = [paragraph.text for paragraph in document.paragraphs if style_name(paragraph) == "Title"]
    assert titles == ["客户服务部组织说明书", *(f"{organisation.posts[key].title}岗位说明书" for key in posts)]
    headers = [section.header.paragraphs[0].text for section in document.sections]
    codes = [f"示例集团\t岗位编号：{organisation.posts[key].code}" for key in posts]
    assert headers == ["示例集团\t客户服务部", *codes]
    assert document.core_properties.title == "客户服务部岗位说明书"


def test_public_edition_leaves_internal_items_out(example: Path, tmp_path: Path) -> None:
    internal_only = "对本部门及其他部门的员工在一定范围内有考核的建议权"
    for edition in ("internal", "public"):
        out = tmp_path / edition
        result = run_cli(
            "export", "docx", "customer-director", "--edition", edition, "--out", str(out), "-C", str(example)
        )
        assert result.exit_code == 0, result.stderr
    internal = docx.Document(str(tmp_path / "internal" / "customer-director.docx"))
    public = docx.Document(str(tmp_path / "public" / "customer-director.docx"))
    assert internal_only in body_text(internal)
    assert internal_only not in body_text(public)
    assert basic_table(internal)["职位等级"] == "总监级（M1）"
    assert basic_table(public)["职位等级"] == ""


def test_a_file_someone_edited_is_not_replaced(example: Path, tmp_path: Path) -> None:
    assert run_cli("export", "docx", "driver", "--out", str(tmp_path), "-C", str(example)).exit_code == 0
    edited = docx.Document(str(tmp_path / "driver.docx"))
    edited.core_properties.last_modified_by = "张三"
    edited.add_paragraph("张三的批注")
    edited.save(str(tmp_path / "driver.docx"))
    before = (tmp_path / "driver.docx").read_bytes()
    result = run_cli("export", "docx", "driver", "--out", str(tmp_path), "-C", str(example))
    assert result.exit_code == 1
    assert "not replaced" in result.stderr
    assert (tmp_path / "driver.docx").read_bytes() == before
    assert run_cli("export", "docx", "driver", "--force", "--out", str(tmp_path), "-C", str(example)).exit_code == 0
    assert (tmp_path / "driver.docx").read_bytes() != before


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["drivr"], "'drivr' is not a known post; did you mean 'driver'?"),
        ([], "name the posts to export, or use --department ID or --all"),
        (["--department", "nope"], "'nope' is not a known department"),
        (["driver", "--booklet"], "--booklet gathers whole departments"),
    ],
)
def test_usage_errors(example: Path, tmp_path: Path, arguments: list[str], message: str) -> None:
    result = run_cli("export", "docx", *arguments, "--out", str(tmp_path / "out"), "-C", str(example))
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "out").exists()
