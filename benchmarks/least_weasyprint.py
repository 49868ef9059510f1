"""The least WeasyPrint does for a corpus: its text as bare HTML, laid out and written as PDF.

A heading and plain paragraphs per article, from the clean manifest (as pandoc gets them), in
the official layout the digest must keep (A4, the theme's margins, font, size, line spacing,
justified paragraphs with a first-line indent) and nothing else: no cover, TOC, page numbers,
metadata lines or index. WeasyPrint's own cost for this much text in that layout, a floor under
any digest made through it. Prints one JSON line with the CPU seconds of each stage; time it
whole too, as the benchmark times the pandoc job:

    /usr/bin/time -f %e python benchmarks/least_weasyprint.py benchmarks/out/corpus-100 /tmp/least.pdf
"""

from __future__ import annotations

import html
import json
import sys
import time
from pathlib import Path

from corpus import load_manifest  # the script's folder is on sys.path

from tgreport.theme import theme

T = theme("official")
STYLE = (
    f"@page {{ size: A4; margin: {T.margin_top_mm}mm {T.margin_right_mm}mm {T.margin_bottom_mm}mm "
    f"{T.margin_left_mm}mm; }}"
    f"html {{ font-family: '{T.font_family}'; font-size: {T.body_size}pt; line-height: {T.line_spacing}; }}"
    f"p {{ text-align: justify; text-indent: {T.first_line_indent_mm}mm; "
    f"margin: 0 0 {T.paragraph_space_pt}pt; }}"
    "h1 { break-before: page; }"
)


def main(corpus: Path, out: Path) -> int:
    start = time.process_time()
    from weasyprint import HTML

    imported = time.process_time()
    parts = ['<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Digest</title>'
             f"<style>{STYLE}</style></head><body>"]
    for article in load_manifest(corpus):
        parts.append(f"<h1>{html.escape(str(article['title']))}</h1>")
        parts.extend(f"<p>{html.escape(p)}</p>" for p in article["paragraphs"])  # type: ignore[attr-defined]
    parts.append("</body></html>")
    document = HTML(string="".join(parts)).render()
    laid_out = time.process_time()
    document.write_pdf(out)
    written = time.process_time()
    print(json.dumps({"pages": len(document.pages), "import_s": round(imported - start, 2),
                      "layout_s": round(laid_out - imported, 2), "write_s": round(written - laid_out, 2)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
