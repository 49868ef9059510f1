"""The short digest (Settings.kind = "brief", present.brief) as DOCX paragraphs: the header, the
title, then the numbered items straight after, as the PDF lays them out."""

from __future__ import annotations

from tgreport import present
from tgreport.export.docx.paragraphs import Para, marked, text
from tgreport.export.docx.wml import twips
from tgreport.model import Report
from tgreport.present import brief, header


def brief_paragraphs(report: Report, letterhead_xml: str | None, space: int) -> list[Para]:
    """`space`: twips before each item (the theme's space between paragraphs)."""
    paras: list[Para] = []
    if letterhead_xml is not None:
        paras.append(Para("Normal", xml=letterhead_xml))
    else:
        paras += [Para("CoverOrganisation", [text(line)]) for line in header.org_lines(report)]
        paras.append(Para("PlaceDate", [text(present.cover_place_date(report))]))
    paras.append(Para("PartHeading", [text(report.title.upper())], before=twips(26), after=twips(2)))
    line = header.issue_line(report) or present.cover_period(report)
    if line:
        paras.append(Para("Subtitle", [text(line)]))
    internal = header.internal_line(report)
    if internal:
        paras.append(Para("Subtitle", [text(f"({internal})")]))
    for section in brief.brief(report):
        if section.heading:
            paras.append(Para("IndexHeading", [text(section.heading)], bookmark=section.anchor))
        for item in section.items:
            runs = [text(f"{item.number}. {item.headline}", bold=True)]
            if item.source_date:
                runs.append(text(" " + item.source_date, italic=True))
            paras.append(Para("SummaryLine", runs, bookmark=item.anchor, before=space, after=twips(2)))
            if item.summary:
                paras.append(Para("BodyText", marked(item.summary, report.highlight)))
            if item.url:
                paras.append(Para("Related", [text(brief.LINK_LABEL + item.url)]))
    return paras
