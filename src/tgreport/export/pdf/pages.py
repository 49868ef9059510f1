"""Pages laid out in another document (a worker process's) and drawn again as pages of this one.

A large digest's articles are most of its PDF time and each starts on a new page, so the last
share of them can be laid out by a forked worker while this process lays out the cover, the TOC
and the first articles (document.py). The worker records each page's content, the drawing
operators its canvas wrote, and the anchors drawn on it; this process draws those pages in
order as its own. Its page template draws the page number and header as on any page, and the
anchors become its destinations, outline entries and TOC numbers, so a page drawn again is the
page this process would have drawn itself: the same bytes.

Text is drawn as codes in subsets of the embedded fonts, given to characters as they are first
used, so the two documents must agree on them. Before the fork, every character the worker may
draw gets its code here (`reserve`); the worker's document shares those assignments and checks
that it added none (`PageRecorder.pages`). If it did, its pages are not used and this process
lays the articles out itself. The codes are reserved whenever a digest is large enough to be
split, whether a worker runs or not, so the bytes do not depend on the machine.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, PageBreak

from tgreport import present
from tgreport.export.pdf.flowables import LayoutState, Mark
from tgreport.model import Article

# Characters any article's page may show besides its own text: labels, dates, bullets, numbers.
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_VIETNAMESE = "".join(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES) + "đ"
COMMON = string.printable.strip() + " \u00a0" + _VIETNAMESE + _VIETNAMESE.upper() + "•·–—“”‘’…«»₫°"


def characters(articles: Iterable[Article], headings: Iterable[str] = ()) -> str:
    """Every character the pages of `articles` (and section `headings`) may draw, in a fixed
    order, as one string."""
    seen = set(COMMON)
    seen.update(*(value for value in vars(present).values() if isinstance(value, str)))
    for heading in headings:
        seen.update(unicodedata.normalize("NFC", heading))
    for a in articles:
        texts = [a.source, a.title or "", a.lead or "", a.publisher or "", a.category or "", *a.authors]
        texts += [b.text + (getattr(b, "credit", None) or "") for b in a.blocks]
        for text in texts:
            seen.update(unicodedata.normalize("NFC", text))  # as paragraphs draw it
    # Headings are drawn in capitals. A case change may give several characters ("ß" → "SS").
    for ch in list(seen):
        seen.update(ch.upper() + ch.lower())
    # Only what drawing can reach: control characters are dropped before text is laid out.
    return "".join(sorted(ch for ch in seen if unicodedata.category(ch) != "Cc"))


def reserve(pdf_doc: Any, faces: Iterable[str], chars: str) -> None:
    """Name each TrueType face of `faces` in `pdf_doc` and give `chars` their codes, in order."""
    for face in faces:
        font = pdfmetrics.getFont(face)
        if isinstance(font, TTFont):
            font.getSubsetInternalName(0, pdf_doc)
            font.splitString(chars, pdf_doc)


def _shared_fonts(pdf_doc: Any) -> list[TTFont]:
    return [f for f in pdfmetrics._fonts.values() if isinstance(f, TTFont) and pdf_doc in f.state]


def _font_state(fonts: list[TTFont], pdf_doc: Any) -> dict[str, tuple[int, str | None]]:
    return {f.fontName: (len(f.state[pdf_doc].assignments), f.state[pdf_doc].internalName) for f in fonts}


class CodesDiffer(Exception):
    """A worker's pages drew a character, or a font, that was not reserved before the fork."""


@dataclass(frozen=True)
class RecordedPage:
    code: str | None  # the page's content operators joined by newlines; None: it drew nothing
    marks: tuple[Mark, ...]


class PageRecorder:
    """In the worker: records each page of a document whose fonts share `source`'s codes."""

    def __init__(self, source: Any, state: LayoutState) -> None:
        self.source = source  # the PDFDocument the codes were reserved in
        self.state = state
        self.recorded: list[RecordedPage] = []
        self._fonts: list[TTFont] = []
        self._before: dict[str, tuple[int, str | None]] = {}
        self._doc: Any = None

    def begin(self, canv: Any) -> None:
        """At the start of the document, before anything is drawn: share the reserved codes."""
        self._doc = canv._doc
        self._doc.fontMapping.update(self.source.fontMapping)
        self._fonts = _shared_fonts(self.source)
        for font in self._fonts:
            font.state[self._doc] = font.state[self.source]
        self._before = _font_state(self._fonts, self._doc)

    def page_end(self, canv: Any, doc: Any) -> None:
        """A page's onPageEnd: keep what it drew."""
        # The anchors kept since the last page ended are this page's.
        assert self.state.recorded is not None, "a worker's layout keeps its anchors"
        marks = tuple(self.state.recorded)
        self.state.recorded.clear()
        self.recorded.append(RecordedPage("\n".join(canv._code) if canv._code else None, marks))

    def pages(self) -> list[RecordedPage]:
        """The pages; CodesDiffer if drawing them needed a code or a font the source lacks."""
        unchanged = (
            _font_state(self._fonts, self._doc) == self._before
            and self._doc.fontMapping == self.source.fontMapping
            and not any(self._doc in f.state for f in pdfmetrics._fonts.values()
                        if isinstance(f, TTFont) and f not in self._fonts)
        )
        if not unchanged:
            raise CodesDiffer("the worker's pages need font codes the document does not have")
        return self.recorded


class _DrawnAgain(Flowable):  # type: ignore[misc]
    """One recorded page's content and anchors, drawn on the current page of this document."""

    _ZEROSIZE = 1

    def __init__(self, page: RecordedPage, state: LayoutState) -> None:
        super().__init__()
        self.page, self.state = page, state
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        # Not Flowable.drawOn: the recorded operators are in page coordinates already.
        if self.page.code is not None:
            canv._code.append(self.page.code)
        for mark in self.page.marks:
            mark.draw(canv, self.state)


def drawn_again(pages: list[RecordedPage], state: LayoutState) -> list[Flowable]:
    """Flowables that draw `pages` as pages of this document, each on a new page."""
    flow: list[Flowable] = []
    for page in pages:
        flow += [PageBreak(), _DrawnAgain(page, state)]
    return flow


class Joined(Flowable):  # type: ignore[misc]
    """Where the worker's share goes: when reached, it puts `content()` (the worker's pages
    drawn again, or the articles themselves) next in the story."""

    _ZEROSIZE = 1

    def __init__(self, content: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.content = content
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        # ReportLab's hook for content made during layout: it goes right after this flowable.
        self._frame.add_generated_content(*self.content())
