"""Find periods in Vietnamese text: "tháng 3/2021", "quý I/2021", "6 tháng đầu năm 2021", "năm 2020"."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from tgreport.vn.dateparse import find_dates, resolve_year

PeriodKind = Literal["month", "quarter", "months", "year", "years", "range"]

_YEAR = r"(?P<y>(?:19|20)\d\d)"
_OF_YEAR = rf"(?:\s*(?:/|-|năm)\s*{_YEAR})"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_FLAGS = re.IGNORECASE
_PATTERNS: tuple[tuple[PeriodKind, re.Pattern[str]], ...] = (
    ("months", re.compile(
        rf"(?:(?<!\d)(?P<n>\d{{1,2}})\s+tháng|\bnửa)\s+(?P<side>đầu|cuối)\s+năm(?:\s+{_YEAR})?(?!\d)",
        _FLAGS)),
    ("quarter", re.compile(rf"\bquý\s+(?P<q>iv|i{{1,3}}|[1-4])(?![\w]){_OF_YEAR}?(?!\d)", _FLAGS)),
    ("range", re.compile(
        r"\btừ\s+tháng\s+(?P<m1>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y1>\d{4}))?\s*(?:đến|tới|-|–)\s*"
        rf"tháng\s+(?P<m2>\d{{1,2}}){_OF_YEAR}?(?!\d)", _FLAGS)),
    ("years", re.compile(
        r"(?:\bgiai\s+đoạn|\bnhiệm\s+kỳ|\btừ\s+năm)\s+(?P<y1>(?:19|20)\d\d)\s*(?:-|–|đến|tới)\s*"
        r"(?:năm\s+)?(?P<y2>(?:19|20)\d\d)(?!\d)", _FLAGS)),
    ("month", re.compile(rf"\btháng\s+(?P<m>\d{{1,2}})(?![\d/.-]\d{{1,2}}\b){_OF_YEAR}?(?![\d/])", _FLAGS)),
    ("year", re.compile(rf"\bnăm\s+{_YEAR}(?!\d)", _FLAGS)),
)  # fmt: skip


@dataclass(frozen=True)
class ParsedPeriod:
    """A period found in text: first and last day (inclusive), or None when the year is unknown
    ("tháng 3" with no context); ``kind`` says which form it was written in."""

    matched: str
    span: tuple[int, int]
    kind: PeriodKind
    start: dt.date | None
    end: dt.date | None

    @property
    def known(self) -> bool:
        return self.start is not None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _context_year(context: dt.date | int | None) -> int | None:
    return context if isinstance(context, int) or context is None else context.year


def _build(kind: PeriodKind, m: re.Match[str], context: dt.date | int | None) -> ParsedPeriod | None:
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else _context_year(context)
    start: dt.date | None = None
    end: dt.date | None = None
    if kind == "month":
        month = int(groups["m"])
        if not 1 <= month <= 12:
            return None
        if not groups.get("y") and isinstance(context, dt.date):
            year = resolve_year(15, month, context)  # "tháng 12" in a January article: last December
        if year is not None:
            start, end = dt.date(year, month, 1), _month_end(year, month)
    elif kind == "quarter":
        raw = groups["q"].lower()
        quarter = int(raw) if raw.isdigit() else _ROMAN[raw]
        if year is not None:
            start, end = dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    elif kind == "months":
        count = int(groups["n"]) if groups.get("n") else 6  # "nửa đầu năm": the first half
        if not 1 <= count <= 12:
            return None
        if year is not None:
            first = 1 if groups["side"].lower() == "đầu" else 13 - count
            start, end = dt.date(year, first, 1), _month_end(year, first + count - 1)
    elif kind == "year" and year is not None:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif kind == "years":
        y1, y2 = int(groups["y1"]), int(groups["y2"])
        if y2 < y1:
            return None
        start, end = dt.date(y1, 1, 1), dt.date(y2, 12, 31)
    elif kind == "range":
        m1, m2 = int(groups["m1"]), int(groups["m2"])
        first_year = int(groups["y1"]) if groups.get("y1") else year
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            return None
        if year is not None and first_year is not None:
            start, end = dt.date(first_year, m1, 1), _month_end(year, m2)
            if end < start:
                return None
    return ParsedPeriod(m.group(0), m.span(), kind, start, end)


def _date_ranges(text: str, context: dt.date | int | None) -> list[ParsedPeriod]:
    """ "từ (ngày) 6/1 đến (ngày) 10/1/2021": two dates joined by đến/tới/–; the first takes the
    second's year when it has none."""
    found = find_dates(text, context, include_invalid=False)
    out = []
    for first, second in itertools.pairwise(found):
        before = text[max(0, first.span[0] - 8) : first.span[0]].lower()
        between = text[first.span[1] : second.span[0]].strip().lower()
        if not re.search(r"\btừ\s*(?:ngày\s*)?$", before) or between not in ("đến", "tới", "-", "–",
                                                                             "đến ngày", "tới ngày"):
            continue
        if second.date is None:
            continue
        year = first.year if first.year is not None and first.year_source == "text" else second.date.year
        if first.year_source != "text" and (first.month, first.day) > (second.month, second.day):
            year -= 1  # "từ 28/12 đến 3/1/2021"
        try:
            start = dt.date(year, first.month, first.day)
        except ValueError:
            continue
        begin = first.span[0] - len(before) + before.rindex("từ")
        out.append(ParsedPeriod(text[begin : second.span[1]], (begin, second.span[1]), "range", start,
                                second.date))  # fmt: skip
    return out


def find_periods(text: str, context: dt.date | int | None = None) -> list[ParsedPeriod]:
    """Every period in ``text``, in order, longest first where they overlap ("6 tháng đầu năm 2021"
    rather than its "năm 2021"). ``context`` (a date or a year) fills a missing year."""
    text = unicodedata.normalize("NFC", text)
    candidates = _date_ranges(text, context)
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            found = _build(kind, m, context)
            if found is not None:
                candidates.append(found)
    candidates.sort(key=lambda c: (c.span[0] - c.span[1], c.span[0]))
    chosen: list[ParsedPeriod] = []
    for cand in candidates:
        if all(cand.span[1] <= c.span[0] or cand.span[0] >= c.span[1] for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.span)


def parse_period(text: str, context: dt.date | int | None = None) -> ParsedPeriod | None:
    """The first period in ``text`` (see find_periods), or None."""
    found = find_periods(text, context)
    return found[0] if found else None
