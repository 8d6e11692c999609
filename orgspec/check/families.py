"""Cross-checks of job families: their levels are posts, each post a level once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from orgspec.check.references import unknown_reference
from orgspec.check.registry import report, report_settings
from orgspec.core.diagnostics import Diagnostic
from orgspec.link.organisation import Organisation


def check_families(organisation: Organisation) -> Iterator[Diagnostic]:
    """Levels that are no post or that are levels twice; ``replaces`` on a post with no level below it."""
    first: dict[str, str] = {}
    for family, declared in organisation.settings.families.items():
        for index, key in enumerate(declared.levels):
            loc = ("families", family, "levels", index)
            args = unknown_reference(organisation, loc, "post", key)
            if args is not None:
                yield replace(report_settings(organisation, "unknown-reference", loc), args=args)
            elif key in first:
                yield report_settings(organisation, "family-level", loc, post=key, family=first[key])
            first.setdefault(key, family)
    for key, entity in organisation.project.posts.items():
        if entity.model.replaces and organisation.family_levels.get(key, ("", 0))[1] == 0:
            yield report(organisation, "replaces-outside-family", "post", key, ("replaces",))
