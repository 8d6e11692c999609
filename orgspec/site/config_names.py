"""The names of the builders' configuration files.

Apart from `orgspec.site.mkdocs_config`, which writes the generated ones, because the MkDocs plugin reads
these names as MkDocs writes each page, and a build that has the plugin only compact its pages should not
import what checking and generating need (half a second of every build).
"""

from __future__ import annotations

GENERATED_CONFIG = ".orgspec-mkdocs.yml"
PAGEFIND_CONFIG = ".orgspec-pagefind.yml"
"""The configuration of a build searched with Pagefind: the generated one, the theme folder, the builder's search off."""
ZENSICAL_CONFIG = ".orgspec-zensical.yml"
"""The configuration of a Zensical build: the one either builder runs on, Zensical's own check of links off."""
GENERATED_CONFIGS = (GENERATED_CONFIG, PAGEFIND_CONFIG, ZENSICAL_CONFIG)
USER_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")
