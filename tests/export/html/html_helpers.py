"""Helpers for the HTML, EPUB and WeasyPrint tests: render, then read back with independent tools."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from tgreport.settings import Settings
from tgreport.theme import THEMES

EPUBCHECK = "/usr/share/java/epubcheck.jar"


from factories import make_article, make_report  # noqa: E402,F401 (re-exported)


def options(theme_name: str = "official", **fields: Any) -> Settings:
    return Settings(theme=THEMES[theme_name], **fields)


def squash(text: str) -> str:
    """Whitespace collapsed and NFC: layout engines wrap lines where they like."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def parse_html(data: bytes) -> Any:
    return lxml.html.document_fromstring(data.decode("utf-8"))


def text_of(element: Any) -> str:
    return squash(element.text_content())


# --- EPUB ------------------------------------------------------------------------------------


def epubcheck(data: bytes, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    book = tmp_path / "book.epub"
    book.write_bytes(data)
    # C1-only JIT and the serial collector: epubcheck is a short run, and this halves its start-up.
    java = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", EPUBCHECK]
    return subprocess.run([*java, str(book)], capture_output=True, text=True, timeout=600)


def epub_files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def xml(data: bytes) -> Any:
    return etree.fromstring(data)


# --- PDF -------------------------------------------------------------------------------------


@dataclass
class PdfBack:
    """A PDF read back with poppler: text per page (1-based) and the font table."""

    pages: list[str]
    fonts: list[dict[str, str]]

    def page(self, number: int) -> str:
        return squash(self.pages[number - 1])

    def page_of(self, heading: str) -> int:
        """The first page whose text starts with `heading` (after its running page number)."""
        wanted = squash(heading)
        for n in range(1, len(self.pages) + 1):
            body = re.sub(r"^\d+ ", "", self.page(n))
            if body.startswith(wanted):
                return n
        raise AssertionError(f"no page starts with {heading!r}")


def toc_entries(data: bytes, tmp_path: Path, pages: range) -> list[tuple[str, int]]:
    """(text, page number) for every TOC line that ends in a number, from pdftotext -layout.

    The text is everything since the previous numbered line, so a title that wraps comes back
    whole (preceded by the subtitle line of the entry before it, which callers match with
    endswith).
    """
    pdf = tmp_path / "toc.pdf"
    pdf.write_bytes(data)
    first, last = str(pages.start), str(pages.stop - 1)
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-f", first, "-l", last, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    entries: list[tuple[str, int]] = []
    pending: list[str] = []
    for line in text.replace("\f", "\n").splitlines():
        match = re.match(r"^(.*\S)\s{2,}(\d+)$", line)
        if match and match[1].strip():
            entries.append((squash(" ".join([*pending, match[1]])), int(match[2])))
            pending = []
        elif line.strip() and not re.fullmatch(r"\s*\d+\s*", line):  # skip running page numbers
            pending.append(line)
    return entries


def read_pdf(data: bytes, tmp_path: Path) -> PdfBack:
    pdf = tmp_path / "read.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    table = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    lines = table.splitlines()[2:]
    fonts = []
    for line in lines:
        # name type... encoding emb sub uni object ID: the three yes/no columns sit before the id.
        match = re.match(r"(\S+)\s+(.*?)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        assert match, line
        fonts.append({"name": match[1], "type": match[2], "emb": match[3], "sub": match[4], "uni": match[5]})
    return PdfBack(pages, fonts)
