"""Reading rate of saved pages: pages per second through `tgreport.read`, with 1 and 2 processes.

    python benchmarks/html_rate.py FOLDER [JOBS...]

Prints one line per process count: the best of three reads, each in a new Python process, a first
read (an empty cache of its own, which the read then fills) with `tgreport`'s names taken before
the clock starts, as benchmarks/run.py measures scraped pages; the load average beside it, since
pages/s depend on it on a shared machine (see read_cpu.py for the CPU time a page). Make a folder
big enough for the pool to start (read.POOL_MIN_FILES files or more): for example 53 copies of
each page of a 19-page corpus, about as many pages as run.py's 1,000.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

_READ = ("import sys, time; from tgreport import Settings, read; t = time.perf_counter(); "
         "r = read([sys.argv[1]], Settings(jobs=int(sys.argv[2]))); "
         "print(len(r.articles), time.perf_counter() - t)")


def main(folder: str, jobs: list[int]) -> int:
    for count in jobs:
        reads = []
        for _ in range(3):
            cache = tempfile.mkdtemp(prefix="tgreport-rate-")
            try:
                done = subprocess.run([sys.executable, "-c", _READ, folder, str(count)], check=True,
                                      capture_output=True, text=True,
                                      env={**os.environ, "TGREPORT_CACHE_DIR": cache}).stdout.split()
            finally:
                shutil.rmtree(cache, ignore_errors=True)
            reads.append((float(done[1]), int(done[0])))
        best, pages = min(reads)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"jobs={count}: {pages} pages in {best:.2f} s = {pages / best:.0f} pages/s "
              f"(load average {load})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], [int(j) for j in sys.argv[2:]] or [1, 2]))
