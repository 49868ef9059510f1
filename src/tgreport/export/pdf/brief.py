"""The short digest (Settings.kind = "brief", present.brief) as ReportLab flowables: the header,
the title, then the numbered items straight after, on as few pages as they need."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from tgreport import present
from tgreport.export.pdf.flowables import Anchor, LayoutState
from tgreport.export.pdf.letterhead import letterhead
from tgreport.export.pdf.markup import escape, italic, marked, paragraph
from tgreport.export.pdf.styles import PdfStyle, Styles
from tgreport.model import Report
from tgreport.present import brief, header


def brief_flow(report: Report, styles: Styles, state: LayoutState, frame_width: float) -> list[Flowable]:
    flow: list[Flowable] = [*_head(report, styles, frame_width)]
    # A heading in bold capitals, flush left, kept with its first item.
    section_style = PdfStyle("brief_section", parent=styles.subheading, alignment=0, keepWithNext=1)
    headline_style = PdfStyle("brief_headline", parent=styles.body, firstLineIndent=0,
                                    spaceBefore=styles.body.spaceAfter, spaceAfter=2, keepWithNext=1)
    link_style = PdfStyle("brief_link", parent=styles.related, leftIndent=0)
    for section in brief.brief(report):
        if section.heading:
            flow.append(Anchor(section.anchor, section.heading, 0, state))
            flow.append(paragraph(section.heading, section_style))
        level = 1 if section.heading else 0
        for item in section.items:
            line = f"<b>{escape(f'{item.number}. {item.headline}')}</b>"
            if item.source_date:
                line += " " + italic(item.source_date)
            parts: list[Flowable] = [Anchor(item.anchor, f"{item.number}. {item.headline}", level, state),
                                     Paragraph(line, headline_style)]
            if item.summary:
                parts.append(marked(item.summary, styles.body, report.highlight))
            if item.url:
                url = escape(item.url)
                parts.append(Paragraph(f'{escape(brief.LINK_LABEL)}<a href="{url}">{url}</a>', link_style))
            flow.append(KeepTogether(parts))
    return flow


def _head(report: Report, styles: Styles, frame_width: float) -> list[Flowable]:
    """The official header (or the organisation and date), the title and the issue line."""
    flow: list[Flowable] = []
    head = header.letterhead(report)
    if head is not None:
        flow.append(letterhead(head, styles, frame_width))
    else:
        flow += [paragraph(line.upper(), styles.cover_org) for line in header.org_lines(report)]
        flow.append(paragraph(present.cover_place_date(report), styles.cover_place_date))
    flow.append(Spacer(0, styles.body.fontSize * 2))
    title = PdfStyle("brief_title", parent=styles.page_title, alignment=TA_CENTER, spaceAfter=2)
    flow.append(paragraph(report.title.upper(), title))
    line = header.issue_line(report) or present.cover_period(report)
    if line:
        flow.append(paragraph(line, styles.cover_line))
    internal = header.internal_line(report)
    if internal:
        flow.append(paragraph(f"({internal})", styles.cover_line))
    flow.append(Spacer(0, styles.body.fontSize))
    return flow
