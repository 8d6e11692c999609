"""`orgspec chart`: standalone SVG files of the same charts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from orgspec.check.pipeline import check_project
from orgspec.render.chart.build import Links, department_chart, overview_chart
from orgspec.render.chart.svg import draw
from tests.conftest import REPO, run_cli


def test_overview_by_default(tmp_path: Path) -> None:
    out = tmp_path / "overview.svg"
    result = run_cli("chart", "-C", str(REPO), "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == f"{out}\n"
    organisation = check_project(REPO).organisation
    assert out.read_text(encoding="utf-8") == draw(overview_chart(organisation, Links()))
    ET.fromstring(out.read_text(encoding="utf-8"))


def test_department_by_id_or_name_without_links(tmp_path: Path) -> None:
    by_id, by_name = tmp_path / "a.svg", tmp_path / "b.svg"
    assert run_cli("chart", "customer-service", "-C", str(REPO), "-o", str(by_id)).exit_code == 0
    assert run_cli("chart", "客户服务部", "-C", str(REPO), "-o", str(by_name)).exit_code == 0
    assert by_id.read_bytes() == by_name.read_bytes()
    organisation = check_project(REPO).organisation
    assert by_id.read_text(encoding="utf-8") == draw(department_chart(organisation, "customer-service", Links()))
    assert "href=" not in by_id.read_text(encoding="utf-8")


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "c.svg"
    run_cli("chart", "call-centre", "-C", str(REPO), "-o", str(out))
    again = run_cli("chart", "call-centre", "-C", str(REPO), "-o", str(out))
    assert again.stderr == f"{out} (unchanged)\n"


def test_site_url_links_boxes_to_the_published_handbook() -> None:
    result = run_cli("chart", "call-centre", "-C", str(REPO), "-o", "-", "--site-url", "https://example.org/org")
    assert result.exit_code == 0
    assert 'href="https://example.org/org/handbook/posts/call-centre-agent.html"' in result.stdout


def test_public_edition_has_no_grades() -> None:
    result = run_cli("chart", "call-centre", "-C", str(REPO), "-o", "-", "--edition", "public")
    assert "EX&#45;HJ&#45;001 · M3" not in result.stdout and "EX&#45;HJ&#45;001<" in result.stdout


def test_unknown_department_is_a_usage_error_with_a_hint() -> None:
    result = run_cli("chart", "call-center", "-C", str(REPO), "-o", "-")
    assert result.exit_code == 2
    assert "'call-center' is not a known department; did you mean 'call-centre'?" in result.stderr


def test_site_url_must_be_a_web_address() -> None:
    result = run_cli("chart", "-C", str(REPO), "-o", "-", "--site-url", "javascript:alert(1)")
    assert result.exit_code == 2
    assert "is not an http:// or https:// address" in result.stderr


def test_project_with_errors_draws_nothing(project: Callable[..., Path], tmp_path: Path) -> None:
    root = project({"roles/cs-agent.yaml": "title: x\ndepartment: nowhere\n"})
    out = tmp_path / "out.svg"
    result = run_cli("chart", "-C", str(root), "-o", str(out))
    assert result.exit_code == 1
    assert "nowhere" in result.stderr
    assert not out.exists()
