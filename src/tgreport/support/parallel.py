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
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import count
from typing import Any, Generic, TypeVar

from tgreport.support.logrecords import recording, replay, start_worker_logging

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400  # below this, starting workers costs more than the work they share
MAX_WORKERS = 8

# The work of the current map, inherited by the forked workers.
_JOB: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    """Whether work may go to a forked worker from here.

    Not where the platform has no fork; not while other threads run (a fork copies the locks
    they hold: this also keeps our own workers, which run a watcher thread, from forking again);
    not in a daemon process, to which multiprocessing refuses children.
    """
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


def workers_for(items: int, min_items: int | None = None) -> int:
    """How many processes to share `items` items between; 1 means do them here."""
    min_items = MIN_ITEMS if min_items is None else min_items
    if items < min_items or not can_fork():
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
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker)
    try:
        parts = list(pool.map(_run_chunk, bounds))
    except BrokenProcessPool as exc:
        log.warning("the worker processes stopped (%s); doing the work here", exc)
        return [func(item) for item in items]
    except BaseException:
        # Ctrl-C, or an error from one chunk: the other chunks' work is not wanted, and a worker
        # ignores SIGINT, so it would finish a long chunk (a PDF) before the run could stop.
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _JOB = None
    results: list[R] = []
    for part, records in parts:
        replay(records)
        results += part
    return results


class Forked(Generic[R]):
    """A call running in a forked worker while this process goes on with other work."""

    def __init__(self, key: int, pool: ProcessPoolExecutor, future: Future[Any]) -> None:
        self._key, self._pool, self._future = key, pool, future
        self._closed = False

    def result(self) -> R | None:
        """What the call returned, once it has; None if the worker died (killed, out of memory),
        in which case the caller does the work itself. The call's own errors are raised here."""
        try:
            value, records = self._future.result()
        except BrokenProcessPool as exc:
            self._close()
            log.warning("the worker process stopped (%s); doing its work here", exc)
            return None
        except BaseException:
            self.cancel()  # an error from the call, or Ctrl-C while waiting for it
            raise
        self._close()
        replay(records)
        result: R = value
        return result

    def cancel(self) -> None:
        """Stop the worker now if it still runs: its result is not wanted (an error or Ctrl-C here)."""
        if self._closed:
            return
        _stop_workers(self._pool)
        self._close()

    def _close(self) -> None:
        self._closed = True
        _CALLS.pop(self._key, None)
        self._pool.shutdown(wait=True, cancel_futures=True)


# The calls handed to fork_call, inherited by their forked workers (a closure cannot be pickled).
_CALLS: dict[int, Callable[[], Any]] = {}
_call_keys = count()


def fork_call(func: Callable[[], R]) -> Forked[R] | None:
    """`func()` started in a forked worker, or None where forking is not possible (see can_fork).

    As with fork_map, the worker sees this process's memory as it was at the fork, and only
    what `func` returns comes back, with what it logged (logged here by `result()`).
    """
    if not can_fork():
        return None
    key = next(_call_keys)
    _CALLS[key] = func
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=start_worker)
    try:
        future = pool.submit(_run_call, key)  # forks the worker, which inherits _CALLS[key]
    except BaseException:
        _CALLS.pop(key, None)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    return Forked(key, pool, future)


def _run_call(key: int) -> tuple[Any, list[logging.LogRecord]]:
    with recording() as records:
        result = _CALLS[key]()
    return result, records


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    # There is no public way to stop a running task; its worker ignores SIGINT (start_worker).
    for process in list((pool._processes or {}).values()):
        process.terminate()


def _chunks(total: int, count: int) -> list[tuple[int, int]]:
    size = -(-total // count)  # ceiling division
    return [(start, min(start + size, total)) for start in range(0, total, size)]


PARENT_CHECK_SECONDS = 0.5


def start_worker() -> None:
    """What every forked worker does first (fork_map, fork_call, the read pool)."""
    # Ctrl-C reaches the whole process group: the parent stops the run and says so, once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    start_worker_logging()
    # A parent killed outright (SIGKILL, out of memory) cannot stop its workers; they would wait
    # for work, or to hand back a result, forever. Each one watches for its parent to go and
    # then goes too.
    threading.Thread(target=_leave_with, args=(os.getppid(),), daemon=True).start()


def _leave_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _run_chunk(bounds: tuple[int, int]) -> tuple[list[Any], list[logging.LogRecord]]:
    assert _JOB is not None, "a fork_map worker started without its work"
    func, items = _JOB
    with recording() as records:
        results = [func(items[i]) for i in range(*bounds)]
    return results, records
