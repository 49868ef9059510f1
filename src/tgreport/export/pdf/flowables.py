"""The few flowables ReportLab lacks: anchors that record their page, TOC lines whose page
numbers are filled in after layout, and paragraphs built only when laid out."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from tgreport.errors import ExportError
from tgreport.export.pdf.markup import paragraph

DOT_SPACING = 4.0  # points between leader dots; a grid shared by every line so the dots line up
LEADER_GAP = 3.0  # blank space on either side of a leader


@dataclass(frozen=True)
class PendingNumber:
    """A TOC line's page number, drawn into form `form` once the article's page is known."""

    anchor: str
    form: str
    x: float  # where the form sits, from the frame's left edge
    width: float  # from there to the frame's right edge
    font: str
    size: float


@dataclass
class LayoutState:
    """What one layout pass learns: the page of each anchor and the TOC numbers still to draw."""

    pages: dict[str, int] = field(default_factory=dict)
    pending: list[PendingNumber] = field(default_factory=list)
    qr: bool = False  # print a QR code to each article's address (Settings.qr)

    def page_of(self, anchor: str) -> int:
        try:
            return self.pages[anchor]
        except KeyError:
            raise ExportError(f"internal error: anchor {anchor!r} was never laid out") from None


class Anchor(Flowable):  # type: ignore[misc]
    """Zero-size mark: a named destination, an outline entry and the page it landed on."""

    _ZEROSIZE = 1

    def __init__(self, key: str, title: str, level: int, state: LayoutState) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.state = state
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        # A named destination, an outline entry, and the page it landed on.
        canv: Canvas = self.canv
        left, top = canv.absolutePosition(0, 0)
        canv.bookmarkHorizontalAbsolute(self.key, top, left=left)
        canv.addOutlineEntry(self.title, self.key, self.level)
        self.state.pages[self.key] = canv.getPageNumber()


def toc_styles(title: ParagraphStyle, subtitle: ParagraphStyle, number_width: float
               ) -> tuple[ParagraphStyle, ParagraphStyle]:
    """TOC styles whose right indent leaves room for the leader and a number `number_width` wide."""
    reserve = number_width + 2 * LEADER_GAP + DOT_SPACING
    return (title.clone(f"{title.name}_line", rightIndent=reserve),
            subtitle.clone(f"{subtitle.name}_line", rightIndent=reserve))


class TocLine(Flowable):  # type: ignore[misc]
    """ "12.  Title … (subtitle)  ·········· 34", linked to the article; the number comes later.

    The number is a form XObject referenced now and defined after layout (ReportLab resolves
    `doForm` names at save time), so the TOC needs no second layout pass.
    """

    def __init__(
        self,
        anchor: str,
        label: str,
        title: str,
        subtitle: str | None,
        state: LayoutState,
        label_width: float,
        title_style: ParagraphStyle,
        subtitle_style: ParagraphStyle,
    ) -> None:
        super().__init__()
        self.anchor = anchor
        self.label = label
        self.state = state
        self.label_width = label_width
        self.title_para = paragraph(title, title_style)
        self.sub_para = paragraph(subtitle, subtitle_style) if subtitle else None
        self.gap = title_style.fontSize * 0.5

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        inner = avail_width - self.label_width
        _, self.title_h = self.title_para.wrap(inner, avail_height)
        self.sub_h = self.sub_para.wrap(inner, avail_height)[1] if self.sub_para else 0.0
        self.height = self.title_h + self.sub_h + self.gap
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        # Only a title longer than a page needs this: its head stays here, the line with the
        # leader and number follows on the next page.
        parts = self.title_para.split(avail_width - self.label_width, avail_height)
        if len(parts) != 2:
            return []
        tail = copy.copy(self)
        tail.title_para, tail.label = parts[1], ""
        tail.__dict__.pop("_postponed", None)  # ReportLab's "already moved to a new page" mark
        return [_Labelled(self.label, self.label_width, parts[0]), tail]

    def draw(self) -> None:
        canv: Canvas = self.canv
        style = self.title_para.style
        top_block = self.sub_h + self.gap
        self.title_para.drawOn(canv, self.label_width, top_block)
        if self.sub_para:
            self.sub_para.drawOn(canv, self.label_width, self.gap)
        first_baseline = top_block + self.title_h - style.fontSize
        canv.setFont(style.fontName, style.fontSize)
        canv.drawString(0, first_baseline, self.label)
        # Where the title's last line ends: the leader starts there.
        lines = self.title_para.blPara.lines
        line_width = self.width - self.label_width - style.leftIndent - style.rightIndent
        extra = line_width  # a blank title: the leader starts right after the label
        if lines:
            last = lines[-1]
            extra = last.extraSpace if self.title_para.blPara.kind else last[0]
        end_x = self.label_width + style.leftIndent + line_width - extra
        baseline = first_baseline - max(len(lines) - 1, 0) * style.leading
        form = f"toc_{self.anchor}"
        canv.saveState()
        canv.translate(end_x, baseline)
        canv.doForm(form)
        canv.restoreState()
        self.state.pending.append(
            PendingNumber(self.anchor, form, end_x, self.width - end_x, style.fontName, style.fontSize)
        )
        canv.linkRect("", self.anchor, (0, 0, self.width, self.height), relative=1, thickness=0)


class _Labelled(Flowable):  # type: ignore[misc]
    """The head of a split TOC line: its number, then the part of the title that fits."""

    def __init__(self, label: str, label_width: float, para: Flowable) -> None:
        super().__init__()
        self.label, self.label_width, self.para = label, label_width, para

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.para.wrap(avail_width - self.label_width, avail_height)[1]
        return self.width, self.height

    def draw(self) -> None:
        style = self.para.style
        self.para.drawOn(self.canv, self.label_width, 0)
        self.canv.setFont(style.fontName, style.fontSize)
        self.canv.drawString(0, self.height - style.fontSize, self.label)


def draw_pending_numbers(canv: Canvas, state: LayoutState) -> None:
    """Define every TOC number form, now that each anchor's page is known."""
    for item in state.pending:
        number = str(state.page_of(item.anchor))
        number_w = stringWidth(number, item.font, item.size)
        canv.beginForm(item.form, lowerx=0, lowery=-item.size, upperx=item.width, uppery=item.size * 1.5)
        canv.setFont(item.font, item.size)
        canv.drawRightString(item.width, 0, number)
        # Dots on a grid measured from the frame's edge, so the columns of dots align line to line.
        first = math.ceil((item.x + LEADER_GAP) / DOT_SPACING) * DOT_SPACING - item.x
        last = item.width - number_w - LEADER_GAP
        count = int((last - first) // DOT_SPACING) + 1 if last > first else 0
        if count > 0:
            dot_w = stringWidth(".", item.font, item.size)
            text = canv.beginText(first, 0)
            text.setFont(item.font, item.size)
            text.setCharSpace(DOT_SPACING - dot_w)
            text.textOut("." * count)
            canv.drawText(text)
        canv.endForm()


class Deferred(Flowable):  # type: ignore[misc]
    """A flowable built when it is laid out: the index, whose page numbers exist only by then."""

    def __init__(self, make: Callable[[], Flowable]) -> None:
        super().__init__()
        self.make = make
        self.inner: Flowable | None = None

    def _built(self) -> Flowable:
        if self.inner is None:
            self.inner = self.make()
        return self.inner

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self._built().wrap(avail_width, avail_height)
        self.width, self.height = w, h
        return w, h

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = self._built().split(avail_width, avail_height)
        return parts

    def getSpaceBefore(self) -> float:
        value: float = self._built().getSpaceBefore()
        return value

    def getSpaceAfter(self) -> float:
        value: float = self._built().getSpaceAfter()
        return value

    def draw(self) -> None:
        self._built().drawOn(self.canv, 0, 0)
