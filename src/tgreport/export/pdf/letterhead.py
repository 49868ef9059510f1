"""The official header of a "party" or "state" cover (present.header) as ReportLab flowables."""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from tgreport.export.pdf.markup import paragraph
from tgreport.export.pdf.styles import PdfStyle, Styles
from tgreport.present.header import HeaderLine, Letterhead

RULE_THICKNESS = 0.6  # points: a fine solid rule, as printed headers have


class RuleUnder(Flowable):  # type: ignore[misc]
    """A centred rule `share` as long as a line of text `text_width` wide (never wider than the
    column: a name that wraps is as wide as the column)."""

    def __init__(self, text_width: float, share: float) -> None:
        super().__init__()
        self.text_width = text_width
        self.share = share
        self.avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, RULE_THICKNESS + 3

    def draw(self) -> None:
        length = min(self.text_width, self.avail) * self.share
        x = (self.avail - length) / 2
        y = RULE_THICKNESS + 2
        self.canv.setLineWidth(RULE_THICKNESS)
        self.canv.line(x, y, x + length, y)


def letterhead(head: Letterhead, styles: Styles, width: float) -> Table:
    """Two columns `width` wide in all, each line centred in its column."""
    return two_columns(_column(head.left, styles), _column(head.right, styles),
                       head.left_share * width, width)


def two_columns(left_cell: list[Flowable], right_cell: list[Flowable], left: float, width: float) -> Table:
    """A borderless two-column table `width` wide, the left column `left` wide: the cover's
    header and the last page's recipients and signer are laid out alike."""
    table = Table([[left_cell, right_cell]], colWidths=[left, width - left], hAlign="CENTER")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _column(lines: tuple[HeaderLine, ...], styles: Styles) -> list[Flowable]:
    flow: list[Flowable] = []
    for line in lines:
        style = _style(line, styles)
        flow.append(paragraph(line.text, style))
        if line.rule:
            flow.append(RuleUnder(stringWidth(line.text, style.fontName, style.fontSize), line.rule))
    return flow


# One style per face, size and spacing, made once: markup.paragraph keeps a template per style.
_styles: dict[tuple[str, float, bool], ParagraphStyle] = {}


def _style(line: HeaderLine, styles: Styles) -> ParagraphStyle:
    font = styles.body_font
    face = font.bold if line.bold else font.italic if line.italic else font.regular
    key = (face, line.size, bool(line.rule))
    if key in _styles:
        return _styles[key]
    kw: dict[str, Any] = {"fontName": face, "fontSize": line.size, "leading": line.size * 1.2,
                          "alignment": TA_CENTER, "firstLineIndent": 0, "leftIndent": 0, "rightIndent": 0,
                          "spaceBefore": 0, "spaceAfter": 0 if line.rule else 1}
    style = _styles[key] = PdfStyle(f"letterhead-{face}-{line.size}", parent=styles.body, **kw)
    return style
