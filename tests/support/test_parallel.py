"""fork_map: the same results as a plain loop, from worker processes, and survives a dying worker."""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from tgreport.support import parallel

PARENT = os.getpid()


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def dies_in_a_worker(n: int) -> int:
    if os.getpid() != PARENT:
        os._exit(3)
    return n + 1


# fork_map cuts 1,000 items into 8 chunks of 125. A worker pool starts its processes as work
# arrives, so one quick worker could take every chunk before the second has started; the first
# item of each chunk waits here for a partner, so that each pair of chunks is done by two workers.
PAIRED = multiprocessing.get_context("fork").Barrier(2)


def square_and_pid_in_pairs(n: int) -> tuple[int, int]:
    if n % 125 == 0:
        PAIRED.wait(timeout=60)
    return square_and_pid(n)


def test_results_in_order_computed_by_other_processes() -> None:
    items = list(range(1000))
    results = parallel.fork_map(square_and_pid_in_pairs, items, workers=2)
    assert [value for value, _ in results] == [n * n for n in items]
    assert PARENT not in {pid for _, pid in results}  # every item was done by a worker
    assert len({pid for _, pid in results}) == 2


def test_few_items_are_done_here() -> None:
    results = parallel.fork_map(square_and_pid, list(range(10)))
    assert {pid for _, pid in results} == {PARENT}
    assert parallel.workers_for(10) == 1
    assert parallel.workers_for(10_000) == min(parallel.cores(), parallel.MAX_WORKERS)


def test_a_dying_worker_costs_only_time(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="tgreport")
    assert parallel.fork_map(dies_in_a_worker, list(range(500)), workers=2) == list(range(1, 501))
    assert "doing the work here" in caplog.text


def warn_about(n: int) -> int:
    if n % 100 == 0:
        logging.getLogger("tgreport.test").warning("item %d looked odd", n)
    return n


def test_what_workers_log_is_logged_here_once_in_item_order(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="tgreport")
    assert parallel.fork_map(warn_about, list(range(1000)), workers=2) == list(range(1000))
    assert [r.getMessage() for r in caplog.records] == [f"item {n} looked odd" for n in range(0, 1000, 100)]


def test_cli_makes_the_same_files_with_formats_side_by_side(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tgreport import cli

    monkeypatch.setattr(cli, "PARALLEL_FORMATS_FROM", 10**9)
    assert cli.main([str(seeds_dir), "-f", "all", "-o", str(tmp_path / "one"), "-q"]) == 0
    monkeypatch.setattr(cli, "PARALLEL_FORMATS_FROM", 1)
    forked: list[int] = []
    real = parallel.fork_map

    def watched(*args: Any, **kwargs: Any) -> Any:
        forked.append(parallel.workers_for(len(args[1]), kwargs.get("min_items", parallel.MIN_ITEMS)))
        return real(*args, **kwargs)

    monkeypatch.setattr(cli, "fork_map", watched)
    assert cli.main([str(seeds_dir), "-f", "all", "-o", str(tmp_path / "two"), "-q"]) == 0
    assert forked == [min(parallel.cores(), 5)]
    one = sorted((tmp_path / "one").iterdir())
    assert [p.name for p in one] == ["digest.docx", "digest.epub", "digest.html", "digest.json", "digest.pdf"]
    for path in one:
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


FINISHED = Path(tempfile.gettempdir()) / f"tgreport-test-parallel-{PARENT}-finished"


def sleeps_in_a_worker(n: int) -> int:
    if os.getpid() != PARENT:
        time.sleep(30)
        FINISHED.touch()  # reached only by a worker left to run to the end
    return n


def test_an_interrupt_stops_the_workers_at_once() -> None:
    # Ctrl-C in the parent: the workers (which ignore SIGINT) are stopped, not waited for.
    FINISHED.unlink(missing_ok=True)
    timer = threading.Timer(1.0, os.kill, (PARENT, signal.SIGINT))  # as a terminal's Ctrl-C does
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        parallel.fork_map(sleeps_in_a_worker, list(range(4)), workers=2)
    timer.join()
    alive = [p for p in psutil.Process().children(recursive=True) if p.status() != psutil.STATUS_ZOMBIE]
    assert alive == []
    assert not FINISHED.exists()


def logs_and_returns_its_pid() -> int:
    logging.getLogger("tgreport.test").warning("said in the worker")
    return os.getpid()


def test_fork_call_runs_elsewhere_while_this_process_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="tgreport")
    pending = parallel.fork_call(logs_and_returns_its_pid)
    assert pending is not None
    assert caplog.records == []  # nothing is logged before the result is taken
    pid = pending.result()
    assert pid is not None and pid != PARENT
    assert [r.getMessage() for r in caplog.records] == ["said in the worker"]  # once, here
    pending.cancel()  # after the result: nothing left to stop, and no error
    assert psutil.Process().children(recursive=True) == []


def test_fork_call_says_when_it_cannot_fork() -> None:
    # A running thread: a fork would copy the locks it holds. The caller does the work itself.
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.fork_call(logs_and_returns_its_pid) is None
    finally:
        stop.set()
        thread.join()


def test_fork_call_worker_that_dies_gives_none(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="tgreport")
    pending = parallel.fork_call(lambda: os._exit(3))
    assert pending is not None
    assert pending.result() is None
    assert "doing its work here" in caplog.text


def test_fork_call_errors_are_raised_here() -> None:
    def fails() -> None:
        raise ValueError("bad article")

    pending = parallel.fork_call(fails)
    assert pending is not None
    with pytest.raises(ValueError, match="bad article"):
        pending.result()


def test_an_interrupt_while_waiting_stops_the_forked_call() -> None:
    FINISHED.unlink(missing_ok=True)
    pending = parallel.fork_call(lambda: sleeps_in_a_worker(1))
    assert pending is not None
    timer = threading.Timer(1.0, os.kill, (PARENT, signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        pending.result()
    timer.join()
    alive = [p for p in psutil.Process().children(recursive=True) if p.status() != psutil.STATUS_ZOMBIE]
    assert alive == []
    assert not FINISHED.exists()


def test_nothing_forks_inside_a_daemon_process() -> None:
    # multiprocessing refuses children to a daemon process: the work is done in place there.
    context = multiprocessing.get_context("fork")
    here, there = context.Pipe()
    process = context.Process(target=_report_can_fork, args=(there,), daemon=True)
    process.start()
    assert here.recv() is False
    process.join()
    assert parallel.can_fork()


def _report_can_fork(connection: Any) -> None:
    connection.send(parallel.can_fork())
