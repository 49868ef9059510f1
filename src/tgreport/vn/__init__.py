"""Vietnamese text and dates: the one module every reader and exporter uses for them."""

from __future__ import annotations

from .dateparse import (
    ParsedDate,
    date_line,
    date_problem,
    find_dates,
    is_today_header,
    parse_date,
    resolve_year,
    year_named_in,
)
from .dates import format_date, format_period
from .text import clean_text, decode_bytes

__all__ = [
    "ParsedDate",
    "clean_text",
    "date_line",
    "date_problem",
    "decode_bytes",
    "find_dates",
    "format_date",
    "format_period",
    "is_today_header",
    "parse_date",
    "resolve_year",
    "year_named_in",
]
