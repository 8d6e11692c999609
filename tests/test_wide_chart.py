"""A department chart far wider than the page, in Chromium, with both engines.

On screen it opens scrolled to its head, in the middle of the frame; printed
on A4 it is the chart's tree in words, since the picture squeezed to the
page's width would be too small to read. A narrow chart prints as itself.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import Browser, browser, serve
from tests.conftest import write_files
from tests.sites import build

ENGINES = ("mkdocs", "zensical")
LEADS = 20
AGENTS = 3


def _post(title: str, department: str, reports_to: str | None) -> str:
    superior = f"reports_to: {reports_to}\n" if reports_to else ""
    return f"title: {title}\ndepartment: {department}\n{superior}duties:\n  - Work as {title}\nkpis:\n  - name: Calls\n"


def wide_project() -> dict[str, str]:
    """A small department (two posts) and a wide one: a head, 20 team leads, three agents under each."""
    files = {
        "orgspec.yaml": "name: Wide Co\nlocale: en\nchecks:\n  span-of-control: ignore\n",
        "mkdocs.yml": "site_name: Wide Co\ntheme:\n  name: material\n  features: [navigation.indexes, navigation.prune]\n",
        "departments/ops.yaml": "name: Operations\nhead: ops-head\n",
        "departments/desk.yaml": "name: Desk\nhead: desk-lead\n",
        "roles/ops-head.yaml": _post("Head of Operations", "ops", None),
        "roles/desk-lead.yaml": _post("Desk Lead", "desk", None),
        "roles/desk-agent.yaml": _post("Desk Agent", "desk", "desk-lead"),
    }
    for lead in range(1, LEADS + 1):
        files[f"roles/lead-{lead:02}.yaml"] = _post(f"Team Lead {lead:02}", "ops", "ops-head")
        for agent in range(1, AGENTS + 1):
            files[f"roles/agent-{lead:02}-{agent}.yaml"] = _post(f"Agent {lead:02}-{agent}", "ops", f"lead-{lead:02}")
    return files


@pytest.fixture(scope="module", params=ENGINES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp(f"wide-{request.param}")
    write_files(root, wide_project())
    return build(root, str(request.param))


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with browser() as opened:
        yield opened


OPENED = """(() => {
    const frame = document.querySelector('.orgspec-chart'), head = frame.querySelector('svg .box');
    const box = head.getBoundingClientRect(), view = frame.getBoundingClientRect();
    return {scrolls: frame.scrollWidth > frame.clientWidth + 100, scrolled: frame.scrollLeft,
            head: head.parentNode.querySelector('.title').textContent,
            inView: box.left >= view.left && box.right <= view.right,
            offCentre: Math.abs(box.left + box.width / 2 - (view.left + view.width / 2))};
})()"""


def test_a_wide_chart_opens_centred_on_its_head(site: Path, chromium: Browser) -> None:
    with serve(site) as url:
        chromium.open(url + "handbook/departments/ops/index.html")
        opened = chromium.eval(OPENED)
    assert opened["head"] == "Head of Operations"
    assert opened["scrolls"] and opened["scrolled"] > 0, opened
    assert opened["inView"] and opened["offCentre"] <= 2, opened


PRINTED = """(() => {
    const shown = (selector) => {
        const element = document.querySelector(selector);
        return element !== null && getComputedStyle(element).display !== 'none';
    };
    return {chart: shown('.orgspec-chart'), outline: shown('.orgspec-outline'),
            lines: [...document.querySelectorAll('.orgspec-outline li')].length};
})()"""


def _printed(chromium: Browser, url: str) -> dict[str, object]:
    chromium.open(url)
    chromium.send("Emulation.setEmulatedMedia", media="print")
    try:
        return dict(chromium.eval(PRINTED))
    finally:
        chromium.send("Emulation.setEmulatedMedia", media="")


def test_a_wide_chart_prints_as_its_outline(site: Path, chromium: Browser, tmp_path: Path) -> None:
    with serve(site) as url:
        page = url + "handbook/departments/ops/index.html"
        chromium.open(page)
        assert chromium.eval(PRINTED) == {"chart": True, "outline": False, "lines": 1 + LEADS * (1 + AGENTS)}
        assert _printed(chromium, page) == {"chart": False, "outline": True, "lines": 1 + LEADS * (1 + AGENTS)}
        chromium.open(page)
        pdf = chromium.pdf(tmp_path / "ops.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in text.splitlines()]
    assert "The chart is too wide to print legibly; its boxes by reporting line:" in lines
    head = next(line for line in text.splitlines() if line.strip().startswith("Head of Operations"))
    agent = next(line for line in text.splitlines() if line.strip().startswith("Agent 20-3"))
    assert len(agent) - len(agent.lstrip()) > len(head) - len(head.lstrip())  # indented under its lead


def test_a_narrow_chart_prints_as_itself(site: Path, chromium: Browser) -> None:
    with serve(site) as url:
        printed = _printed(chromium, url + "handbook/departments/desk/index.html")
    assert printed == {"chart": True, "outline": False, "lines": 0}
