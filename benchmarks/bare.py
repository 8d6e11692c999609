"""The bare project: what the site builder costs without orgspec.

The same pages as a generated handbook, with the same navigation tree and
the same ``mkdocs.yml``, but each page is one heading and one line of plain
Markdown. Building it measures the builder's own work for that many pages;
``orgspec build`` divided by it is orgspec's share.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from orgspec.site.mkdocs_config import GENERATED_CONFIG

BARE_CONFIG = "mkdocs-bare.yml"
MARKER = ".bare-project"


def nav_pages(nav: list[Any]) -> Iterator[tuple[str, str]]:
    """Every page of a navigation: (title, path inside docs/)."""
    for entry in nav:
        if isinstance(entry, str):
            yield Path(entry).stem, entry
        elif isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str):
                    yield str(title), value
                else:
                    yield from nav_pages(list(value))


def write_bare(project: Path, folder: Path) -> int:
    """Write the bare twin of a generated ``project`` into ``folder``; returns the number of pages."""
    generated = yaml.safe_load((project / GENERATED_CONFIG).read_text(encoding="utf-8"))
    if folder.exists():
        if not (folder / MARKER).is_file():
            raise FileExistsError(f"{folder} exists and was not written by benchmarks.bare")
        shutil.rmtree(folder)
    (folder / "docs").mkdir(parents=True)
    (folder / MARKER).write_text("Written by benchmarks/bare.py; replaced on every run.\n", encoding="utf-8")
    shutil.copy(project / "mkdocs.yml", folder / "mkdocs.yml")
    pages = list(nav_pages(generated["nav"]))
    for title, page in pages:
        path = folder / "docs" / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {title}\n\n{title}。\n", encoding="utf-8")
    config = {"INHERIT": "mkdocs.yml", "use_directory_urls": False, "nav": generated["nav"]}
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)
    (folder / BARE_CONFIG).write_text(text, encoding="utf-8")
    return len(pages)
