"""ReportLab's documented TOC recipe: SimpleDocTemplate + TableOfContents + multiBuild.

Same content and fonts as tgreport (the shipped Liberation Serif, the official theme's sizes and
margins): a title, the TOC, then per article one heading, its metadata line and its paragraphs,
each article on a new page, page numbers at the top. multiBuild lays the whole story out again
until the TOC's page numbers stop changing, which is what tgreport is measured against.

    python -m baselines.reportlab_toc CORPUS OUT.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from corpus import load_manifest
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from tgreport.support.fonts import family
from tgreport.theme import theme

THEME = theme("official")


def register_fonts() -> str:
    fonts = family(THEME.font_family)
    name = fonts.name.replace(" ", "")
    names = {style: f"{name}-{style}" for style in fonts.files}
    for style, path in fonts.paths().items():
        pdfmetrics.registerFont(TTFont(names[style], str(path)))
    pdfmetrics.registerFontFamily(name, normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bolditalic"])
    return name


class Digest(SimpleDocTemplate):  # type: ignore[misc]
    """The recipe's one addition to SimpleDocTemplate: headings notify the TOC and bookmark."""

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name == "ArticleTitle":
            text = flowable.getPlainText()
            key = f"a{self.seq.nextf('article')}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=0)
            self.notify("TOCEntry", (0, text, self.page, key))


def build(corpus: Path, out: Path) -> None:
    font = register_fonts()

    def page_number(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(f"{font}-regular", THEME.body_size)
        canvas.drawCentredString(A4[0] / 2, A4[1] - THEME.margin_top_mm * mm / 2, str(doc.page))
        canvas.restoreState()

    size, leading = THEME.body_size, THEME.body_size * THEME.line_spacing
    body = ParagraphStyle("Body", fontName=f"{font}-regular", fontSize=size, leading=leading,
                          alignment=TA_JUSTIFY, firstLineIndent=THEME.first_line_indent_mm * mm,
                          spaceAfter=THEME.paragraph_space_pt)
    meta = ParagraphStyle("Meta", parent=body, fontName=f"{font}-italic", firstLineIndent=0)
    title = ParagraphStyle("ArticleTitle", parent=body, fontName=f"{font}-bold", fontSize=THEME.title_size,
                           leading=THEME.title_size * 1.25, alignment=TA_CENTER, firstLineIndent=0,
                           spaceAfter=10)
    cover = ParagraphStyle("Cover", parent=title, fontSize=THEME.cover_title_size,
                           leading=THEME.cover_title_size * 1.3)
    toc_title = ParagraphStyle("TocTitle", parent=title)  # not "ArticleTitle": it is no TOC entry
    toc = TableOfContents()
    toc.levelStyles = [ParagraphStyle("TOC1", parent=body, firstLineIndent=0, alignment=0)]
    story: list[Any] = [Paragraph("BẢN TIN TỔNG HỢP", cover), Paragraph("MỤC LỤC", toc_title), toc]
    for article in load_manifest(corpus):
        story.append(PageBreak())
        story.append(Paragraph(escape(str(article["title"])), title))
        facts = [article["date"], article["category"], article["publisher"], article["author"]]
        story.append(Paragraph(escape(" · ".join(str(f) for f in facts if f)), meta))
        story += [Paragraph(escape(text), body) for text in article["paragraphs"]]  # type: ignore[attr-defined]
    doc = Digest(str(out), pagesize=A4, title="Bản tin tổng hợp",
                 leftMargin=THEME.margin_left_mm * mm, rightMargin=THEME.margin_right_mm * mm,
                 topMargin=THEME.margin_top_mm * mm, bottomMargin=THEME.margin_bottom_mm * mm)
    doc.multiBuild(story, onLaterPages=page_number)


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
