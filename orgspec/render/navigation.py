"""The navigation of the handbook: it mirrors the organisation tree.

A department is a section whose index page is the department page, then
its posts (the head first, down the reporting lines), then its
sub-departments as nested sections. A department of more than
`FLAT_POSTS` posts lists them along the reporting lines instead: a post
with subordinates in the department is a section holding its own page and
its subordinates. The tree grows deeper, not longer, as the organisation
grows: MkDocs renders the open branch of the navigation into every page
(``navigation.prune``), so a section of n posts costs n² entries to render
and a long list would make a big department slow to build and heavy to
download.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from orgspec.i18n import label
from orgspec.link.organisation import Organisation
from orgspec.render.handbook import families_shown
from orgspec.render.templates import title_text
from orgspec.render.urls import SiteLayout

NavItem = str | dict[str, Any]
FLAT_POSTS = 30
"""A department with more posts than this lists them along the reporting lines."""


def handbook_nav(organisation: Organisation, layout: SiteLayout) -> list[NavItem]:
    """Navigation entries of the generated pages."""
    locale = organisation.settings.locale
    items: list[NavItem] = [{title_text(label("nav.overview", locale)): layout.home()}]
    items += [_department(organisation, layout, key) for key in organisation.department_children.get(None, [])]
    indexes: list[NavItem] = [
        {title_text(label(f"nav.{name}", locale)): layout.index(name)}
        for name in ("posts", "kpis", "authorities", "compare")
    ]
    families = [
        {title_text(organisation.settings.families[key].name): layout.family(key)}
        for key in families_shown(organisation)
    ]
    if families:
        indexes.append({title_text(label("nav.families", locale)): families})
    items.append({title_text(label("nav.indexes", locale)): indexes})
    return items


def _department(organisation: Organisation, layout: SiteLayout, key: str) -> NavItem:
    department = organisation.departments[key]
    children: list[NavItem] = [layout.department(key)]
    posts = organisation.department_posts.get(key, [])
    names = told_apart(organisation, posts)
    if len(posts) <= FLAT_POSTS:
        children += [_post(layout, post, names) for post in posts]
    else:
        members = set(posts)
        children += [
            _reporting_line(organisation, layout, post, members, names)
            for post in posts
            if organisation.posts[post].reports_to not in members
        ]
    for child in organisation.department_children.get(key, []):
        children.append(_department(organisation, layout, child))
    return {title_text(department.name): children}


def told_apart(organisation: Organisation, posts: Sequence[str]) -> dict[str, str]:
    """The name of each of a department's ``posts`` in the navigation: its title, and where posts share
    a title, its post number after it (the title of its superior when it has no number the edition shows,
    or its place among them when that does not tell them apart either): 生产计划班长（SC-012）."""
    titles = {key: organisation.posts[key].title or key for key in posts}
    shared = Counter(titles.values())
    names = {key: title for key, title in titles.items() if shared[title] == 1}
    for title in (title for title, count in shared.items() if count > 1):
        keys = [key for key in posts if titles[key] == title]
        for tell in (_code, _superior):
            marks = [tell(organisation, key) for key in keys]
            if all(marks) and len(set(marks)) == len(marks):
                names |= {key: f"{title}（{mark}）" for key, mark in zip(keys, marks, strict=True)}
                break
        else:
            names |= {key: f"{title}（{number}）" for number, key in enumerate(keys, start=1)}
    return names


def _code(organisation: Organisation, key: str) -> str | None:
    return organisation.posts[key].code


def _superior(organisation: Organisation, key: str) -> str | None:
    superior = organisation.posts[key].reports_to
    return None if superior is None else organisation.posts[superior].title or superior


def _post(layout: SiteLayout, key: str, names: dict[str, str]) -> NavItem:
    return {title_text(names[key]): layout.post(key)}


def _reporting_line(
    organisation: Organisation, layout: SiteLayout, key: str, members: set[str], names: dict[str, str]
) -> NavItem:
    """A post and, when it has subordinates in ``members``, a section of it and them."""
    below = [child for child in organisation.subordinates.get(key, []) if child in members]
    if not below:
        return _post(layout, key, names)
    entries = [_post(layout, key, names)]
    entries += [_reporting_line(organisation, layout, child, members, names) for child in below]
    return {title_text(names[key]): entries}
