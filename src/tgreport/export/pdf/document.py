"""One layout pass: page templates, page numbers, metadata, then the TOC numbers, then save."""

from __future__ import annotations

import calendar
import io
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFString
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from tgreport import present
from tgreport.errors import ExportError
from tgreport.export.pdf import layout, splice
from tgreport.export.pdf.brief import brief_flow
from tgreport.export.pdf.flowables import LayoutState, draw_pending_numbers
from tgreport.export.pdf.signature import signature_flow
from tgreport.export.pdf.styles import Styles, build, page_size
from tgreport.model import Image, Picture, Report
from tgreport.theme import Theme

log = logging.getLogger(__name__)

CREATOR = "tgreport"
LANGUAGE = "vi-VN"


class _Digest(BaseDocTemplate):  # type: ignore[misc]
    """Two page templates: the cover (no number) and the body (number centred in the top margin)."""

    def __init__(
        self,
        buffer: io.BytesIO | _Sink,
        report: Report,
        theme: Theme,
        styles: Styles,
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
        # The whole file is saved after the TOC numbers are drawn (see render).
        self._doSave = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", frames=[frame], autoNextPageTemplate="body"),
            PageTemplate("body", frames=[frame], onPage=self._number_page),
        ])

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        self.canv._doc._timeStamp = _timestamp(self.report)

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


class _Sink:
    """Where ReportLab writes the finished file: it hands over the whole PDF in one write, which
    is kept as it is. A BytesIO would copy it twice more (in, then out with getvalue)."""

    def __init__(self) -> None:
        self._pieces: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._pieces.append(data)
        return len(data)

    def value(self) -> bytes:
        return self._pieces[0] if len(self._pieces) == 1 else b"".join(self._pieces)


def render(
    report: Report, theme: Theme, out: BinaryIO | None, *, date_style: str = "official", kind: str = "full",
    toc_summaries: bool = False,
    article_break: str = "page",
    qr: bool = False,
) -> dict[str, int]:
    """The PDF written into `out`, and the page (1-based) on which each anchor ("a1", "s1",
    "toc", …) starts; `article_break` "run" lets articles follow each other
    (Settings.article_break). With `out` None only the layout runs (the pages are known, no
    file is made). With `qr`, each article with an address has a QR code to it under its
    source line.
    """
    styles = build(theme)
    state = LayoutState(qr=qr)
    buffer = _Sink()
    doc = _Digest(buffer, report, theme, styles)
    if kind == "brief":  # the short "điểm báo": header, title, then the items (present.brief)
        flow = brief_flow(report, styles, state, doc.width) + signature_flow(report, styles, doc.width)
    else:
        flow = layout.front(report, styles, state, doc.height, date_style, frame_width=doc.width,
                            toc_summaries=toc_summaries)
        flow += layout.units_flow(layout.article_units(report), report, styles, state, date_style,
                                  width=doc.width, run_on=article_break == "run")
        flow += signature_flow(report, styles, doc.width)
        flow += layout.back(report, styles, state)
    try:
        with _binary_streams():
            doc.build(flow)
            if out is not None:
                canv = doc.canv
                draw_pending_numbers(canv, state)
                _name_destinations(canv, state)
                canv.addPageLabel(0, style="D", start=1)
                canv.save()
    except ExportError:
        raise
    except Exception as exc:  # ReportLab raises bare ValueError/LayoutError/…; name the report.
        raise ExportError(f"cannot lay out the PDF for {report.title!r}: {exc}") from exc
    log.debug("PDF: %d articles on %d pages", len(report.all_articles()), doc.page)
    if out is not None:
        splice.write(buffer.value(), _pictures(report), out)
    return dict(state.pages)


def _pictures(report: Report) -> list[Picture]:
    return [b.picture for a in report.all_articles() for b in a.blocks
            if isinstance(b, Image) and b.picture is not None]
