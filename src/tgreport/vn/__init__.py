"""Vietnamese text and dates: the one module every reader and exporter uses for them."""

from __future__ import annotations

from tgreport.vn.collation import sort_key, sort_vietnamese
from tgreport.vn.dateparse import (
    ParsedDate,
    date_line,
    date_problem,
    find_dates,
    is_today_header,
    may_hold_date,
    parse_date,
    resolve_year,
    year_named_in,
)
from tgreport.vn.dates import DATE_STYLES, format_date, format_period, format_span, format_time, weekday_name
from tgreport.vn.detect import Decoded, guess_encoding, repair_mojibake, vietnamese_score
from tgreport.vn.encodings import LEGACY_ENCODINGS, decode_legacy, encode_legacy
from tgreport.vn.numbers import format_list, format_number
from tgreport.vn.periods import ParsedPeriod, find_periods, parse_period
from tgreport.vn.syllables import is_syllable, split_syllable
from tgreport.vn.text import clean_text, decode_bytes, printable
from tgreport.vn.tones import TONE_STYLES, normalize_tone_style

__all__ = [
    "DATE_STYLES",
    "LEGACY_ENCODINGS",
    "TONE_STYLES",
    "Decoded",
    "ParsedDate",
    "ParsedPeriod",
    "clean_text",
    "date_line",
    "date_problem",
    "decode_bytes",
    "decode_legacy",
    "encode_legacy",
    "find_dates",
    "find_periods",
    "format_date",
    "format_list",
    "format_number",
    "format_period",
    "format_span",
    "format_time",
    "guess_encoding",
    "is_syllable",
    "is_today_header",
    "may_hold_date",
    "normalize_tone_style",
    "parse_date",
    "parse_period",
    "printable",
    "repair_mojibake",
    "resolve_year",
    "sort_key",
    "sort_vietnamese",
    "split_syllable",
    "vietnamese_score",
    "weekday_name",
    "year_named_in",
]
