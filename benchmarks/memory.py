"""Peak memory of a whole make-report run against the size of its input (issue 21, case 9).

Makes, under a scratch folder, a JSONL of N short records (1,000,000: about 44 MB) and a folder of
M small pages (100,000), then runs `make-report INPUT -o digest.FORMAT --no-cache -q` on each in a
child process and prints, per input and format, its size, the child's peak resident memory
(ru_maxrss), the wall time and the load average, and the ratio of peak to input. Bound (noted,
not tested): peak memory at most 10x the input size.

    python benchmarks/memory.py [--records 1000000] [--files 100000] [--scratch /tmp/tgreport-memory]
    python benchmarks/memory.py --only jsonl --records 100000 --format json,html,docx,pdf
    python benchmarks/memory.py --python /other/checkout/.venv/bin/python   # another version
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path


def make_jsonl(path: Path, records: int) -> None:
    marker = path.with_suffix(".n")
    if path.exists() and marker.exists() and marker.read_text() == f"v2 {records}":
        return
    with path.open("w", encoding="utf-8") as out:
        for n in range(records):  # about 44 bytes a record, as in the issue (undated, like many feeds)
            out.write(f'{{"title":"Tin {n}","blocks":["Bài {n}."]}}\n')
    marker.write_text(f"v2 {records}")


def make_folder(folder: Path, files: int) -> None:
    marker = folder / ".n"
    if marker.exists() and marker.read_text() == str(files):
        return
    for n in range(files):
        sub = folder / f"{n // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{n:06d}.txt").write_text(
            f"Hội nghị số {n}\n\nHà Nội, ngày {1 + n % 28:02d} tháng 01 năm 2021. Bài viết số {n} "
            "về công tác tuyên giáo.\n", encoding="utf-8")
    marker.write_text(str(files))


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*.txt"))


def run(python: str, input_path: Path, out: Path, engine: str) -> dict[str, object]:
    command = [python, "-m", "tgreport", str(input_path), "-o", str(out), "--no-cache", "-q"]
    if out.suffix == ".pdf":
        command += ["--engine", engine]
    start = time.perf_counter()
    # wait4 gives this child's own peak (ru_maxrss of RUSAGE_CHILDREN is the largest child so far).
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    size = size_of(input_path)
    code = os.waitstatus_to_exitcode(status)
    result: dict[str, object] = {
        "input": input_path.name, "format": out.suffix[1:], "input_mb": round(size / 1e6, 1),
        "exit": code, "seconds": round(seconds, 1), "load": round(os.getloadavg()[0], 1),
        # CPU seconds (user + system) vary far less with the machine's load than wall time does.
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_mb": round(usage.ru_maxrss / 1024, 1), "ratio": round(usage.ru_maxrss * 1024 / size, 1),
        "output_mb": round(out.stat().st_size / 1e6, 1) if out.exists() and not code else None,
    }
    if code:
        result["stderr"] = stderr.decode("utf-8", "replace")[-300:]
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--scratch", default="/tmp/tgreport-memory")
    parser.add_argument("--only", choices=("jsonl", "folder"))
    parser.add_argument("--format", default="json", help="comma-separated: json,html,epub,docx,pdf")
    parser.add_argument("--engine", default="reportlab", help="the PDF's engine")
    parser.add_argument("--python", default=sys.executable, help="the interpreter whose tgreport runs")
    args = parser.parse_args()
    formats = args.format.split(",")
    scratch = Path(args.scratch)
    scratch.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1640995200")
    if args.only != "folder":
        jsonl = scratch / f"records-{args.records}.jsonl"
        make_jsonl(jsonl, args.records)
        for fmt in formats:
            result = run(args.python, jsonl, scratch / f"jsonl-digest.{fmt}", args.engine)
            print(json.dumps(result), flush=True)
    if args.only != "jsonl":
        folder = scratch / f"pages-{args.files}"
        make_folder(folder, args.files)
        for fmt in formats:
            result = run(args.python, folder, scratch / f"folder-digest.{fmt}", args.engine)
            print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
