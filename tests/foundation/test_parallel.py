"""fork_map: the same results as a plain loop, from worker processes, and survives a dying worker."""

from __future__ import annotations

import logging
import os
import signal
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from tgreport import parallel

PARENT = os.getpid()


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def dies_in_a_worker(n: int) -> int:
    if os.getpid() != PARENT:
        os._exit(3)
    return n + 1


def test_results_in_order_computed_by_other_processes() -> None:
    items = list(range(1000))
    results = parallel.fork_map(square_and_pid, items, workers=2)
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
