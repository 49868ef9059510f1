"""Using tgreport from a script: read a folder of articles, build a digest, write two formats.

Run it from the repository root:  .venv/bin/python examples/library_script.py [INPUT] [OUTDIR]
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import sys
from pathlib import Path

import tgreport

logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")

source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("seeds")
outdir = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("examples/script-output")
outdir.mkdir(parents=True, exist_ok=True)

# One frozen Settings object for every stage, as the config file and the CLI build it.
settings = tgreport.Settings(
    title="Điểm báo tuần",
    organisation="Ban Tuyên giáo Đảng ủy Khối",
    place="Hà Nội",
    issued=dt.date(2021, 7, 20),
)
result = tgreport.read([source], settings)  # bad files are skipped with a warning
print(len(result.articles), "articles;", len(result.skipped), "files skipped")
report = tgreport.build_report(result.articles, settings)
report = tgreport.with_photos(report, settings)  # each article's lead photo (settings.images)
for article in report.all_articles():
    print(article.date, article.title or "(tiêu đề suy ra)")

tgreport.write(report, outdir / "digest.json", settings)  # the suffix picks the format
print("wrote", tgreport.write(report, outdir / "digest.html", settings))
pdf = io.BytesIO()  # or any binary file object, with the format named
tgreport.write(report, pdf, settings, format="pdf")
print("PDF in memory:", len(pdf.getvalue()), "bytes")
