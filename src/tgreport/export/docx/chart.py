"""The overview's charts in Word: the same bars as present.chart's, as shaded table cells.

A column chart is a grid of LEVELS rows under a row for the tallest count: a day's column is
shaded up to its share of the tallest, its count written in the cell just above, its label
under the axis. A source chart is a row per source: the name, a shaded run of cells as long as
its share of the largest count, then the count. Rows have exact heights, so the page estimate
(layout.py) knows the table's height, and Word and LibreOffice draw it the same.
"""

from __future__ import annotations

import math

from tgreport.export.docx.paragraphs import Para, text
from tgreport.export.docx.wml import esc, twips
from tgreport.present import chart

LEVELS = 10  # a column chart's shaded rows
UNITS = 40  # a source bar's cells at full length
TEXT_ROW = 11.0  # points: the counts' and labels' rows
_NO_BORDERS = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH",
                                                                 "insideV"))


def chart_paras(c: chart.Chart, text_width: int) -> list[Para]:
    """The chart's title, then its table, `text_width` twips wide at most."""
    width = min(twips(chart.WIDTH), text_width)
    table, height = _columns(c, width) if c.columns else _rows(c, width)
    return [Para("SummaryLine", [text(c.title, bold=True)], after=twips(4)),
            Para("SummaryLine", xml=table, height=height)]


def _columns(c: chart.Chart, width: int) -> tuple[str, int]:
    count = max(len(c.bars), 1)
    col = width // count
    most = max((n for _, n in c.bars), default=0) or 1
    levels = [max(1, round(LEVELS * n / most)) if n else 0 for _, n in c.bars]
    level_height = twips((chart.COLUMN_HEIGHT - chart.TITLE_SIZE - 10 - 2 * TEXT_ROW) / LEVELS)
    rows = []
    for row in range(LEVELS + 1):  # top row: counts of the tallest columns only
        level = LEVELS + 1 - row
        cells = []
        for (_, n), shaded in zip(c.bars, levels, strict=True):
            axis = {"bottom": _RULE} if row == LEVELS else {}
            if shaded >= level:
                cells.append(_cell(col, "", fill=chart.FILL,
                                   borders={"left": _gap(col * 0.15), "right": _gap(col * 0.15), **axis}))
            elif n and shaded + 1 == level:
                cells.append(_cell(col, str(n), align="center", borders=axis))
            else:
                cells.append(_cell(col, "", borders=axis))
        rows.append(_row(cells, twips(TEXT_ROW) if row == 0 else level_height))
    # Labels every `step` columns, centred under their own column as in the drawing.
    step = max(1, math.ceil(5 * chart.AVERAGE_ADVANCE * chart.LABEL_SIZE * 1.4 / (width / count / 20)))
    labels = []
    for i, (label, _) in enumerate(c.bars):
        if i % step == 0:
            span = min(step, count - i)
            labels.append(_cell(col * span, label, align="center", span=span))
    rows.append(_row(labels, twips(TEXT_ROW)))
    height = twips(TEXT_ROW) * 2 + level_height * LEVELS
    return _table([col] * count, rows), height


def _rows(c: chart.Chart, width: int) -> tuple[str, int]:
    names = round(width * chart.LABEL_SHARE)
    bars_room = round(width - names - twips(6 + 4 * chart.AVERAGE_ADVANCE * chart.LABEL_SIZE))
    unit = bars_room // UNITS
    rest = width - names - unit * UNITS
    most = max((n for _, n in c.bars), default=0) or 1
    rows = []
    for label, n in c.bars:
        cells = [_cell(names, chart.fit(label, names / 20 - 6, chart.LABEL_SIZE), align="right", pad=80)]
        length = max(1, round(UNITS * n / most)) if n else 0
        if length:
            cells.append(_cell(unit * length, "", fill=chart.FILL, span=length,
                               borders={"top": _gap(twips(2)), "left": _RULE, "bottom": _gap(twips(2))}))
        cells.append(_cell(unit * (UNITS - length) + rest, str(n), span=UNITS - length + 1,
                           borders={} if length else {"left": _RULE}))
        rows.append(_row(cells, twips(chart.ROW_HEIGHT)))
    return _table([names] + [unit] * UNITS + [rest], rows), twips(chart.ROW_HEIGHT) * len(c.bars)


def _table(grid: list[int], rows: list[str]) -> str:
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(grid)}" w:type="dxa"/>'
        f'<w:tblBorders>{_NO_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{cols}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )


def _row(cells: list[str], height: int) -> str:
    return (f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="exact"/></w:trPr>'
            f'{"".join(cells)}</w:tr>')


_SIDES = ("top", "left", "bottom", "right")  # the order WordprocessingML's schema asks
_RULE = (4, "000000")  # a 0.5 pt black rule: the axis


def _cell(width: int, value: str, *, fill: str | None = None, align: str = "left", span: int = 1,
          borders: dict[str, tuple[int, str]] | None = None, pad: int = 0) -> str:
    """One cell; `borders` side → (eighths of a point, colour)."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if borders:
        props += "<w:tcBorders>" + "".join(
            f'<w:{side} w:val="single" w:sz="{borders[side][0]}" w:space="0" w:color="{borders[side][1]}"/>'
            for side in _SIDES if side in borders) + "</w:tcBorders>"
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill.lstrip("#").upper()}"/>'
    props += '<w:vAlign w:val="bottom"/>'
    size = round(chart.LABEL_SIZE * 2)
    run = (f'<w:r><w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr><w:t>{esc(value)}</w:t></w:r>'
           if value else "")
    left = 40 if align == "left" else 0
    return (
        f"<w:tc><w:tcPr>{props}</w:tcPr>"
        '<w:p><w:pPr><w:pStyle w:val="Normal"/><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="200"'
        f' w:lineRule="exact"/><w:ind w:left="{left}" w:right="{pad}" w:firstLine="0"/>'
        f'<w:jc w:val="{align}"/></w:pPr>{run}</w:p></w:tc>'
    )


def _gap(twips_wide: float) -> tuple[int, str]:
    """A white border over a bar's shading, the space between bars as in the drawing: in
    eighths of a point (2.5 twips each), 12 pt at most as Word allows."""
    return min(96, max(2, round(twips_wide / 2.5))), "FFFFFF"
