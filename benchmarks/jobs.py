"""What the benchmark runs: tgreport per format and each baseline, as command lines."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent  # the virtualenv running the benchmark holds make-report too
SUFFIX = {"pdf": ".pdf", "pdf-weasyprint": ".pdf", "docx": ".docx", "html": ".html", "epub": ".epub",
          "json": ".json", "read": ".txt"}
FORMATS = ("pdf", "docx", "html", "epub", "json", "pdf-weasyprint")
TGREPORT = "tgreport"
# tgreport again on the same corpus, its read cache filled by an earlier run: what a user
# re-making a digest waits. The targets are checked on the cold runs (TGREPORT) alone.
TGREPORT_RERUN = "tgreport-rerun"


@dataclass(frozen=True)
class Job:
    format: str  # an output format, "pdf-weasyprint", or "read" (the reading rate)
    tool: str  # "tgreport" or a baseline
    max_n: int | None = None  # the cap for slow engines

    def output(self, folder: Path) -> Path:
        return folder / f"{self.tool}-{self.format}{SUFFIX[self.format]}"

    def argv(self, corpus: Path, markdown: Path, out: Path) -> list[str]:
        pages = str(corpus / "pages")
        if self.tool in (TGREPORT, TGREPORT_RERUN):
            if self.format == "read":
                return [sys.executable, str(BENCH / "read_rate.py"), pages]
            engine = ["--engine", "weasyprint"] if self.format == "pdf-weasyprint" else []
            return [str(BIN / "make-report"), pages, "-o", str(out), "-q", *engine]
        if self.tool == "reportlab":
            return [sys.executable, "-m", "baselines.reportlab_toc", str(corpus), str(out)]
        if self.tool == "python-docx":
            return [sys.executable, "-m", "baselines.docx_plain", str(corpus), str(out)]
        if self.tool == "pandoc":
            extra = {
                "html": ["-s", "-V", "mainfont=Liberation Serif"],
                "pdf-weasyprint": ["--pdf-engine=weasyprint", "-V", "mainfont=Liberation Serif"],
            }.get(self.format, [])
            return ["pandoc", str(markdown), "-f", "markdown", "--toc", *extra, "-o", str(out)]
        raise ValueError(f"unknown tool {self.tool}")


JOBS = (
    Job("read", TGREPORT),
    Job("pdf", TGREPORT),
    Job("pdf", "reportlab"),
    Job("docx", TGREPORT),
    Job("docx", "python-docx"),
    Job("docx", "pandoc"),
    Job("html", TGREPORT),
    Job("html", "pandoc"),
    Job("epub", TGREPORT),
    Job("epub", "pandoc"),
    Job("json", TGREPORT),
    Job("pdf", TGREPORT_RERUN),
    Job("docx", TGREPORT_RERUN),
    Job("html", TGREPORT_RERUN),
    Job("epub", TGREPORT_RERUN),
    Job("json", TGREPORT_RERUN),
    Job("pdf-weasyprint", TGREPORT, max_n=100),
    Job("pdf-weasyprint", "pandoc", max_n=100),
)
