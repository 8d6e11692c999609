"""The handbook's home: the organisation at a glance, the way to one's post, the chart, the departments (pure)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from orgspec.i18n import label
from orgspec.render.chart.build import Links, overview_chart
from orgspec.render.figures import linked
from orgspec.render.handbook import Handbook
from orgspec.render.navigation import INDEXES
from orgspec.views.common import Link
from orgspec.views.landing import department_cards, paragraphs

Values = dict[str, Any]


def home_values(book: Handbook) -> Values:
    """The handbook's home: the organisation at a glance, the way to one's post, the chart, the departments."""
    organisation = book.organisation
    locale = organisation.settings.locale
    home = book.layout.home()
    indexes = [(Link(label(f"nav.{name}", locale), book.layout.index(name)), f"home.index.{name}") for name in INDEXES]
    return {
        "about": paragraphs(organisation.settings.about),
        "total": organisation.total_headcount(),
        "departments": len(organisation.departments),
        "posts": len(organisation.posts),
        "cards": department_cards(book.ctx),
        "indexes": indexes,
        "finder": Markup(book.layout.link(home, book.layout.index("posts"))),
        "chart": linked(
            book.layout, home, book.layout.overview_chart(), overview_chart(organisation, Links(book.layout, home))
        ),
    }


def overview_file_values(book: Handbook) -> Values:
    """The overview chart as a file of its own, with the links of the file's place."""
    file = book.layout.overview_chart()
    return {"chart": overview_chart(book.organisation, Links(book.layout, file))}
