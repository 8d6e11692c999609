"""MkDocs' ``serve``, told of changed files by the operating system instead of looking for them.

MkDocs 1.6 watches the docs folder with watchdog's polling observer: twice
a second it lists and stats every file there. With the pages of 10,000
posts that walk took a third of a core while nobody edited, and during a
rebuild it held the interpreter lock the rebuild needed. `orgspec serve`
runs MkDocs through this module (``python -m orgspec.mkdocs_serve
serve …``, the same arguments as ``mkdocs``), which gives MkDocs'
live-reload server watchdog's native observer (inotify, FSEvents,
ReadDirectoryChangesW), as orgspec's own watching of the sources has
(`orgspec.site.watch`). Each rebuild also reads the generated configuration
again, whose navigation lists every post (860 KB at 10,000 posts): MkDocs
reads it with PyYAML's Python parser (1.07 s), here with the same loader
built on LibYAML's (0.22 s, the same data). Everything else is MkDocs' own
command line. The module sits beside the MkDocs plugin: the rest of orgspec
does not import MkDocs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from mkdocs.__main__ import cli
from mkdocs.commands import serve
from mkdocs.config import defaults
from mkdocs.livereload import LiveReloadServer
from mkdocs.utils.yaml import get_yaml_loader
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirModifiedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

CHANGES: tuple[type[FileSystemEvent], ...] = (
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirModifiedEvent,
    DirDeletedEvent,
    DirMovedEvent,
)
"""What polling would have noticed: files made, written, removed and moved. A file opened or read (the
builder reading the pages) is no change; MkDocs rebuilds on any event it is given, so it would rebuild again
after every build."""


def changes_observer() -> BaseObserver:
    """The system's own observer, reporting `CHANGES` only."""
    system = type(Observer())

    class Changes(system):  # type: ignore[misc,valid-type]  # the class of this system, known when run
        def schedule(
            self, event_handler: FileSystemEventHandler, path: str | Path, *, recursive: bool = False, **_: Any
        ) -> ObservedWatch:
            watched: ObservedWatch = super().schedule(
                event_handler, path, recursive=recursive, event_filter=list(CHANGES)
            )
            return watched

    observer: BaseObserver = Changes()
    return observer


class NativeEventsServer(LiveReloadServer):
    """MkDocs' live-reload server with the operating system's file events in place of polling."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.observer = changes_observer()  # type: ignore[assignment]  # MkDocs schedules, starts and stops it


def libyaml_loader() -> Callable[..., type[yaml.BaseLoader]] | None:
    """MkDocs' configuration loader (its ``!ENV`` and ``!relative`` tags) on LibYAML's parser; None where PyYAML
    was built without LibYAML."""
    libyaml = getattr(yaml, "CLoader", None)
    return None if libyaml is None else functools.partial(get_yaml_loader, libyaml)


def main() -> None:
    serve.LiveReloadServer = NativeEventsServer  # type: ignore[attr-defined]
    loader = libyaml_loader()
    if loader is not None:
        defaults.get_yaml_loader = loader  # type: ignore[attr-defined]
    cli()


if __name__ == "__main__":
    main()
