"""Every message and label of orgspec: key → (Chinese, English).

The text is data, kept beside this module so that a translator edits words,
not code: `messages.toml` holds what the commands say (a message names the
field, the bad value and what was expected; its ``.hint`` entry says how to
fix it), `labels.toml` the words of the handbook, job sheets and reports,
and `importing.toml` those of ``orgspec import``. A key stands in one file.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from importlib.resources.abc import Traversable

FILES = ("messages.toml", "labels.toml", "importing.toml")


def read(folder: Traversable) -> dict[str, tuple[str, str]]:
    """The entries of the catalogue files in ``folder``; a key in two files is refused."""
    catalogue: dict[str, tuple[str, str]] = {}
    home: dict[str, str] = {}
    for name in FILES:
        entries = tomllib.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        for key, (chinese, english) in entries.items():
            if key in catalogue:
                raise RuntimeError(f"{name}: {key!r} is already in {home[key]}")
            catalogue[key] = (chinese, english)
            home[key] = name
    return catalogue


CATALOGUE = read(files(__package__))
