"""The handbook searched with Pagefind (search: engine: pagefind), built with MkDocs and with Zensical, in a
real headless Chromium: what people type finds what the builders' own search finds, in a search box with the
builders' keys and the site's words, and nothing is fetched from anywhere but the site."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from orgspec.model.settings import SearchSettings
from orgspec.site.config_names import PAGEFIND_CONFIG
from orgspec.site.mkdocs_config import UserConfig, pagefind_config
from orgspec.site.search import handbook_search, index_with_pagefind, pagefind_command
from tests.browser import Browser, browser, serve
from tests.conftest import BASE_FILES, run_cli
from tests.sites import build, copy_example
from tests.test_browser import QUERIES, pages_found, search

ENGINES = ["mkdocs", "zensical"]


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    project = copy_example(tmp_path_factory.mktemp(f"pagefind-{engine}"))
    with (project / "orgspec.yaml").open("a", encoding="utf-8") as settings:
        settings.write("search:\n  engine: pagefind\n")
    return build(project, engine)


@pytest.fixture(scope="module")
def site(built: Path) -> Iterator[str]:
    with serve(built) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with browser() as instance:
        instance.send("Network.enable")
        yield instance


OPEN = {
    # Material's search box in the header opens as Material opens it; Zensical's is a dialog behind a button.
    "mkdocs": "document.querySelector('.md-header label[for=__search]').click()",
    "zensical": "document.querySelector('.md-header [data-orgspec-search-open]').click()",
}


# Whether the search box is open to type in, under each builder.
OPENED = {
    "mkdocs": "document.getElementById('__search').checked",
    "zensical": "document.querySelector('dialog[data-orgspec-search]').open",
}


def opened(chromium: Browser, engine: str) -> bool:
    """Whether the search box is open to type in."""
    return bool(chromium.eval(OPENED[engine]))


@pytest.mark.parametrize("query", QUERIES)
def test_pagefind_finds_what_people_type(site: str, chromium: Browser, query: str) -> None:
    expected, first = QUERIES[query]
    found = search(chromium, "mkdocs", site, query, expected)  # the box's input, under either builder
    assert pages_found(found)[0] in [f"handbook/posts/{post}.html" for post in first]
    assert "\u2063" not in found and "xsglbjl" not in found  # a page's search words found it; they do not show


def test_pagefind_fetches_nothing_from_elsewhere_and_not_the_builders_index(site: str, chromium: Browser) -> None:
    chromium.events.clear()
    search(chromium, "mkdocs", site, "坐席", "call-centre-agent.html")
    fetched = [
        event["params"]["request"]["url"] for event in chromium.events if event["method"] == "Network.requestWillBeSent"
    ]
    assert any("/pagefind/" in url for url in fetched)
    assert [url for url in fetched if not url.startswith((site, "data:"))] == []
    assert not any("search_index.json" in url or "search.json" in url for url in fetched)


def test_the_builder_writes_no_index_beside_pagefinds(built: Path, engine: str) -> None:
    assert (built / "pagefind" / "pagefind.js").is_file()
    # The builder's own search is switched off: no index no one fetches.
    assert not (built / "search").exists()
    if engine == "zensical":
        assert json.loads((built / "search.json").read_text(encoding="utf-8"))["items"] == []


def test_pagefind_speaks_the_sites_language(site: str, chromium: Browser) -> None:
    search(chromium, "mkdocs", site, "坐席", "call-centre-agent.html")
    said = chromium.eval("document.querySelector('.md-search-result__meta').textContent.trim()")
    assert said.endswith(" 个符合条件的结果") and said.split()[0].isdigit(), said  # Material's words in Chinese


def test_enter_opens_the_first_result(site: str, chromium: Browser, engine: str) -> None:
    search(chromium, "mkdocs", site, "坐席", "call-centre-agent.html")
    chromium.events = [event for event in chromium.events if event["method"] != "Page.loadEventFired"]
    chromium.eval(OPEN[engine])
    assert opened(chromium, engine)
    assert chromium.eval("document.activeElement.classList.contains('md-search__input')")
    if engine == "mkdocs":  # Material's keys
        chromium.eval("window.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))")
    else:  # the form's own submission, as Enter in its input gives
        chromium.eval("document.activeElement.form.requestSubmit()")
    chromium.wait_for("location.pathname === '/handbook/posts/call-centre-agent.html'")


def test_a_key_opens_the_search_box_and_escape_closes_it(site: str, chromium: Browser, engine: str) -> None:
    chromium.open(site + "handbook/posts/call-centre-agent.html", settle=0.5)
    chromium.send("Input.dispatchKeyEvent", type="keyDown", key="/", text="/", code="Slash", windowsVirtualKeyCode=191)
    chromium.send("Input.dispatchKeyEvent", type="keyUp", key="/", code="Slash", windowsVirtualKeyCode=191)
    chromium.wait_for("document.activeElement.classList.contains('md-search__input')")
    # Material may focus the input a moment before it checks its toggle.
    chromium.wait_for(OPENED[engine])
    # Nothing else opened: Zensical's own (empty) search dialog lives in a shadow root.
    assert not chromium.eval("[...document.body.children].some(element => element.shadowRoot)")
    chromium.send("Input.dispatchKeyEvent", type="keyDown", key="Escape", code="Escape", windowsVirtualKeyCode=27)
    chromium.send("Input.dispatchKeyEvent", type="keyUp", key="Escape", code="Escape", windowsVirtualKeyCode=27)
    chromium.wait_for("!document.activeElement.classList.contains('md-search__input')")
    chromium.wait_for(f"!({OPENED[engine]})")


def test_tab_reaches_the_results_in_the_handbooks_own_dialog(site: str, chromium: Browser, engine: str) -> None:
    search(chromium, "mkdocs", site, "坐席", "call-centre-agent.html")
    chromium.eval(OPEN[engine])
    chromium.wait_for("document.activeElement.classList.contains('md-search__input')")
    reached = False
    for _ in range(4):
        chromium.send("Input.dispatchKeyEvent", type="keyDown", key="Tab", code="Tab", windowsVirtualKeyCode=9)
        chromium.send("Input.dispatchKeyEvent", type="keyUp", key="Tab", code="Tab", windowsVirtualKeyCode=9)
        reached = reached or bool(chromium.eval("!!document.activeElement.closest('.md-search-result__item')"))
    # Material moves through its results with the arrow keys; the dialog under Zensical, with Tab.
    assert reached == (engine == "zensical")


def test_a_phone_opens_the_search_box(site: str, chromium: Browser, engine: str) -> None:
    chromium.send("Emulation.setDeviceMetricsOverride", width=390, height=800, deviceScaleFactor=1, mobile=True)
    try:
        found = search(chromium, "mkdocs", site, "坐席", "call-centre-agent.html")
        assert pages_found(found)[0] == "handbook/posts/call-centre-agent.html"
        chromium.eval(OPEN[engine])
        assert opened(chromium, engine)
        width = chromium.wait_for("document.querySelector('.md-search-result__item').getBoundingClientRect().width")
        assert width > 300  # the results across the phone's width
    finally:
        chromium.send("Emulation.setDeviceMetricsOverride", width=1280, height=1000, deviceScaleFactor=1, mobile=False)


def test_pages_left_out_of_search_stay_out(site: str, chromium: Browser, built: Path) -> None:
    found = search(chromium, "mkdocs", site, "经理", "posts/service-centre-manager.html")
    assert "indexes/posts.html" not in found  # search: exclude: the post index repeats the posts
    for index in ("posts", "completeness"):  # tables that repeat what the posts' own pages say
        assert "data-pagefind-body" not in (built / "handbook" / "indexes" / f"{index}.html").read_text(
            encoding="utf-8"
        )
    found = search(chromium, "mkdocs", site, "坐席", "call-centre-agent.html")
    assert "indexes/completeness.html" not in found
    assert "data-pagefind-body" in (built / "handbook" / "posts" / "call-centre-agent.html").read_text(encoding="utf-8")


def test_pagefind_index_is_the_same_twice(built: Path, tmp_path: Path) -> None:
    first = {
        path.relative_to(built).as_posix(): path.read_bytes()
        for path in (built / "pagefind").rglob("*")
        if path.is_file()
    }
    index_with_pagefind(built)
    again = {
        path.relative_to(built).as_posix(): path.read_bytes()
        for path in (built / "pagefind").rglob("*")
        if path.is_file()
    }
    assert again == first


def test_pagefind_reading_only_the_searched_body_indexes_what_it_indexes_reading_everything(
    built: Path, tmp_path: Path
) -> None:
    # The root selector saves Pagefind the header, navigation and footer, which hold nothing it indexes under
    # either builder: reading the whole page must give the very same index.
    command = pagefind_command(built)
    root = command.index("--root-selector")
    whole = [*command[:root], *command[root + 2 :], "--output-path", str(tmp_path / "whole")]
    subprocess.run(whole, check=True, capture_output=True)

    def index(folder: Path) -> dict[str, bytes]:
        return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}

    assert index(tmp_path / "whole") == index(built / "pagefind")


@pytest.mark.parametrize(
    ("settings", "posts", "chosen"),
    [
        ({}, 999, "builtin"),
        ({}, 1000, "pagefind"),
        ({"pagefind_from": 3}, 2, "builtin"),
        ({"engine": "pagefind"}, 2, "pagefind"),
        ({"engine": "builtin"}, 50_000, "builtin"),
    ],
)
def test_auto_chooses_pagefind_from_a_number_of_posts(settings: dict[str, object], posts: int, chosen: str) -> None:
    assert handbook_search(SearchSettings.model_validate(settings), posts) == chosen


def test_generate_writes_the_pagefind_configuration_only_when_chosen(project: Callable[..., Path]) -> None:
    root = project({"orgspec.yaml": BASE_FILES["orgspec.yaml"] + "search:\n  pagefind_from: 2\n"})
    assert run_cli("generate", str(root)).exit_code == 0
    assert "custom_dir:" in (root / PAGEFIND_CONFIG).read_text(encoding="utf-8")  # the test project has 2 posts
    (root / "orgspec.yaml").write_text(BASE_FILES["orgspec.yaml"] + "search:\n  pagefind_from: 3\n", encoding="utf-8")
    assert run_cli("generate", str(root)).exit_code == 0
    assert not (root / PAGEFIND_CONFIG).exists()


OVERRIDES = "theme:\n  name: material\n  custom_dir: overrides\n"
ANNOUNCE = (
    '{% extends "base.html" %}\n{% block announce %}<span class="our-notice">本周六系统维护</span>{% endblock %}\n'
)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_theme_folder_of_the_projects_own_is_merged_with_orgspecs(tmp_path: Path, engine: str) -> None:
    project = copy_example(tmp_path / "project")
    with (project / "orgspec.yaml").open("a", encoding="utf-8") as settings:
        settings.write("search:\n  engine: pagefind\n")
    mkdocs = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\ntheme:\n  name: material\n" in mkdocs
    (project / "mkdocs.yml").write_text(
        mkdocs.replace("\ntheme:\n  name: material\n", "\n" + OVERRIDES), encoding="utf-8"
    )
    (project / "overrides" / "images").mkdir(parents=True)
    (project / "overrides" / "main.html").write_text(ANNOUNCE, encoding="utf-8")
    (project / "overrides" / "images" / "seal.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8"
    )
    site = build(project, engine)
    page = (site / "handbook" / "posts" / "call-centre-agent.html").read_text(encoding="utf-8")
    assert "本周六系统维护" in page  # the project's own main.html
    assert "data-pagefind-body" in page and "data-orgspec-pagefind" in page  # and orgspec's search box
    assert (site / "images" / "seal.svg").is_file() and (site / "pagefind" / "pagefind.js").is_file()
    assert not (site / "search").exists()
    assert (project / "overrides" / "main.html").read_text(encoding="utf-8") == ANNOUNCE  # never written to


def test_a_theme_folder_that_holds_the_project_is_not_copied_into_itself(project: Callable[..., Path]) -> None:
    mkdocs = "site_name: Test\ntheme:\n  name: material\n  custom_dir: .\n"
    root = project({"orgspec.yaml": BASE_FILES["orgspec.yaml"] + "search:\n  engine: pagefind\n", "mkdocs.yml": mkdocs})
    assert run_cli("generate", str(root)).exit_code == 0
    assert not (root / PAGEFIND_CONFIG).exists() and not (root / ".cache" / "orgspec" / "theme").exists()


@pytest.mark.parametrize("own", ["partials/header.html", "partials/search.html"])
def test_a_theme_folder_that_draws_its_own_search_box_keeps_the_builders_search(
    project: Callable[..., Path], own: str
) -> None:
    mkdocs = "site_name: Test\n" + OVERRIDES
    root = project({"orgspec.yaml": BASE_FILES["orgspec.yaml"] + "search:\n  engine: pagefind\n", "mkdocs.yml": mkdocs})
    (root / "overrides" / own).parent.mkdir(parents=True)
    (root / "overrides" / own).write_text("<div>ours</div>\n", encoding="utf-8")
    assert run_cli("generate", str(root)).exit_code == 0
    assert not (root / PAGEFIND_CONFIG).exists()
    (root / "overrides" / own).unlink()
    assert run_cli("generate", str(root)).exit_code == 0
    assert yaml.safe_load((root / PAGEFIND_CONFIG).read_text(encoding="utf-8"))["theme"]["custom_dir"] == str(
        root / ".cache" / "orgspec" / "theme"
    )


@pytest.mark.parametrize(
    ("mkdocs", "plugins"),
    [
        (None, [{"search": {"enabled": False}}, "orgspec"]),
        ("site_name: T\n", [{"search": {"enabled": False}}, "orgspec"]),
        ("site_name: T\nINHERIT: base.yml\n", None),  # the parent's plugins are not known: left as they are
        (
            "plugins:\n  - search:\n      lang: zh\n      enabled: true\n  - orgspec\n  - material/search\n",
            [{"search": {"lang": "zh", "enabled": False}}, "orgspec", {"material/search": {"enabled": False}}],
        ),
        (
            "plugins:\n  search: {separator: x}\n  tags: {}\n",
            {"search": {"separator": "x", "enabled": False}, "tags": {}, "orgspec": {}},
        ),
    ],
)
def test_the_pagefind_configuration_switches_materials_search_off(
    tmp_path: Path, mkdocs: str | None, plugins: object
) -> None:
    path = None
    if mkdocs is not None:
        path = tmp_path / "mkdocs.yml"
        path.write_text(mkdocs, encoding="utf-8")
    config = yaml.safe_load(pagefind_config(tmp_path / "theme", UserConfig(path=path)))
    assert config.get("plugins") == plugins
    assert config["theme"] == {"custom_dir": str(tmp_path / "theme")}


def test_the_pagefind_configuration_passes_the_projects_tags_on_as_written(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("plugins:\n  - search\n  - social:\n      enabled: !ENV [CI, false]\n", encoding="utf-8")
    text = pagefind_config(tmp_path / "theme", UserConfig(path=path))
    assert "enabled: !ENV [CI, false]" in text or "enabled: !ENV\n" in text
    assert yaml.compose(text, Loader=yaml.SafeLoader) is not None  # the tag is kept, not run
