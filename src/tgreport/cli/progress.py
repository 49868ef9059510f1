"""A progress bar on stderr for long runs, shown only to a person watching a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rich is imported only when a bar is drawn: it costs a run 20 ms otherwise
    from rich.progress import Progress

# Below this many input files a run takes about a second: a bar would only flicker. Pages fetched
# from their links are slower: the bar shows once reading has taken SLOW_SECONDS, however few.
MIN_FILES_FOR_BAR = 50
SLOW_SECONDS = 1.0


class Bar:
    """Reading progress, then one step per output format."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        # Hidden until the work proves long enough to be worth a bar.
        self._task = progress.add_task("Đọc bài", total=None, visible=False) if progress else None
        self._start = time.monotonic()

    def reading(self, done: int, total: int) -> None:
        if self._progress is None or self._task is None:
            return
        if total < MIN_FILES_FOR_BAR and time.monotonic() - self._start < SLOW_SECONDS:
            return
        self._progress.update(self._task, completed=done, total=total, visible=True)

    def stage(self, description: str) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=description)


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Bar]:
    """A bar when `enabled` and stderr is a terminal; otherwise a bar that draws nothing."""
    if not enabled or not sys.stderr.isatty():
        yield Bar(None)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        # Each redraw is rich's thread taking the GIL from the work: at rich's default of 10 a
        # second, a busy machine made a 1,000-article PDF run half as fast again as with -q.
        # Twice a second still ticks the elapsed seconds.
        refresh_per_second=2,
    )
    with progress:
        yield Bar(progress)
