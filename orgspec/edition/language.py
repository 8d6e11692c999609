"""The language of an edition: English names where the organisation is English, or both names.

Applied once, with the redaction (`publish`), so that every page, chart,
sheet, export and report names posts and departments the same way. With
``locale: en`` a post's ``title_en`` and a department's ``name_en`` are
used where given (and a job family's ``name_en``, a section's ``title_en``);
with ``bilingual: true`` both are shown, the original
first (销售管理部经理 / Sales Management Manager). Ids never change.
"""

from __future__ import annotations

from dataclasses import replace

from orgspec.link.organisation import Organisation
from orgspec.load.project import Entity
from orgspec.model import Department, Post, Settings


def localise(organisation: Organisation) -> Organisation:
    """The organisation with the names its locale and ``bilingual`` setting ask for."""
    settings = organisation.settings
    if settings.locale == "zh-CN" and not settings.bilingual:
        return organisation
    project = organisation.project
    departments = {
        key: Entity(key, _department(entity.model, settings), entity.source)
        for key, entity in project.departments.items()
    }
    written = {key: Entity(key, _post(entity.model, settings), entity.source) for key, entity in project.posts.items()}
    named = _settings(settings)
    result = Organisation(replace(project, settings=named, departments=departments, posts=written))
    result.posts = {key: _post(post, settings) for key, post in organisation.posts.items()}
    return result


def shown_name(settings: Settings, original: str, english: str | None) -> str:
    """The name as shown: the original, the English one, or both."""
    if english is None or english == original:
        return original
    if settings.bilingual:
        return f"{original} / {english}"
    return english if settings.locale == "en" else original


def _settings(settings: Settings) -> Settings:
    """The organisation's name, its job families' names and its sections' titles as shown."""
    families = {
        key: family.model_copy(update={"name": shown_name(settings, family.name, family.name_en)})
        for key, family in settings.families.items()
    }
    sections = [
        heading.model_copy(update={"title": shown_name(settings, heading.title, heading.title_en)})
        for heading in settings.sections
    ]
    name = shown_name(settings, settings.name, settings.name_en)
    return settings.model_copy(update={"name": name, "families": families, "sections": sections})


def _post(post: Post, settings: Settings) -> Post:
    if post.title is None:
        return post
    return post.model_copy(update={"title": shown_name(settings, post.title, post.title_en)})


def _department(department: Department, settings: Settings) -> Department:
    return department.model_copy(update={"name": shown_name(settings, department.name, department.name_en)})
