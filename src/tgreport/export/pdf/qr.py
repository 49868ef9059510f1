"""A small QR code to an article's original address, printed under its source line: the digest
is read on paper, and a phone finds the page from it. Vector, drawn by ReportLab's own encoder."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm

# 18 mm holds a 57-module code (a long address) at 0.3 mm a module, still read by phone cameras;
# the quiet zone (2 modules, the minimum for a code set apart on a white page) is inside it.
QR_SIZE = 18 * mm
QUIET_MODULES = 2


def qr_code(url: str, size: float = QR_SIZE) -> Drawing:
    """A drawing of the QR code of `url` (error correction M: a smudged print still reads),
    centred under the source line."""
    widget = QrCodeWidget(url, barLevel="M", barBorder=QUIET_MODULES, barWidth=size, barHeight=size)
    drawing = Drawing(size, size)
    drawing.add(widget)
    drawing.hAlign = "CENTER"
    return drawing
