"""Read every format's output back as text with an independent tool, for wording comparisons."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from tgreport.model import IndexEntry, Period, Report
from tgreport.pipeline import render
from tgreport.settings import Settings

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XHTML = "http://www.w3.org/1999/xhtml"
# Every way a report becomes a printed text: name → (format, engine).
RENDERINGS = {
    "pdf": ("pdf", "reportlab"),
    "weasypdf": ("pdf", "weasyprint"),
    "docx": ("docx", "reportlab"),
    "html": ("html", "reportlab"),
    "epub": ("epub", "reportlab"),
}




def squash(text: str) -> str:
    """Whitespace collapsed and NFC: each tool wraps and spaces lines its own way."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def pdf_lines(data: bytes, tmp_path: Path) -> list[str]:
    """pdftotext's text, one entry per printed line (the PDF's wrapping kept)."""
    pdf = tmp_path / "read.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [squash(line) for line in re.split(r"[\n\f]", text) if line.strip()]


def docx_lines(data: bytes) -> list[str]:
    """The text of each w:p of word/document.xml (w:t runs; tabs as spaces)."""
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    lines = []
    for p in body.iter(f"{{{W}}}p"):
        runs = p.iter(f"{{{W}}}t", f"{{{W}}}tab")
        parts = [(el.text or "") if el.tag == f"{{{W}}}t" else " " for el in runs]
        lines.append(squash("".join(parts)))
    return [line for line in lines if line]


_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "figcaption", "caption", "td", "span", "a")


def html_lines(data: bytes) -> list[str]:
    """The text of each block-level element (and of spans, which carry TOC subtitles)."""
    doc = lxml.html.document_fromstring(data.decode("utf-8"))
    return [squash(el.text_content()) for el in doc.iter(*_BLOCKS) if squash(el.text_content())]


def epub_lines(data: bytes) -> list[str]:
    """The text of each block-level element of every XHTML page of the book, parsed as XML."""
    lines = []
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for name in book.namelist():
            if not name.endswith(".xhtml"):
                continue
            root = etree.fromstring(book.read(name))
            for el in root.iter(*(f"{{{XHTML}}}{tag}" for tag in _BLOCKS)):
                text = squash("".join(el.itertext()))
                if text:
                    lines.append(text)
    return lines


def json_strings(data: bytes) -> list[str]:
    """Every string value of a JSON document."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(json.loads(data))
    return found


def lines_of(rendering: str, data: bytes, tmp_path: Path) -> list[str]:
    """The output of `rendering` (a key of RENDERINGS, or "json") as lines of text."""
    if rendering in ("pdf", "weasypdf"):
        return pdf_lines(data, tmp_path)
    if rendering == "docx":
        return docx_lines(data)
    if rendering == "html":
        return html_lines(data)
    if rendering == "epub":
        return epub_lines(data)
    if rendering == "json":
        return json_strings(data)
    raise ValueError(rendering)


def has_line(lines: list[str], wanted: str) -> bool:
    """Whether `wanted` is a whole line (paragraph) of `lines`, or a run of whole consecutive lines
    (a PDF wraps a long paragraph over several)."""
    wanted = squash(wanted)
    for start, line in enumerate(lines):
        if not wanted.startswith(line):
            continue
        joined = line
        for nxt in lines[start + 1 :]:
            if joined == wanted or len(joined) >= len(wanted):
                break
            joined += " " + nxt
        if joined == wanted:
            return True
    return False


def wording_report() -> Report:
    """Dated and undated articles, a derived title, a byline, a caption credit, a related line,
    and an index: every piece of wording present.py owns."""
    from factories import make_article

    return Report(
        title="Bản tin tổng hợp",
        issued=dt.date(2021, 1, 7),
        organisation="Ban Tuyên giáo Đảng ủy Khối",
        place="Hà Nội",
        period=Period(dt.date(2021, 1, 1), dt.date(2021, 1, 4)),
        articles=(
            make_article(1),
            make_article(2, title=None, title_derived=True, authors=(), published=dt.date(2021, 1, 2)),
            make_article(3, date=None, published=None, views=None, publisher=None),
        ),
        index=(
            IndexEntry("document", "Chỉ thị số 05-CT/TW", ("001_sample", "003_sample")),
            IndexEntry("person", "Nguyễn Minh Chung", ("001_sample",), "Trưởng Ban Tuyên giáo"),
        ),
    )


def render_lines(report: Report, tmp_path: Path, **options: Any) -> dict[str, list[str]]:
    """Rendering name (RENDERINGS) → the output's text lines, rendered through tgreport.pipeline.render."""
    out = {}
    for name, (fmt, engine) in RENDERINGS.items():
        data = render(report, fmt, Settings(engine=engine, **options))
        out[name] = lines_of(name, data, tmp_path)
    return out
