"""The paragraph styles of the DOCX, from the Theme, mirroring the PDF's styles point for point.

One table feeds both the styles part (what Word shows and lets users restyle) and the page
estimate in layout.py, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tgreport.errors import ExportError
from tgreport.export.docx.wml import esc, mm_twips, twips
from tgreport.support.fonts import FontFamily, family
from tgreport.theme import Theme

LANGUAGE = "vi-VN"
ARTICLE_META, ARTICLE_META_NAME = "ArticleMeta", "Article Meta"
LEADER_GAP_PT = 3.0  # the PDF's blank space on either side of a TOC leader
DOT_SPACING_PT = 4.0


@dataclass(frozen=True)
class StyleSpec:
    """A paragraph style; lengths in twips, sizes in points."""

    id: str
    name: str
    size: float
    line: int  # exact line height: the same leading as the PDF, so lines fall alike
    bold: bool = False
    italic: bool = False
    caps: bool = False
    heading_font: bool = False
    align: str = "left"  # w:jc: left, center, right, both
    left: int = 0
    right: int = 0
    first: int = 0  # negative: hanging
    before: int = 0
    after: int = 0
    keep_next: bool = False
    keep_lines: bool = False
    outline: int | None = None
    right_tab: tuple[int, str] | None = None  # (position, leader)


def style_specs(
    theme: Theme, text_width: int, toc_label: int = 0, toc_reserve: int = 0, grouped: bool = False
) -> dict[str, StyleSpec]:
    """Every paragraph style the exporter uses, keyed by style id.

    `toc_label` and `toc_reserve` (twips) are the room a TOC entry keeps for its number on the
    left and its page number on the right; a grouped digest's TOC 1 is the section line.
    """
    size = theme.body_size
    small = theme.caption_size
    after = twips(theme.paragraph_space_pt)
    indent = mm_twips(theme.first_line_indent_mm)
    justify = "both" if theme.justify else "left"
    centred = "center" if theme.justify else "left"  # as the PDF: modern headings flush left

    def line(points: float, spacing: float = theme.line_spacing) -> int:
        return twips(points * spacing)

    def spec(id_: str, name: str, points: float = size, **kw: Any) -> StyleSpec:
        kw.setdefault("line", line(points))
        return StyleSpec(id_, name, points, **kw)

    toc_gap = twips(size * 0.5)
    toc_common: dict[str, Any] = dict(
        right=toc_reserve, right_tab=(text_width, "dot"), keep_next=True, keep_lines=True
    )
    # An entry keeps with its subtitle line; a section line (no subtitle) carries the gap itself.
    toc_article = dict(toc_common, left=toc_label, first=-toc_label)
    toc_section = dict(toc_common, bold=True, heading_font=True, after=toc_gap)
    article_title: dict[str, Any] = dict(
        points=theme.title_size, bold=True, heading_font=True, align=centred, after=twips(4), keep_next=True
    )
    section: dict[str, Any] = dict(
        points=theme.title_size + 1, bold=True, heading_font=True, caps=True, align="center",
        after=twips(theme.title_size), keep_next=True,
    )
    page_title = dict(bold=True, heading_font=True, align="center", after=twips(theme.title_size))
    specs = [
        spec("Normal", "Normal"),
        spec("BodyText", "Body Text", align=justify, first=indent, after=after),
        spec("Lead", "Lead", bold=True, align=justify, first=indent, after=after),
        # Article titles are Heading 1 in a flat digest; in a grouped one Heading 1 is the section
        # (in the PDF's section look) and articles are Heading 2. Word's navigation pane, its TOC
        # and every DOCX reader then see the digest's real outline.
        spec("Heading1", "heading 1", **(section if grouped else article_title), outline=0),
        spec("Heading2", "heading 2", **article_title, outline=1),
        spec("Heading3", "heading 3", bold=True, heading_font=True, before=after, after=after, outline=2),
        spec("DerivedNote", "Derived Title Note", small, italic=True, align=centred),
        spec("Metadata", "Metadata Line", small, italic=True, align=centred, before=twips(2),
             after=2 * after),
        # The line under an article's title: a style of its own, which the TOC field maps to its
        # level 3 (toc.TOC_INSTRUCTION), so updating the TOC brings each article's date back.
        spec(ARTICLE_META, ARTICLE_META_NAME, small, italic=True, align=centred, before=twips(2),
             after=2 * after),
        spec("Caption", "caption", small, italic=True, align="center", after=after),
        spec("Quote", "Quote", italic=True, align=justify, left=mm_twips(10), right=mm_twips(10),
             after=after),
        spec("ListParagraph", "List Paragraph", align=justify, left=indent + mm_twips(4),
             first=-mm_twips(4), after=after // 2),
        spec("Related", "Related Article", small, italic=True, left=indent, after=after // 2),
        spec("Byline", "Byline", bold=True, align="right", before=after),
        spec("CoverOrganisation", "Cover Organisation", size + 1, bold=True, heading_font=True,
             caps=True, align="center"),
        spec("Title", "Title", theme.cover_title_size, line=twips(theme.cover_title_size * 1.3),
             bold=True, heading_font=True, caps=True, align="center", after=twips(size * 2)),
        spec("Subtitle", "Subtitle", align="center", after=after),
        spec("PlaceDate", "Place and Date", italic=True, align="center"),
        spec("TOCHeading", "TOC Heading", theme.title_size, **page_title),
        spec("PartHeading", "Part Heading", theme.title_size, **page_title),
        spec("TOC1", "toc 1", **(toc_section if grouped else toc_article)),
        spec("TOC2", "toc 2", **toc_article),
        # Word's own "toc 3": what an update gives the article lines of level 3 (ARTICLE_META).
        spec("TOC3", "toc 3", small, italic=True, keep_lines=True, left=toc_label,
             right=toc_reserve, after=toc_gap),
        spec("IndexHeading", "Index Heading", bold=True, heading_font=True, before=after,
             after=after // 2, keep_next=True),
        spec("IndexEntry", "Index Entry", left=mm_twips(8), first=-mm_twips(8), after=after // 2),
        spec("SummaryLine", "Summary Line", right_tab=(text_width, "none")),
        spec("Header", "header", align="center"),
    ]
    return {s.id: s for s in specs}


def font_family(name: str) -> FontFamily:
    """The theme's family from the one font table, or an ExportError naming the known ones."""
    try:
        return family(name)
    except KeyError as exc:
        raise ExportError(str(exc.args[0])) from exc


def fonts_xml(office_name: str) -> str:
    name = esc(office_name)
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:cs="{name}" w:eastAsia="{name}"/>'


def _ppr(s: StyleSpec) -> str:
    parts = []
    if s.keep_next:
        parts.append("<w:keepNext/>")
    if s.keep_lines:
        parts.append("<w:keepLines/>")
    if s.right_tab:
        pos, leader = s.right_tab
        parts.append(f'<w:tabs><w:tab w:val="right" w:leader="{leader}" w:pos="{pos}"/></w:tabs>')
    parts.append(
        f'<w:spacing w:before="{s.before}" w:after="{s.after}" w:line="{s.line}" w:lineRule="exact"/>'
    )
    if s.left or s.right or s.first:
        first = f'w:hanging="{-s.first}"' if s.first < 0 else f'w:firstLine="{s.first}"'
        parts.append(f'<w:ind w:left="{s.left}" w:right="{s.right}" {first}/>')
    parts.append(f'<w:jc w:val="{s.align}"/>')
    if s.outline is not None:
        parts.append(f'<w:outlineLvl w:val="{s.outline}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def _rpr(s: StyleSpec, theme: Theme) -> str:
    parts = []
    if s.heading_font:
        parts.append(fonts_xml(font_family(theme.heading_font_family).office_name))
    parts.append("<w:b/><w:bCs/>" if s.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>')
    parts.append("<w:i/><w:iCs/>" if s.italic else '<w:i w:val="0"/><w:iCs w:val="0"/>')
    if s.caps:
        parts.append("<w:caps/>")
    half = round(s.size * 2)
    parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def style_xml(s: StyleSpec, theme: Theme) -> str:
    """One <w:style> element; every style but Normal is based on Normal."""
    based = "" if s.id == "Normal" else '<w:basedOn w:val="Normal"/>'
    default = ' w:default="1"' if s.id == "Normal" else ""
    ui = "<w:qFormat/>" if s.id in ("Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3") else ""
    return (
        f'<w:style w:type="paragraph"{default} w:styleId="{s.id}"><w:name w:val="{esc(s.name)}"/>'
        f"{based}{ui}{_ppr(s)}{_rpr(s, theme)}</w:style>"
    )


def styles_xml(specs: dict[str, StyleSpec], theme: Theme) -> str:
    """The whole styles part: document defaults (font, size, language) and every style."""
    body_font = font_family(theme.font_family).office_name
    half = round(theme.body_size * 2)
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{fonts_xml(body_font)}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
        f'<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        # Widow and orphan control as the PDF does it (no single line left alone on a page).
        '<w:widowControl/><w:spacing w:before="0" w:after="0"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    character = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="0563C1"/>'
        '<w:u w:val="single"/></w:rPr></w:style>'
    )
    body = "".join(style_xml(s, theme) for s in specs.values())
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{_W}">{defaults}{character}{body}</w:styles>'
    )


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
