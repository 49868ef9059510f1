"""The story: cover, table of contents, summary, articles and index, as ReportLab flowables."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import ActionFlowable, NullActionFlowable
from reportlab.platypus.tables import TableStyle

from tgreport import present
from tgreport.assemble.summaries import summary as brief_summary
from tgreport.export.pdf.chart import drawing
from tgreport.export.pdf.flowables import Anchor, Deferred, LayoutState, TocLine, toc_styles
from tgreport.export.pdf.letterhead import letterhead
from tgreport.export.pdf.markup import escape, marked, marked_markup, paragraph
from tgreport.export.pdf.photo import photo_flow
from tgreport.export.pdf.qr import qr_code
from tgreport.export.pdf.styles import PdfStyle, Styles
from tgreport.export.pdf.tails import keep_tail
from tgreport.model import Article, Block, IndexEntry, Report
from tgreport.present import chart, header, pieces

OFFICIAL_FRAME_WIDTH = 165 * mm  # A4 less Decree 30's 30 mm and 15 mm side margins

# "Bài 5, tr. 11" with no-break spaces: one unit that never splits across lines.
INDEX_REFERENCE = f"{present.ARTICLE_LABEL}\u00a0{{number}},\u00a0{present.PAGE_LABEL}\u00a0{{page}}"


def front(
    report: Report, styles: Styles, state: LayoutState, frame_height: float, date_style: str = "official",
    *, frame_width: float = 0.0, toc_summaries: bool = False,
) -> list[Flowable]:
    """The cover, the table of contents and the summary; the TOC's page numbers are left to
    `state`. `date_style` (Settings.date_style) words the TOC's dates; the cover stays official."""
    flow: list[Flowable] = []
    flow += cover(report, styles, frame_height, frame_width)
    flow += [NextPageTemplate("body"), PageBreak()]
    flow += toc(report, styles, state, date_style, toc_summaries)
    flow += [PageBreak()]
    flow += summary_page(report, styles, state, frame_width or OFFICIAL_FRAME_WIDTH)
    return flow


def back(report: Report, styles: Styles, state: LayoutState) -> list[Flowable]:
    """The index, when the report has one."""
    return [PageBreak(), *index(report, styles, state)] if report.index else []


def cover(report: Report, styles: Styles, frame_height: float, frame_width: float = 0.0) -> list[Flowable]:
    """Organisation (or the official header, present.header) at the top, the title a third of the
    way down, the place and date last (top right in an official header)."""
    flow: list[Flowable] = []
    head = header.letterhead(report)
    if head is not None:
        # `frame_width` 0 (a caller that does not know it): the A4 frame of the official theme.
        flow.append(letterhead(head, styles, frame_width or OFFICIAL_FRAME_WIDTH))
    else:
        for line in header.org_lines(report):
            flow.append(paragraph(line.upper(), styles.cover_org))
        if report.organisation or report.masthead.org:
            # The short rule under the issuing body's name, as on official letterheads.
            flow.append(HRFlowable(width="25%", thickness=0.6, color=black, spaceBefore=5, hAlign="CENTER"))
    flow.append(Spacer(0, frame_height * (0.22 if head else 0.28)))
    flow.append(paragraph(report.title.upper(), styles.cover_title))
    issue = header.issue_line(report)
    period = present.cover_period(report)
    if issue or period:
        flow.append(paragraph(issue or period or "", styles.cover_line))
    flow.append(paragraph(present.cover_count(report), styles.cover_line))
    flow.append(Spacer(0, frame_height * 0.25))
    if head is None:
        flow.append(paragraph(present.cover_place_date(report), styles.cover_place_date))
    internal = header.internal_line(report)
    if internal:
        flow.append(paragraph(internal.upper(), styles.cover_org))
    return flow


def toc(report: Report, styles: Styles, state: LayoutState, date_style: str = "official",
        summaries: bool = False) -> list[Flowable]:
    """The TOC; with `summaries`, each article's summary (assemble.summaries.summary) under its entry."""
    outline = present.outline(report)
    numbers = [na.number for s in outline for na in s.articles]
    style = styles.toc_entry
    label_width = stringWidth(f"{max(numbers, default=1)}. ", style.fontName, style.fontSize) + 2
    # Room for the largest page number the digest could reach: a page per 1,000 characters and
    # two per article is generous (a full A4 page holds about 3,000).
    characters = sum(len(b.text) for a in report.all_articles() for b in a.blocks)
    digits = len(str(characters // 1000 + 2 * len(numbers) + 20))
    number_width = stringWidth("0" * digits, style.fontName, style.fontSize)
    flow: list[Flowable] = [
        Anchor("toc", present.TOC_TITLE, 0, state),
        paragraph(present.TOC_TITLE, styles.page_title),
    ]
    entry, subtitle = toc_styles(styles.toc_entry, styles.toc_subtitle, number_width)
    section_style, _ = toc_styles(styles.toc_section, styles.toc_subtitle, number_width)
    summary_style = subtitle.clone("toc_summary", leftIndent=subtitle.leftIndent + label_width,
                                   spaceAfter=styles.toc_entry.spaceAfter)
    for section in outline:
        if section.section is not None:
            flow.append(CondPageBreak(style.leading * 4))
            flow.append(TocLine(section.anchor, "", section.heading, None, state, 0, section_style, subtitle))
        for na in section.articles:
            line = TocLine(na.anchor, f"{na.number}.", present.display_title(na.article),
                           present.toc_subtitle(na.article, date_style), state, label_width, entry, subtitle)
            if summaries:  # the summary stays on its entry's page
                flow.append(KeepTogether([line, paragraph(brief_summary(na.article), summary_style)]))
            else:
                flow.append(line)
    return flow


def summary_page(report: Report, styles: Styles, state: LayoutState,
                 frame_width: float = OFFICIAL_FRAME_WIDTH) -> list[Flowable]:
    s = present.summary(report)
    cell = styles.table_cell
    flow: list[Flowable] = [
        Anchor("summary", present.SUMMARY_TITLE, 0, state),
        paragraph(present.SUMMARY_TITLE, styles.page_title),
    ]
    labels = present.SUMMARY_LABELS
    facts = [(labels["count"], str(s.count))]
    if s.period:
        facts.append((labels["period"], s.period))
    if s.undated:
        facts.append((labels["undated"], str(s.undated)))
    for label, value in facts:
        flow.append(Paragraph(f"<b>{escape(label)}</b> {escape(value)}", cell))
    for c in chart.charts(report):
        flow.append(Spacer(0, styles.index_heading.spaceBefore))
        flow.append(drawing(chart.figure(c, min(chart.WIDTH, frame_width)), styles.body_font))
    for heading, rows in s.tables:  # no empty one: ReportLab refuses a table without rows
        flow.append(paragraph(heading, styles.index_heading))
        table = Table(
            [[paragraph(name, cell), paragraph(str(count), cell)] for name, count in rows],
            colWidths=["85%", "15%"],
            repeatRows=0,
        )
        table.setStyle(
            TableStyle([
                # Table's own text defaults to Helvetica, which cannot draw Vietnamese.
                ("FONTNAME", (0, 0), (-1, -1), cell.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#999999"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ])
        )
        flow.append(table)
    return flow


RUN_GAP_PT = 24.0  # space above an article that follows another (article_break "run"), as DOCX's


@dataclass(frozen=True)
class Unit:
    """What the articles part lays out from the top of a new page (or, running on, after the
    article before): an article, after its section's heading when it opens the section, or the
    heading of a section left empty."""

    section: present.NumberedSection | None  # its heading comes first
    article: present.NumberedArticle | None


def article_units(report: Report) -> list[Unit]:
    units = []
    for section in present.outline(report):
        opens = section if section.section is not None else None
        for i, na in enumerate(section.articles):
            units.append(Unit(opens if i == 0 else None, na))
        if opens is not None and not section.articles:
            units.append(Unit(opens, None))
    return units


def unit_flow(
    unit: Unit, report: Report, styles: Styles, state: LayoutState, date_style: str = "official",
    *, width: float = 0.0, run_on: bool = False,
) -> list[Flowable]:
    """The flowables of one unit, starting with its page break, or with `run_on` (an article
    that follows the one before it, Settings.article_break "run") a gap and a break only when
    the title and its first lines would not fit. A `width` (the frame's) keeps the article's
    last lines together (tails.py)."""
    if run_on and unit.section is None:
        title = styles.title
        # The title (two lines), the lines under it and the first lines of text stay together.
        room = 2 * title.leading + 2 * styles.meta.leading + styles.meta.spaceAfter + 4 * styles.body.leading
        flow: list[Flowable] = [Spacer(0, RUN_GAP_PT), CondPageBreak(room)]
    else:
        flow = [PageBreak()]
    if unit.section is not None:
        flow.append(Anchor(unit.section.anchor, unit.section.heading, 0, state))
        flow.append(paragraph(unit.section.heading.upper(), styles.section))
    if unit.article is not None:
        na = unit.article
        flow.append(Anchor(na.anchor, na.heading, 1 if report.grouped else 0, state))
        body = article(na.heading, na.article, styles, date_style, report.highlight, qr=state.qr)
        flow += body[:1] + keep_tail(body[1:], width) if width else body
    return flow


def units_flow(
    units: list[Unit], report: Report, styles: Styles, state: LayoutState, date_style: str = "official",
    *, width: float = 0.0, run_on: bool = False,
) -> list[Flowable]:
    """The flowables of `units`, in order; `run_on` lets articles follow each other (the first
    still starts a page), `width` keeps each article's last lines together (see unit_flow).
    They are made as the layout reaches them (Later): one flowable here."""
    parts = (unit_flow(unit, report, styles, state, date_style, width=width, run_on=run_on and i > 0)
             for i, unit in enumerate(units))
    first = next(parts, None)
    return [] if first is None else [Later(first, parts)]


class Later(Flowable):  # type: ignore[misc]
    """Stands, in ReportLab's list of flowables still to lay out, for the next parts of the
    story: when the layout reaches it, it never fits, and its split is its next part followed
    by itself.

    ReportLab takes each flowable off the front of that list (del flowables[0]), moving all
    the others: laid out from one list, 22,000 flowables at 1,000 articles, 110,000 at 5,000,
    cost time quadratic in their number. The list now holds one article at a time, and each
    article's flowables are made only when the layout gets to it.
    """

    _ZEROSIZE = True  # the frame asks it to split even when it is full

    def __init__(self, part: list[Flowable], parts: Iterator[list[Flowable]]) -> None:
        super().__init__()
        self.part, self.parts = part, parts

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, avail_height + 1e6

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        part = self.part
        # ReportLab keeps a flowable marked keepWithNext together with the next: never this one.
        following = next(self.parts, None)
        while following is not None and part and part[-1].getKeepWithNext():
            part = part + following
            following = next(self.parts, None)
        if following is not None:
            self.part = following
            part = [*part, self]
        # ReportLab puts a split's parts back in the list as they are only when the first is a
        # page break or an action; anything else it lays out at once, where it would not split.
        return part if isinstance(part[0], (PageBreak, ActionFlowable)) else [NullActionFlowable(), *part]


def article(heading: str, a: Article, styles: Styles, date_style: str = "official",
            terms: tuple[str, ...] = (), *, qr: bool = False) -> list[Flowable]:
    """The article's flowables; `terms` (Report.highlight) marked in its title, lead and text;
    `qr` puts a QR code to its address under the source line."""
    flow: list[Flowable] = [marked(heading, styles.title, terms)]
    if a.title_derived or not a.title:
        flow.append(paragraph(present.DERIVED_TITLE_NOTE, styles.derived_note))
    meta = present.meta_line(a, date_style)
    flow.append(paragraph(meta, styles.meta) if meta else Spacer(0, styles.meta.spaceAfter))
    source = present.source_line_with_link(a, date_style)
    if source:
        flow.append(paragraph(source, styles.meta))
    if qr and a.url:
        flow += [qr_code(a.url), Spacer(0, styles.meta.spaceAfter)]
    if a.lead:
        flow.append(marked(a.lead, styles.lead, terms))
    for b in a.blocks:
        flow += block(b, styles, terms)
    by = present.byline(a)
    if by:
        flow.append(paragraph(by, styles.byline))
    return flow


# ReportLab re-wraps the rest of a paragraph each time it splits it at a page end: beyond
# LONG_PARAGRAPH characters the text is laid out in pieces (present/pieces.py).
LONG_PARAGRAPH = pieces.LONG_PARAGRAPH


def long_paragraph(text: str, style: ParagraphStyle, terms: tuple[str, ...] = ()) -> list[Flowable]:
    cut = pieces.pieces(text)
    if len(cut) == 1:
        return [marked(text, style, terms)]
    first = PdfStyle(f"{style.name}-first", parent=style, spaceAfter=0)
    middle = PdfStyle(f"{style.name}-more", parent=first, firstLineIndent=0, spaceBefore=0)
    last = PdfStyle(f"{style.name}-last", parent=style, firstLineIndent=0, spaceBefore=0)
    styles_in_order = [first] + [middle] * (len(cut) - 2) + [last]
    return [marked(piece, st, terms) for piece, st in zip(cut, styles_in_order, strict=True)]


def block(b: Block, styles: Styles, terms: tuple[str, ...] = ()) -> list[Flowable]:
    if b.type == "paragraph":
        return long_paragraph(b.text, styles.body, terms)
    if b.type == "heading":
        return [marked(b.text, styles.subheading, terms)]
    if b.type == "caption":
        credit = getattr(b, "credit", None)
        credited = f" ({present.CAPTION_CREDIT.format(credit=credit)})" if credit else ""
        text = marked_markup(b.text, terms)
        if text is None:  # one plain run, the credit as italic as the caption: no markup to parse
            return [paragraph(b.text + credited, styles.caption)]
        return [Paragraph(text + escape(credited), styles.caption)]
    if b.type == "quote":
        return [marked(b.text, styles.quote, terms)]
    if b.type == "list":
        items = getattr(b, "items", ())
        ordered = getattr(b, "ordered", False)
        return [
            marked(item, styles.list_item, terms, f"{n}." if ordered else "•")
            for n, item in enumerate(items, start=1)
        ]
    if b.type == "related":
        return [marked(present.RELATED_PREFIX + b.text, styles.related, terms)]
    picture = getattr(b, "picture", None)
    if picture is not None:
        return photo_flow(picture, styles.caption.spaceAfter)
    # A picture the photo stage did not prepare (--images, or it could not be had): not printed.
    return []


def index(report: Report, styles: Styles, state: LayoutState) -> list[Flowable]:
    """The appendix: each cited document, then each person, with article numbers and pages."""
    numbered = {na.article.id: na for s in present.outline(report) for na in s.articles}
    flow: list[Flowable] = [
        Anchor("index", present.INDEX_TITLE, 0, state),
        paragraph(present.INDEX_TITLE, styles.page_title),
    ]
    for kind, heading in present.INDEX_KIND_TITLES.items():
        entries = [e for e in report.index if e.kind == kind]
        if not entries:
            continue
        flow.append(paragraph(heading, styles.index_heading))
        for entry in entries:
            refs = [numbered[i] for i in entry.article_ids if i in numbered]

            def make(entry: IndexEntry = entry, refs: list[present.NumberedArticle] = refs) -> Flowable:
                # Built at layout time: every article precedes the index, so its page is known.
                places = "; ".join(
                    INDEX_REFERENCE.format(number=na.number, page=state.page_of(na.anchor)) for na in refs
                )
                text = f"<b>{escape(entry.name)}</b>"
                if entry.detail:
                    text += f" ({escape(entry.detail)})"
                return Paragraph(f"{text}: {escape(places)}" if places else text, styles.index_entry)

            flow.append(Deferred(make))
    return flow
