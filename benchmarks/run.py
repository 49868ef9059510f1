"""Benchmark runner: tgreport against ReportLab's multiBuild recipe, python-docx and pandoc.

For each N it makes the corpus, then runs every job in a fresh process under /usr/bin/time -v
(wall time, peak RSS), checks the output, and writes benchmarks/results/latest.csv, the plot
time-vs-n.png and the table in benchmarks/README.md. By default tgreport is measured from a
snapshot of a git revision (HEAD), so work in progress in the checkout cannot skew or break it.

    .venv/bin/python benchmarks/run.py                       # N = 10, 100, 1000, 5000
    .venv/bin/python benchmarks/run.py --sizes 10,100 --tools tgreport,pandoc --worktree
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

from baselines.pandoc_md import markdown
from corpus import make_corpus
from jobs import BENCH, BIN, JOBS, TGREPORT, TGREPORT_RERUN, Job
from measure import best_of, pdf_pages, run
from results import Row, write_csv, write_results

ROOT = BENCH.parent
MEDIAN_UP_TO = 1000  # N up to which the median of --repeat-median runs is kept


def snapshot(rev: str, out: Path) -> tuple[Path, str]:
    """`rev` of the repository unpacked under `out`; returns (its folder, the commit hash)."""
    commit = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip()
    dest = out / f"tgreport-{commit}"
    if not dest.exists():
        tar = subprocess.run(["git", "archive", "--format=tar", commit], cwd=ROOT, check=True,
                             capture_output=True).stdout
        with tarfile.open(fileobj=BytesIO(tar)) as archive:
            archive.extractall(dest, filter="data")
    return dest, commit


def environment(src: Path) -> dict[str, str]:
    env = dict(os.environ)
    # The snapshot's package wins over the editable install; baselines import corpus.py.
    env["PYTHONPATH"] = os.pathsep.join([str(src), str(BENCH)])
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])  # pandoc finds weasyprint
    env.setdefault("SOURCE_DATE_EPOCH", "1640995200")
    return env


def available_formats(env: dict[str, str]) -> dict[str, str]:
    """tgreport's formats: name → "available" or the reason it is not."""
    out = subprocess.run([str(BIN / "make-report"), "--list-formats"], env=env, capture_output=True,
                         text=True, check=True).stdout
    formats = {}
    for line in out.splitlines():
        name, _suffix, state = line.split(None, 2)
        formats[name] = state
    return formats


def predicted(history: list[tuple[int, float]], n: int) -> float | None:
    """Time at `n` extrapolated from earlier sizes, never assuming better than linear growth."""
    if not history:
        return None
    n1, t1 = history[-1]
    exponent = 1.0
    if len(history) >= 2:
        n0, t0 = history[-2]
        if t0 > 0.5:  # below that, start-up time hides the growth
            exponent = max(1.0, math.log(t1 / t0) / math.log(n1 / n0))
    return t1 * (n / n1) ** exponent


def measure_job(job: Job, n: int, corpus: Path, md: Path, folder: Path, env: dict[str, str],
                args: argparse.Namespace) -> Row:
    row = Row(n, job.format, job.tool)
    out = job.output(folder)
    # Small N: best of a few (start-up noise). Mid N, where the targets are checked: the median
    # of a few, since single runs there spread by about a fifth. Largest N: one run.
    repeat = args.repeat if n <= 100 else args.repeat_median if n <= args.median_up_to else 1
    prepare = None
    if job.tool == TGREPORT_RERUN:
        cache = folder / "read-cache"
        env = {**env, "TGREPORT_CACHE_DIR": str(cache)}
        if not any(cache.glob("*.pickle")):  # the earlier run whose reading the re-runs reuse
            fill = Job("json", TGREPORT_RERUN)
            run(fill.argv(corpus, md, fill.output(folder)), env, args.timeout)
    elif job.tool == TGREPORT:
        # A first run: nothing cached yet, and the run pays for keeping what it reads, as a
        # user's first run does.
        cold = folder / "cold-cache"
        env = {**env, "TGREPORT_CACHE_DIR": str(cold)}

        def prepare() -> None:
            shutil.rmtree(cold, ignore_errors=True)
    try:
        m = best_of(job.argv(corpus, md, out), env, args.timeout, repeat, prepare, median=n > 100)
    except subprocess.TimeoutExpired:
        row.status, row.note = "timeout", f"stopped after {args.timeout:.0f} s"
        return row
    row.peak_mb = round(m.peak_mb, 1)
    if m.returncode != 0:
        last = (m.stderr.strip().splitlines() or ["no message"])[-1]
        row.status, row.note = "failed", f"exit {m.returncode}: {last[:160]}"
        return row
    if job.format == "read":
        rate = json.loads(m.stdout)
        row.seconds = rate["best_s"]
        row.rate = rate["articles"] / rate["best_s"]
        first = rate["articles"] / rate["first_s"]
        row.note = f"{rate['articles']} read; first pass {first:.0f}/s; whole process {m.seconds:.2f} s"
        if rate["articles"] != n:
            row.status, row.note = "failed", f"read {rate['articles']} of {n} articles"
        return row
    row.seconds = m.seconds
    row.rate = n / m.seconds
    if job.tool == TGREPORT_RERUN:
        row.note = "files not re-read: read cache of an earlier run"
    if not out.exists() or out.stat().st_size == 0:
        row.status, row.note = "failed", "no output file"
        return row
    row.size_kb = round(out.stat().st_size / 1024)
    if job.tool == TGREPORT and job.format == "json":  # duplicate merging must keep every article
        count = len(json.loads(out.read_text(encoding="utf-8"))["articles"])
        if count != n:
            row.note = f"{count} of {n} articles in the report"
    if out.suffix == ".pdf":
        row.pages = pdf_pages(out)
    out.unlink()  # N = 5000 outputs add up; the numbers are what we keep
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,5000", help="comma-separated N (default %(default)s)")
    parser.add_argument("--tools", help="only these tools (tgreport, reportlab, python-docx, pandoc)")
    parser.add_argument("--formats", help="only these formats (pdf, docx, html, epub, json, "
                        "pdf-weasyprint, read)")
    parser.add_argument("--rev", default="HEAD", help="git revision of tgreport to measure (default HEAD)")
    parser.add_argument("--worktree", action="store_true", help="measure the checkout as it is instead")
    parser.add_argument("--budget", type=float, default=300, help="skip a run predicted to take longer (s)")
    parser.add_argument("--timeout", type=float, default=600, help="stop a run after this long (s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per job at N <= 100, best kept")
    parser.add_argument("--repeat-median", type=int, default=3,
                        help="runs per job at 100 < N <= --median-up-to, median kept")
    parser.add_argument("--median-up-to", type=int, default=MEDIAN_UP_TO,
                        help=f"largest N measured --repeat-median times (default {MEDIAN_UP_TO})")
    parser.add_argument("--out", type=Path, default=BENCH / "out", help="corpora and outputs")
    parser.add_argument("--results", type=Path, default=BENCH / "results", help="CSV and plot")
    parser.add_argument("--no-readme", action="store_true", help="leave benchmarks/README.md alone")
    args = parser.parse_args()
    # A background run (`&` in a script) starts with SIGINT ignored; TERM and INT both unwind
    # through measure.run, which stops the measured process group on the way out.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    for tool in ("pandoc", "pdfinfo", str(Path("/usr/bin/time"))):
        if shutil.which(tool) is None:
            sys.exit(f"run.py: {tool} is missing; run scripts/setup-system.sh bench")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.worktree:
        src, measured = ROOT / "src", "working tree"
    else:
        tree, commit = snapshot(args.rev, args.out)
        src, measured = tree / "src", f"commit {commit}"
    env = environment(src)
    formats = available_formats(env)
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs = [j for j in JOBS if (not args.tools or j.tool in args.tools.split(","))
            and (not args.formats or j.format in args.formats.split(","))]
    print(f"tgreport: {measured}; formats: {formats}", flush=True)

    rows: list[Row] = []
    history: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for n in sizes:
        corpus = make_corpus(n, args.out / f"corpus-{n}")
        md = corpus / "corpus.md"
        md.write_text(markdown(corpus), encoding="utf-8")
        folder = args.out / f"run-{n}"
        folder.mkdir(exist_ok=True)
        shutil.rmtree(folder / "read-cache", ignore_errors=True)  # filled afresh by this commit
        for job in jobs:
            tg_format = "pdf" if job.format == "pdf-weasyprint" else job.format
            guess = predicted(history.get((job.format, job.tool), []), n)
            if job.max_n is not None and n > job.max_n:
                row = Row(n, job.format, job.tool, "capped", note=f"run up to N = {job.max_n} only")
            elif job.tool == TGREPORT and job.format != "read" and formats.get(tg_format) != "available":
                row = Row(n, job.format, job.tool, "unavailable", note=formats.get(tg_format, "unknown"))
            elif guess is not None and guess > args.budget:
                note = f"predicted {guess:.0f} s > {args.budget:.0f} s"
                row = Row(n, job.format, job.tool, "skipped", note=note)
            else:
                row = measure_job(job, n, corpus, md, folder, env, args)
            if row.status == "ok" and row.seconds is not None:
                history.setdefault((job.format, job.tool), []).append((n, row.seconds))
            rows.append(row)
            print(row.line(), flush=True)
            write_csv(rows, args.results / "latest.csv")
    write_results(rows, args.results, None if args.no_readme else BENCH / "README.md", measured)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
