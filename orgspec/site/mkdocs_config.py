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

from orgspec.core.errors import UsageError
from orgspec.model import Settings
from orgspec.render.templates import title_text
from orgspec.site.config_names import GENERATED_CONFIG, PAGEFIND_CONFIG, USER_CONFIGS, ZENSICAL_CONFIG

RAW_HTML = "orgspec.site.rawhtml"
"""orgspec's Markdown extension (`orgspec.site.rawhtml`), by the name the builders load it by."""

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
    theme_dir: str | None = None


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (``!!python/name:``, ``!ENV``)."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def read_user_config(root: Path) -> UserConfig:
    """What orgspec needs of the project's mkdocs.yml; a file that cannot be read is a `UsageError` naming its place."""
    for name in USER_CONFIGS:
        path = root / name
        if path.is_file():
            data = _read_mapping(path)
            return UserConfig(
                path=path,
                docs_dir=str(data.get("docs_dir") or "docs"),
                site_dir=str(data.get("site_dir") or "site"),
                nav=list(data.get("nav") or []),
                extra_css=[str(item) for item in data.get("extra_css") or []],
                extra_javascript=list(data.get("extra_javascript") or []),
                theme_dir=_theme_dir(data.get("theme")),
            )
    return UserConfig(path=None)


def _read_mapping(path: Path) -> dict[str, Any]:
    fix = "correct it: MkDocs and Zensical read it too, and orgspec never changes it"
    try:
        data = yaml.load(path.read_bytes().decode("utf-8"), Loader=_Tolerant) or {}
    except UnicodeDecodeError as error:
        raise UsageError(f"{path.name}: the file is not UTF-8 (byte {error.start}); save it again as UTF-8") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        place = f"{path.name}:{mark.line + 1}:{mark.column + 1}" if mark else path.name
        raise UsageError(f"{place}: YAML syntax error: {error.problem or error.context}; {fix}") from None
    except yaml.YAMLError as error:
        raise UsageError(f"{path.name}: YAML error: {error}; {fix}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path.name}: the file holds a {type(data).__name__}, not settings (site_name: …); {fix}")
    return data


def _theme_dir(theme: object) -> str | None:
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    return str(custom_dir) if custom_dir else None


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
    text = yaml.dump(config, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)
    return HEADER + text + ("" if user.path is None else _markdown_extensions(user))


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
        "markdown_extensions": ["tables", "attr_list", "md_in_html", {"toc": {"permalink": True}}, RAW_HTML],
        "plugins": [{"search": {"separator": SEARCH_SEPARATOR, "pipeline": []}}],
    }


def pagefind_config(theme: Path, user: UserConfig) -> str:
    """The text of the configuration of a build searched with Pagefind: the generated configuration, with
    ``theme`` (orgspec's theme folder: a search box whose results come from Pagefind), the builder's own
    search switched off (Material's plugin, which Zensical reads too), so that the build does not work out an
    index no one fetches, and orgspec's plugin on, so that MkDocs writes each page compacted (Zensical runs no
    plugins; its pages are compacted after it)."""
    entries: list[tuple[str, yaml.Node]] = [
        ("INHERIT", _scalar(GENERATED_CONFIG)),
        ("theme", _mapping([("custom_dir", _scalar(str(theme)))])),
    ]
    plugins = _builder_plugins(user)
    if plugins is not None:
        entries.append(("plugins", plugins))
    return HEADER + yaml.serialize(_mapping(entries), Dumper=yaml.SafeDumper, allow_unicode=True)


ZENSICAL_LINK_CHECKS = ("invalid_links", "invalid_link_anchors")
"""Zensical's checks of links: reading the pages for them is skipped only when both are off."""


def zensical_config(parent: str, user: UserConfig) -> str | None:
    """The text of the configuration of a Zensical build: ``parent`` (the configuration either builder runs on)
    with Zensical's own check of links switched off; None where the project's mkdocs.yml says how links are
    checked (``validation``) or inherits a file that may.

    For that check Zensical reads every page's Markdown again, a byte at a time in Python: half of a build of
    orgspec's pages, whose links orgspec makes. orgspec follows the links of the project's own pages in the
    built site instead (`orgspec.site.links`).
    """
    values = _user_nodes(user)
    if values is None or "validation" in values or "INHERIT" in values:
        return None
    checks = _mapping([(name, yaml.ScalarNode("tag:yaml.org,2002:bool", "false")) for name in ZENSICAL_LINK_CHECKS])
    entries = [("INHERIT", _scalar(parent)), ("validation", checks)]
    return HEADER + yaml.serialize(_mapping(entries), Dumper=yaml.SafeDumper, allow_unicode=True)


MATERIAL_SEARCH = ("search", "material/search")
PLUGIN = "orgspec"


def _builder_plugins(user: UserConfig) -> yaml.Node | None:
    """The plugins the build would run, Material's search switched off and orgspec's on; None where they are
    not known.

    A configuration that names plugins replaces its parent's list (``INHERIT`` merges mappings, not lists),
    so the list is the project's own, read as YAML nodes and written back as read: its tags (``!ENV``,
    ``!!python/name:``) are passed on, never run here.
    """
    values = _user_nodes(user)
    if values is None:
        return None
    plugins = values.get("plugins")
    if plugins is None:  # MkDocs's default (Material's search), unless a parent of the project's file names others
        return None if "INHERIT" in values else _sequence([_search_off(_scalar("search")), _scalar(PLUGIN)])
    if isinstance(plugins, yaml.SequenceNode):
        named = {_entry_name(item) for item in plugins.value}
        return _sequence([_search_off(item) for item in plugins.value] + ([] if PLUGIN in named else [_scalar(PLUGIN)]))
    if isinstance(plugins, yaml.MappingNode):
        entries = [
            (key.value, _switched_off(value) if key.value in MATERIAL_SEARCH else value) for key, value in plugins.value
        ]
        named = {key for key, _ in entries}
        return _mapping(entries + ([] if PLUGIN in named else [(PLUGIN, _mapping([]))]))
    return None


def _user_nodes(user: UserConfig) -> dict[str, yaml.Node] | None:
    """The settings of the project's mkdocs.yml as YAML nodes, by name (none without one); None when it holds no
    mapping."""
    if user.path is None:
        return {}
    document = yaml.compose(user.path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    if not isinstance(document, yaml.MappingNode):
        return None
    return {key.value: value for key, value in document.value if isinstance(key, yaml.ScalarNode)}


def _markdown_extensions(user: UserConfig) -> str:
    """The project's list of Markdown extensions with orgspec's (`orgspec.site.rawhtml`) added, as YAML text to
    end the generated configuration with; nothing where the project's file lists none (the builders' defaults
    differ, and are left as they are) or not as a list.

    A configuration that lists them replaces its parent's list, as with plugins: the project's own list is
    written back as read, its tags (``!!python/name:``) passed on, never run here.
    """
    extensions = (_user_nodes(user) or {}).get("markdown_extensions")
    if not isinstance(extensions, yaml.SequenceNode):
        return ""
    if RAW_HTML not in {_entry_name(item) for item in extensions.value}:
        extensions = _sequence([*extensions.value, _scalar(RAW_HTML)])
    return yaml.serialize(_mapping([("markdown_extensions", extensions)]), Dumper=yaml.SafeDumper, allow_unicode=True)


def _entry_name(item: yaml.Node) -> str | None:
    """The name of one entry of a list of plugins or Markdown extensions (``name`` or ``{name: options}``)."""
    if isinstance(item, yaml.ScalarNode):
        return str(item.value)
    if isinstance(item, yaml.MappingNode) and len(item.value) == 1:
        return str(item.value[0][0].value)
    return None


def compacted_by_builder(config: Path, engine: str) -> bool:
    """Whether the builder writes the pages compacted itself: MkDocs on the configuration of a build searched
    with Pagefind where that names the plugins, orgspec's among them (see `pagefind_config`)."""
    if engine != "mkdocs" or config.name != PAGEFIND_CONFIG:
        return False
    document = yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return isinstance(document, yaml.MappingNode) and any(key.value == "plugins" for key, _ in document.value)


def _search_off(item: yaml.Node) -> yaml.Node:
    """One entry of a list of plugins, Material's search switched off."""
    if isinstance(item, yaml.ScalarNode) and item.value in MATERIAL_SEARCH:
        return _mapping([(item.value, _switched_off(None))])
    if isinstance(item, yaml.MappingNode) and len(item.value) == 1 and item.value[0][0].value in MATERIAL_SEARCH:
        name, options = item.value[0]
        return _mapping([(name.value, _switched_off(options))])
    return item


def _switched_off(options: yaml.Node | None) -> yaml.Node:
    """Material's search plugin's options, with ``enabled: false``."""
    kept = (
        [(key.value, value) for key, value in options.value if key.value != "enabled"]
        if isinstance(options, yaml.MappingNode)
        else []
    )
    return _mapping([*kept, ("enabled", yaml.ScalarNode("tag:yaml.org,2002:bool", "false"))])


def _scalar(text: str) -> yaml.ScalarNode:
    return yaml.ScalarNode("tag:yaml.org,2002:str", text)


def _mapping(entries: list[tuple[str, yaml.Node]]) -> yaml.MappingNode:
    return yaml.MappingNode("tag:yaml.org,2002:map", [(_scalar(key), value) for key, value in entries])


def _sequence(items: list[yaml.Node]) -> yaml.SequenceNode:
    return yaml.SequenceNode("tag:yaml.org,2002:seq", items)


def searched_with_pagefind(root: Path) -> bool:
    """Whether the last generate chose Pagefind for builds of the project at ``root``."""
    return is_generated(root / PAGEFIND_CONFIG)


def pagefind_theme_dir(root: Path) -> Path:
    """The theme folder the last generate chose for builds of the project at ``root`` searched with Pagefind."""
    config = yaml.safe_load((root / PAGEFIND_CONFIG).read_text(encoding="utf-8"))
    return Path(config["theme"]["custom_dir"])


def builder_config(generated: Path, engine: str) -> Path:
    """The configuration a build with ``engine`` runs on: with orgspec's theme folder when searched with Pagefind;
    for Zensical, its check of links off where orgspec wrote `zensical_config`."""
    zensical = generated.with_name(ZENSICAL_CONFIG)
    if engine == "zensical" and is_generated(zensical):
        return zensical
    pagefind = generated.with_name(PAGEFIND_CONFIG)
    return pagefind if searched_with_pagefind(generated.parent) else generated


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
