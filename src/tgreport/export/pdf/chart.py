"""The overview's charts as ReportLab drawings: present.chart's shapes, y turned upwards."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import HexColor

from tgreport.export.pdf.fonts import RegisteredFamily
from tgreport.present import chart


def drawing(fig: chart.Figure, font: RegisteredFamily) -> Drawing:
    """A flowable drawing of `fig`, its texts in `font` (Vietnamese needs the shipped fonts:
    ReportLab's default Helvetica has no "ả" or "ệ")."""
    d = Drawing(fig.width, fig.height, initialFontName=font.regular)
    top = fig.height
    for shape in fig.shapes:
        if isinstance(shape, chart.Rect):
            d.add(Rect(shape.x, top - shape.y - shape.height, shape.width, shape.height,
                       fillColor=HexColor(shape.fill), strokeColor=None))
        elif isinstance(shape, chart.Line):
            d.add(Line(shape.x1, top - shape.y1, shape.x2, top - shape.y2,
                       strokeColor=HexColor(shape.stroke), strokeWidth=0.5))
        else:
            face = font.bold if shape.bold else font.regular
            d.add(String(shape.x, top - shape.y, shape.text, fontName=face,
                         fontSize=shape.size, textAnchor=shape.anchor, fillColor=HexColor(chart.INK)))
    return d
