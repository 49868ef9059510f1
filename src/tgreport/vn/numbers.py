"""Numbers and lists the Vietnamese way, through Babel: "1.234.567,5", "A, B và C"."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

# Babel is imported by the functions that use it: most runs format no number through it, and
# importing it (and compiling its plural rules) cost every run tens of milliseconds.


def format_number(value: float | int | Decimal, decimals: int | None = None) -> str:
    """ "1.234.567,5": dot groups thousands, comma marks decimals; ``decimals`` fixes their count."""
    from babel import numbers as babel_numbers

    if decimals is None:
        return str(babel_numbers.format_decimal(value, locale="vi"))
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return str(babel_numbers.format_decimal(value, format=pattern, locale="vi"))


ListStyle = Literal["standard", "or"]


def format_list(items: Sequence[str], style: ListStyle = "standard") -> str:
    """ "A, B và C" ("standard"), "A, B hoặc C" ("or")."""
    from babel import lists as babel_lists

    return str(babel_lists.format_list(list(items), style=style, locale="vi"))
