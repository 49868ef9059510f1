"""The table of contents is the same in the ReportLab PDF, the WeasyPrint PDF and the DOCX: the
same entries (sections, numbered titles, their date lines) in the same order, nothing more, each
page number the page the entry's heading is printed on. Read back with pdftotext and from the
DOCX's XML."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from factories import build_sample_report, build_sectioned_report, make_report
from tgreport import present
from tgreport.model import Report
from tgreport.pipeline import render
from tgreport.settings import Settings

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\.{3,}", " ", text)).strip()


def expected(report: Report) -> list[str]:
    """The entries every format's TOC holds, in order: section, "N. Title", its date line."""
    lines = []
    for section in present.outline(report):
        if section.section is not None:
            lines.append(section.heading)
        for na in section.articles:
            lines += [na.heading, present.toc_subtitle(na.article)]
    return [squash(line) for line in lines]


def pdf_pages(data: bytes, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1]


def pdf_toc(pages: list[str]) -> tuple[str, list[int]]:
    """The TOC pages' text (page numbers in the top margin left out) and the numbers of the pages."""
    start = next(i for i, p in enumerate(pages) if present.TOC_TITLE in p)
    end = next(i for i, p in enumerate(pages) if present.SUMMARY_TITLE in p and i > start)
    text = " ".join(re.sub(r"^\s*\d+\s*\n", "", pages[i], count=1) for i in range(start, end))
    return squash(text.replace(present.TOC_TITLE, "", 1)), list(range(start + 1, end + 1))


def heading_page(pages: list[str], heading: str, after: int) -> int:
    wanted = squash(heading).upper()
    return next(n + 1 for n in range(after, len(pages)) if wanted in squash(pages[n]).upper())


def check_pdf(report: Report, pages: list[str]) -> None:
    toc, toc_pages = pdf_toc(pages)
    rest = toc
    for line in expected(report):
        at = rest.find(line)
        assert at >= 0, f"{line!r} missing or out of order in {toc!r}"
        assert not rest[:at].strip(" 0123456789"), f"unexpected TOC text {rest[:at]!r} before {line!r}"
        rest = rest[at + len(line):]
        number = re.match(r"\s*(\d+)", rest)
        if line.startswith(tuple(f"{n}. " for n in range(1, 1000))) or any(
                line == squash(s.heading) for s in present.outline(report) if s.section is not None):
            assert number, f"no page number after {line!r}"
            # Headings are looked for past the overview, whose tables name the sections too.
            assert int(number.group(1)) == heading_page(pages, line, toc_pages[-1] + 1), line
            rest = rest[number.end():]
    assert not rest.strip(), f"TOC entries no other format has: {rest!r}"


def docx_toc(data: bytes) -> list[str]:
    """The stored TOC field's paragraphs, as text, without the page numbers after the tab."""
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    lines = []
    for p in body.iter(f"{{{W}}}p"):
        style = p.find(f"{{{W}}}pPr/{{{W}}}pStyle")
        if style is None or not style.get(f"{{{W}}}val", "").startswith("TOC") or \
                style.get(f"{{{W}}}val") == "TOCHeading":
            continue
        parts = []
        for el in p.iter(f"{{{W}}}t", f"{{{W}}}tab"):
            parts.append(el.text or "" if el.tag == f"{{{W}}}t" else "\t")
        cells = "".join(parts).split("\t")
        # "12.", "Title", "page" for an article; "Section", "page" for a section; a date line alone.
        words = cells[:-1] if len(cells) > 1 else cells
        lines.append(squash(" ".join(words)))
    return lines


REPORTS = {
    "flat": build_sample_report,
    "grouped": lambda: build_sectioned_report(build_sample_report()),
    "long": lambda: make_report(24),
}


@pytest.mark.parametrize("name", REPORTS)
def test_toc_entries_agree(name: str, tmp_path: Path) -> None:
    report = REPORTS[name]()
    for engine in ("reportlab", "weasyprint"):
        pages = pdf_pages(render(report, "pdf", Settings(engine=engine)), tmp_path, engine)
        check_pdf(report, pages)
    assert docx_toc(render(report, "docx", Settings())) == expected(report)
