"""One measurement: a command in a fresh process under `/usr/bin/time -v`, wall time and peak RSS."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TIME = Path("/usr/bin/time")
_PEAK = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
_CPU = re.compile(r"(?:User|System) time \(seconds\): ([\d.]+)")


@dataclass(frozen=True)
class Measurement:
    seconds: float  # wall time of the whole process, start-up and imports included
    peak_mb: float  # peak RSS of the largest process in the tree (what GNU time reports)
    cpu_seconds: float  # user + system time of the command and its children
    returncode: int
    stdout: str
    stderr: str  # the command's own stderr, without GNU time's report


def run(argv: list[str], env: dict[str, str], timeout: float, cwd: Path | None = None) -> Measurement:
    """Run `argv` once; raises subprocess.TimeoutExpired after `timeout` seconds."""
    start = time.perf_counter()
    # Its own process group, so a timeout (or Ctrl-C) stops the measured command too, not just
    # GNU time, which would leave the command running and skew every later measurement.
    proc = subprocess.Popen([str(TIME), "-v", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=cwd, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    seconds = time.perf_counter() - start
    # GNU time appends its report to the command's stderr; split it off at its first line.
    own, _, report = stderr.rpartition("\tCommand being timed:")
    own = re.sub(r"Command (exited with non-zero status|terminated by signal) \d+\n$", "", own)
    found = _PEAK.search(report)
    if found is None:
        raise RuntimeError(f"/usr/bin/time gave no peak memory for {argv[:3]}: {stderr[-500:]}")
    cpu = sum(float(t) for t in _CPU.findall(report))
    return Measurement(seconds, int(found.group(1)) / 1024, cpu, proc.returncode, stdout, own)


def best_of(argv: list[str], env: dict[str, str], timeout: float, repeat: int,
            prepare: Callable[[], None] | None = None, median: bool = False) -> Measurement:
    """The fastest of `repeat` runs (the least disturbed by the rest of the machine), or with
    `median` the middle one (a typical run, where single runs spread widely).

    `prepare` runs, untimed, before each run (to empty a cache, say)."""
    runs = []
    for _ in range(repeat):
        if prepare is not None:
            prepare()
        m = run(argv, env, timeout)
        runs.append(m)
        if m.returncode != 0:
            return m
    ordered = sorted(runs, key=lambda m: m.seconds)
    return ordered[len(ordered) // 2] if median else ordered[0]


def pdf_pages(path: Path) -> int | None:
    """The page count pdfinfo reads (an independent check that the PDF is whole)."""
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
    found = re.search(r"^Pages:\s+(\d+)", out.stdout, re.M)
    return int(found.group(1)) if found else None
