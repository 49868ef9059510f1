"""Issue 19's floor: the brief ("điểm báo") of 100 articles renders in every format no slower
than the full compilation of the same articles.

Reads the corpus once, builds both reports from the same articles, then renders each format
of each kind in turn (alternating, so a busy spell on the machine falls on both) and keeps the
median of `--repeat` runs, in CPU seconds (the machine's other work changes wall time far more).
Two columns per kind: rendering only (from the report each kind's
assembly made), and assembling plus rendering (what a run costs after reading): the brief's
assembly makes the summaries it prints, the full kind's the citation index its appendix prints.

    .venv/bin/python benchmarks/brief_vs_full.py --articles 100 --repeat 5
    .venv/bin/python benchmarks/brief_vs_full.py --formats json,html    # only these formats
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import PAGES, make_corpus

import tgreport

FORMATS = [("pdf", "reportlab"), ("pdf", "weasyprint"), ("docx", None), ("html", None),
           ("epub", None), ("json", None)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--formats", help="comma-separated: only these (pdf,docx,html,epub,json)")
    args = parser.parse_args()
    formats = [(f, e) for f, e in FORMATS if args.formats is None or f in args.formats.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(args.articles, Path(tmp) / "corpus")
        base = tgreport.Settings(cache=False)
        articles = tgreport.read([corpus / PAGES], base).articles
        kinds = {kind: dataclasses.replace(base, kind=kind) for kind in ("full", "brief")}
        reports = {kind: tgreport.build_report(articles, s) for kind, s in kinds.items()}
    print(f"{len(articles)} articles; load average {os.getloadavg()[0]:.1f}; median of {args.repeat}; "
          "CPU seconds")
    print("| format | full s | brief s | brief / full "
          "| full, assembled too s | brief, assembled too s | brief / full |")
    print("|---|---|---|---|---|---|---|")
    worst = 0.0
    for fmt, engine in formats:
        times: dict[tuple[str, bool], list[float]] = {
            (k, a): [] for k in ("full", "brief") for a in (False, True)}
        for _ in range(args.repeat):
            for kind in ("full", "brief"):
                settings = kinds[kind] if engine is None else dataclasses.replace(kinds[kind], engine=engine)
                for assembled in (False, True):
                    gc.collect()  # each run starts clean: no run pays for the garbage of the one before
                    start = time.process_time()
                    report = tgreport.build_report(articles, settings) if assembled else reports[kind]
                    data = tgreport.render(report, fmt, settings)
                    times[kind, assembled].append(time.process_time() - start)
                    assert data, (fmt, kind)
        m = {key: statistics.median(values) for key, values in times.items()}
        ratio, whole = m["brief", False] / m["full", False], m["brief", True] / m["full", True]
        worst = max(worst, ratio)
        label = fmt + (f" ({engine})" if engine else "")
        print(f"| {label} | {m['full', False]:.3f} | {m['brief', False]:.3f} | {ratio:.2f} "
              f"| {m['full', True]:.3f} | {m['brief', True]:.3f} | {whole:.2f} |")
    print(f"worst brief/full ratio, rendering only: {worst:.2f} (floor: at most 1.00)")
    return 0 if worst <= 1.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
