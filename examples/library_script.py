"""Using tgreport from a script: read a folder of articles, build a digest, write two formats.

Run it from the repository root:  .venv/bin/python examples/library_script.py [INPUT] [OUTDIR]
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

import tgreport

logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")

source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("seeds")
outdir = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("examples/script-output")
outdir.mkdir(parents=True, exist_ok=True)

articles = tgreport.read(source)
report = tgreport.build_report(
    articles,
    title="Điểm báo tuần",
    organisation="Ban Tuyên giáo Đảng ủy Khối",
    place="Hà Nội",
    issued=dt.date(2021, 7, 20),
)
for article in report.all_articles():
    print(article.date, article.title or "(tiêu đề suy ra)")

tgreport.export(report, outdir / "digest.json")
print("wrote", tgreport.export(report, outdir / "digest.html"))
