"""A job family's page (职位序列): its levels side by side with what each adds (pure)."""

from __future__ import annotations

from orgspec.render.handbook import Handbook
from orgspec.views.family import family_view


def family_page(book: Handbook, family: str) -> str:
    """The levels of ``family``, lowest first, and what each adds to the level below."""
    view = family_view(book.ctx, family)
    return book.render("family.md.j2", book.layout.family(family), family=view)
