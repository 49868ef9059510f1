"""Where tgreport's time goes: read, assemble, then render each format, timed stage by stage.

    .venv/bin/python benchmarks/profile_stages.py benchmarks/out/corpus-1000/pages pdf docx html
    .venv/bin/python benchmarks/profile_stages.py PAGES pdf --cprofile      # plus the top functions
    PYTHONPATH=benchmarks/out/tgreport-<commit>/src .venv/bin/python benchmarks/profile_stages.py ...

For a flame graph of the whole CLI instead: `py-spy record -o flame.svg -- make-report ...`.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tgreport.settings import Settings

T = TypeVar("T")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, help="folder of article pages (a corpus's pages/)")
    parser.add_argument("formats", nargs="+", help="pdf, pdf-weasyprint, docx, html, epub, json")
    parser.add_argument("--cprofile", action="store_true", help="profile each stage, list top functions")
    parser.add_argument("--top", type=int, default=20, help="functions to list (default 20)")
    args = parser.parse_args()

    def stage(name: str, work: Callable[[], T]) -> T:
        profiler = cProfile.Profile() if args.cprofile else None
        start, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        result = work()
        if profiler:
            profiler.disable()
        # CPU time beside the wall time: on a shared machine the wall time says more about the
        # neighbours than about the code.
        print(f"{name:<16} {time.perf_counter() - start:8.2f} s {time.process_time() - cpu:8.2f} s CPU",
              flush=True)
        if profiler:
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(args.top)
            stats.sort_stats("tottime").print_stats(args.top)
        return result

    # Timed as a stage of its own: a fresh process pays it on every run.
    start, cpu = time.perf_counter(), time.process_time()
    from tgreport import present
    from tgreport.pipeline import build_report, read, render

    print(f"{'imports':<16} {time.perf_counter() - start:8.2f} s {time.process_time() - cpu:8.2f} s CPU",
          flush=True)
    articles = stage("read", lambda: read([args.pages]).articles)
    report = stage("assemble", lambda: build_report(articles))
    # What render does first for every format, timed on its own (render does it again).
    stage("present", lambda: present.printable_report(report))
    for name in args.formats:
        engine = "weasyprint" if name == "pdf-weasyprint" else "reportlab"
        format = "pdf" if name == "pdf-weasyprint" else name
        options = Settings(engine=engine)
        data = stage(f"render {name}", lambda f=format, o=options: render(report, f, o))
        print(f"{'':<16} {len(data) / 1e6:8.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
