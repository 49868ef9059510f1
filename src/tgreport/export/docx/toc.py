"""The table of contents: a real TOC field whose stored result is already filled in.

Every entry links to its heading's bookmark and shows its page through a PAGEREF field with a
stored value, so any viewer shows a correct TOC and Word can still refresh it.
"""

from __future__ import annotations

from tgreport import present
from tgreport.assemble.summaries import summary as brief_summary
from tgreport.export.docx.layout import text_width_pt
from tgreport.export.docx.paragraphs import PAGEREF, TAB, Para, Run, text
from tgreport.export.docx.styles import ARTICLE_META_NAME, DOT_SPACING_PT, LEADER_GAP_PT
from tgreport.export.docx.wml import twips
from tgreport.model import Report
from tgreport.theme import Theme

# Headings 1 and 2 (sections, articles) and the line under each article's title (its style
# mapped to level 3, shown without a page number: \n) are what Word or LibreOffice lists when
# the TOC is updated, so an update keeps every title, its number, and its date. (LibreOffice
# 7.4 ignores \n and prints the page beside the date line too.)
TOC_INSTRUCTION = f'TOC \\o "1-2" \\h \\z \\u \\t "{ARTICLE_META_NAME},3" \\n "3-3"'


def room(report: Report, theme: Theme) -> tuple[int, int]:
    """Twips an entry keeps, as the PDF's TOC lines: for the widest number label on the left,
    and for the page number, with a leader's worth of dots, on the right."""
    count = len(report.all_articles())
    size = theme.body_size
    label = text_width_pt(theme, f"{count}. ", size) + 2
    # Room for the largest page number the digest could reach: ten pages an article is generous.
    digits = len(str(10 * count + 20))
    reserve = text_width_pt(theme, "0" * digits, size) + 2 * LEADER_GAP_PT + DOT_SPACING_PT
    return twips(label), twips(reserve)


def entries(report: Report, date_style: str = "official", summaries: bool = False) -> list[Para]:
    """The heading "MỤC LỤC" and the entries, inside one TOC field; with `summaries`, each
    article's summary (assemble.summaries.summary) under its entry."""
    grouped = report.grouped
    paras = [Para("TOCHeading", [text(present.TOC_TITLE)], page_break=True, bookmark="toc")]
    field: list[Para] = []
    for section in present.outline(report):
        if section.section is not None:
            field.append(Para("TOC1", [text(section.heading), Run(kind=TAB),
                                       Run(kind=PAGEREF, anchor=section.anchor)], link=section.anchor))
        for na in section.articles:
            anchor = na.anchor  # one str for the link and the page number, kept till the end
            runs = [text(f"{na.number}."), Run(kind=TAB), text(present.display_title(na.article)),
                    Run(kind=TAB), Run(kind=PAGEREF, anchor=anchor)]
            field.append(Para("TOC2" if grouped else "TOC1", runs, link=anchor))
            under = present.toc_subtitle(na.article, date_style)
            if summaries:  # on a new line of the same paragraph, which never splits across pages
                under += "\n" + brief_summary(na.article)
            field.append(Para("TOC3", [text(under)]))
    if field:
        field[0].field_begin = TOC_INSTRUCTION
        field[-1].field_end = True
    return paras + field
