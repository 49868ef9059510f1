"""`make-report` and `python -m tgreport`: the program's entry point.

The command line's modules are imported only when the program runs: each reading worker
re-imports the script that started its parent (multiprocessing does, to find what it defines),
and needs none of them."""

from __future__ import annotations

import gc
import sys

# The garbage collector's thresholds, set for the make-report process only (a library leaves the
# process's collector alone): a digest's articles, flowables and pages live until the file is
# written, and at the default (a collection every 700 allocations, a full one every 100 of those)
# the full collections re-scan them again and again, more often as the digest grows: 2.2 s of a
# 5,000-article PDF's 33 s (0.2 s of 1,000's 6.2 s). At these thresholds: 1.0 s and 0.1 s.
GC_THRESHOLDS = (10_000, 10, 10)


def main() -> int:
    gc.set_threshold(*GC_THRESHOLDS)  # before the command line's imports, which allocate a lot
    from tgreport.cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
