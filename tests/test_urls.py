"""A link from one generated page to another leads there, whichever page it is written on."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from orgspec.render.urls import SiteLayout

ROOT = "https://example.org/site/"


def places(layout: SiteLayout) -> list[str]:
    return [
        layout.home(),
        layout.department("ops"),
        layout.department("ops-north"),
        layout.department_chart("ops"),
        layout.post("clerk"),
        layout.family("sales"),
        layout.index("posts"),
        layout.overview_chart(),
        layout.asset("orgspec.css"),
        "index.md",
        "about/team.md",
        "about/index.md",
    ]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("front_page", [True, False])
def test_every_link_resolves_from_the_page_it_is_on_to_the_page_it_names(
    directory_urls: bool, front_page: bool
) -> None:
    layout = SiteLayout(directory_urls=directory_urls, front_page=front_page)
    for page in places(layout):
        href = layout.links_from(page)
        for target in places(layout):
            link = href(target)
            assert urljoin(ROOT + layout.url(page), link) == ROOT + layout.url(target), (page, target, link)
