"""Cross-checks of the labelled sections: ratings on the competency scale, sections that orgspec.yaml declares."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.check.registry import report
from orgspec.core.diagnostics import Diagnostic
from orgspec.core.suggest import suggest
from orgspec.link.organisation import Organisation


def check_sections(organisation: Organisation) -> Iterator[Diagnostic]:
    """Competencies rated on the scale; every section a post fills declared in orgspec.yaml."""
    settings = organisation.settings
    levels = [step.level for step in settings.competency_scale]
    declared = [heading.id for heading in settings.sections]
    shown_levels = [str(level) for level in levels] or "–"
    for key, entity in organisation.project.posts.items():
        post = entity.model
        for number, competency in enumerate(post.competencies):
            if competency.level not in levels:
                rated = ("competencies", number, "level")
                level = competency.level
                yield report(
                    organisation, "unknown-competency-level", "post", key, rated, level=level, levels=shown_levels
                )
        for section in post.sections:
            if section not in declared:
                close = suggest(section, declared)
                hint = "unknown-key.did-you-mean" if close else "unknown-section.hint"
                place = ("sections", section)
                yield report(
                    organisation,
                    "unknown-section",
                    "post",
                    key,
                    place,
                    as_key=True,
                    id=section,
                    suggestion=close,
                    hint=hint,
                )
