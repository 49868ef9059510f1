"""Benchmark: tgreport against the tools people would otherwise use, doing the same work.

(a) From the scraped pages (reading included), first run (an empty read cache), PDF: in a
    terminal (a pseudo-terminal, so the progress bar is drawn, as users see it) and with -q,
    against ReportLab's multiBuild TOC recipe from the same articles already clean.
(b) From tgreport's own JSON export of the corpus (made untimed): HTML, EPUB and DOCX against
    pandoc from the same articles as Markdown, and DOCX against python-docx's plain API. The
    built-in templates are compiled by an untimed run first and kept in the cache, as after any
    earlier digest on the machine (as the package's own modules are byte-compiled: see below);
    a JSON input itself is never kept in the read cache.
Plus the reading rate (pages/s, in-process) and the time at 5,000 articles over the time at
1,000 for every format. Every command runs in a fresh process; wall time and peak memory come
from wait4 (pty runs) or GNU time. The ratios are each tool's time over tgreport's, in one run:
the jobs of one size run one after another, alternating tool and baseline.

    .venv/bin/python benchmarks/run.py                 # N = 1000 and 5000, results in benchmarks/results/
    .venv/bin/python benchmarks/run.py --sizes 100 --repeat 1
"""

from __future__ import annotations

import argparse
import compileall
import csv
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from baselines.pandoc_md import markdown
from corpus import make_corpus
from measure import pdf_pages, run

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BIN = Path(sys.executable).parent
OUT = BENCH / "out"
RESULTS = BENCH / "results"


@dataclass(frozen=True)
class Row:
    n: int
    job: str  # what was made, e.g. "pdf (terminal)"
    tool: str
    seconds: float
    peak_mb: float
    check: str  # what the independent check of the output found
    # User + system time: what the run cost the machine, which the neighbours on a shared one
    # disturb far less than the wall time (a tool using both cores shows more CPU than wall).
    cpu: float = 0.0


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(BENCH)  # the baselines import corpus.py
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])
    env.setdefault("SOURCE_DATE_EPOCH", "1640995200")
    return env


def in_terminal(argv: list[str], env: dict[str, str]) -> tuple[float, float, float, int, bytes]:
    """`argv` on a pseudo-terminal (stdout and stderr are a tty): wall seconds, peak MB, CPU
    seconds, exit, output."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the command
        os.execvpe(argv[0], argv, env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, usage.ru_maxrss / 1024, cpu, os.waitstatus_to_exitcode(status), out


def fresh_cache(env: dict[str, str], folder: Path) -> dict[str, str]:
    shutil.rmtree(folder, ignore_errors=True)
    return {**env, "TGREPORT_CACHE_DIR": str(folder)}


def measure_size(n: int, repeat: int, env: dict[str, str]) -> list[Row]:
    corpus = OUT / f"corpus-{n}"
    if not (corpus / "pages").is_dir():
        make_corpus(n, corpus)
    pages = corpus / "pages"
    work = OUT / f"run-{n}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cache = work / "cache"
    rows: list[Row] = []
    make_report = str(BIN / "make-report")

    def best(label: str, tool: str, argv: list[str], output: Path, terminal: bool = False,
             kept: Path | None = None) -> None:
        times = []
        for _ in range(repeat):
            # Every run a first run, or with what an earlier run kept in `kept`.
            run_env = fresh_cache(env, cache) if kept is None else {**env, "TGREPORT_CACHE_DIR": str(kept)}
            if terminal:
                seconds, peak, cpu, code, said = in_terminal(argv, run_env)
                assert code == 0, said[-2000:].decode(errors="replace")
                assert "Đọc bài".encode() in said, "no progress bar was drawn"
            else:
                m = run(argv, run_env, timeout=3600)
                assert m.returncode == 0, m.stderr[-2000:]
                seconds, peak, cpu = m.seconds, m.peak_mb, m.cpu_seconds
            times.append((seconds, peak, cpu))
        seconds, peak, cpu = min(times)
        rows.append(Row(n, label, tool, seconds, peak, check(output), cpu))
        print(f"N={n:>5} {label:<22} {tool:<12} {seconds:8.2f} s {cpu:8.2f} s CPU {peak:7.0f} MB  "
              f"{rows[-1].check}", flush=True)

    # (a) PDF from the scraped pages.
    pdf = work / "tgreport.pdf"
    best("pdf (terminal)", "tgreport", [make_report, str(pages), "-o", str(pdf)], pdf, terminal=True)
    best("pdf (-q)", "tgreport", [make_report, str(pages), "-o", str(pdf), "-q"], pdf)
    rl = work / "reportlab.pdf"
    best("pdf", "reportlab", [sys.executable, "-m", "baselines.reportlab_toc", str(corpus), str(rl)], rl)
    # (b) From tgreport's JSON export (made untimed), against pandoc and python-docx.
    export = work / "digest.json"
    subprocess.run([make_report, str(pages), "-o", str(export), "-q", "--no-cache"], env=env, check=True)
    md = work / "articles.md"
    md.write_text(markdown(corpus), encoding="utf-8")
    compiled = work / "cache-templates"
    shutil.rmtree(compiled, ignore_errors=True)
    for fmt in ("html", "epub", "docx"):
        mine = work / f"tgreport.{fmt}"
        argv = [make_report, str(export), "-o", str(mine), "-q"]
        subprocess.run(argv, env={**env, "TGREPORT_CACHE_DIR": str(compiled)}, check=True)  # compiles
        best(fmt, "tgreport", argv, mine, kept=compiled)
        theirs = work / f"pandoc.{fmt}"
        extra = ["-s"] if fmt == "html" else []
        best(fmt, "pandoc", ["pandoc", str(md), "-f", "markdown", "--toc", *extra, "-o", str(theirs)], theirs)
    plain = work / "python-docx.docx"
    plain_docx = [sys.executable, "-m", "baselines.docx_plain", str(corpus), str(plain)]
    best("docx", "python-docx", plain_docx, plain)
    # The reading rate, in-process (no start-up: the package imports its API on first use, so the
    # names are taken before the clock starts), first read.
    for jobs in (1, 2):
        code = ("import sys, time; from tgreport import Settings, read; t = time.perf_counter(); "
                f"r = read([sys.argv[1]], Settings(jobs={jobs})); "
                "print(len(r.articles), time.perf_counter() - t)")
        reads = []
        for _ in range(repeat):  # each a first read: an empty cache, which the read then fills
            done = subprocess.run([sys.executable, "-c", code, str(pages)], env=fresh_cache(env, cache),
                                  check=True, capture_output=True, text=True).stdout.split()
            reads.append((float(done[1]), int(done[0])))
        seconds, articles = min(reads)
        rows.append(Row(n, f"read, jobs={jobs}", "tgreport", seconds, 0.0, f"{articles} articles"))
        print(f"N={n:>5} read jobs={jobs}: {articles / seconds:,.0f} pages/s", flush=True)
    return rows


def check(path: Path) -> str:
    """An independent look at the output: PDF pages by pdfinfo, others their size."""
    if path.suffix == ".pdf":
        return f"{pdf_pages(path)} pages"
    return f"{path.stat().st_size / 1024:,.0f} KB"


def ratios(rows: list[Row]) -> list[str]:
    """The table: per size, each baseline's time over tgreport's on the same job."""
    lines = ["| N | job | tgreport s | baseline | baseline s | ratio | tgreport peak MB "
             "| CPU s, tgreport / baseline | CPU ratio |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if r.tool == "tgreport" or r.job.startswith("read"):
            continue
        jobs = ["pdf (terminal)", "pdf (-q)"] if r.job == "pdf" else [r.job]
        for job in jobs:
            mine = next(m for m in rows if m.n == r.n and m.tool == "tgreport" and m.job == job)
            lines.append(f"| {r.n:,} | {job} | {mine.seconds:.2f} | {r.tool} | {r.seconds:.2f} | "
                         f"{r.seconds / mine.seconds:.1f}× | {mine.peak_mb:.0f} | "
                         f"{mine.cpu:.2f} / {r.cpu:.2f} | {r.cpu / mine.cpu:.1f}× |")
    sizes = sorted({r.n for r in rows})
    for r in rows:
        if r.job.startswith("read"):
            rate = int(r.check.split()[0]) / r.seconds
            lines.append(f"| {r.n:,} | {r.job} | {r.seconds:.2f} | | | {rate:,.0f} pages/s | | | |")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        made = [r.job for r in rows if r.tool == "tgreport" and not r.job.startswith("read")]
        for job in dict.fromkeys(made):
            a = next(r for r in rows if r.n == small and r.job == job and r.tool == "tgreport")
            b = next(r for r in rows if r.n == large and r.job == job and r.tool == "tgreport")
            lines.append(f"| {small:,}→{large:,} | {job} growth | | | | {b.seconds / a.seconds:.2f}× "
                         f"(N ×{large // small}) | {b.peak_mb:.0f} | {a.cpu:.2f} → {b.cpu:.2f} "
                         f"| {b.cpu / a.cpu:.2f}× |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000", help="comma-separated N (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per job; the fastest is kept")
    args = parser.parse_args()
    env = environment()
    # The package's bytecode, as an installed copy has it (pip compiles it at install), and the
    # baselines' too: in a checkout run with PYTHONDONTWRITEBYTECODE=1, each run of either side
    # would otherwise compile its modules again.
    import tgreport

    for folder in (Path(tgreport.__file__).parent, BENCH):
        compileall.compile_dir(folder, quiet=1, rx=re.compile(r"[/\\]out[/\\]"))
    load_before = os.getloadavg()[0]
    rows: list[Row] = []
    for n in (int(s) for s in args.sizes.split(",")):
        rows += measure_size(n, args.repeat, env)
    RESULTS.mkdir(exist_ok=True)
    with (RESULTS / "latest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["n", "job", "tool", "seconds", "peak_mb", "check", "cpu_seconds"])
        writer.writerows([r.n, r.job, r.tool, f"{r.seconds:.3f}", f"{r.peak_mb:.0f}", r.check,
                          f"{r.cpu:.3f}"] for r in rows)
    table = "\n".join(ratios(rows))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    (RESULTS / "latest.md").write_text(
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at {commit}, load average "
        f"{load_before:.1f} before and {os.getloadavg()[0]:.1f} after\n\n{table}\n", encoding="utf-8")
    print(table)
    print(json.dumps({"results": str(RESULTS / "latest.md")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
