"""Long work reported step by step, without knowing how (or whether) it is shown.

Code below the command line reports its steps to a `Progress` it is given;
the command line gives one that draws a bar on a terminal. The default,
`SILENT`, shows nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager


class Progress:
    """Shows nothing; the command line's subclass shows the steps."""

    def start(self, label: str, total: int) -> None:
        """``total`` steps called ``label`` begin."""

    def advance(self, item: str) -> None:
        """One step, about ``item`` (a post, a file), is done."""

    def finish(self) -> None:
        """The steps are over (all done, or stopped by an error)."""

    @contextmanager
    def steps(self, label: str, total: int) -> Iterator[Callable[[str], None]]:
        """``total`` steps called ``label``: call what this yields once per step done."""
        self.start(label, total)
        try:
            yield self.advance
        finally:
            self.finish()


SILENT = Progress()
"""Progress that nobody sees: the default of every function that reports it."""

__all__ = ["SILENT", "Progress"]
