"""Notice when a file the handbook is generated from changes, for `orgspec serve`.

The operating system reports changes (watchdog: inotify, FSEvents, …), so
nothing is polled: a project of 10,000 posts costs nothing while nobody
edits. Watched: the project's own files and folders that the stamp hashes
(`orgspec.site.stamp.SOURCE_FILES` and ``SOURCE_FOLDERS``), and hand-written
pages coming and going in ``docs/`` (they are in the navigation). A folder
created after the start (``site_templates/``) is watched from then on. A
burst of events (an editor that saves by writing a new file and removing
the old one) is one change.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Collection
from contextlib import suppress
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import TYPE_CHECKING

import yaml

from orgspec.core.errors import EnvironmentProblem
from orgspec.render.urls import GENERATED_DIR
from orgspec.site.mkdocs_config import read_user_config
from orgspec.site.stamp import SOURCE_FILES, SOURCE_FOLDERS

if TYPE_CHECKING:
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers.api import ObservedWatch

QUIET = 0.3
"""Seconds without a new event before a burst of events counts as one change."""


class WatchdogMissingError(EnvironmentProblem):
    """orgspec serve needs watchdog, which comes with the site builder extras."""


class SourceWatcher:
    """Watches a project's sources while open; `changes` waits for some and says which."""

    def __init__(self, root: Path) -> None:
        try:
            from watchdog.observers import Observer
        except ImportError as error:
            raise WatchdogMissingError(
                "orgspec serve needs watchdog: pip install 'orgspec[mkdocs]' (or 'orgspec[zensical]')"
            ) from error
        self.root = root.resolve()
        self._observer = Observer()
        self._watches: dict[Path, ObservedWatch] = {}
        self._lock = threading.Lock()
        self._changed: set[str] = set()
        self._last = 0.0
        self._docs = _docs_dir(self.root)

    def __enter__(self) -> SourceWatcher:
        self._watch(self.root, recursive=False)
        self._watch_folders()
        self._observer.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._observer.stop()
        self._observer.join(timeout=5)

    def changes(self, timeout: float) -> set[str]:
        """The sources (paths relative to the project) that changed, once a burst of events has settled.

        Waits up to ``timeout`` seconds for a first event; an empty set when none came.
        """
        end = time.monotonic() + timeout
        while not self._changed and time.monotonic() < end:
            time.sleep(QUIET / 3)
        while self._changed and time.monotonic() - self._last < QUIET:
            time.sleep(QUIET / 3)
        with self._lock:
            changed, self._changed = self._changed, set()
        if changed:
            self._watch_folders(changed)
        return changed

    def _notice(self, kind: str, paths: tuple[str | bytes, ...]) -> None:
        """Called by watchdog's thread for every event; never fails, which would end that thread."""
        try:
            relevant = [name for name in map(self._relative, paths) if name is not None and self.is_source(kind, name)]
        except Exception:  # an event this code does not foresee: regenerate rather than miss a change
            relevant = ["."]
        if relevant:
            with self._lock:
                self._changed.update(relevant)
                self._last = time.monotonic()

    def _watch_folders(self, changed: Collection[str] = ()) -> None:
        """Watch each source folder and the pages folder that exists and is not watched (one replaced: anew)."""
        self._docs = _docs_dir(self.root)
        for name in (*SOURCE_FOLDERS, self._docs):
            folder = self.root / name
            if name in changed and folder in self._watches:  # removed, moved or made again: its watch is gone
                with suppress(KeyError, OSError):
                    self._observer.unschedule(self._watches.pop(folder))
            if folder.is_dir() and folder not in self._watches:
                self._watch(folder, recursive=True)

    def _watch(self, folder: Path, *, recursive: bool) -> None:
        with suppress(OSError):  # removed in the meantime, or a system limit on watches: the next change tries again
            self._watches[folder] = self._observer.schedule(_handler(self._notice), str(folder), recursive=recursive)

    def _relative(self, path: str | bytes) -> str | None:
        try:
            return Path(os.fsdecode(path)).relative_to(self.root).as_posix() if path else None
        except ValueError:
            return None

    def is_source(self, kind: str, name: str) -> bool:
        """Whether an event (``kind``: created, modified, deleted, moved, …) on ``name`` changes the handbook."""
        if kind in ("opened", "closed_no_write") or name in ("", "."):
            return False
        path = PurePosixPath(name)
        if path.parts[0] in SOURCE_FOLDERS or name in (*SOURCE_FILES, self._docs):
            return True
        docs = PurePosixPath(self._docs)
        return (
            kind in ("created", "deleted", "moved")
            and path.suffix == ".md"
            and path.is_relative_to(docs)
            and not path.is_relative_to(docs / GENERATED_DIR)
        )


def _handler(notice: Callable[[str, tuple[str | bytes, ...]], None]) -> FileSystemEventHandler:
    """A watchdog handler passing every event's kind and paths on to ``notice``."""
    from watchdog.events import FileSystemEventHandler

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            notice(event.event_type, (event.src_path, event.dest_path))

    return Handler()


def _docs_dir(root: Path) -> str:
    try:
        return read_user_config(root).docs_dir
    except (OSError, ValueError, yaml.YAMLError):  # a mkdocs.yml half written by an editor: read it at the next change
        return "docs"
