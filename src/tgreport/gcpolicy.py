"""Garbage collection less often while tgreport makes objects that all live to the end of a run.

Python's collector looks at its youngest objects every 700 new containers, and at every object
in the process once in a while; the more objects there are, the longer each look takes.
Reading, assembling and laying out a digest create millions of objects (articles, paragraphs,
lines, PDF operators) and free almost none of them until the end, so most of those looks find
nothing to free: a third of a 5,000-article PDF's render time went on them. Within
`fewer_collections` the collector runs about fifteen times less often; garbage with reference
cycles is still collected, a little later. The caller's settings are put back afterwards, and
settings already less frequent are kept.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# Measured on the 5,000-article benchmark corpus (benchmarks/README.md): fewer collections
# than this gained nothing more; peak memory was the same.
THRESHOLDS = (10_000, 20, 20)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*(max(mine, theirs) for mine, theirs in zip(THRESHOLDS, before, strict=True)))
    try:
        yield
    finally:
        gc.set_threshold(*before)
