"""`make-report` and `python -m tgreport`: the program's entry point.

The command line's modules are imported only when the program runs: each reading worker
re-imports the script that started its parent (multiprocessing does, to find what it defines),
and needs none of them."""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import signal
import sys

# The garbage collector's thresholds, set for the make-report process only (a library leaves the
# process's collector alone): a digest's articles, flowables and pages live until the file is
# written, and at the default (a collection every 700 allocations, a full one every 100 of those)
# the full collections re-scan them again and again, more often as the digest grows: 2.2 s of a
# 5,000-article PDF's 33 s (0.2 s of 1,000's 6.2 s). At these thresholds: 1.0 s and 0.1 s.
GC_THRESHOLDS = (10_000, 10, 10)


class _Ending:
    """How the program ends once Python has finished with it (the last exit handler to run).

    Interrupted, it ends by SIGINT itself, as Python does for a Ctrl-C nobody caught: a shell
    then knows, and stops the script that ran it instead of going on to its next command (bash
    goes on after a program that caught Ctrl-C and exited 130). Its status in the shell is 130
    either way. Ending by the signal also makes `python -m tgreport` end the same way every time:
    CPython 3.11 marks a KeyboardInterrupt that passed through code run by exec (a dataclass
    being made during an import) as uncaught, and then ends a `-m` run by SIGINT on its own."""

    def __init__(self) -> None:
        self.interrupted = False

    def __call__(self) -> None:
        if not self.interrupted or os.name != "posix":
            return
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # closed, or its reader gone
                stream.flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)


def main() -> int:
    gc.set_threshold(*GC_THRESHOLDS)  # before the command line's imports, which allocate a lot
    ending = _Ending()
    atexit.register(ending)  # the first registered, so the last to run (after multiprocessing's)
    try:
        from tgreport.cli import EXIT_INTERRUPTED
        from tgreport.cli import main as run
    except KeyboardInterrupt:  # Ctrl-C while the command line loads: the line it says later
        # (tgreport.cli.messages is inside the package whose import was just interrupted).
        import gettext
        from pathlib import Path

        words = gettext.translation("tgreport", Path(__file__).parent / "locale", fallback=True)
        print(words.gettext("make-report: interrupted"), file=sys.stderr)
        ending.interrupted = True
        return 130  # the command line's EXIT_INTERRUPTED, which could not be imported
    code = run()
    ending.interrupted = code == EXIT_INTERRUPTED
    return code


if __name__ == "__main__":
    sys.exit(main())
