"""The official header of a "party" or "state" cover (present.header) as a borderless Word table.

Each line is a centred paragraph in its column; a rule under a line is the paragraph's bottom
border, indented on both sides so that it is as long as the rule present.header asks for (the
text's width measured in the theme's font, as layout.py measures lines).
"""

from __future__ import annotations

from tgreport.export.docx.layout import text_width_pt
from tgreport.export.docx.wml import esc, twips
from tgreport.present.header import HeaderLine, Letterhead
from tgreport.theme import Theme

RULE_SIZE = 4  # eighths of a point: a 0.5 pt rule, as the PDF's


def letterhead_xml(head: Letterhead, theme: Theme, text_width: int) -> str:
    """A <w:tbl> two columns wide in all `text_width` twips."""
    left = round(text_width * head.left_share)
    widths = (left, text_width - left)
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    none = "".join(f'<w:{side} w:val="nil"/>' for side in sides)
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        + "".join(_line(line, theme, width) for line in lines)
        + "</w:tc>"
        for width, lines in zip(widths, (head.left, head.right), strict=True)
    )
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{text_width}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{widths[0]}"/><w:gridCol w:w="{widths[1]}"/></w:tblGrid>'
        f"<w:tr>{cells}</w:tr></w:tbl>"
    )


def _line(line: HeaderLine, theme: Theme, column: int) -> str:
    size = round(line.size * 2)  # half-points
    rpr = ("<w:b/><w:bCs/>" if line.bold else "") + ("<w:i/><w:iCs/>" if line.italic else "")
    rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    text = (
        '<w:p><w:pPr><w:pStyle w:val="Normal"/>'
        f'<w:spacing w:before="0" w:after="{0 if line.rule else 20}" w:line="{twips(line.size * 1.2)}" '
        'w:lineRule="atLeast"/><w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
        f"<w:r><w:rPr>{rpr}</w:rPr><w:t>{esc(line.text)}</w:t></w:r></w:p>"
    )
    return text + (_rule(line, theme, column) if line.rule else "")


def _rule(line: HeaderLine, theme: Theme, column: int) -> str:
    # Its own thin empty paragraph, so the indents that size the rule never narrow the text above.
    width = min(twips(text_width_pt(theme, line.text, line.size, line.bold)), column)
    side = max(0, round((column - width * line.rule) / 2))
    return (
        '<w:p><w:pPr><w:pStyle w:val="Normal"/>'
        f'<w:pBdr><w:top w:val="single" w:sz="{RULE_SIZE}" w:space="0" w:color="000000"/></w:pBdr>'
        '<w:spacing w:before="20" w:after="40" w:line="40" w:lineRule="exact"/>'
        f'<w:ind w:left="{side}" w:right="{side}" w:firstLine="0"/><w:jc w:val="center"/>'
        '<w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr></w:p>'
    )
