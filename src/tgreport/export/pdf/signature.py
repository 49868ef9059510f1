"""The document's last block (present.signature) as ReportLab flowables: recipients flush left in
the left column, the signer centred in the right one, kept together on one page."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer

from tgreport.export.pdf.letterhead import two_columns
from tgreport.export.pdf.markup import paragraph
from tgreport.export.pdf.styles import PdfStyle, Styles
from tgreport.model import Report
from tgreport.present.signature import SignLine, signature

SPACE_ABOVE = 18.0  # points between the text and the block


def signature_flow(report: Report, styles: Styles, width: float) -> list[Flowable]:
    """[] when the report names neither signer nor recipients."""
    block = signature(report)
    if block is None:
        return []
    table = two_columns([paragraph(line.text, _style(line, styles, TA_LEFT)) for line in block.recipients],
                        [paragraph(line.text, _style(line, styles, TA_CENTER)) for line in block.signer],
                        block.left_share * width, width)
    return [KeepTogether([Spacer(0, SPACE_ABOVE), table])]


def _style(line: SignLine, styles: Styles, alignment: int) -> ParagraphStyle:
    font = styles.body_font
    face = (font.bolditalic if line.bold and line.italic else font.bold if line.bold
            else font.italic if line.italic else font.regular)
    return PdfStyle(f"sign-{face}-{line.size}-{alignment}-{line.space_before}", parent=styles.body,
                          fontName=face, fontSize=line.size, leading=line.size * 1.2, alignment=alignment,
                          firstLineIndent=0, leftIndent=0, rightIndent=0, spaceBefore=line.space_before,
                          spaceAfter=0)
