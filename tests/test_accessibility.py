"""axe-core in headless Chromium: no serious or critical problem in orgspec's markup, with either engine.

axe-core comes from `make tools` (.cache/tools) and is read from disk into the page: no network.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.browser import Browser, browser, serve
from tests.conftest import REPO
from tests.sites import build, copy_example

AXE = REPO / ".cache" / "tools" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "front page": "index.html",
    "department": "handbook/departments/customer-service/index.html",
    "post": "handbook/posts/customer-director.html",
}
THEME = {
    # Problems of the themes' own markup, outside the page's content (`.md-content`), which orgspec does not write.
    # Material's search (`div.md-search`) is a role="dialog" without an accessible name.
    "aria-dialog-name": ".md-search",
    # Material's footer prints "Made with Material for MkDocs" in grey on black (4.47:1), and Zensical's
    # navigation marks the current page's link in the primary colour on a tint of it (3.75:1).
    "color-contrast": ".md-copyright, .md-nav__link",
}
"""Rule → the selector of the theme's elements whose problems of that rule are left out, and why."""
RUN = """axe.run(document, {resultTypes: ['violations']}).then(results => results.violations
    .filter(rule => rule.impact === 'serious' || rule.impact === 'critical')
    .flatMap(rule => rule.nodes.map(node => {
        const element = node.target.length === 1 ? document.querySelector(node.target[0]) : null;
        const theme = %s[rule.id];
        const themes = Boolean(element && theme && element.closest(theme) && !element.closest('.md-content'));
        return {rule: rule.id, impact: rule.impact, target: node.target.join(' '), html: node.html, themes};
    })))"""


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    engine = str(request.param)
    with serve(build(copy_example(tmp_path_factory.mktemp(f"axe-{engine}")), engine)) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    assert AXE.is_file(), "axe-core is missing: run make tools"
    with browser() as instance:
        yield instance


@pytest.mark.parametrize("page", PAGES)
def test_no_serious_or_critical_problem_in_orgspecs_markup(site: str, chromium: Browser, page: str) -> None:
    chromium.open(site + PAGES[page], settle=0.5)
    chromium.eval(AXE.read_text(encoding="utf-8"))
    assert chromium.eval("typeof axe.run") == "function"
    found = chromium.eval(RUN % json.dumps(THEME))
    ours = [problem for problem in found if not problem["themes"]]
    assert ours == [], "\n".join(f"{item['impact']} {item['rule']}: {item['target']} {item['html']}" for item in ours)


def test_the_themes_problems_left_out_are_outside_the_page_content(site: str, chromium: Browser) -> None:
    """The filter leaves out what it names and nothing of orgspec's: a problem put into the content is found."""
    chromium.open(site + PAGES["post"], settle=0.5)
    chromium.eval(AXE.read_text(encoding="utf-8"))
    chromium.eval(
        "document.querySelector('.md-content .orgspec-basic td').insertAdjacentHTML('beforeend',"
        ' \'<span class="md-nav__link" style="color:#ccc">faint</span>\')'
    )
    found = chromium.eval(RUN % json.dumps(THEME))
    assert [problem["rule"] for problem in found if not problem["themes"]] == ["color-contrast"]
