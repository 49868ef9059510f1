"""Finds words that mix Latin with Cyrillic or Greek look-alike letters ("Đảng" with a Cyrillic а)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tgreport.support.lazy import lazy_pattern

# A word is a run of letters and combining marks; digits and punctuation split words, so
# "β-blocker" or "α2" do not count as mixing.
_WORD = lazy_pattern(r"[^\W\d_]+")
MAX_REPORTED = 5
# Cyrillic letters drawn exactly like a Latin letter. A word made only of these, in text that is
# otherwise Latin ("Tin а Đảng" with a Cyrillic а), is a look-alike too. Greek is left out here:
# a lone α or π in Vietnamese text is a symbol, not a slip.
_TWINS = frozenset("авекмнорстухіјѕԁӏАВЕКМНОРСТУХІЈЅ")
_LATIN_SHARE = 0.8


@dataclass(frozen=True)
class LookAlike:
    """A word that mixes scripts, and the foreign letters in it."""

    word: str
    letters: tuple[str, ...]  # the non-Latin letters, in order of appearance, without repeats

    def describe(self) -> str:
        names = ", ".join(f"{unicodedata.name(c, '?').lower()} U+{ord(c):04X}" for c in self.letters)
        return f"{self.word!r} ({names})"


# Greek and Cyrillic letters. Most articles have none, and then nothing else is done (nor the
# other patterns compiled); otherwise the work per word is a few regex searches, so a megabyte of
# text (or one huge word) stays cheap.
_FOREIGN = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_LATIN = lazy_pattern("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LETTER = lazy_pattern(r"[^\W\d_]")
_NON_LATIN = lazy_pattern(r"[^\W\d_\u0000-\u024f\u0300-\u036f\u1e00-\u1eff]")


def find_lookalikes(text: str) -> list[LookAlike]:
    """Words of `text` that hold Latin letters together with Cyrillic or Greek ones.

    Scrapers and copy-paste sometimes bring in a Cyrillic "а" or a Greek "ο" that looks exactly
    like the Latin letter; search, sorting and the index then miss the word. Words wholly in
    Cyrillic count only when every letter has a Latin twin and the text around is Latin;
    otherwise they are quotations ("Москва"), not look-alikes.
    """
    if not _FOREIGN.search(text):
        return []
    total = len(_LETTER().findall(text))
    latin_text = total - len(_NON_LATIN().findall(text)) >= _LATIN_SHARE * total
    found: dict[str, LookAlike] = {}
    for match in _WORD().finditer(text):
        word = match.group()
        if word in found or not _FOREIGN.search(word):
            continue
        mixed = _LATIN().search(word) is not None
        if not mixed and not (latin_text and all(c in _TWINS for c in word)):
            continue
        found[word] = LookAlike(word, tuple(dict.fromkeys(_FOREIGN.findall(word))))
    return list(found.values())


def lookalike_warning(where: str, text: str) -> str | None:
    """One warning line for the look-alike words in `text`, or None when there are none."""
    words = find_lookalikes(text)
    if not words:
        return None
    shown = "; ".join(w.describe() for w in words[:MAX_REPORTED])
    more = f" and {len(words) - MAX_REPORTED} more" if len(words) > MAX_REPORTED else ""
    return f"{where} has words mixing Latin with Cyrillic or Greek look-alike letters: {shown}{more}"
