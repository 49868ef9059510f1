"""Numbers and lists the Vietnamese way, through Babel: "1.234.567,5", "A, B và C"."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from babel import lists as babel_lists
from babel import numbers as babel_numbers


def format_number(value: float | int | Decimal, decimals: int | None = None) -> str:
    """ "1.234.567,5": dot groups thousands, comma marks decimals; ``decimals`` fixes their count."""
    if decimals is None:
        return str(babel_numbers.format_decimal(value, locale="vi"))
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return str(babel_numbers.format_decimal(value, format=pattern, locale="vi"))


ListStyle = Literal["standard", "or"]


def format_list(items: Sequence[str], style: ListStyle = "standard") -> str:
    """ "A, B và C" ("standard"), "A, B hoặc C" ("or")."""
    return str(babel_lists.format_list(list(items), style=style, locale="vi"))
