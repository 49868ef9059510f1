"""The document's last block (present.signature) as a borderless Word table: recipients flush
left in the left column, the signer centred in the right one, rows kept on one page."""

from __future__ import annotations

from tgreport.export.docx.paragraphs import Para
from tgreport.export.docx.wml import esc, twips
from tgreport.model import Report
from tgreport.present.signature import SignLine, signature

SPACE_ABOVE = 18.0  # points between the text and the block, as in the PDF


def signature_paras(report: Report, text_width: int) -> list[Para]:
    """[] when the report names neither signer nor recipients."""
    block = signature(report)
    if block is None:
        return []
    left = round(text_width * block.left_share)
    widths = (left, text_width - left)
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    none = "".join(f'<w:{side} w:val="nil"/>' for side in sides)
    empty = '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>'  # a cell needs a paragraph
    columns = zip(widths, (block.recipients, block.signer), ("left", "center"), strict=True)
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        + ("".join(_line(line, align) for line in lines) or empty)
        + "</w:tc>"
        for width, lines, align in columns
    )
    table = (
        f'<w:tbl><w:tblPr><w:tblW w:w="{text_width}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{widths[0]}"/><w:gridCol w:w="{widths[1]}"/></w:tblGrid>'
        f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr></w:tbl>'
    )
    # An empty paragraph as tall as the space above, then the table (its height for the estimate).
    spacer = Para("Normal", [], after=0)
    spacer.before = twips(SPACE_ABOVE)
    return [spacer, Para("Normal", xml=table, height=twips(block.height))]


def _line(line: SignLine, align: str) -> str:
    size = round(line.size * 2)  # half-points
    rpr = ("<w:b/><w:bCs/>" if line.bold else "") + ("<w:i/><w:iCs/>" if line.italic else "")
    rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return (
        '<w:p><w:pPr><w:pStyle w:val="Normal"/><w:keepNext/>'
        f'<w:spacing w:before="{twips(line.space_before)}" w:after="0" w:line="{twips(line.size * 1.2)}"'
        ' w:lineRule="exact"/><w:ind w:left="0" w:right="0" w:firstLine="0"/>'
        f'<w:jc w:val="{align}"/></w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t>{esc(line.text)}</w:t></w:r></w:p>'
    )
