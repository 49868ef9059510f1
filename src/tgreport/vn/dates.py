"""Vietnamese dates and periods as text: the official style of Decree 30/2020/NĐ-CP, and Babel's."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from tgreport.support.lazy import lazy_names

if TYPE_CHECKING:
    from tgreport.vn.dateparse import ParsedDate, find_dates, parse_date
else:
    # Parsing lives in dateparse.py; re-exported so "from tgreport.vn.dates import parse_date"
    # works, and imported when asked for: formatting a date needs none of its patterns.
    __getattr__ = lazy_names(__name__, globals(), {
        name: ("tgreport.vn.dateparse", name) for name in ("ParsedDate", "find_dates", "parse_date")})

__all__ = [
    "DATE_STYLES",
    "VIETNAM",
    "ParsedDate",
    "find_dates",
    "format_date",
    "format_period",
    "format_time",
    "parse_date",
    "roman",
    "weekday_name",
]

# Vietnam's time (UTC+7, no daylight saving): the day a report and its articles are dated in.
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

DATE_STYLES = (
    "official",  # ngày 07 tháng 01 năm 2021
    "official_line",  # Hà Nội, ngày 07 tháng 01 năm 2021
    "official_time",  # ngày 07 tháng 01 năm 2021, 21 giờ 38 (a datetime)
    "official_weekday",  # thứ Năm, ngày 07 tháng 01 năm 2021
    "numeric",  # 07/01/2021
    "numeric_time",  # 07/01/2021 21:38 (a datetime)
    "short",  # 7/1/21 (Babel)
    "medium",  # 7 thg 1, 2021 (Babel)
    "long",  # 7 tháng 1, 2021 (Babel)
    "full",  # Thứ Năm, 7 tháng 1, 2021 (Babel)
)
_BABEL_STYLES = ("short", "medium", "long", "full")
_ROMAN = ("I", "II", "III", "IV")


def _day(day: int) -> str:
    # Decree 30/2020, Appendix I: days below 10 take a leading zero …
    return f"{day:02d}"


def _month(month: int) -> str:
    # … and so do the months 1 and 2, but not 3–12.
    return f"{month:02d}" if month <= 2 else str(month)


def roman(number: int) -> str:
    """Roman numeral of a quarter (1–4), as statistics offices write "quý IV"."""
    return _ROMAN[number - 1]


def weekday_name(value: dt.date, capital: bool = False) -> str:
    """The weekday as official running text writes it: "thứ Năm", "Chủ nhật" (CLDR's Babel names
    capitalise both words: "Thứ Năm", "Chủ Nhật"); ``capital`` for the start of a line."""
    from babel import dates as babel_dates  # only here and for CLDR's styles: see numbers.py

    wide = babel_dates.get_day_names("wide", locale="vi")[value.weekday()]  # "Thứ Năm", "Chủ Nhật"
    first, second = wide.split(" ", 1)
    if value.weekday() == 6:
        return f"Chủ {second.lower()}"  # a proper noun: always "Chủ nhật"
    return f"{first if capital else first.lower()} {second}"


def format_time(value: dt.time | dt.datetime, style: str = "official") -> str:
    """A time of day: "official" → "21 giờ 38", "numeric" → "21:38"."""
    if style == "official":
        return f"{value.hour} giờ {value.minute:02d}"
    if style == "numeric":
        return f"{value.hour:02d}:{value.minute:02d}"
    raise ValueError(f"unknown time style {style!r}; use 'official' or 'numeric'")


def format_date(value: dt.date | ParsedDate, style: str = "official", place: str | None = None) -> str:
    """Format a date in one of DATE_STYLES (default "official": "ngày 07 tháng 01 năm 2021").

    "official_line" puts the place first ("Hà Nội, …"); "official_time" and "numeric_time" add the
    time of a datetime; "short"/"medium"/"long"/"full" are CLDR's, through Babel. A ParsedDate
    whose year is unknown gives "ngày 06 tháng 01" in the official styles (and ValueError in the
    others): the year is never guessed."""
    if not isinstance(value, dt.date):  # a ParsedDate (told apart without importing the parser)
        if value.value is not None:
            value = value.value
        elif value.problem is None and style in ("official", "official_line"):
            text = f"ngày {_day(value.day)} tháng {_month(value.month)}"
            return f"{place or 'Hà Nội'}, {text}" if style == "official_line" else text
        else:
            raise ValueError(f"cannot format {value.matched!r}: {value.problem or 'the year is unknown'}")
    if style in ("official", "official_line", "official_time", "official_weekday"):
        text = f"ngày {_day(value.day)} tháng {_month(value.month)} năm {value.year}"
        if style == "official_time" and isinstance(value, dt.datetime):
            text += f", {format_time(value)}"
        elif style == "official_line":
            text = f"{place or 'Hà Nội'}, {text}"
        elif style == "official_weekday":
            text = f"{weekday_name(value)}, {text}"
        return text
    if style in ("numeric", "numeric_time"):
        text = f"{value.day:02d}/{value.month:02d}/{value.year}"
        if style == "numeric_time" and isinstance(value, dt.datetime):
            text += f" {format_time(value, 'numeric')}"
        return text
    if style in _BABEL_STYLES:
        from babel import dates as babel_dates

        day = value.date() if isinstance(value, dt.datetime) else value
        return str(babel_dates.format_date(day, style, locale="vi"))
    raise ValueError(f"unknown date style {style!r}; known: {', '.join(DATE_STYLES)}")


def _month_end(year: int, month: int) -> dt.date:
    # The day before the next month's first: calendar (0.5 ms to import) is not needed for it.
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def format_period(start: dt.date, end: dt.date, *, named: bool = True) -> str:
    """A period in official words. Whole calendar spans get their name (``named``, the default):
    "tháng 01 năm 2021", "quý I năm 2021", "6 tháng đầu năm 2021", "9 tháng đầu năm 2021",
    "6 tháng cuối năm 2021", "năm 2021", "từ tháng 3 đến tháng 5 năm 2021"; any other span is
    "từ ngày 06 tháng 01 năm 2021 đến ngày 16 tháng 7 năm 2021", and one day is that day."""
    if end < start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")
    if start == end:
        return format_date(start)
    if named and start.day == 1 and end == _month_end(end.year, end.month):
        name = _name_months(start.year, start.month, end.year, end.month)
        if name:
            return name
    return f"từ {format_date(start)} đến {format_date(end)}"


def format_span(start: dt.date, end: dt.date) -> str:
    """A span of days said once, as a digest's issue line does: "từ ngày 14 đến ngày 20 tháng 6 năm
    2021"; the month or year only where the two ends differ ("từ ngày 28 tháng 6 đến ngày 04
    tháng 7 năm 2021"). The same zero rule as format_date (Decree 30)."""
    if end < start:
        raise ValueError(f"span ends ({end}) before it starts ({start})")
    if start == end:
        return format_date(start)
    if start.year != end.year:
        return f"từ {format_date(start)} đến {format_date(end)}"
    first = f"ngày {_day(start.day)}" if start.month == end.month else \
        f"ngày {_day(start.day)} tháng {_month(start.month)}"
    return f"từ {first} đến {format_date(end)}"


def _name_months(y1: int, m1: int, y2: int, m2: int) -> str | None:
    if y1 != y2:
        if (m1, m2) == (1, 12):
            return f"từ năm {y1} đến năm {y2}"
        return f"từ tháng {_month(m1)} năm {y1} đến tháng {_month(m2)} năm {y2}"
    year = y1
    if m1 == m2:
        return f"tháng {_month(m1)} năm {year}"
    if (m1, m2) == (1, 12):
        return f"năm {year}"
    if m1 % 3 == 1 and m2 == m1 + 2:
        return f"quý {roman(m2 // 3)} năm {year}"
    if (m1, m2) == (7, 12):
        return f"6 tháng cuối năm {year}"
    if m1 == 1:
        return f"{m2} tháng đầu năm {year}"
    return f"từ tháng {_month(m1)} đến tháng {_month(m2)} năm {year}"
