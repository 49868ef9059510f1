"""Vietnamese text and dates: the one module every reader and exporter uses for them.

Each name is imported from its module on first use (support.lazy): a digest made again from its
JSON export parses no date nor period, and imports none of their patterns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tgreport.support.lazy import lazy_names

if TYPE_CHECKING:
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
    from tgreport.vn.dates import (
        DATE_STYLES,
        VIETNAM,
        format_date,
        format_period,
        format_span,
        format_time,
        weekday_name,
    )
    from tgreport.vn.detect import Decoded, guess_encoding, repair_mojibake, vietnamese_score
    from tgreport.vn.encodings import LEGACY_ENCODINGS, decode_legacy, encode_legacy
    from tgreport.vn.numbers import format_list, format_number
    from tgreport.vn.periods import ParsedPeriod, find_periods, parse_period
    from tgreport.vn.syllables import is_syllable, split_syllable
    from tgreport.vn.text import clean_text, decode_bytes, printable
    from tgreport.vn.tones import TONE_STYLES, normalize_tone_style

_MODULES = {
    "collation": ("sort_key", "sort_vietnamese"),
    "dateparse": ("ParsedDate", "date_line", "date_problem", "find_dates", "is_today_header", "may_hold_date",
                  "parse_date", "resolve_year", "year_named_in"),
    "dates": ("DATE_STYLES", "VIETNAM", "format_date", "format_period", "format_span", "format_time",
              "weekday_name"),
    "detect": ("Decoded", "guess_encoding", "repair_mojibake", "vietnamese_score"),
    "encodings": ("LEGACY_ENCODINGS", "decode_legacy", "encode_legacy"),
    "numbers": ("format_list", "format_number"),
    "periods": ("ParsedPeriod", "find_periods", "parse_period"),
    "syllables": ("is_syllable", "split_syllable"),
    "text": ("clean_text", "decode_bytes", "printable"),
    "tones": ("TONE_STYLES", "normalize_tone_style"),
}
_NAMES = {name: (f"{__name__}.{module}", name) for module, names in _MODULES.items() for name in names}

if not TYPE_CHECKING:  # type checkers see the imports above
    __getattr__ = lazy_names(__name__, globals(), _NAMES)


def __dir__() -> list[str]:
    return sorted({*globals(), *_NAMES})


__all__ = [
    "DATE_STYLES",
    "LEGACY_ENCODINGS",
    "TONE_STYLES",
    "VIETNAM",
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
