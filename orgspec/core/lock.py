"""One run at a time writes a project: a lock file that the operating system releases when its run ends.

The lock is ``fcntl.flock`` (``msvcrt.locking`` on Windows), from the
standard library: the kernel releases it when its process ends, however it
ends, so the lock of a killed run is simply taken over, without guessing
whether a recorded pid is still alive. The lock file holds the pid of the
run that has it, for the message of the one that waits.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orgspec.core.errors import EnvironmentProblem


class BusyError(EnvironmentProblem):
    """Another orgspec run holds the lock of the project."""

    def __init__(self, root: Path, holder: str) -> None:
        super().__init__(
            f"another build is running on {root.resolve()} (pid {holder}); wait for it to end and run again"
        )


@contextmanager
def exclusive(lock: Path, root: Path) -> Iterator[None]:
    """Hold the lock file ``lock`` of the project at ``root`` for the block, or raise `BusyError`.

    The file is emptied when the block ends and never removed (removing a
    lock file races with a run opening it). Where it cannot be written (a
    read-only project), the block runs without it: such a run cannot write
    the project anyway.
    """
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        handle = None
    if handle is None:
        yield
        return
    try:
        if not _try_lock(handle):
            holder = _holder(handle)
            if holder is not None:
                raise BusyError(root, holder)
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()}\n".encode("ascii"))
        try:
            yield
        finally:
            os.ftruncate(handle, 0)
    finally:
        os.close(handle)


def _holder(handle: int) -> str | None:
    """The pid of the run holding the lock; None when it let go meanwhile and the lock is now this run's.

    The holder writes its pid just after taking the lock and empties the file just before letting go: a run
    that reads between the two finds nothing, and looks again a few times before it says "unknown"."""
    for _ in range(50):
        os.lseek(handle, 0, os.SEEK_SET)
        holder = os.read(handle, 32).decode("ascii", "replace").strip()
        if holder:
            return holder
        if _try_lock(handle):
            return None
        time.sleep(0.01)
    return "unknown"


_WINDOWS_LOCK_OFFSET = 1 << 20
"""Windows locks a byte range; one far past the pid, which the waiting run reads."""


def _try_lock(handle: int) -> bool:
    """Take the lock without waiting: False when another process has it (or True where locks are not supported)."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(handle, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(handle, 0, os.SEEK_SET)
        return True
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True  # a file system without locks (some network disks): run as before
    return True
