"""Helpers for the PDF tests: render a report, and read the file back with poppler and pypdf."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from factories import make_article, make_report  # noqa: F401 (re-exported)
from tgreport.export.pdf import PdfExporter
from tgreport.model import Report
from tgreport.settings import Settings
from tgreport.theme import THEMES


def render(report: Report, theme_name: str = "official", **overrides: Any) -> bytes:
    """The PDF of `report` in a shipped theme, with any theme field overridden."""
    chosen = dataclasses.replace(THEMES[theme_name], **overrides)
    return PdfExporter().render(report, Settings(theme=chosen))


def squash(text: str) -> str:
    """Whitespace normalised, NFC: pdftotext wraps lines where the PDF does."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def poppler(tool: str, data: bytes, tmp_path: Path, *args: str) -> str:
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(data)
    done = subprocess.run([tool, *args, str(pdf), "-"] if tool == "pdftotext" else [tool, *args, str(pdf)],
                          capture_output=True, text=True, check=True)
    return done.stdout


@dataclass
class ReadBack:
    """A rendered PDF as independent tools see it."""

    data: bytes
    pages: list[str]  # pdftotext text of each page, the page-number line removed
    raw: list[str]  # pdftotext text of each page as printed

    @property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))

    def page(self, number: int) -> str:
        """Squashed text of 1-based page `number`."""
        return squash(self.pages[number - 1])

    def body(self) -> str:
        """The squashed text of every page, as one string (paragraphs may cross pages)."""
        return squash(" ".join(self.pages))


def read_back(data: bytes, tmp_path: Path, *args: str) -> ReadBack:
    """The PDF as pdftotext reads it; `args` go to pdftotext ("-raw": content-stream order)."""
    text = poppler("pdftotext", data, tmp_path, *args)
    raw_pages = text.split("\f")[:-1]  # pdftotext ends every page with a form feed
    pages = []
    for number, page in enumerate(raw_pages, start=1):
        lines = page.strip("\n").split("\n")
        # Every page but the cover prints its number alone on the first line.
        if number > 1 and lines and lines[0].strip() == str(number):
            lines = lines[1:]
        pages.append("\n".join(lines))
    return ReadBack(data, pages, raw_pages)
