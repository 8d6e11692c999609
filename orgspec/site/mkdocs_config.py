"""The build configuration handed to MkDocs or Zensical.

Both read mkdocs.yml and both understand ``INHERIT``: the generated file
inherits the project's own mkdocs.yml (never modified) and adds what the
handbook needs: the navigation, ``use_directory_urls: false`` (neither
builder rewrites links in raw HTML and SVG the same way, but both leave
final ``.html`` links alone) and the handbook's stylesheet. A project
without a mkdocs.yml gets sensible defaults instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from orgspec.model import Settings
from orgspec.render.templates import title_text

GENERATED_CONFIG = ".orgspec-mkdocs.yml"
USER_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")
HEADER = "# Written by orgspec build/generate from mkdocs.yml and the organisation; do not edit.\n"

SEARCH_SEPARATOR = r"[\s\u200b\u3000\-_,:;!?=\[\]()\"`/、。，．？！；：（）《》“”]+|\.(?!\d)"


@dataclass(frozen=True)
class UserConfig:
    """What orgspec needs to know of the project's own mkdocs.yml."""

    path: Path | None
    docs_dir: str = "docs"
    site_dir: str = "site"
    nav: list[Any] = field(default_factory=list)
    extra_css: list[str] = field(default_factory=list)
    extra_javascript: list[Any] = field(default_factory=list)


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (``!!python/name:``, ``!ENV``)."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def read_user_config(root: Path) -> UserConfig:
    for name in USER_CONFIGS:
        path = root / name
        if path.is_file():
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
            return UserConfig(
                path=path,
                docs_dir=str(data.get("docs_dir") or "docs"),
                site_dir=str(data.get("site_dir") or "site"),
                nav=list(data.get("nav") or []),
                extra_css=[str(item) for item in data.get("extra_css") or []],
                extra_javascript=list(data.get("extra_javascript") or []),
            )
    return UserConfig(path=None)


@dataclass(frozen=True)
class Assets:
    """The handbook's stylesheets and script, as paths inside docs/."""

    stylesheets: tuple[str, ...]
    script: str


def build_config(user: UserConfig, settings: Settings, nav: list[Any], assets: Assets) -> str:
    """The text of the generated configuration file."""
    config: dict[str, Any] = {}
    if user.path is not None:
        config["INHERIT"] = user.path.name
    else:
        config.update(_defaults(settings))
    config["use_directory_urls"] = False
    config["nav"] = nav
    config["extra_css"] = [*user.extra_css, *assets.stylesheets]
    config["extra_javascript"] = [*user.extra_javascript, assets.script]
    # LibYAML's emitter: the navigation of 10,000 posts takes the pure-Python one seconds.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return HEADER + yaml.dump(config, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)


def _defaults(settings: Settings) -> dict[str, Any]:
    return {
        "site_name": title_text(settings.name),  # the themes print it as HTML, unescaped
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {
            "name": "material",
            "language": "zh" if settings.locale == "zh-CN" else "en",
            "font": False,
            "features": ["navigation.indexes", "navigation.prune", "navigation.top"],
        },
        "markdown_extensions": ["tables", "attr_list", "md_in_html", {"toc": {"permalink": True}}],
        "plugins": [{"search": {"separator": SEARCH_SEPARATOR, "pipeline": []}}],
    }


HANDBOOK_SETTINGS = ("use_directory_urls", "nav", "extra_css", "extra_javascript")
"""What the generated configuration adds to the project's own; the MkDocs plugin sets the same."""


def handbook_settings(generated: Path) -> dict[str, Any]:
    """The settings the generated configuration at ``generated`` adds to the project's mkdocs.yml."""
    config = yaml.load(generated.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {key: config[key] for key in HANDBOOK_SETTINGS}


def is_generated(path: Path) -> bool:
    """Whether an existing file is a configuration orgspec wrote (and so may be replaced)."""
    try:
        return path.read_text(encoding="utf-8").startswith(HEADER)
    except OSError:
        return False
