"""The MkDocs plugin ``orgspec``: plain ``mkdocs build`` and ``mkdocs serve`` build the handbook too.

With ``plugins: [search, orgspec]`` in mkdocs.yml, MkDocs (and what hosts run, such as Read the Docs)
checks the organisation and generates its pages before it builds, and ``mkdocs serve`` rebuilds when a
YAML file changes. The plugin adds to the configuration exactly what ``orgspec build`` adds (the
navigation, ``use_directory_urls: false``, the stylesheet and the script), so both give the same site. Under
``orgspec build`` the pages are generated already, and the plugin only compacts them as MkDocs writes them
when the build is searched with Pagefind (whose configuration names the plugin). Zensical runs no plugins:
with it, ``orgspec build --engine zensical`` generates the pages.

Problems found in the organisation are logged as MkDocs warnings and errors (``mkdocs build --strict``
fails on warnings); errors stop the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from orgspec.core.errors import OrgspecError
from orgspec.site.compact import compact_html
from orgspec.site.config_names import GENERATED_CONFIG, GENERATED_CONFIGS

if TYPE_CHECKING:
    from orgspec.core.diagnostics import Findings

# What checks and generates is imported by the events that do it, on a project: under orgspec build the
# plugin only compacts pages, and MkDocs should not spend half a second importing the rest.

log = get_plugin_logger(__name__)


class OrgspecPluginConfig(Config):
    """The plugin's options in mkdocs.yml."""

    edition = config_options.Optional(config_options.Choice(("internal", "public")))
    """internal or public; default: the edition in orgspec.yaml."""


class OrgspecPlugin(BasePlugin[OrgspecPluginConfig]):
    """Check and generate the handbook before MkDocs builds; watch the YAML under ``mkdocs serve``."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = _project(config)
        if root is None:
            return config
        from orgspec.site.mkdocs_config import RAW_HTML, handbook_settings, pagefind_theme_dir, searched_with_pagefind
        from orgspec.site.pipeline import check_and_generate, locked

        try:
            with locked(root):
                outcome = check_and_generate(root, self.config.edition, show=_log_problems)
        except OrgspecError as error:
            raise PluginError(str(error) or "orgspec: the organisation has errors (logged above)") from error
        assert outcome.generated.config is not None
        for key, value in handbook_settings(outcome.generated.config).items():
            config[key] = value
        if RAW_HTML not in config.markdown_extensions:  # as the generated configuration adds it
            config.markdown_extensions.append(RAW_HTML)
        if searched_with_pagefind(root):  # Material's search box, its results from Pagefind
            config.theme.dirs.insert(0, str(pagefind_theme_dir(root)))  # with the project's own theme folder
            search = config.plugins.get("material/search")
            if search is not None:  # its index would go unused: switched off, as orgspec build switches it off
                search.config.enabled = False
        return config

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        root = _project(config)
        if root is not None:
            from orgspec.site.stamp import source_files

            for path in sorted({root / path.relative_to(root).parts[0] for path in source_files(root)}):
                server.watch(str(path))
        return server

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        if Path(config.config_file_path).name == GENERATED_CONFIG:  # orgspec build compacts these pages after
            return output
        return compact_html(output)  # as MkDocs writes them: mkdocs build, and orgspec build searched with Pagefind

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):  # the theme's sitemap.xml is left as written, as by orgspec build
            return output_content
        return self.on_post_page(output_content, page=None, config=config)  # 404.html

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        root = _project(config)
        if root is not None:  # orgspec build does it itself, with or without the plugin
            from orgspec.site.mkdocs_config import searched_with_pagefind
            from orgspec.site.search import finish_site

            try:
                finish_site(Path(config.site_dir), pagefind=searched_with_pagefind(root))
            except OrgspecError as error:
                raise PluginError(str(error)) from error


def _project(config: MkDocsConfig) -> Path | None:
    """The project folder; None when MkDocs runs on the configuration orgspec build generated."""
    path = Path(config.config_file_path)
    return None if path.name in GENERATED_CONFIGS else path.parent


def _log_problems(findings: Findings) -> None:
    for diagnostic in findings.diagnostics:
        (log.error if diagnostic.severity == "error" else log.warning)(diagnostic.format(findings.locale))
