"""Reading rate: articles per second through `tgreport.read`, timed inside one fresh process.

Prints one JSON line: the article count, the first pass (cold caches, lazy set-up included) and
the best of up to three passes (the steady rate the issue's target is about; no new pass starts
after 30 s of reading).

    python benchmarks/read_rate.py CORPUS/pages
"""

from __future__ import annotations

import json
import sys
import time

import tgreport


def main(folder: str, passes: int = 3, enough: float = 30.0) -> int:
    seconds: list[float] = []
    count = 0
    while len(seconds) < passes and sum(seconds) < enough:  # a slow reader gets fewer passes
        start = time.perf_counter()
        count = len(tgreport.read(folder))
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"articles": count, "first_s": seconds[0], "best_s": min(seconds),
                      "passes": len(seconds)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
