"""The digest as paragraphs: cover, summary, articles and appendix, worded by present.py."""

from __future__ import annotations

from collections.abc import Iterator

from tgreport import present
from tgreport.export.docx.chart import chart_paras
from tgreport.export.docx.paragraphs import PAGEREF, TAB, Para, Run, marked, text
from tgreport.export.docx.styles import ARTICLE_META
from tgreport.export.docx.wml import twips
from tgreport.model import Article, Block, Report
from tgreport.present import chart, header
from tgreport.present import qr as present_qr


def cover(report: Report, frame_height_pt: float, letterhead_xml: str | None = None) -> list[Para]:
    """As the PDF: organisation (or the official header, `letterhead_xml`) at the top, the title
    28% down the page (22% under an official header), place and date last (top right in an
    official header)."""
    paras = []
    if letterhead_xml is not None:
        paras.append(Para("Normal", xml=letterhead_xml))
    else:
        for line in header.org_lines(report):
            paras.append(Para("CoverOrganisation", [text(line)]))
    # The PDF's spacers become spaces before (Word keeps them: they are not at a page's top).
    share = 0.22 if letterhead_xml is not None else 0.28
    paras.append(Para("Title", [text(report.title)], before=twips(frame_height_pt * share)))
    issue = header.issue_line(report) or present.cover_period(report)
    if issue:
        paras.append(Para("Subtitle", [text(issue)]))
    paras.append(Para("Subtitle", [text(present.cover_count(report))]))
    if letterhead_xml is None:
        paras.append(Para("PlaceDate", [text(present.cover_place_date(report))],
                          before=twips(frame_height_pt * 0.25)))
    internal = header.internal_line(report)
    if internal:
        paras.append(Para("CoverOrganisation", [text(internal)],
                          before=twips(frame_height_pt * (0.25 if letterhead_xml is not None else 0.05))))
    return paras


def summary(report: Report, text_width: int = 0) -> list[Para]:
    """The overview page; its charts `text_width` twips wide at most (0: chart.WIDTH)."""
    s = present.summary(report)
    labels = present.SUMMARY_LABELS
    paras = [Para("PartHeading", [text(present.SUMMARY_TITLE)], page_break=True, bookmark="summary")]
    facts = [(labels["count"], str(s.count))]
    if s.period:
        facts.append((labels["period"], s.period))
    if s.undated:
        facts.append((labels["undated"], str(s.undated)))
    for label, value in facts:
        paras.append(Para("SummaryLine", [text(label, bold=True), text(" " + value)], after=twips(3)))
    for c in chart.charts(report):
        paras += chart_paras(c, text_width or twips(chart.WIDTH))
    for heading, rows in s.tables:
        paras.append(Para("IndexHeading", [text(heading)]))
        for name, count in rows:
            paras.append(Para("SummaryLine", [text(name), Run(kind=TAB), text(str(count))], after=twips(6)))
    return paras


def articles(report: Report, date_style: str = "official", article_break: str = "page",
             qr: bool = False) -> list[Para]:
    """Every section and article; with `article_break` "run" an article starts a page only when
    it is the first (after the overview) or a section's first comes after the section heading."""
    return [p for part in article_parts(report, date_style, article_break, qr) for p in part]


def article_parts(report: Report, date_style: str = "official", article_break: str = "page",
                  qr: bool = False) -> Iterator[list[Para]]:
    """articles, a section heading or an article at a time: a large digest's paragraphs are
    never all in memory."""
    grouped = report.grouped
    started = False  # a paragraph came before
    for section in present.outline(report):
        if section.section is not None:
            yield [Para("Heading1", [text(section.heading)], page_break=True, bookmark=section.anchor)]
            started = True
        for i, na in enumerate(section.articles):
            opens_section = grouped and i == 0  # right under its section's heading
            runs_on = article_break == "run" and started and not opens_section
            heading = Para("Heading2" if grouped else "Heading1", [text(na.heading)], bookmark=na.anchor,
                           page_break=not (opens_section or runs_on), before=_RUN_GAP if runs_on else None)
            yield [heading, *article(heading, na.article, date_style, report.highlight, qr=qr)]
            started = True


def article(heading: Para, a: Article, date_style: str = "official",
            terms: tuple[str, ...] = (), *, qr: bool = False) -> list[Para]:
    """The article's paragraphs; `terms` (Report.highlight) marked in its title, lead and text;
    `qr` puts a QR code to its address under the source line (a picture: docx/photo.py)."""
    if terms:
        heading.runs = [r for run in heading.runs for r in marked(run.text, terms)]
    paras = []
    if a.title_derived or not a.title:
        paras.append(Para("DerivedNote", [text(present.DERIVED_TITLE_NOTE)]))
    meta = present.meta_line(a, date_style)
    if meta:
        paras.append(Para(ARTICLE_META, [text(meta)]))
    else:
        # The PDF puts a spacer as tall as the metadata line's space after.
        last = paras[-1] if paras else heading
        last.after = twips(4 + 12)
    source = present.source_line_with_link(a, date_style)
    if source:
        paras.append(Para("Metadata", [text(source)]))
    if qr and a.url:
        paras.append(Para("Caption", [text("Mã QR")], photo=present_qr.png(a.url)))
    # The title keeps with the lines under it (Heading's style), and they with what follows.
    for p in paras:
        p.keep_next = True
    if a.lead:
        paras.append(Para("Lead", marked(a.lead, terms)))
    body: list[Para] = []
    for b in a.blocks:
        body += block(b, terms)
    if body:
        body[-1].tail = True
    by = present.byline(a)
    if by:  # docx.layout.keep_tails keeps it with the text when it can
        body.append(Para("Byline", [text(by)]))
    return paras + body


# Space above an article that follows another (run mode), in twips: the PDF's RUN_GAP_PT.
_RUN_GAP = 20 * 24


def block(b: Block, terms: tuple[str, ...] = ()) -> list[Para]:
    if b.type == "paragraph":
        return [Para("BodyText", marked(b.text, terms))]
    if b.type == "heading":
        return [Para("Heading3", marked(b.text, terms))]
    if b.type == "caption":
        runs = marked(b.text, terms)
        credit = getattr(b, "credit", None)
        if credit:
            runs.append(text(" (" + present.CAPTION_CREDIT.format(credit=credit) + ")"))
        return [Para("Caption", runs)]
    if b.type == "quote":
        return [Para("Quote", marked(b.text, terms))]
    if b.type == "list":
        ordered = getattr(b, "ordered", False)
        return [
            Para("ListParagraph", [text(f"{n}." if ordered else "•"), Run(kind=TAB), *marked(item, terms)])
            for n, item in enumerate(getattr(b, "items", ()), start=1)
        ]
    if b.type == "related":
        return [Para("Related", marked(present.RELATED_PREFIX + b.text, terms))]
    picture = getattr(b, "picture", None)
    if picture is not None:
        # In the caption's style (centred), kept with the caption itself: docx/photo.py.
        return [Para("Caption", [text(b.text)], photo=picture)]
    # A picture the photo stage did not prepare (--images, or it could not be had): not printed.
    return []


def appendix(report: Report) -> list[Para]:
    """Each cited document, then each person, with links to the articles and their pages."""
    numbered = {na.article.id: na for s in present.outline(report) for na in s.articles}
    paras = [Para("PartHeading", [text(present.INDEX_TITLE)], page_break=True, bookmark="index")]
    for kind, heading in present.INDEX_KIND_TITLES.items():
        entries = [e for e in report.index if e.kind == kind]
        if not entries:
            continue
        paras.append(Para("IndexHeading", [text(heading)]))
        for entry in entries:
            runs = [text(entry.name, bold=True)]
            if entry.detail:
                runs.append(text(f" ({entry.detail})"))
            refs = [numbered[i] for i in entry.article_ids if i in numbered]
            for n, na in enumerate(refs):
                runs.append(text(": " if n == 0 else "; "))
                # No-break spaces keep "Bài 3" and "tr. 12" whole on one line.
                runs.append(text(f"{present.ARTICLE_LABEL}\u00a0{na.number}, {present.PAGE_LABEL}\u00a0"))
                runs.append(Run(kind=PAGEREF, anchor=na.anchor))
            paras.append(Para("IndexEntry", runs))
    return paras
