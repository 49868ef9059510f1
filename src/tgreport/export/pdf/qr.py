"""The QR code under an article's source line (present.qr), drawn as vector rectangles."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.units import mm

from tgreport.present import qr


def qr_code(url: str) -> Drawing:
    """A drawing of the QR code of `url`, centred under the source line."""
    side = qr.SIZE_MM * mm
    modules, runs = qr.dark_runs(url)
    unit = side / modules
    drawing = Drawing(side, side)
    for row, column, length in runs:  # rows count from the top; ReportLab's y from the bottom
        drawing.add(Rect(column * unit, side - (row + 1) * unit, length * unit, unit,
                         fillColor=colors.black, strokeColor=None))
    drawing.hAlign = "CENTER"
    return drawing
