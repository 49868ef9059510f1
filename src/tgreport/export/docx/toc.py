"""The table of contents: a real TOC field whose stored result is already filled in.

Every entry links to its heading's bookmark and shows its page through a PAGEREF field with a
stored value, so any viewer shows a correct TOC and Word can still refresh it.
"""

from __future__ import annotations

from collections.abc import Iterator

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
    return [p for part in entry_parts(report, date_style, summaries) for p in part]


def entry_parts(report: Report, date_style: str = "official",
                summaries: bool = False) -> Iterator[list[Para]]:
    """entries, a few paragraphs at a time: the heading, then a section's entry, or an
    article's and the line under it, so that a large digest's TOC is never all in memory."""
    yield [Para("TOCHeading", [text(present.TOC_TITLE)], page_break=True, bookmark="toc")]
    held: list[Para] | None = None  # the last part, given out when the field's end is known
    for part in _field_parts(report, date_style, summaries):
        if held is None:
            part[0].field_begin = TOC_INSTRUCTION
        else:
            yield held
        held = part
    if held is not None:
        held[-1].field_end = True
        yield held


def _field_parts(report: Report, date_style: str, summaries: bool) -> Iterator[list[Para]]:
    grouped = report.grouped
    for section in present.outline(report):
        if section.section is not None:
            runs = [text(section.heading), Run(kind=TAB), Run(kind=PAGEREF, anchor=section.anchor)]
            yield [Para("TOC1", runs, link=section.anchor)]
        for na in section.articles:
            anchor = na.anchor  # one str for the link and the page number, kept till the end
            runs = [text(f"{na.number}."), Run(kind=TAB), text(present.display_title(na.article)),
                    Run(kind=TAB), Run(kind=PAGEREF, anchor=anchor)]
            under = present.toc_subtitle(na.article, date_style)
            if summaries:  # on a new line of the same paragraph, which never splits across pages
                under += "\n" + brief_summary(na.article)
            yield [Para("TOC2" if grouped else "TOC1", runs, link=anchor), Para("TOC3", [text(under)])]
