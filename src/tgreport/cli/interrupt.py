"""Ctrl-C, remembered for the whole run.

Python turns SIGINT into a KeyboardInterrupt wherever the program happens to be, and some
libraries catch every exception on their way: ReportLab reading a font file (a bare `except:`)
turns it into "Corrupt TTF file", or into nothing at all, and the run would go on to replace
the report the user meant to keep. So the command line remembers the signal itself, raises it
again at the next stage of the run (the last one is just before the files are renamed into
place), and reports any run that saw one as interrupted."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Interrupts:
    """Whether Ctrl-C was pressed during the run."""

    def __init__(self) -> None:
        self.seen = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.seen = True
        raise KeyboardInterrupt

    def check(self) -> None:
        """Raise the KeyboardInterrupt again if a library swallowed it."""
        if self.seen:
            raise KeyboardInterrupt


@contextmanager
def remembering_interrupts() -> Iterator[Interrupts]:
    """Interrupts, with SIGINT handled through it while the block runs. Left alone when SIGINT
    is not Python's usual handler: ignored (a job started with nohup, or in the background by a
    shell without job control) or handled by the program that called the command line."""
    interrupts = Interrupts()
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
        yield interrupts
        return
    signal.signal(signal.SIGINT, interrupts)
    try:
        yield interrupts
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
