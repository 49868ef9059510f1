"""Vietnamese dates in the official style of Decree 30/2020/NĐ-CP."""

from __future__ import annotations

import datetime as dt

# Parsing lives in dateparse.py; re-exported so "from tgreport.vn.dates import parse_date" works.
from .dateparse import ParsedDate, find_dates, parse_date

__all__ = ["ParsedDate", "find_dates", "format_date", "format_period", "parse_date"]


def _official_day_month(value: dt.date) -> tuple[str, str]:
    # Decree 30/2020, Appendix I: days below 10 and the months 1 and 2 take a leading zero.
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return day, month


def format_date(value: dt.date, style: str = "official", place: str | None = None) -> str:
    """Format a date: "official" → "ngày 07 tháng 01 năm 2021"; "official_line" adds the place;
    "official_time" adds ", 21 giờ 38" for a datetime; "numeric" → "07/01/2021"."""
    if style in ("official", "official_line", "official_time"):
        day, month = _official_day_month(value)
        text = f"ngày {day} tháng {month} năm {value.year}"
        if style == "official_time" and isinstance(value, dt.datetime):
            text += f", {value.hour} giờ {value.minute:02d}"
        if style == "official_line":
            text = f"{place or 'Hà Nội'}, {text}"
        return text
    if style == "numeric":
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    raise ValueError(f"unknown date style {style!r}")


def format_period(start: dt.date, end: dt.date) -> str:
    """ "từ ngày 06 tháng 01 năm 2021 đến ngày 16 tháng 7 năm 2021", or one day alone."""
    if start == end:
        return format_date(start)
    return f"từ {format_date(start)} đến {format_date(end)}"
