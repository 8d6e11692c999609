"""The Jinja environment of the page templates.

Every ``{{ value }}`` goes through `escape` (the environment's ``finalize``),
so a template cannot print YAML text unescaped; only values built here as
`Markup` (links, already-escaped text) pass as they are.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from orgspec.i18n import Locale, label, translate
from orgspec.render.escape import escape, label_text
from orgspec.render.urls import SiteLayout
from orgspec.views.common import Link

TEMPLATES_DIR = "site_templates"


def builtin_templates() -> Path:
    """The templates shipped with orgspec (in the wheel, or beside the package in a checkout)."""
    packaged = Path(__file__).resolve().parent.parent / TEMPLATES_DIR
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / TEMPLATES_DIR


def project_templates(project_root: Path | None) -> Path | None:
    """The project's own site_templates/, or None when it has none (or it is the built-in folder itself)."""
    if project_root is None:
        return None
    own = (project_root / TEMPLATES_DIR).resolve()
    return own if own.is_dir() and own != builtin_templates() else None


def environment(project_root: Path | None, locale: Locale) -> Environment:
    """Templates from the project's own site_templates/ first, then the built-in ones."""
    own = project_templates(project_root)
    folders = [builtin_templates()] if own is None else [own, builtin_templates()]
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
        autoescape=True,  # macro results come back as Markup; finalize escapes the rest
        finalize=escape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = functools.lru_cache(maxsize=4096)(lambda key: label_text(label(key, locale)))  # dozens a page
    env.globals["tr"] = lambda key, **args: translate(key, locale, args)
    env.filters["yaml_string"] = yaml_string
    env.filters["css_class"] = css_class
    return env


@functools.lru_cache(maxsize=4096)
def css_class(name: str) -> Markup:
    """A class name made from one of orgspec's own names (``post.item`` → ``post-item``), written as it is.

    Only code names come here, never text from YAML: anything but letters, digits, ``_`` and ``-`` is refused.
    """
    value = name.replace(".", "-")
    if not re.fullmatch(r"[A-Za-z0-9_-]+", value):
        raise ValueError(f"not a class name: {name!r}")
    return Markup(value)


def yaml_string(text: object) -> Markup:
    """A page title for the front matter: HTML-escaped, as a double-quoted YAML scalar.

    MkDocs themes print page and navigation titles as HTML, unescaped, so
    titles are escaped here; JSON strings are valid YAML scalars.
    """
    return Markup(json.dumps(title_text(text), ensure_ascii=False))


def title_text(text: object) -> str:
    """A title as the builders' themes expect it: HTML, so escaped."""
    return html.escape(str(text).replace("\n", " "), quote=True)


def linker(layout: SiteLayout, page: str) -> Callable[[Link | None], Markup]:
    """A function that renders links as they must appear on ``page``."""
    href = layout.links_from(page)
    made: dict[Link, Markup] = {}  # an index links to a post once per KPI or authority it holds: each made once

    def link(target: Link | None) -> Markup:
        if target is None:
            return Markup("")
        shown = made.get(target)
        if shown is None:
            # written out rather than with Markup.format, whose formatter costs more than the rest of a page's links
            shown = made[target] = (
                escape(target.text)
                if target.page is None
                else Markup(f'<a href="{href(target.page)}">{escape(target.text)}</a>')
            )
        return shown

    return link
