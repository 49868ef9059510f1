"""Reading an official cover header back from a PDF's first page with tools independent of tgreport:
pdftotext's line boxes (positions), pypdf's text visitor (font and size of each line) and
pdftoppm's grey raster (the rules, which are drawn, not written).

Every PDF engine (ReportLab, WeasyPrint, and LibreOffice printing the DOCX) is checked against
the same measures: see check_party and check_state.
"""

from __future__ import annotations

import io
import math
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pypdf import PdfReader

PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DPI = 144


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    y0: float  # points from the top of the page
    x1: float
    y1: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Cover:
    width: float
    height: float
    lines: list[Line]
    fonts: dict[str, tuple[str, float]]  # a line's text → (font name, size in points)
    dark: list[list[tuple[int, int]]]  # per raster row, the runs of dark pixels (start, end)

    def line(self, text: str) -> Line:
        found = [ln for ln in self.lines if ln.text == text]
        assert len(found) == 1, (text, [ln.text for ln in self.lines])
        return found[0]

    def font(self, text: str) -> tuple[str, float]:
        return self.fonts[text]

    def rule_under(self, line: Line, before: float) -> float:
        """Length in points of the longest horizontal dark run centred under `line`, from just
        under its baseline (capitals have no descenders) to `before` (points from the top)."""
        scale = DPI / 72
        best = 0.0
        start = line.y0 + 0.85 * (line.y1 - line.y0)
        for row in range(math.ceil(start * scale), math.ceil(before * scale)):
            for start, end in self.dark[row]:
                centre = (start + end) / 2 / scale
                if abs(centre - line.centre) < 6:
                    best = max(best, (end - start) / scale)
        return best


def read_cover(pdf: Path) -> Cover:
    layout = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", str(pdf), "-"],
                            capture_output=True, check=True).stdout
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    root = etree.fromstring(layout)
    page = root.find(".//h:page", ns)
    lines = []
    for el in page.iterfind(".//h:line", ns):
        words = [w.text or "" for w in el.iterfind("h:word", ns)]
        text = unicodedata.normalize("NFC", " ".join(words))
        lines.append(Line(text, *(float(el.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))))
    fonts: dict[str, tuple[str, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        text = unicodedata.normalize("NFC", text.strip())
        if text and isinstance(font, dict):
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            fonts.setdefault(text, (str(font.get("/BaseFont")), round(size * scale, 1)))

    PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text(visitor_text=visit)
    return Cover(float(page.get("width")), float(page.get("height")), lines, fonts, _dark_runs(pdf))


def _dark_runs(pdf: Path) -> list[list[tuple[int, int]]]:
    pgm = subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", str(DPI), "-gray", str(pdf)],
                         capture_output=True, check=True).stdout
    # Binary PGM: "P5\n<width> <height>\n255\n" then a byte per pixel.
    magic, width, height, maxval, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    w, h = int(width), int(height)
    rows = []
    for y in range(h // 3):  # the header is in the top third; the rest of the page is not read
        row = pixels[y * w:(y + 1) * w]
        runs, start = [], None
        for x, value in enumerate(row):
            if value < 128 and start is None:
                start = x
            elif value >= 128 and start is not None:
                runs.append((start, x))
                start = None
        if start is not None:
            runs.append((start, w))
        rows.append(runs)
    return rows


def _face(font: tuple[str, float]) -> str:
    name = font[0]
    return "bold" if name.endswith("-Bold") else "italic" if name.endswith("-Italic") else "regular"


def check_party(cover: Cover, org: tuple[str, str], number: str, place_date: str) -> None:
    """Hướng dẫn 36-HD/VPTW: the bodies top left (superior regular, issuing bold, a "*" under it,
    then "Số …" without a colon); "ĐẢNG CỘNG SẢN VIỆT NAM" top right, bold 15 pt, with a rule as
    long as the heading under it; the place and date under that, italic."""
    middle = cover.width / 2
    heading = cover.line(PARTY_HEADING)
    issuer = cover.line(org[1])
    star = cover.line("*")
    number_line = cover.line(number)
    date_line = cover.line(place_date)
    assert heading.centre > middle and date_line.centre > middle
    assert max(issuer.x1, star.x1, number_line.x1) < middle
    assert heading.y0 < cover.height * 0.15 and issuer.y0 < cover.height * 0.15
    assert issuer.y0 < star.y0 < number_line.y0  # issuing body, "*", then the number
    assert abs(star.centre - issuer.centre) < 3 and abs(number_line.centre - issuer.centre) < 3
    assert heading.y0 < date_line.y0 and abs(date_line.centre - heading.centre) < 3
    assert cover.font(PARTY_HEADING)[1] == 15 and _face(cover.font(PARTY_HEADING)) == "bold"
    assert _face(cover.font(org[1])) == "bold" and cover.font(org[1])[1] == 14
    assert _face(cover.font(number)) == "regular"
    assert _face(cover.font(place_date)) == "italic" and 13 <= cover.font(place_date)[1] <= 14
    rule = cover.rule_under(heading, date_line.y0)
    width = heading.x1 - heading.x0
    assert abs(rule - width) < width * 0.06, (rule, width)  # as long as the heading
    assert cover.rule_under(issuer, star.y0 + 1) < 10  # a "*" there, not a rule


def check_state(cover: Cover, org: tuple[str, str], number: str, place_date: str) -> None:
    """Decree 30/2020, Appendix I: the national name (capitals, bold) and the motto (bold) top
    right, a rule as long as the motto under it, the place and date under that in italics; the
    issuing body top left in bold with a rule 1/3 to 1/2 of its line under it, then "Số: …"."""
    middle = cover.width / 2
    name, motto, date_line = cover.line(NATIONAL_NAME), cover.line(MOTTO), cover.line(place_date)
    issuer, number_line = cover.line(org[1]), cover.line(number)
    assert name.centre > middle and motto.centre > middle and date_line.centre > middle
    assert name.x0 > issuer.x1 and max(issuer.x1, number_line.x1) < middle
    assert name.y0 < motto.y0 < date_line.y0
    assert abs(motto.centre - name.centre) < 3 and abs(date_line.centre - name.centre) < 3
    assert _face(cover.font(NATIONAL_NAME)) == "bold" and 12 <= cover.font(NATIONAL_NAME)[1] <= 13
    assert _face(cover.font(MOTTO)) == "bold" and 13 <= cover.font(MOTTO)[1] <= 14
    assert _face(cover.font(place_date)) == "italic" and 13 <= cover.font(place_date)[1] <= 14
    assert _face(cover.font(org[1])) == "bold" and 12 <= cover.font(org[1])[1] <= 13
    assert number.startswith("Số: ")
    rule = cover.rule_under(motto, date_line.y0)
    width = motto.x1 - motto.x0
    assert abs(rule - width) < width * 0.06, (rule, width)
    short = cover.rule_under(issuer, number_line.y0)
    issuer_width = issuer.x1 - issuer.x0
    assert issuer_width / 3 <= short <= issuer_width / 2, (short, issuer_width)
