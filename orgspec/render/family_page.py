"""A job family's page (职位序列): its levels side by side with what each adds (pure)."""

from __future__ import annotations

from typing import Any

from orgspec.render.handbook import Handbook
from orgspec.views.family import family_view


def family_values(book: Handbook, family: str) -> dict[str, Any]:
    """What the family page shows: the levels of ``family``, lowest first, and what each adds to the level below."""
    return {"family": family_view(book.ctx, family)}
