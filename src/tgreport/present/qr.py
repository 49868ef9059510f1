"""A small QR code to an article's original address, printed under its source line: the digest
is read on paper, and a phone finds the page from it. One encoder (segno) for every format, so
the PDF, the DOCX and the HTML print the same code: error correction M (a smudged print still
reads), a quiet zone of two modules (the least for a code set apart on a white page), 18 mm
square, which holds a 57-module code (a long address) at 0.3 mm a module."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from tgreport.model import InMemory, Picture

if TYPE_CHECKING:
    import segno

SIZE_MM = 18.0
QUIET_MODULES = 2
PNG_MODULE_PX = 8  # 8 pixels a module: sharp edges at any zoom, a few hundred bytes


def _code(url: str) -> segno.QRCode:
    # Imported here: segno brings urllib, http and ssl with it, and most digests print no code.
    import segno

    return segno.make_qr(url, error="m", boost_error=False)


def dark_runs(url: str) -> tuple[int, list[tuple[int, int, int]]]:
    """(modules across, quiet zone included; the dark runs as (row, column, length))."""
    matrix = _code(url).matrix
    runs = []
    for row, line in enumerate(matrix):
        column = 0
        while column < len(line):
            if line[column]:
                start = column
                while column < len(line) and line[column]:
                    column += 1
                runs.append((row + QUIET_MODULES, start + QUIET_MODULES, column - start))
            else:
                column += 1
    return len(matrix) + 2 * QUIET_MODULES, runs


def svg(url: str) -> str:
    """The code as an SVG element, SIZE_MM square (valid in HTML and in XHTML)."""
    size, runs = dark_runs(url)
    path = "".join(f"M{c} {r}h{n}v1h-{n}z" for r, c, n in runs)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="qr" width="{SIZE_MM:g}mm" '
            f'height="{SIZE_MM:g}mm" viewBox="0 0 {size} {size}" role="img" aria-label="QR">'
            f'<path fill="#000" d="{path}"/></svg>')


def png(url: str) -> Picture:
    """The code as a PNG printed SIZE_MM square, for formats that take pictures (the DOCX)."""
    out = io.BytesIO()
    _code(url).save(out, kind="png", scale=PNG_MODULE_PX, border=QUIET_MODULES)
    pixels = (len(_code(url).matrix) + 2 * QUIET_MODULES) * PNG_MODULE_PX
    return Picture(InMemory(out.getvalue()), "image/png", pixels, pixels, pixels / (SIZE_MM / 25.4))
