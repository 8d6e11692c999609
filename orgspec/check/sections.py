"""Cross-checks of the labelled sections: ratings on the competency scale, sections that orgspec.yaml declares
(filled by posts, or named by the labels of `import_labels`)."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.check.registry import report, report_settings
from orgspec.core.diagnostics import Diagnostic
from orgspec.core.suggest import suggest
from orgspec.link.organisation import Organisation
from orgspec.model.targets import SECTION_PREFIX


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
                close, hint = _closest(section, declared)
                place = ("sections", section)
                yield report(
                    organisation, "unknown-section", "post", key, place, as_key=True, id=section, suggestion=close,
                    hint=hint,
                )  # fmt: skip
    for text, target in settings.import_labels.items():
        section = target.removeprefix(SECTION_PREFIX)
        if target.startswith(SECTION_PREFIX) and section not in declared:
            close, hint = _closest(section, declared)
            place = ("import_labels", text)
            yield report_settings(organisation, "unknown-section", place, id=section, suggestion=close, hint=hint)


def _closest(section: str, declared: list[str]) -> tuple[str | None, str]:
    """The declared section closest to ``section``, and the hint that goes with it."""
    close = suggest(section, declared)
    return close, "unknown-key.did-you-mean" if close else "unknown-section.hint"
