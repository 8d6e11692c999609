"""Competencies rated on the organisation's scale and the extra sections it declares, on every output."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BASE_FILES, run_cli
from tests.test_fidelity import exported_word, generated

SETTINGS = """\
competency_scale:
  - {level: 1, name: Aware}
  - {level: 2, name: Practising}
  - {level: 3, name: Proficient}
sections:
  - {id: training, title: 培训要求, title_en: Training}
  - {id: hours, title: 工作时间, title_en: Working hours}
  - {id: hiring, title: 招聘流程, title_en: Hiring}
"""

AGENT = """\
competencies:
  - {name: 沟通协调, level: 3, description: 能独立处理一般投诉}
  - {name: 系统操作, level: 1, internal: true}
sections:
  hours: 标准工时制，每周五天
  training:
    - 岗前培训两周
    - {text: 内部考核办法, internal: true}
    - 每年参加业务培训不少于 40 学时
"""


@pytest.fixture
def sections(project: Callable[..., Path]) -> Path:
    return project(
        {
            "orgspec.yaml": BASE_FILES["orgspec.yaml"] + SETTINGS,
            "roles/cs-agent.yaml": BASE_FILES["roles/cs-agent.yaml"] + AGENT,
        }
    )


def test_on_the_page_in_the_declared_order(sections: Path) -> None:
    assert run_cli("check", "--strict", str(sections)).exit_code == 0
    page = generated(sections, "posts/cs-agent.md")
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings[-3:] == ["## Competencies", "## Training", "## Working hours"]  # no hiring: the post has none
    assert "Scale: 1 Aware, 2 Practising, 3 Proficient" in page
    cells = re.sub(r' class="[^"]*"', "", page)  # the cells, not their styles
    assert "<tr><td>沟通协调</td><td>Proficient (3)</td><td>能独立处理一般投诉</td></tr>" in cells
    assert "1. 岗前培训两周\n2. 内部考核办法\n3. 每年参加业务培训不少于 40 学时" in page
    assert "## Working hours\n\n标准工时制，每周五天\n" in page


def test_in_word(sections: Path) -> None:
    word = exported_word(sections, "cs-agent")
    assert (
        "[Heading 1] Competencies\nScale: 1 Aware, 2 Practising, 3 Proficient\nCompetency | Level | Description" in word
    )
    assert "沟通协调 | Proficient (3) | 能独立处理一般投诉\n系统操作 | Aware (1) | " in word
    assert "[Heading 1] Training\n1.\t岗前培训两周" in word
    assert "[Heading 1] Working hours\n标准工时制，每周五天" in word


def test_in_pdf(sections: Path, tmp_path: Path) -> None:
    result = run_cli("export", "pdf", "cs-agent", "--out", str(tmp_path / "pdf"), "-C", str(sections))
    assert result.exit_code == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(tmp_path / "pdf" / "cs-agent.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for shown in ("Competencies", "Proficient (3)", "Training", "岗前培训两周", "Working hours", "标准工时制"):
        assert shown in text


def test_the_public_edition_leaves_internal_entries_out(sections: Path) -> None:
    assert run_cli("generate", "--edition", "public", str(sections)).exit_code == 0
    page = html.unescape((sections / "docs" / "handbook" / "posts" / "cs-agent.md").read_text(encoding="utf-8"))
    assert "系统操作" not in page and "内部考核办法" not in page
    assert "2. 每年参加业务培训不少于 40 学时" in page


def test_titles_in_chinese(sections: Path) -> None:
    settings = sections / "orgspec.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("locale: en\n", ""), encoding="utf-8")
    page = generated(sections, "posts/cs-agent.md")
    assert "## 能力要求" in page and "## 培训要求" in page and "评级标准：1 Aware、2 Practising、3 Proficient" in page
