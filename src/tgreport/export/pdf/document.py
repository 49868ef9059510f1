"""One layout pass: page templates, page numbers, metadata, then the TOC numbers, then save."""

from __future__ import annotations

import calendar
import io
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFString
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from tgreport import present
from tgreport.errors import ExportError
from tgreport.export.pdf import layout, pages
from tgreport.export.pdf.flowables import LayoutState, draw_pending_numbers
from tgreport.export.pdf.styles import Styles, build, page_size
from tgreport.model import Report
from tgreport.support.parallel import Forked, fork_call
from tgreport.theme import Theme

log = logging.getLogger(__name__)

CREATOR = "tgreport"
LANGUAGE = "vi-VN"


# From this many articles, the last share of them is laid out by a worker process (pages.py).
SPLIT_FROM = 100
# The worker's share of the articles' text. This process meanwhile lays out the cover, the TOC
# and the other articles, then the index, and writes the file: measured, about as long.
WORKER_SHARE = 0.5


class _Digest(BaseDocTemplate):  # type: ignore[misc]
    """Two page templates: the cover (no number) and the body (number centred in the top margin).

    With a `recorder`, a worker's document: the body template only, no numbers (the parent
    draws them), each page recorded as it ends (pages.PageRecorder).
    """

    def __init__(
        self,
        buffer: io.BytesIO,
        report: Report,
        theme: Theme,
        styles: Styles,
        on_begin: Callable[[Any], None] | None = None,
        recorder: pages.PageRecorder | None = None,
    ) -> None:
        width, height = page_size(theme)
        super().__init__(
            buffer,
            pagesize=(width, height),
            leftMargin=theme.margin_left_mm * mm,
            rightMargin=theme.margin_right_mm * mm,
            topMargin=theme.margin_top_mm * mm,
            bottomMargin=theme.margin_bottom_mm * mm,
            title=report.title,
            author=report.organisation or "",
            subject=_subject(report),
            creator=CREATOR,
            lang=LANGUAGE,
            invariant=1,
            displayDocTitle=1,
            initialFontName=styles.body.fontName,
            initialFontSize=styles.body.fontSize,
            initialLeading=styles.body.leading,
        )
        self.theme = theme
        self.styles = styles
        self.report = report
        self.on_begin = on_begin
        self.recorder = recorder
        # The whole file is saved after the TOC numbers are drawn (see render).
        self._doSave = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        if recorder is not None:
            self.addPageTemplates([PageTemplate("body", frames=[frame], onPageEnd=recorder.page_end)])
            return
        self.addPageTemplates([
            PageTemplate("cover", frames=[frame], autoNextPageTemplate="body"),
            PageTemplate("body", frames=[frame], onPage=self._number_page),
        ])

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        if self.recorder is not None:
            self.recorder.begin(self.canv)
            return
        self.canv._doc._timeStamp = _timestamp(self.report)
        if self.on_begin is not None:
            self.on_begin(self.canv)

    def _number_page(self, canv: Any, doc: Any) -> None:
        # Decree 30/2020: Arabic numerals, centred in the top margin, none on the first page.
        styles = self.styles
        y = self.pagesize[1] - self.topMargin / 2 - styles.body.fontSize / 3
        canv.saveState()
        canv.setFont(styles.body_font.regular, styles.body.fontSize)
        canv.drawCentredString(self.leftMargin + self.width / 2, y, str(canv.getPageNumber()))
        if self.theme.header_text:
            canv.setFont(styles.body_font.italic, styles.caption.fontSize)
            canv.drawString(self.leftMargin, y, self.theme.header_text)
        canv.restoreState()


def _subject(report: Report) -> str:
    return " — ".join(p for p in (present.cover_period(report), present.cover_count(report)) if p)


def _timestamp(report: Report) -> TimeStamp:
    """The creation date: SOURCE_DATE_EPOCH when set (reproducible builds), else the issue date."""
    stamp = TimeStamp(invariant=1)  # reads SOURCE_DATE_EPOCH itself
    if not os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        seconds = calendar.timegm(report.issued.timetuple())
        stamp.t = seconds
        stamp.lt = time.gmtime(seconds)
        stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def _name_destinations(canv: Any, state: LayoutState) -> None:
    """A /Dests name tree, so "digest.pdf#a12" opens article 12 in any reader.

    ReportLab writes links with the destination inline and keeps no name tree of its own.
    """
    pairs: list[Any] = []
    # A name tree's keys must be sorted by their bytes.
    for key in sorted(state.pages, key=lambda k: k.encode()):
        pairs += [PDFString(key), canv._bookmarkReference(key)]
    canv._doc.Catalog.Names = PDFDictionary({"Dests": PDFDictionary({"Names": PDFArray(pairs)})})


_a85_lock = threading.Lock()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Streams compressed but not ASCII85-armoured: a quarter smaller, and encoding them took
    an eighth of a large digest's render time. ReportLab reads this switch from a global."""
    with _a85_lock:
        before = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = before


def render(
    report: Report, theme: Theme, *, save: bool = True, date_style: str = "official"
) -> tuple[bytes, dict[str, int]]:
    """The PDF and the page (1-based) on which each anchor ("a1", "s1", "toc", …) starts.

    With `save=False` only the layout runs (the pages are known, no file is written): b"".
    """
    styles = build(theme)
    state = LayoutState()
    buffer = io.BytesIO()
    units = layout.article_units(report)
    first = _worker_start(report, units)
    share = None
    if first < len(units):
        share = _WorkerShare(report, units[first:], theme, styles, state, date_style)
    doc = _Digest(buffer, report, theme, styles, on_begin=share.start if share else None)
    flow = layout.front(report, styles, state, doc.height, date_style)
    flow += layout.units_flow(units[:first], report, styles, state, date_style)
    if share:
        flow.append(pages.Joined(share.content))
    flow += layout.back(report, styles, state)
    try:
        with _binary_streams():
            doc.build(flow)
            if save:
                canv = doc.canv
                draw_pending_numbers(canv, state)
                _name_destinations(canv, state)
                canv.addPageLabel(0, style="D", start=1)
                canv.save()
    except ExportError:
        raise
    except Exception as exc:  # ReportLab raises bare ValueError/LayoutError/…; name the report.
        raise ExportError(f"cannot lay out the PDF for {report.title!r}: {exc}") from exc
    finally:
        if share:
            share.stop()
    log.debug("PDF: %d articles on %d pages", len(report.all_articles()), doc.page)
    return buffer.getvalue(), dict(state.pages)


def _worker_start(report: Report, units: list[layout.Unit]) -> int:
    """The first unit of the worker's share: the last units holding WORKER_SHARE of the text
    (len(units): no share, the report is small)."""
    if len(report.all_articles()) < SPLIT_FROM:
        return len(units)
    weights = [_weight(unit) for unit in units]
    left = sum(weights) * WORKER_SHARE
    start = len(units)
    while start > 0 and left > 0:
        start -= 1
        left -= weights[start]
    return start


def _weight(unit: layout.Unit) -> int:
    # Layout time goes with the text, plus a fixed part per page and heading.
    if unit.article is None:
        return 200
    a = unit.article.article
    return 500 + len(a.title or "") + len(a.lead or "") + sum(len(b.text) for b in a.blocks)


class _WorkerShare:
    """The last articles, laid out by a forked worker while this process does the rest."""

    def __init__(self, report: Report, units: list[layout.Unit], theme: Theme, styles: Styles,
                 state: LayoutState, date_style: str) -> None:
        self.report, self.units, self.theme, self.styles = report, units, theme, styles
        self.state, self.date_style = state, date_style
        self.pending: Forked[list[pages.RecordedPage]] | None = None

    def start(self, canv: Any) -> None:
        """At the document's beginning: reserve the codes the worker needs, then fork it."""
        chars = pages.characters((u.article.article for u in self.units if u.article is not None),
                                 (u.section.heading for u in self.units if u.section is not None))
        pages.reserve(canv._doc, _faces(self.styles), chars)
        self.pending = fork_call(partial(
            _lay_out, self.report, self.units, self.theme, self.styles, self.date_style, canv._doc
        ))

    def content(self) -> list[Flowable]:
        """The worker's pages drawn again; or, when it could not do its share, the articles."""
        recorded: list[pages.RecordedPage] | None = None
        try:
            recorded = self.pending.result() if self.pending else None  # None: it died (logged)
        except pages.CodesDiffer as exc:
            log.debug("PDF: %s; laying out its articles here", exc)
        except Exception:
            # Laid out here, the same articles fail again, if they do, with the report named.
            log.debug("PDF: the worker failed; laying out its articles here", exc_info=True)
        if recorded is not None:
            log.debug("PDF: %d articles laid out by a worker on %d pages", len(self.units), len(recorded))
            return pages.drawn_again(recorded, self.state)
        return layout.units_flow(self.units, self.report, self.styles, self.state, self.date_style)

    def stop(self) -> None:
        if self.pending is not None:
            self.pending.cancel()


def _lay_out(report: Report, units: list[layout.Unit], theme: Theme, styles: Styles, date_style: str,
             source: Any) -> list[pages.RecordedPage]:
    """In the worker: `units` laid out in a document of their own, page by page."""
    state = LayoutState(recorded=[])
    recorder = pages.PageRecorder(source, state)
    doc = _Digest(io.BytesIO(), report, theme, styles, recorder=recorder)
    flow = layout.units_flow(units, report, styles, state, date_style)
    del flow[0]  # not the first page break: the worker's first page is that new page
    # build() consumes the list as it lays it out, so each page's flowables are freed once drawn
    # (a copy of the list would keep them all: 480 MB at 5,000 articles). Nothing is saved here,
    # so no _binary_streams (its lock is held by the parent at the fork).
    doc.build(flow)
    return recorder.pages()


def _faces(styles: Styles) -> list[str]:
    """The faces the styles draw with, in the styles' order."""
    names = [getattr(styles, f.name).fontName for f in fields(styles)
             if isinstance(getattr(styles, f.name), ParagraphStyle)]
    return list(dict.fromkeys(names))
