"""The handbook being rendered: its organisation, page layout, templates and downloads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import Environment

from orgspec.link.families import ladder
from orgspec.link.organisation import Organisation
from orgspec.render.templates import environment, linker
from orgspec.render.urls import Downloads, SiteLayout
from orgspec.views.common import Ctx, money


@dataclass(frozen=True)
class Handbook:
    """Everything needed to render: the organisation (as its edition shows it), the layout, the templates
    and the Word/PDF copies the post pages offer."""

    ctx: Ctx
    layout: SiteLayout
    env: Environment
    downloads: Downloads

    @property
    def organisation(self) -> Organisation:
        return self.ctx.organisation

    @cached_property
    def shared_titles(self) -> dict[str, bool]:
        """The titles that more than one post has (a table, so that a page asks only about its own title)."""
        counts = Counter(post.title or key for key, post in self.organisation.posts.items())
        return {title: True for title, count in counts.items() if count > 1}

    def render(self, template: str, page: str, **values: Any) -> str:
        link = linker(self.layout, page)
        settings = self.organisation.settings
        return self.env.get_template(template).render(
            link=link,
            asset=lambda name: self.layout.link(page, self.layout.asset(name)),
            settings=settings,
            money=lambda amount: money(amount, settings.currency),
            downloads=self.downloads,
            **values,
        )


def families_shown(organisation: Organisation) -> list[str]:
    """The job families that have a page: those with a level that is a post."""
    settings = organisation.settings
    return [key for key in settings.families if ladder(settings, key, organisation.posts)]


def handbook(
    organisation: Organisation,
    *,
    project_root: Path | None = None,
    downloads: Sequence[str] = (),
    front_page: bool = False,
) -> Handbook:
    """The handbook of ``organisation``, offering the given download formats on its post pages.

    With ``front_page`` its home is the site's front page (docs/index.md).
    """
    layout = SiteLayout(directory_urls=False, front_page=front_page)
    ctx = Ctx(organisation)
    ctx.page_of_post.update({key: layout.post(key) for key in organisation.posts})
    ctx.page_of_department.update({key: layout.department(key) for key in organisation.departments})
    ctx.page_of_family.update({key: layout.family(key) for key in families_shown(organisation)})
    env = environment(project_root, organisation.settings.locale)
    return Handbook(ctx, layout, env, Downloads(layout, tuple(downloads)))
