"""No page left holding only an article's last line or two: the last TAIL_LINES lines of an
article are kept together, so a tail that spills over takes at least that many lines with it.

ReportLab's own widow control (allowWidows=0) moves one line at most, inside one paragraph; an
article's tail is often a short last paragraph and the byline. Here the article's last
paragraph that reaches TAIL_LINES lines, counted from the end, is cut at a line with ReportLab's
own Paragraph.split, and the lines after the cut go into a KeepTogether with what follows them.
The two pieces of the cut paragraph read as one: the first keeps its justified last line and
loses its space after, the second has no first-line indent (Paragraph.split sees to that).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

TAIL_LINES = 4


def _lines(p: Paragraph, width: float) -> int:
    p.wrap(width, 1e9)
    return len(p.blPara.lines)


def keep_tail(flow: list[Flowable], width: float, lines: int = TAIL_LINES) -> list[Flowable]:
    """`flow` (one article's flowables after its heading) with its last `lines` lines kept together.

    `width` is the frame's width, the width every article paragraph is laid out at.
    """
    need = lines
    cut = len(flow)
    while cut > 0 and need > 0:
        item = flow[cut - 1]
        if isinstance(item, Spacer):
            cut -= 1  # a blank travels with the tail
            continue
        if not isinstance(item, Paragraph):
            break  # a photo or a table: the tail is the text after it
        count = _lines(item, width)
        # The cut leaves at least two lines before it: ReportLab refuses a one-line orphan.
        if count - need >= 2:
            head_height = (count - need) * item.style.leading + 1e-3
            parts = item.split(width, head_height)
            if len(parts) == 2:
                head, rest = parts
                head.style = head.style.clone(f"{head.style.name}-cut", spaceAfter=0)
                return [*flow[:cut - 1], head, KeepTogether([rest, *flow[cut:]])]
        need -= count
        cut -= 1
    if cut == len(flow):
        return flow
    return [*flow[:cut], KeepTogether(flow[cut:])]
