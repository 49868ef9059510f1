"""English counts with the noun in the right number: "1 article", "2 articles"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "0 articles", "3 input files"; `plural` for nouns that do not take an -s."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
