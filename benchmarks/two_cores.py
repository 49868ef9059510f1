"""How much two processes gain over one on this machine, for pure Python work.

Runs the same loop once, then twice side by side in two forked processes, and prints the speed-up
(2.0 would be two full cores). On a shared virtual machine it varies from run to run.

    python benchmarks/two_cores.py
"""

from __future__ import annotations

import multiprocessing
import time

LOOPS = 3_000_000


def burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def main() -> int:
    start = time.perf_counter()
    burn(LOOPS)
    one = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(burn, [10, 10])  # the workers started before timing
        start = time.perf_counter()
        pool.map(burn, [LOOPS, LOOPS])
        two = time.perf_counter() - start
    print(f"one loop {one:.3f} s; two side by side {two:.3f} s; speed-up {2 * one / two:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
