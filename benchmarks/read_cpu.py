"""CPU time a page of the readers, in this process: steadier than pages per second on a shared
machine, whose other work stretches wall time but not the CPU time a run itself takes.

    python benchmarks/read_cpu.py FOLDER [FOLDER...]

Prints, per folder, the best of three passes of read_path over its .html and .txt files: CPU
milliseconds a page, and the pages one core would read in a second at that cost.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tgreport.read import read_path
from tgreport.settings import Settings


def main(folders: list[str]) -> int:
    settings = Settings()
    for folder in folders:
        files = sorted(p for p in Path(folder).iterdir() if p.suffix in (".html", ".txt"))
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            for path in files:
                read_path(path, settings)
            best = min(best, time.process_time() - start)
        print(f"{folder}: {len(files)} pages, {1000 * best / len(files):.2f} ms of CPU a page "
              f"= {len(files) / best:,.0f} pages per CPU-second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
