"""The navigation of the handbook: it mirrors the organisation tree.

A department is a section whose index page is the department page, then
its posts (the head first, down the reporting lines), then its
sub-departments as nested sections. The tree grows deeper, not longer, as
the organisation grows, which keeps MkDocs (which renders the whole
navigation into every page, pruned with ``navigation.prune``) fast.
"""

from __future__ import annotations

from typing import Any

from orgspec.i18n import label
from orgspec.organisation import Organisation
from orgspec.render.layout import SiteLayout
from orgspec.render.templates import title_text

NavItem = str | dict[str, Any]


def handbook_nav(organisation: Organisation, layout: SiteLayout) -> list[NavItem]:
    """Navigation entries of the generated pages."""
    locale = organisation.settings.locale
    items: list[NavItem] = [{title_text(label("nav.overview", locale)): layout.home()}]
    items += [_department(organisation, layout, key) for key in organisation.department_children.get(None, [])]
    indexes = [
        {title_text(label(f"nav.{name}", locale)): layout.index(name)}
        for name in ("posts", "kpis", "authorities", "compare")
    ]
    items.append({title_text(label("nav.indexes", locale)): indexes})
    return items


def _department(organisation: Organisation, layout: SiteLayout, key: str) -> NavItem:
    department = organisation.departments[key]
    children: list[NavItem] = [layout.department(key)]
    for post in organisation.department_posts.get(key, []):
        children.append({title_text(organisation.posts[post].title or post): layout.post(post)})
    for child in organisation.department_children.get(key, []):
        children.append(_department(organisation, layout, child))
    return {title_text(department.name): children}
