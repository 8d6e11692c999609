"""The handbook built with MkDocs and with Zensical: every page there, every link good."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgspec.check.pipeline import check_project
from tests.conftest import REPO
from tests.html_links import broken_links, internal_target, parse, reachable
from tests.sites import build, copy_example

ENGINES = ("mkdocs", "zensical")


@pytest.fixture(scope="module", params=ENGINES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    engine = str(request.param)
    project = copy_example(tmp_path_factory.mktemp(f"site-{engine}"))
    return engine, build(project, engine)


def test_every_department_and_post_has_a_page(built: tuple[str, Path]) -> None:
    _, site = built
    organisation = check_project(REPO).organisation
    for key in organisation.departments:
        assert (site / "handbook" / "departments" / key / "index.html").is_file(), key
    for key in organisation.posts:
        assert (site / "handbook" / "posts" / f"{key}.html").is_file(), key
    for name in ("posts", "kpis", "authorities"):
        assert (site / "handbook" / "indexes" / f"{name}.html").is_file()


def test_every_page_is_reachable_from_the_navigation(built: tuple[str, Path]) -> None:
    _, site = built
    organisation = check_project(REPO).organisation
    pages = reachable(site, site / "index.html")
    for key in organisation.posts:
        assert (site / "handbook" / "posts" / f"{key}.html").resolve() in pages, key
    for key in organisation.departments:
        assert (site / "handbook" / "departments" / key / "index.html").resolve() in pages, key


def test_the_navigation_mirrors_the_tree(built: tuple[str, Path]) -> None:
    _, site = built
    page = site / "handbook" / "departments" / "sales-south" / "index.html"
    targets = {internal_target(site, page, href) for href in parse(page).links}
    # The open branch shows the department's head post; the regional departments sit under 营销中心.
    assert (site / "handbook" / "posts" / "sales-manager-south.html").resolve() in targets
    assert (site / "handbook" / "departments" / "marketing-centre" / "index.html").resolve() in targets


def test_every_internal_link_resolves(built: tuple[str, Path]) -> None:
    _, site = built
    assert broken_links(site) == []


def test_post_page_shows_the_job_sheet(built: tuple[str, Path]) -> None:
    _, site = built
    html = (site / "handbook" / "posts" / "call-centre-agent.html").read_text(encoding="utf-8")
    for text in ("岗位说明书", "岗位名称", "客服中心坐席员", "直接上级", "岗位设置目的", "任职资格"):
        assert text in html
    assert "修订记录" not in html  # the post has no revision history: the empty section is left out
    assert 'href="call-centre-director.html"' in html


def test_site_works_offline(built: tuple[str, Path]) -> None:
    _, site = built
    for page in (site / "index.html", site / "handbook" / "posts" / "call-centre-agent.html"):
        parser = parse(page)
        for tag, attrs in parser.tags:
            values = dict(attrs)
            if tag in ("script", "link", "img") and (values.get("src") or values.get("href") or "").startswith("http"):
                assert tag == "link" and values.get("rel") in ("canonical", "alternate"), (tag, values)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_front_page_of_the_projects_own_is_the_sites(engine: str, tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    own = "# 欢迎\n\n我们自己写的首页。\n"
    (project / "docs" / "index.md").write_text(own, encoding="utf-8")
    site = build(project, engine)
    assert (project / "docs" / "index.md").read_text(encoding="utf-8") == own
    assert "我们自己写的首页" in (site / "index.html").read_text(encoding="utf-8")
    home = site / "handbook" / "index.html"
    assert 'class="orgspec-find"' in home.read_text(encoding="utf-8")
    assert home.resolve() in {
        internal_target(site, site / "index.html", href) for href in parse(site / "index.html").links
    }
    assert broken_links(site) == []
