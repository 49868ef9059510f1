"""Where tgreport's time goes: stage times (read, assemble, render, write) and a cProfile summary.

    .venv/bin/python benchmarks/profile_stages.py benchmarks/out/corpus-1000/pages pdf [--engine weasyprint]
    PYTHONPATH=benchmarks/out/tgreport-<commit>/src .venv/bin/python benchmarks/profile_stages.py ...

For a flame graph of the whole CLI instead: `py-spy record -o flame.svg -- make-report ...`.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from tgreport.api import read_inputs, render
from tgreport.assemble import build_report
from tgreport.atomic import write_atomic
from tgreport.exporters.base import ExportOptions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, help="folder of article pages (a corpus's pages/)")
    parser.add_argument("format", help="pdf, docx, html, epub or json")
    parser.add_argument("--engine", default="reportlab", help="PDF engine (default reportlab)")
    parser.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/tgreport-profile"), help="output file stem")
    args = parser.parse_args()

    profiler = cProfile.Profile()
    stages: list[tuple[str, float]] = []

    def stage(name: str, start: float) -> float:
        now = time.perf_counter()
        stages.append((name, now - start))
        return now

    profiler.enable()
    t = time.perf_counter()
    articles = read_inputs([args.pages]).articles
    t = stage("read", t)
    report = build_report(articles)
    t = stage("assemble", t)
    data = render(report, args.format, ExportOptions(engine=args.engine))
    t = stage("render", t)
    write_atomic(args.out.with_suffix("." + args.format), data)
    stage("write", t)
    profiler.disable()

    total = sum(seconds for _, seconds in stages)
    size = len(data) / 1e6
    print(f"{len(articles)} articles → {args.format} ({size:.1f} MB), {total:.2f} s under cProfile")
    for name, seconds in stages:
        print(f"  {name:<9} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
