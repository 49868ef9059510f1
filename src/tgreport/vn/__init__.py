"""Vietnamese text and dates: the one module every reader and exporter uses for them."""

from __future__ import annotations

from .dates import format_date, format_period
from .text import clean_text, decode_bytes

__all__ = ["clean_text", "decode_bytes", "format_date", "format_period"]
