"""Reading rate of saved pages: pages per second through `read_files`, with 1 and 2 processes.

    python benchmarks/html_rate.py FOLDER [JOBS...]

Prints one line per process count: the best of three passes (each pass reads every file afresh;
no cache), with the load average beside it: on a shared machine pages/s depend on it (see
read_cpu.py for the CPU time a page). Make a folder big enough for the pool to start
(read.POOL_MIN_FILES files or more), for example 20 copies of each page of a corpus.
"""

from __future__ import annotations

import os
import sys
import time

from tgreport.read import read_files
from tgreport.settings import Settings


def main(folder: str, jobs: list[int]) -> int:
    for count in jobs:
        settings = Settings(jobs=count)
        best = float("inf")
        pages = 0
        for _ in range(3):
            start = time.perf_counter()
            pages = len(read_files([folder], settings).articles)
            best = min(best, time.perf_counter() - start)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"jobs={count}: {pages} pages in {best:.2f} s = {pages / best:.0f} pages/s "
              f"(load average {load})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], [int(j) for j in sys.argv[2:]] or [1, 2]))
