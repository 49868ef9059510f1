"""Issue 20's floor for photos: 1,000 articles with a lead photo each, against the same digest
without photos: PDF (default engine) time and peak memory, and the file sizes.

The articles are the benchmark corpus's (corpus.py), as JSON Lines records; the photos are
1,000 distinct 1,600 × 1,000 JPEGs (about 200 KB each, a news site's size) cut from a large
fractal, so each has a photo's detail and no two share bytes (the photo stage would prepare a
shared one once). Each run is `make-report x.jsonl -o x.pdf -q --no-cache` in a fresh process
under GNU time (measure.py): wall time, CPU time (user + system: steadier on a shared machine)
and peak memory; the median of `--repeat` runs is kept, and the photo run's PDF is checked with
pdfimages: one image per article, every one between 150 and 300 dpi.

    .venv/bin/python benchmarks/photos.py [--articles 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import load_manifest, make_corpus
from measure import best_of

ROOT = Path(__file__).resolve().parent.parent
MAKE_REPORT = ROOT / ".venv" / "bin" / "make-report"
PHOTO = (1600, 1000)


def photos(folder: Path, count: int) -> None:
    """`count` distinct photo-like JPEGs, cut at different places from one large fractal."""
    folder.mkdir(parents=True, exist_ok=True)
    big = Image.effect_mandelbrot((PHOTO[0] * 2, PHOTO[1] * 2), (-2.2, -1.3, 0.9, 1.3), 120)
    rgb = Image.merge("RGB", (big, big.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                              big.transpose(Image.Transpose.FLIP_TOP_BOTTOM)))
    for n in range(count):
        x, y = (n * 37) % PHOTO[0], (n * 53) % PHOTO[1]
        out = io.BytesIO()
        rgb.crop((x, y, x + PHOTO[0], y + PHOTO[1])).save(out, "JPEG", quality=88)
        (folder / f"{n:05d}.jpg").write_bytes(out.getvalue())


def records(corpus: Path, out: Path, with_photos: bool) -> None:
    with out.open("w", encoding="utf-8") as f:
        for n, draft in enumerate(load_manifest(corpus)):
            record = {"title": draft["title"], "text": "\n".join(draft["paragraphs"]),  # type: ignore[arg-type]
                      "date": draft["date"], "category": draft["category"]}
            if with_photos:
                record["image"] = f"photos/{n:05d}.jpg"
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def check(pdf: Path, articles: int) -> str:
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in listed.stdout.splitlines()[2:]]
    ppi = [(int(r[12]), int(r[13])) for r in rows]
    inside = all(150 <= x <= 300 and 150 <= y <= 300 for x, y in ppi)
    low = min(min(p) for p in ppi) if ppi else 0
    high = max(max(p) for p in ppi) if ppi else 0
    return f"{len(rows)} images for {articles} articles, {low}-{high} dpi, all within 150-300: {inside}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tgreport-photos-") as tmp:
        work = Path(tmp)
        make_corpus(args.articles, work / "corpus")
        photos(work / "photos", args.articles)
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1640995200", "TGREPORT_CACHE_DIR": str(work / "cache")}
        rows = []
        for name, with_photos in (("without photos", False), ("with a lead photo each", True)):
            source = work / f"{'photos' if with_photos else 'plain'}.jsonl"
            records(work / "corpus", source, with_photos)
            pdf = work / f"{source.stem}.pdf"
            m = best_of([str(MAKE_REPORT), str(source), "-o", str(pdf), "-q", "--no-cache"], env,
                        timeout=3600, repeat=args.repeat, median=True)
            if m.returncode != 0:
                print(m.stderr, file=sys.stderr)
                return 1
            rows.append((name, m.seconds, m.cpu_seconds, m.peak_mb, pdf.stat().st_size / 1024 / 1024))
            if with_photos:
                print(check(pdf, args.articles))
        print(f"| {args.articles} articles, PDF (ReportLab) | time | CPU time | peak memory | file |")
        print("|---|---|---|---|---|")
        for name, seconds, cpu, peak, size in rows:
            print(f"| {name} | {seconds:.1f} s | {cpu:.1f} s | {peak:.0f} MB | {size:.1f} MB |")
        (_, t0, c0, m0, _), (_, t1, c1, m1, _) = rows
        print(f"ratio with/without: time {t1 / t0:.2f}×, CPU time {c1 / c0:.2f}×, "
              f"peak memory {m1 / m0:.2f}× (floor: ≤ 2× each)")
        print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))  # the machine is shared
    return 0


if __name__ == "__main__":
    sys.exit(main())
