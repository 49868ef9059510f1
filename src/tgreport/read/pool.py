"""Reading many files with worker processes: `settings.jobs - 1` workers take chunks of files
from the front while this process reads chunks from the back, until they meet. Imported only by
a run that starts them (multiprocessing alone is 20 ms of start-up)."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import signal
import sys
import threading
from array import array
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import accumulate
from multiprocessing import get_context
from multiprocessing.connection import Connection

from tgreport.read import FileRead, read_file, registry
from tgreport.settings import Settings

log = logging.getLogger(__name__)


def read_pooled(files: list[str], settings: Settings, jobs: int) -> Iterator[FileRead]:
    """Each file read, in order, by this process and `jobs - 1` workers (this process reads
    while the workers start, and no core waits on another)."""
    # One way to start workers, whatever else runs: the fork server (a fork would copy locks
    # the progress bar's thread may hold). It imports the readers of these files once, before
    # the first chunk, and no other: a worker's start is its imports.
    context = get_context("forkserver")
    context.set_forkserver_preload(registry.modules_for(files))
    size = max(1, min(CHUNK_MAX_FILES, len(files) // (jobs * 16)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    workers = jobs - 1
    # Each worker holds the reading end of a pipe whose other end only this process holds: when
    # this process ends, however it ends, the workers see the pipe close and end too.
    lifeline, held = context.Pipe(duplex=False)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(lifeline,))
    sent: deque[tuple[int, Future[list[FileRead]]]] = deque()  # chunks given to workers, in order
    mine: dict[int, list[FileRead] | _Held] = {}  # chunks read, by index, until their turn
    front, back = 0, len(chunks)  # chunks[front:back] are not taken yet
    broken = False
    # A submit returns only once its worker runs: the first, once the fork server has started and
    # imported the readers (a quarter of a second on a quiet machine, seconds on a busy one). A
    # thread waits for that on a task that does nothing; this process reads from the back
    # meanwhile, and hands chunks over only to workers that run, so it never waits on a start.
    ready = threading.Event()
    failed: list[BaseException] = []
    lock = threading.Lock()
    finished = False

    def shut_down() -> None:
        pool.shutdown(wait=True, cancel_futures=True)
        held.close()
        lifeline.close()

    def start_workers() -> None:
        # The fork server and the workers it forks inherit this thread's signal mask: with
        # SIGINT blocked, a Ctrl-C (sent to the whole process group) never interrupts one of
        # them mid-import with a traceback of its own. This process alone stops the run.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            pool.submit(int).result()
        except Exception as exc:  # no worker could start (BrokenProcessPool, OSError, …)
            failed.append(exc)
        with lock:
            if finished:  # this process read every file meanwhile: the workers are not needed
                shut_down()
            else:
                ready.set()

    starter = threading.Thread(target=start_workers, name="tgreport-start-workers", daemon=True)
    starter.start()

    def stop(exc: BaseException) -> None:  # a worker died (killed, out of memory) or never started
        nonlocal broken
        if not broken:
            log.warning("the reading processes stopped (%s); reading the other files here", exc)
        broken = True

    def feed() -> None:
        nonlocal front
        if failed:
            stop(failed[0])
        while (not broken and ready.is_set() and front < back
               and sum(not f.done() for _, f in sent) < 2 * workers):
            try:
                sent.append((front, pool.submit(_read_chunk, chunks[front], settings)))
            except BrokenProcessPool as exc:
                stop(exc)
                return
            front += 1

    try:
        for index in range(len(chunks)):
            while index not in mine:
                if sent and sent[0][0] == index and (sent[0][1].done() or front >= back or broken):
                    future = sent.popleft()[1]
                    try:
                        mine[index] = _sharing_paths(chunks[index], future.result())
                    except BrokenProcessPool as exc:
                        stop(exc)
                        mine[index] = _read_chunk(chunks[index], settings)
                    feed()
                elif front < back:
                    back -= 1
                    mine[back] = _Held(_read_chunk(chunks[back], settings))
                    feed()
                else:  # given to a worker that has not finished it
                    sent[0][1].exception()  # waits; result() above says what went wrong
            chunk = mine.pop(index)
            yield from chunk.outcomes() if isinstance(chunk, _Held) else chunk
    finally:
        with lock:
            finished = True
            starting = starter.is_alive() and not ready.is_set()
        if not starting:  # else the starting thread shuts the pool down; no need to wait for it
            shut_down()
        elif sys.exc_info()[0] is not None:
            # The run is ending (Ctrl-C, an error): a worker still starting would find the pool's
            # semaphores gone with this process and print a traceback. Let it start and stop.
            starter.join(timeout=_START_WAIT)


CHUNK_MAX_FILES = 32
_START_WAIT = 30.0  # seconds an ending run waits for a worker to finish starting, at most


class _Held:
    """A chunk's outcomes kept until their turn, in flat containers. The chunks this process reads
    from the back wait for every chunk before them, about half of a folder's files; as FileReads
    (an object and two lists each) they cost ~250 bytes a file: 12 MB at 100,000 small pages."""

    __slots__ = ("articles", "ends", "odd")

    def __init__(self, outcomes: list[FileRead]) -> None:
        self.articles = [a for outcome in outcomes for a in outcome.articles]
        self.ends = array("L", accumulate(len(outcome.articles) for outcome in outcomes))
        # Only the files that were skipped or said something keep their FileRead.
        self.odd = {i: o for i, o in enumerate(outcomes) if o.error is not None or o.notes}

    def outcomes(self) -> Iterator[FileRead]:
        start = 0
        for i, end in enumerate(self.ends):
            yield self.odd.get(i) or FileRead(self.articles[start:end], None, [])
            start = end


def _sharing_paths(paths: list[str], outcomes: list[FileRead]) -> list[FileRead]:
    """A worker's outcomes with each article whose source is its file's path holding this
    process's string of that path, as an article read here does: unpickled, every article had
    its own copy (about 100 bytes: 10 MB of a folder of 100,000 small pages)."""
    for path, outcome in zip(paths, outcomes, strict=True):
        outcome.articles[:] = [dataclasses.replace(a, source=path) if a.source == path else a
                               for a in outcome.articles]
    return outcomes


def _read_chunk(paths: list[str], settings: Settings) -> list[FileRead]:
    return [read_file(path, settings) for path in paths]


def _start_worker(lifeline: Connection) -> None:
    # Ctrl-C reaches the whole process group: this process stops the run and says so, once. (The
    # blocked SIGINT a worker inherits covers a fork server started by read_pooled; one a script
    # started before, for its own processes, forks workers that would take it.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker must not outlive the run, even one killed outright (the kernel's out-of-memory
    # killer): nothing else would end it, since it holds what keeps the fork server up, and a
    # result it is sending waits for a reader forever.
    threading.Thread(target=_end_with, args=(lifeline,), daemon=True).start()


def _end_with(lifeline: Connection) -> None:
    with contextlib.suppress(EOFError, OSError):
        lifeline.recv_bytes()  # nothing is ever sent: this returns when the other end closes
    os._exit(1)


