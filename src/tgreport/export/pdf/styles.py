"""Paragraph styles built from the Theme, all in the shipped fonts (never ReportLab's Base-14)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from tgreport.errors import ExportError
from tgreport.export.pdf.fonts import RegisteredFamily, register
from tgreport.theme import Theme

PAGE_SIZES = {"A4": A4, "A5": A5, "LETTER": LETTER}


def page_size(theme: Theme) -> tuple[float, float]:
    """The theme's paper in points; "A4-landscape" turns it."""
    name, _, orientation = theme.page_size.upper().partition("-")
    try:
        size: tuple[float, float] = PAGE_SIZES[name]
    except KeyError:
        raise ExportError(f"unknown page size {theme.page_size!r}; known: {', '.join(PAGE_SIZES)}") from None
    return landscape(size) if orientation == "LANDSCAPE" else size


class PdfStyle(ParagraphStyle):  # type: ignore[misc]
    """The PDF's paragraph style. Its deep copy is a shallow one: ReportLab deep-copies a
    paragraph's style at each page-end split only to set firstLineIndent on the copy, and a
    deep copy also copies each colour and the parent chain, which nothing changes. ReportLab
    wants a style's parent of the style's own class: derived styles are PdfStyles too."""

    def __deepcopy__(self, memo: dict[int, Any]) -> PdfStyle:
        return copy.copy(self)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    lead: ParagraphStyle
    title: ParagraphStyle
    derived_note: ParagraphStyle
    meta: ParagraphStyle
    subheading: ParagraphStyle
    caption: ParagraphStyle
    quote: ParagraphStyle
    list_item: ParagraphStyle
    related: ParagraphStyle
    byline: ParagraphStyle
    section: ParagraphStyle
    cover_org: ParagraphStyle
    cover_title: ParagraphStyle
    cover_line: ParagraphStyle
    cover_place_date: ParagraphStyle
    page_title: ParagraphStyle  # "MỤC LỤC", "TỔNG QUAN", "PHỤ LỤC"
    toc_section: ParagraphStyle
    toc_entry: ParagraphStyle
    toc_subtitle: ParagraphStyle
    table_cell: ParagraphStyle
    index_heading: ParagraphStyle
    index_entry: ParagraphStyle
    body_font: RegisteredFamily
    heading_font: RegisteredFamily


def build(theme: Theme) -> Styles:
    """Every style the PDF uses, sized and spaced from `theme`."""
    body_font = register(theme.font_family)
    heading_font = register(theme.heading_font_family)
    size = theme.body_size
    spacing = theme.line_spacing
    after = theme.paragraph_space_pt

    def style(name: str, *, font: str | None = None, size_: float = size, **kw: Any) -> ParagraphStyle:
        face = font or body_font.regular
        # Vietnamese is never hyphenated (VIETNAMESE.md §5), and no break may fall inside a
        # document code such as "05-CT/TW": ReportLab then breaks only at spaces.
        base: dict[str, Any] = {
            "fontName": face,
            "fontSize": size_,
            "leading": size_ * spacing,
            "bulletFontName": face,  # ReportLab's default bullet font is Helvetica
            "hyphenationLang": "",
            "embeddedHyphenation": 0,
            "uriWasteReduce": 0,
            "splitLongWords": 1,
            "allowWidows": 0,
            "allowOrphans": 0,
        }
        base.update(kw)
        return PdfStyle(name, **base)

    justify = TA_JUSTIFY if theme.justify else TA_LEFT
    indent = theme.first_line_indent_mm * mm
    small = theme.caption_size
    centred = TA_CENTER if theme.justify else TA_LEFT  # the modern theme keeps headings flush left
    body = style("body", alignment=justify, firstLineIndent=indent, spaceAfter=after)
    return Styles(
        body=body,
        lead=style("lead", font=body_font.bold, alignment=justify, firstLineIndent=indent, spaceAfter=after),
        title=style(
            "title",
            font=heading_font.bold,
            size_=theme.title_size,
            alignment=centred,
            spaceAfter=4,
        ),
        derived_note=style(
            "derived_note", font=body_font.italic, size_=small, alignment=centred
        ),
        meta=style(
            "meta",
            font=body_font.italic,
            size_=small,
            alignment=centred,
            spaceBefore=2,
            spaceAfter=after * 2,
        ),
        subheading=style("subheading", font=heading_font.bold, spaceBefore=after, spaceAfter=after,
                         keepWithNext=1),
        caption=style("caption", font=body_font.italic, size_=small, alignment=TA_CENTER, spaceAfter=after),
        quote=style(
            "quote", font=body_font.italic, alignment=justify, leftIndent=10 * mm, rightIndent=10 * mm,
            spaceAfter=after,
        ),
        list_item=style("list_item", alignment=justify, leftIndent=indent + 4 * mm, bulletIndent=indent,
                        spaceAfter=after / 2),
        related=style("related", font=body_font.italic, size_=small, leftIndent=indent, spaceAfter=after / 2),
        byline=style("byline", font=body_font.bold, alignment=TA_RIGHT, spaceBefore=after),
        # Centred in every theme, as the DOCX's and the HTML's section headings.
        section=style("section", font=heading_font.bold, size_=theme.title_size + 1, alignment=TA_CENTER,
                      spaceAfter=theme.title_size),
        cover_org=style("cover_org", font=heading_font.bold, size_=size + 1, alignment=TA_CENTER),
        cover_title=style("cover_title", font=heading_font.bold, size_=theme.cover_title_size,
                          leading=theme.cover_title_size * 1.3, alignment=TA_CENTER, spaceAfter=size * 2),
        cover_line=style("cover_line", alignment=TA_CENTER, spaceAfter=after),
        cover_place_date=style("cover_place_date", font=body_font.italic, alignment=TA_CENTER),
        page_title=style("page_title", font=heading_font.bold, size_=theme.title_size, alignment=TA_CENTER,
                         spaceAfter=theme.title_size),
        toc_section=style("toc_section", font=heading_font.bold, spaceBefore=after, spaceAfter=after / 2),
        toc_entry=style("toc_entry"),
        toc_subtitle=style("toc_subtitle", font=body_font.italic, size_=small),
        table_cell=style("table_cell"),
        index_heading=style("index_heading", font=heading_font.bold, spaceBefore=after, spaceAfter=after / 2,
                            keepWithNext=1),
        index_entry=style("index_entry", leftIndent=8 * mm, firstLineIndent=-8 * mm, spaceAfter=after / 2),
        body_font=body_font,
        heading_font=heading_font,
    )
