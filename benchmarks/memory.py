"""Peak memory of a whole make-report run against the size of its input (issue 21, case 9).

Makes, under a scratch folder, a JSONL of N short records (1,000,000: about 44 MB) and a folder of
M small pages (100,000), then runs `make-report INPUT -o digest.json --no-cache -q` on each in a
child process and prints, per input, its size, the child's peak resident memory (ru_maxrss) and
wall time, and their ratio. Bound (noted, not tested): peak memory at most 10x the input size.

    python benchmarks/memory.py [--records 1000000] [--files 100000] [--scratch /tmp/tgreport-memory]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def run(input_path: Path, out: Path) -> dict[str, object]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    command = [sys.executable, "-m", "tgreport", str(input_path), "-o", str(out), "--no-cache", "-q"]
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    size = size_of(input_path)
    result: dict[str, object] = {"input": input_path.name, "input_mb": round(size / 1e6, 1),
                                 "exit": done.returncode, "seconds": round(seconds, 1)}
    if peak_kb > before:  # ru_maxrss of children is the largest child so far: run biggest last
        result.update(peak_mb=round(peak_kb / 1024, 1), ratio=round(peak_kb * 1024 / size, 1))
    if done.returncode:
        result["stderr"] = done.stderr[-300:]
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--scratch", default="/tmp/tgreport-memory")
    parser.add_argument("--only", choices=("jsonl", "folder"))
    args = parser.parse_args()
    scratch = Path(args.scratch)
    scratch.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1640995200")
    if args.only != "folder":
        jsonl = scratch / f"records-{args.records}.jsonl"
        make_jsonl(jsonl, args.records)
        print(json.dumps(run(jsonl, scratch / "jsonl-digest.json")), flush=True)
    if args.only != "jsonl":
        folder = scratch / f"pages-{args.files}"
        make_folder(folder, args.files)
        print(json.dumps(run(folder, scratch / "folder-digest.json")), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
