"""Every field a person writes reaches what people read: pages, Word, PDF, the register and messages."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from orgspec.check.pipeline import check_project
from orgspec.export.guard import RECORD
from orgspec.views.common import Ctx
from tests.conftest import BASE_FILES, run_cli
from tests.sites import build, copy_example
from tests.visible import page_text, word_text

LEAD = """\
title: 客服主管
title_en: Service Lead
code: T-CS-01
department: cs
grade: M1
duties:
  - text: 受理来电
    share: 60%
  - text: 处理投诉
    share: 40%
authorities:
  - {text: 审批退款, item: 退款, say: 审批, limit: 5000, note: 单笔}
  - {text: 审批大额退款, item: 大额退款, say: 审批, note: 200万以上}
kpis:
  - {name: 满意度, weight: 70, period: 每月, scoring: 每低 1% 扣 2 分}
  - {name: 回访率, weight: 30%, period: quarterly}
"""

SETTINGS = BASE_FILES["orgspec.yaml"].replace("  - id: M1\n", "  - id: M1\n    name: Manager\n")


@pytest.fixture
def rich(project: Callable[..., Path]) -> Path:
    return project({"roles/cs-lead.yaml": LEAD, "orgspec.yaml": SETTINGS})


def generated(root: Path, page: str) -> str:
    result = run_cli("generate", str(root))
    assert result.exit_code == 0, result.stderr
    return html.unescape((root / "docs" / "handbook" / page).read_text(encoding="utf-8"))  # the text as shown


def exported_word(root: Path, post: str) -> str:
    result = run_cli("export", "docx", post, "--out", str(root / "word"), "-C", str(root))
    assert result.exit_code == 0, result.stderr
    return word_text(root / "word" / f"{post}.docx")


def test_chinese_words_for_periods_and_says_are_accepted(rich: Path) -> None:
    result = run_cli("check", str(rich))
    assert result.exit_code == 0, result.stdout
    page = generated(rich, "posts/cs-lead.md")
    assert "Monthly" in page and "decide" in page


def test_a_chinese_word_that_is_not_a_period_is_explained(project: Callable[..., Path]) -> None:
    root = project({"roles/cs-lead.yaml": LEAD.replace("period: 每月", "period: 每旬")})
    result = run_cli("check", str(root))
    assert result.exit_code == 1
    assert "daily 每日, weekly 每周, monthly 每月, quarterly 每季, yearly 每年" in result.stdout


def test_kpi_weights_and_scoring_everywhere(rich: Path) -> None:
    page = generated(rich, "posts/cs-lead.md")
    assert '<th class="orgspec-kpi-weight">Weight</th>' in page
    assert '<td class="orgspec-kpi-weight">70%</td>' in page
    assert '<td class="orgspec-kpi-scoring">每低 1% 扣 2 分</td>' in page
    index = generated(rich, "indexes/kpis.md")
    assert "(70%)" in index and "(30%)" in index
    word = exported_word(rich, "cs-lead")
    assert "Indicator | Weight | Scoring | Period" in word
    assert "满意度 | 70% | 每低 1% 扣 2 分 | Monthly" in word


def test_kpi_weights_must_add_up(project: Callable[..., Path]) -> None:
    root = project({"roles/cs-lead.yaml": LEAD.replace("weight: 30%", "weight: 35%")})
    result = run_cli("check", "--strict", str(root))
    assert result.exit_code == 1
    assert "roles/cs-lead.yaml:15:3: warning: the KPIs' weights add up to 105%, not 100%" in result.stdout


def test_an_authority_note_without_a_limit_is_shown(rich: Path) -> None:
    page = generated(rich, "posts/cs-lead.md")
    assert ">200万以上</td>" in page
    assert "5,000 CNY (单笔)" in page
    word = exported_word(rich, "cs-lead")
    assert "审批大额退款 | 大额退款 | decide | 200万以上" in word
    matrix = generated(rich, "indexes/authorities.md")
    assert "(200万以上)" in matrix


def test_grades_show_their_names(rich: Path) -> None:
    assert "<td>Manager (M1)</td>" in generated(rich, "posts/cs-lead.md")
    assert "Grade | Manager (M1)" in exported_word(rich, "cs-lead")


def test_shares_of_time_in_the_sheet(rich: Path) -> None:
    assert "1.\t受理来电 (60%)" in docx_paragraphs(rich, "cs-lead")


def docx_paragraphs(root: Path, post: str) -> list[str]:
    exported_word(root, post)
    return [paragraph.text for paragraph in docx.Document(str(root / "word" / f"{post}.docx")).paragraphs]


def test_english_titles_with_an_english_locale(rich: Path) -> None:
    page = generated(rich, "posts/cs-lead.md")
    assert page.startswith('---\ntitle: "Service Lead"')
    agent = generated(rich, "posts/cs-agent.md")
    assert ">Service Lead</a>" in agent  # the superior, by its English title


def test_both_names_when_bilingual(rich: Path) -> None:
    settings = rich / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "bilingual: true\n", encoding="utf-8")
    page = generated(rich, "posts/cs-lead.md")
    assert "# 客服主管 / Service Lead" in page


def test_based_on_without_reports_to_is_flagged(project: Callable[..., Path]) -> None:
    senior = "title: 高级客服专员\ncode: T-CS-03\ndepartment: cs\nbased_on: cs-agent\nauthorised: 0\nfilled: 0\n"
    root = project({"roles/cs-senior.yaml": senior})
    result = run_cli("check", str(root))
    assert "roles/cs-senior.yaml:4:11: warning: the post is based on cs-agent but sets no reports_to" in result.stdout
    root = project({"roles/cs-senior.yaml": senior + "reports_to: null\n"})
    assert "based-on-top-post" not in run_cli("check", str(root)).stdout


def test_empty_sections_are_left_out(rich: Path) -> None:
    page = generated(rich, "posts/cs-lead.md")
    assert "Revision history" not in page
    word = exported_word(rich, "cs-lead")
    assert "Revision history" not in word and "Version" not in word


def test_the_sheet_ends_with_a_signature_block(rich: Path) -> None:
    word = exported_word(rich, "cs-lead")
    assert word.rstrip().endswith(
        "[Heading 1] Signatures\nPost holder | Signature |  | Date | \n"
        "Direct superior | Signature |  | Date | \nHuman resources | Signature |  | Date |"
    )
    settings = rich / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "signatures: []\n", encoding="utf-8")
    assert "Signatures" not in exported_word(rich, "cs-lead")


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
CRAMPED = re.compile(r"\w[,:(]\w")
"""English words that a separator joins without its space (Agent 1,Agent 2; Organisation sheet:Word)."""


def test_an_english_project_reads_in_english(tmp_path: Path) -> None:
    root = tmp_path / "acme"
    assert run_cli("init", str(root), "--locale", "en", "--name", "Acme Ltd").exit_code == 0
    site = build(root, "mkdocs")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        text = page_text(page)
        assert not CJK.search(text), (page.relative_to(site), CJK.findall(text)[:5])
        assert not CRAMPED.search(text), (page.relative_to(site), CRAMPED.findall(text)[:5])


def test_a_department_document_opens_with_its_organisation_sheet(tmp_path: Path) -> None:
    example = copy_example(tmp_path / "example")
    out = tmp_path / "d"
    result = run_cli("export", "docx", "--department", "customer-service", "--out", str(out), "-C", str(example))
    assert result.exit_code == 0, result.stderr
    assert sorted(path.name for path in out.iterdir()) == [RECORD, "booklet-customer-service.docx"]
    text = word_text(out / "booklet-customer-service.docx")
    organisation = check_project(example).organisation
    department = organisation.departments["customer-service"]
    assert department.objective is not None and department.objective in text
    functions = [line.text for group in Ctx(organisation).groups(department.functions) for line in group.lines]
    assert len(functions) > 10
    for function in functions:  # every function, grouped or not
        assert function in text
    assert "合计（本部门） | | | 10 | 10 | 0".replace(" | | |", " |  |  |") in text
    assert text.index("客户服务部组织说明书") < text.index("客户维系中心经理岗位说明书")
    each = tmp_path / "each"
    result = run_cli(
        "export", "docx", "--department", "customer-service", "--each", "--out", str(each), "-C", str(example)
    )
    assert result.exit_code == 0, result.stderr
    assert len(list(each.glob("*.docx"))) == len(organisation.posts_in("customer-service"))


def test_a_pay_band_is_internal_unless_it_says_otherwise(project: Callable[..., Path]) -> None:
    settings = BASE_FILES["orgspec.yaml"].replace(
        "  - id: M1\n", "  - id: M1\n    name: Manager\n    pay: {min: 8000, max: 12000}\n"
    )
    root = project({"orgspec.yaml": settings})
    assert '<td colspan="3">8,000–12,000 CNY</td>' in generated(root, "posts/cs-lead.md")
    assert "Pay band | 8,000–12,000 CNY" in exported_word(root, "cs-lead")
    result = run_cli("generate", "--edition", "public", str(root))
    assert result.exit_code == 0, result.stderr
    public = (root / "docs" / "handbook" / "posts" / "cs-lead.md").read_text(encoding="utf-8")
    assert "Pay band" not in public and "12,000" not in public
    shown = settings.replace("max: 12000}", "max: 12000, internal: false}")
    root = project({"orgspec.yaml": shown})
    assert run_cli("generate", "--edition", "public", str(root)).exit_code == 0
    assert "8,000–12,000 CNY" in html.unescape((root / "docs" / "handbook" / "posts" / "cs-lead.md").read_text())


def test_english_messages_count_in_the_singular_and_the_plural(project: Callable[..., Path]) -> None:
    root = project({"clauses.yaml": "obey-rules: 遵守公司各项规章制度\nunused: 未引用的条款\n"})
    result = run_cli("check", str(root))
    assert result.stderr == "0 errors, 1 warning in 1 file\n"
    clean = run_cli("check", str(project({"clauses.yaml": "obey-rules: 遵守公司各项规章制度\n"})))
    assert clean.stderr == "All clear: 1 department, 2 posts, no problems\n"
