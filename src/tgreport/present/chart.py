"""The overview page's charts, computed and drawn once: coverage per day and per source.

`charts` counts what each chart shows; `figure` lays a chart out as rectangles, lines and
texts at positions in points. Exporters only translate those shapes (ReportLab graphics for the
PDF, inline SVG for HTML, EPUB and the WeasyPrint PDF), so every format shows the same picture;
the DOCX, which has no drawing of its own here, shows the same bars as shaded table cells.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from tgreport.assemble.sections import UNKNOWN_SOURCE
from tgreport.assemble.titles import source_text
from tgreport.model import Report

DAY_TITLE = "Số bài theo ngày"
MONTH_TITLE = "Số bài theo tháng"
YEAR_TITLE = "Số bài theo năm"
SOURCE_TITLE = "Số bài theo nguồn"
OTHER_SOURCES = "Các nguồn khác"

MAX_DAYS = 31  # a longer span is counted by month, and beyond MAX_MONTHS by year
MAX_MONTHS = 36
MAX_SOURCES = 10  # the most frequent; the rest share one bar

FILL = "#3f5f8f"  # a blue that prints as a mid grey on an office's black-and-white printer
INK = "#000000"
TITLE_SIZE = 10.0
LABEL_SIZE = 7.5
WIDTH = 440.0  # points (155 mm): a chart's width where the page has the room (A4 does)
COLUMN_HEIGHT = 150.0  # points: a column chart's whole height
ROW_HEIGHT = 14.0  # points: one source's bar and gap
LABEL_SHARE = 0.42  # of the width: the source names' column
# The average advance of a character, as a share of the font size, in the serif body fonts:
# the names' column is cut to what this says fits (no font is measured, so every format agrees).
AVERAGE_ADVANCE = 0.5


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[tuple[str, int], ...]  # (label, count), in the order drawn
    columns: bool  # True: vertical bars along time; False: horizontal bars, one per source


def charts(report: Report) -> tuple[Chart, ...]:
    """The overview's charts: articles per day (month, year) over the period, and per source.
    A chart with nothing to show (no dated article) is left out."""
    result = []
    timeline = _timeline(report)
    if timeline is not None:
        result.append(timeline)
    articles = report.all_articles()
    if articles:
        sources = Counter(source_text(a) or UNKNOWN_SOURCE for a in articles)
        ranked = sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > MAX_SOURCES:
            rest = sum(n for _, n in ranked[MAX_SOURCES - 1:])
            ranked = [*ranked[:MAX_SOURCES - 1], (OTHER_SOURCES, rest)]
        result.append(Chart(SOURCE_TITLE, tuple(ranked), columns=False))
    return tuple(result)


def _timeline(report: Report) -> Chart | None:
    dates = [a.date for a in report.all_articles() if a.date is not None]
    if not dates:
        return None
    first, last = min(dates), max(dates)
    if report.period is not None:  # the whole period asked for, its empty days included
        first, last = min(first, report.period.start), max(last, report.period.end)
    counts = Counter(dates)
    if (last - first).days < MAX_DAYS:
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        return Chart(DAY_TITLE, tuple((f"{d:%d/%m}", counts[d]) for d in days), columns=True)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MAX_MONTHS:
        by_month = Counter((d.year, d.month) for d in dates)
        keys = [divmod(first.year * 12 + first.month - 1 + n, 12) for n in range(months)]
        return Chart(MONTH_TITLE, tuple((f"{m + 1:02d}/{y}", by_month[y, m + 1]) for y, m in keys),
                     columns=True)
    by_year = Counter(d.year for d in dates)
    return Chart(YEAR_TITLE, tuple((str(y), by_year[y]) for y in range(first.year, last.year + 1)),
                 columns=True)


Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float  # top edge, from the figure's top
    width: float
    height: float
    fill: str = FILL


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = INK


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # the baseline, from the figure's top
    text: str
    size: float = LABEL_SIZE
    anchor: Anchor = "start"
    bold: bool = False


@dataclass(frozen=True)
class Figure:
    """A chart laid out: `width` × `height` points, y growing downwards (as in SVG)."""

    title: str
    width: float
    height: float
    shapes: tuple[Rect | Line | Text, ...]


def figure(chart: Chart, width: float) -> Figure:
    """`chart` laid out `width` points wide; its height follows from its bars."""
    shapes: list[Rect | Line | Text] = [Text(0, TITLE_SIZE, chart.title, TITLE_SIZE, "start", bold=True)]
    top = TITLE_SIZE + 10
    most = max((n for _, n in chart.bars), default=0) or 1
    if chart.columns:
        height = COLUMN_HEIGHT
        base = height - LABEL_SIZE - 6  # the axis; the labels under it
        room = base - top - LABEL_SIZE - 3  # the tallest bar leaves room for its count above
        slot = width / max(len(chart.bars), 1)
        # Labels every `step` columns, so they never run into each other ("07/01" is ~5 em).
        step = max(1, math.ceil(5 * AVERAGE_ADVANCE * LABEL_SIZE * 1.4 / slot))
        for i, (label, count) in enumerate(chart.bars):
            middle = slot * (i + 0.5)
            bar = room * count / most
            if count:
                shapes.append(Rect(slot * (i + 0.15), base - bar, slot * 0.7, bar))
                shapes.append(Text(middle, base - bar - 2, str(count), LABEL_SIZE, "middle"))
            if i % step == 0:
                shapes.append(Text(middle, height - 2, label, LABEL_SIZE, "middle"))
        shapes.append(Line(0, base, width, base))
        return Figure(chart.title, width, height, tuple(shapes))
    names = width * LABEL_SHARE
    bars_room = width - names - 6 - 4 * AVERAGE_ADVANCE * LABEL_SIZE  # room for "1234" after a bar
    height = top + ROW_HEIGHT * len(chart.bars) + 4
    for i, (label, count) in enumerate(chart.bars):
        row = top + ROW_HEIGHT * i
        baseline = row + ROW_HEIGHT / 2 + LABEL_SIZE * 0.35
        shapes.append(Text(names - 4, baseline, fit(label, names - 6, LABEL_SIZE), LABEL_SIZE, "end"))
        bar = bars_room * count / most
        shapes.append(Rect(names, row + 2, bar, ROW_HEIGHT - 4))
        shapes.append(Text(names + bar + 3, baseline, str(count), LABEL_SIZE, "start"))
    shapes.append(Line(names, top, names, height - 4))
    return Figure(chart.title, width, height, tuple(shapes))


def fit(label: str, width: float, size: float) -> str:
    """`label`, cut with "…" to what AVERAGE_ADVANCE says fits in `width` points."""
    most = int(width / (AVERAGE_ADVANCE * size))
    if len(label) <= most:
        return label
    return label[:max(most - 1, 1)].rstrip() + "…"
