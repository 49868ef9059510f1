"""Benchmark results: the rows, the CSV, the Markdown table, the issue's targets and the plot."""

from __future__ import annotations

import csv
import datetime as dt
import os
import platform
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from jobs import FORMATS, TGREPORT, TGREPORT_RERUN


@dataclass
class Row:
    n: int
    format: str
    tool: str
    status: str = "ok"  # ok, failed, timeout, skipped (predicted too slow), capped, unavailable
    seconds: float | None = None  # wall time of the process; in-process best pass for "read"
    peak_mb: float | None = None
    rate: float | None = None  # articles per second
    pages: int | None = None
    size_kb: int | None = None
    note: str = ""

    def line(self) -> str:
        time = f"{self.seconds:8.2f} s" if self.seconds is not None else " " * 10
        mem = f"{self.peak_mb:7.0f} MB" if self.peak_mb is not None else " " * 10
        return f"N={self.n:<5} {self.format:<15} {self.tool:<12} {self.status:<11} {time} {mem} {self.note}"


def write_csv(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=[field.name for field in fields(Row)] + ["ratio"])
        writer.writeheader()
        for row in rows:
            ratio = _ratio(rows, row)
            writer.writerow({**asdict(row), "ratio": f"{ratio:.2f}" if ratio else ""})


def _find(rows: list[Row], n: int, format: str, tool: str) -> Row | None:
    return next((r for r in rows if (r.n, r.format, r.tool) == (n, format, tool) and r.status == "ok"), None)


def _ratio(rows: list[Row], row: Row) -> float | None:
    """Baseline time / tgreport time for the same N and format (how many times faster tgreport is)."""
    if row.tool in (TGREPORT, TGREPORT_RERUN) or row.status != "ok" or row.seconds is None:
        return None
    ours = _find(rows, row.n, row.format, TGREPORT)
    return row.seconds / ours.seconds if ours and ours.seconds else None


def table(rows: list[Row]) -> str:
    out = []
    for n in sorted({r.n for r in rows}):
        out += [f"\n**N = {n:,}**\n".replace(",", " "),  # 1 000 reads the same in English and Vietnamese
                "| format | tool | time (s) | baseline / tgreport | peak MB | pages | note |",
                "|---|---|---:|---:|---:|---:|---|"]
        for r in (r for r in rows if r.n == n):
            ratio = _ratio(rows, r)
            time = f"{r.seconds:.2f}" if r.seconds is not None else r.status
            if r.format == "read" and r.rate:
                time += f" ({r.rate:,.0f} art/s)"
            out.append(f"| {r.format} | {r.tool} | {time} | {f'{ratio:.2f}×' if ratio else ''} | "
                       f"{f'{r.peak_mb:.0f}' if r.peak_mb is not None else ''} | {r.pages or ''} | "
                       f"{r.note.replace('|', '/')} |")
    return "\n".join(out)


def targets(rows: list[Row]) -> list[tuple[str, str, bool | None]]:
    """(target, what was measured, met?) for every target of issue 10; None = not measured."""
    result: list[tuple[str, str, bool | None]] = []

    def speed(label: str, n: int, format: str, tool: str, floor: float) -> None:
        base, ours = _find(rows, n, format, tool), _find(rows, n, format, TGREPORT)
        if base is None or ours is None or not ours.seconds or base.seconds is None:
            result.append((label, "not measured", None))
            return
        ratio = base.seconds / ours.seconds
        result.append((label, f"{ratio:.2f}× ({base.seconds:.2f} s vs {ours.seconds:.2f} s)", ratio >= floor))

    speed("PDF ≥ 3× faster than ReportLab multiBuild (N=1000)", 1000, "pdf", "reportlab", 3)
    speed("DOCX ≥ 8× faster than python-docx (N=1000)", 1000, "docx", "python-docx", 8)
    speed("DOCX ≥ 10× faster than pandoc (N=1000)", 1000, "docx", "pandoc", 10)
    speed("HTML ≥ 20× faster than pandoc (N=1000)", 1000, "html", "pandoc", 20)
    speed("EPUB ≥ 15× faster than pandoc (N=1000)", 1000, "epub", "pandoc", 15)
    speed("PDF/WeasyPrint ≥ 1.5× faster than pandoc+WeasyPrint (N=100)", 100, "pdf-weasyprint", "pandoc", 1.5)
    pdf = _find(rows, 1000, "pdf", TGREPORT)
    result.append(("PDF peak memory ≤ 500 MB (N=1000)",
                   f"{pdf.peak_mb:.0f} MB" if pdf and pdf.peak_mb else "not measured",
                   pdf.peak_mb <= 500 if pdf and pdf.peak_mb else None))
    for format in FORMATS:
        small, big = _find(rows, 1000, format, TGREPORT), _find(rows, 5000, format, TGREPORT)
        label = f"{format}: time(5000) ≤ 5.5 × time(1000)"
        if format == "pdf-weasyprint":
            continue  # the issue runs WeasyPrint up to N = 100 only
        if small and big and small.seconds and big.seconds:
            growth = big.seconds / small.seconds
            result.append((label, f"{growth:.2f}×", growth <= 5.5))
        else:
            result.append((label, "not measured", None))
    for n in (1000, 5000):
        read = _find(rows, n, "read", TGREPORT)
        result.append((f"reading ≥ 2000 articles/s (N={n})", f"{read.rate:,.0f}/s" if read and read.rate
                       else "not measured", read.rate >= 2000 if read and read.rate else None))
    return result


def targets_table(rows: list[Row]) -> str:
    mark = {True: "met", False: "**missed**", None: "not measured"}
    lines = ["| target | measured | verdict |", "|---|---|---|"]
    lines += [f"| {label} | {value} | {mark[ok]} |" for label, value, ok in targets(rows)]
    return "\n".join(lines)


def plot(rows: list[Row], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display on the benchmark machine
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    sizes = sorted({r.n for r in rows})
    fig, axes = plt.subplots(2, 3, figsize=(13, 8), constrained_layout=True)
    for ax, format in zip(axes.flat, FORMATS, strict=True):
        for tool in dict.fromkeys(r.tool for r in rows if r.format == format):
            points = sorted((r.n, r.seconds) for r in rows
                            if (r.format, r.tool, r.status) == (format, tool, "ok") and r.seconds)
            if points:
                ax.plot(*zip(*points, strict=True), marker="o", label=tool)
        ax.set(title=format, xscale="log", yscale="log", xlabel="articles (N)", ylabel="wall time (s)")
        ax.set_xticks(sizes, [f"{n:,}".replace(",", " ") for n in sizes])
        ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
        ax.yaxis.set_major_locator(matplotlib.ticker.LogLocator(subs=(1, 2, 5)))
        ax.yaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%g"))
        ax.yaxis.set_minor_locator(matplotlib.ticker.NullLocator())
        ax.grid(True, which="both", alpha=0.3)
        if ax.has_data():
            ax.legend()
    fig.suptitle("tgreport vs baselines: time against N (log-log)")
    fig.savefig(path, dpi=90)
    plt.close(fig)


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()}"


def write_results(rows: list[Row], folder: Path, readme: Path | None, measured: str) -> None:
    write_csv(rows, folder / "latest.csv")
    plot(rows, folder / "time-vs-n.png")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = (f"Run {stamp} on {machine()}; tgreport {measured}.\n\n### Targets of issue 10\n\n"
            f"{targets_table(rows)}\n\n### Times\n{table(rows)}\n")
    print(text)
    if readme is not None:
        begin, end = "<!-- results:begin -->", "<!-- results:end -->"
        old = readme.read_text(encoding="utf-8")
        head, _, rest = old.partition(begin)
        _, _, tail = rest.partition(end)
        readme.write_text(f"{head}{begin}\n{text}\n{end}{tail}", encoding="utf-8")
