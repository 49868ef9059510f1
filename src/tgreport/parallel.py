"""Per-item work spread over the machine's cores, for the stages that look at each article alone.

The items reach the workers by fork, as they are in memory (nothing is pickled on the way out);
only the results come back, with what the workers logged, which is logged here in item order as
if the work had been done here. Where forking is not safe or not worth it — few items, no fork on
this platform, other threads running (a fork copies their held locks), a single core — the work
is done here, in order, with the same results.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from .logrecords import recording, replay, start_worker_logging

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400  # below this, starting workers costs more than the work they share
MAX_WORKERS = 8

# The work of the current map, inherited by the forked workers.
_JOB: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(items: int, min_items: int | None = None) -> int:
    """How many processes to share `items` items between; 1 means do them here."""
    min_items = MIN_ITEMS if min_items is None else min_items
    if items < min_items or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1:
        return 1
    return max(1, min(cores(), MAX_WORKERS, items // max(1, min_items // 2)))


def fork_map(
    func: Callable[[T], R], items: Sequence[T], min_items: int | None = None, workers: int | None = None
) -> list[R]:
    """`[func(item) for item in items]`, computed by forked workers when there are many items.

    `func` must be a pure function of its item: the workers see the parent's memory as it was at
    the fork, and what they change there is lost. A worker that dies (killed, out of memory)
    costs nothing but time: its share is redone here.
    """
    workers = workers_for(len(items), min_items) if workers is None else workers
    if workers <= 1 or not items:
        return [func(item) for item in items]
    global _JOB
    # A few chunks per worker: one slow chunk does not leave the other cores idle at the end.
    bounds = _chunks(len(items), workers * 4)
    _JOB = (func, items)
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)
    try:
        parts = list(pool.map(_run_chunk, bounds))
    except BrokenProcessPool as exc:
        log.warning("the worker processes stopped (%s); doing the work here", exc)
        return [func(item) for item in items]
    except BaseException:
        # Ctrl-C, or an error from one chunk: the other chunks' work is not wanted, and a worker
        # ignores SIGINT, so it would finish a long chunk (a PDF) before the run could stop.
        for process in list(pool._processes.values()):  # no public way to stop a running task
            process.terminate()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _JOB = None
    results: list[R] = []
    for part, records in parts:
        replay(records)
        results += part
    return results


def _chunks(total: int, count: int) -> list[tuple[int, int]]:
    size = -(-total // count)  # ceiling division
    return [(start, min(start + size, total)) for start in range(0, total, size)]


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the run and says so, once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    start_worker_logging()


def _run_chunk(bounds: tuple[int, int]) -> tuple[list[Any], list[logging.LogRecord]]:
    assert _JOB is not None, "a fork_map worker started without its work"
    func, items = _JOB
    with recording() as records:
        results = [func(items[i]) for i in range(*bounds)]
    return results, records
