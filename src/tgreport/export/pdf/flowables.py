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
    form: str  # its TOC page's form
    left: float  # the frame's left edge on the page
    x: float  # where the leader starts, from the frame's left edge
    baseline: float  # on the page
    width: float  # from `x` to the frame's right edge
    font: str
    size: float


@dataclass
class LayoutState:
    """What one layout pass learns: the page of each anchor and the TOC numbers still to draw."""

    pages: dict[str, int] = field(default_factory=dict)
    pending: list[PendingNumber] = field(default_factory=list)
    number_forms: set[str] = field(default_factory=set)  # the TOC pages' forms already placed
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

    The numbers of a TOC page are a form XObject of that page, placed by its first line and
    defined after layout (ReportLab resolves `doForm` names at save time), so the TOC needs no
    second layout pass. One form a page, not one a line: each form is an object of its own,
    with its own stream and resources, in the file.
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
        left, bottom = canv.absolutePosition(0, 0)
        form = f"toc_page_{canv.getPageNumber()}"
        if form not in self.state.number_forms:
            # The form is drawn in the page's own coordinates.
            self.state.number_forms.add(form)
            canv.saveState()
            canv.translate(-left, -bottom)
            canv.doForm(form)
            canv.restoreState()
        self.state.pending.append(PendingNumber(self.anchor, form, left, end_x, bottom + baseline,
                                                self.width - end_x, style.fontName, style.fontSize))
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
    """Define every TOC page's number form, now that each anchor's page is known."""
    form = None
    font: tuple[str, float] | None = None
    for item in state.pending:
        if item.form != form:
            if form is not None:
                canv.endForm()
            form, font = item.form, None
            # In page coordinates, clipped at the frame's right edge as the form of one line was.
            canv.beginForm(form, upperx=item.left + item.x + item.width)
        number = str(state.page_of(item.anchor))
        number_w = stringWidth(number, item.font, item.size)
        x = item.left + item.x
        if font != (item.font, item.size):
            font = item.font, item.size
            canv.setFont(*font)
        canv.drawRightString(x + item.width, item.baseline, number)
        # Dots on a grid measured from the frame's edge, so the columns of dots align line to line.
        first = math.ceil((item.x + LEADER_GAP) / DOT_SPACING) * DOT_SPACING - item.x
        last = item.width - number_w - LEADER_GAP
        count = int((last - first) // DOT_SPACING) + 1 if last > first else 0
        if count > 0:
            dot_w = stringWidth(".", item.font, item.size)
            text = canv.beginText(x + first, item.baseline)
            text.setFont(item.font, item.size)
            text.setCharSpace(DOT_SPACING - dot_w)
            text.textOut("." * count)
            text.setCharSpace(0)  # Tc outlives the text object: it would space the next number out
            canv.drawText(text)
    if form is not None:
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
