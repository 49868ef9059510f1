"""Vietnamese text and dates: the one module every reader and exporter uses for them."""

from __future__ import annotations

from .collation import sort_key, sort_vietnamese
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
from .detect import Decoded, guess_encoding, repair_mojibake, vietnamese_score
from .encodings import LEGACY_ENCODINGS, decode_legacy, encode_legacy
from .syllables import is_syllable, split_syllable
from .text import clean_text, decode_bytes
from .tones import TONE_STYLES, normalize_tone_style

__all__ = [
    "LEGACY_ENCODINGS",
    "TONE_STYLES",
    "Decoded",
    "ParsedDate",
    "clean_text",
    "date_line",
    "date_problem",
    "decode_bytes",
    "decode_legacy",
    "encode_legacy",
    "find_dates",
    "format_date",
    "format_period",
    "guess_encoding",
    "is_syllable",
    "is_today_header",
    "normalize_tone_style",
    "parse_date",
    "repair_mojibake",
    "resolve_year",
    "sort_key",
    "sort_vietnamese",
    "split_syllable",
    "vietnamese_score",
    "year_named_in",
]
