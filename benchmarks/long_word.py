"""A word without spaces, through every format: seconds and peak memory per format.

The issue's case 3: laying out a 1 MB word took the ReportLab PDF 28 s and a 10 MB word did not
finish in ten minutes. Each (format, size) runs in its own process, so peak memory (ru_maxrss)
is that render's alone. Bound (noted, not tested): every format under 30 s for a 10 MB word.

    python benchmarks/long_word.py [SIZE_MB ...]        # default 1 10
    python benchmarks/long_word.py --formats pdf 1
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

ONE = r"""
import datetime as dt, json, resource, sys, time
from tgreport import Settings, render
from tgreport.model import Article, Paragraph, Report
fmt, engine, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
word = ("ngàyđêmvấtvả" * (size // 12 + 1))[:size]
article = Article(id="long", source="long.txt", title="Một từ rất dài", date=dt.date(2021, 1, 7),
                  blocks=(Paragraph("Mở đầu bài viết."), Paragraph(word), Paragraph("Kết thúc.")))
report = Report(title="Từ dài", issued=dt.date(2021, 1, 8), articles=(article,))
start, cpu = time.perf_counter(), time.process_time()
data = render(report, fmt, Settings(engine=engine, index=False))
print(json.dumps({"seconds": round(time.perf_counter() - start, 2),
                  "cpu_s": round(time.process_time() - cpu, 2), "bytes": len(data),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=float, default=[1, 10], help="word sizes in MB")
    parser.add_argument("--formats", default="pdf,weasyprint,docx,html,epub,json")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    for size in args.sizes:
        for name in args.formats.split(","):
            fmt, engine = ("pdf", "weasyprint") if name == "weasyprint" else (name, "reportlab")
            start = time.perf_counter()
            try:
                done = subprocess.run([sys.executable, "-c", ONE, fmt, engine, str(int(size * 1_000_000))],
                                      capture_output=True, text=True, timeout=args.timeout)
                result = json.loads(done.stdout) if done.returncode == 0 else {"error": done.stderr[-300:]}
            except subprocess.TimeoutExpired:
                result = {"error": f"not done in {args.timeout:.0f} s"}
            result.update(format=name, word_mb=size, wall_s=round(time.perf_counter() - start, 2))
            print(json.dumps(result), flush=True)

    return 0


if __name__ == "__main__":
    raise SystemExit(main())
