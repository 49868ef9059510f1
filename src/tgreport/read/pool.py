"""Reading many files: one file at a time, or spread over the machine's cores in worker processes."""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from tgreport.errors import InputError
from tgreport.model import Article
from tgreport.read.base import ReaderOptions, read_path
from tgreport.support.logrecords import recording, replay
from tgreport.support.parallel import can_fork, cores, start_worker

log = logging.getLogger(__name__)

# Below this many files a pool costs more than it saves: shipping each article back costs about
# a fifth of reading it, and on a busy two-core machine 200 files read no faster in a pool.
POOL_MIN_FILES = 500
MAX_WORKERS = 8
Outcome = tuple[list[Article], InputError | None]
# With a file's outcome: what `prepare` made of each of its articles, in order; None if not made.
Prepared = list[Any] | None


def read_one(path: Path, options: ReaderOptions | None) -> Outcome:
    """The articles in `path`, or the error that made it skipped (already logged as a warning)."""
    try:
        return read_path(path, options), None
    except InputError as exc:
        log.warning("%s", exc)
        return [], exc
    except Exception as exc:
        # A reader bug on one odd file must not cost the user the whole report; -v shows
        # the traceback so the bug can still be reported and fixed.
        log.debug("reading %s failed", path, exc_info=True)
        error = InputError(f"cannot be read (internal error {type(exc).__name__}: {exc}); skipped", path)
        log.warning("%s", error)
        return [], error


def workers_for(files: int) -> int:
    """How many worker processes to read `files` files with; 1 means read them here."""
    # Only a forked worker starts at once with tgreport loaded; spawning would re-run the
    # caller's script (parallel.can_fork says when forking is safe).
    if files < POOL_MIN_FILES or not can_fork():
        return 1
    return max(1, min(cores(), MAX_WORKERS, files // (POOL_MIN_FILES // 2)))


def read_pooled(
    files: list[Path],
    options: ReaderOptions | None,
    workers: int,
    prepare: Callable[[Article], Any] | None = None,
) -> Iterator[tuple[list[Article], InputError | None, Prepared]]:
    """Each file's outcome, in the order of `files`, read by `workers` processes.

    What the workers log comes back with each file and is logged here, in file order, once: the
    caller's handlers and levels apply as if the file had been read in this process.

    With `prepare`, the worker also works out `prepare(article)` for each article it reads,
    once it has read the files of a batch (see prepared); the file read here comes with None.
    """
    # The first file is read here, before the fork: its outcome comes first anyway, and reading
    # it builds what every page needs (the vocabulary, its compiled patterns and pre-checks),
    # which the workers then inherit instead of each building it again on every run.
    if not files:
        return
    yield *read_one(files[0], options), None
    rest = files[1:]
    size = max(1, min(64, len(rest) // (workers * 8)))
    batches = [rest[i : i + size] for i in range(0, len(rest), size)]
    context = multiprocessing.get_context("fork")
    # Forked workers inherit the options as they are: nothing in them needs to be picklable.
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(options, prepare)
    )
    done = 0
    try:
        try:
            for batch in pool.map(_read_batch, batches):
                for articles, error, made, records in batch:
                    replay(records)
                    done += 1
                    if done == len(rest):
                        # Stopped before the last outcome is handed over: callers take no more
                        # after it, and a generator left waiting would stop the workers only
                        # when collected, where a Ctrl-C arriving meanwhile is lost
                        # ("Exception ignored").
                        pool.shutdown(wait=True)
                    yield articles, error, made
        except BrokenProcessPool as exc:
            # A worker died (killed, out of memory): the files it had are read here instead.
            left = len(rest) - done
            log.warning("the reading workers stopped (%s); reading the other %d files here", exc, left)
            for path in rest[done:]:
                yield *read_one(path, options), None
    finally:
        # Interrupted (Ctrl-C, an error downstream): the files not yet started are dropped, not
        # read to the end first.
        pool.shutdown(wait=True, cancel_futures=True)


def prepared(prepare: Callable[[Article], Any], articles: list[Article]) -> Prepared:
    """`prepare(article)` for each of `articles`, or None if it raised: the caller then works
    it out again in its own time, and meets the error where it belongs."""
    try:
        return [prepare(article) for article in articles]
    except Exception:
        log.debug("preparing the articles read failed; left to later", exc_info=True)
        return None


# A worker's copies, set as it starts.
_OPTIONS: ReaderOptions | None = None
_PREPARE: Callable[[Article], Any] | None = None


def _start_worker(options: ReaderOptions | None, prepare: Callable[[Article], Any] | None) -> None:
    global _OPTIONS, _PREPARE
    _OPTIONS, _PREPARE = options, prepare
    # Each file's records go back with its articles (_read_batch); the parent decides which to show.
    start_worker()


def _read_batch(paths: list[Path]) -> list[tuple[*Outcome, Prepared, list[logging.LogRecord]]]:
    read: list[tuple[*Outcome, list[logging.LogRecord]]] = []
    for path in paths:
        with recording() as records:
            articles, error = read_one(path, _OPTIONS)
        read.append((articles, error, records))
    # The articles are prepared once the whole batch is read: reading and preparing page by
    # page, each evicting the other's code and data from the CPU's caches, took about a third
    # more CPU than reading 62 pages, then preparing their articles (measured with the facts).
    batch = []
    for articles, error, records in read:
        with recording() as more:
            made = prepared(_PREPARE, articles) if _PREPARE is not None else None
        batch.append((articles, error, made, records + more))
    return batch
