"""What reading says about a file, kept with the file's outcome instead of logged on the spot.

A file may be read here, in a worker process, or not at all (its articles come from the read
cache); what the user sees must not depend on which. So readers call `note()`, the read stage
collects each file's notes with its articles, and logs them itself, in file order, once.
Outside `keeping()` a note is simply logged.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger("tgreport.read")

Note = tuple[int, str]  # (logging level, message)

_local = threading.local()


def note(level: int, message: str) -> None:
    kept: list[Note] | None = getattr(_local, "kept", None)
    if kept is None:
        log.log(level, "%s", message)
    else:
        kept.append((level, message))


@contextmanager
def keeping() -> Iterator[list[Note]]:
    """The notes made meanwhile in this thread, not logged."""
    before = getattr(_local, "kept", None)
    kept: list[Note] = []
    _local.kept = kept
    try:
        yield kept
    finally:
        _local.kept = before


def show(notes: list[Note] | tuple[Note, ...]) -> None:
    for level, message in notes:
        log.log(level, "%s", message)
