"""Finds words that mix Latin with Cyrillic or Greek look-alike letters ("Đảng" with a Cyrillic а)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A word is a run of letters and combining marks; digits and punctuation split words, so
# "β-blocker" or "α2" do not count as mixing.
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
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


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for script in _SCRIPTS:
        if name.startswith(script):
            return script
    return None


def find_lookalikes(text: str) -> list[LookAlike]:
    """Words of `text` that hold Latin letters together with Cyrillic or Greek ones.

    Scrapers and copy-paste sometimes bring in a Cyrillic "а" or a Greek "ο" that looks exactly
    like the Latin letter; search, sorting and the index then miss the word. Words wholly in
    Cyrillic count only when every letter has a Latin twin and the text around is Latin;
    otherwise they are quotations ("Москва"), not look-alikes.
    """
    found: dict[str, LookAlike] = {}
    words = [match.group() for match in _WORD.finditer(text)]
    letters = [_script(c) for word in words if not word.isascii() for c in word]
    total = sum(len(word) for word in words)
    latin_text = total > 0 and (total - len(letters) + letters.count("LATIN")) >= _LATIN_SHARE * total
    for word in words:
        if word in found or word.isascii():
            continue
        scripts = {_script(c) for c in word}
        mixed = "LATIN" in scripts and bool(scripts & {"CYRILLIC", "GREEK"})
        if not mixed and not (latin_text and all(c in _TWINS for c in word)):
            continue
        foreign = tuple(dict.fromkeys(c for c in word if _script(c) in ("CYRILLIC", "GREEK")))
        found[word] = LookAlike(word, foreign)
    return list(found.values())


def lookalike_warning(where: str, text: str) -> str | None:
    """One warning line for the look-alike words in `text`, or None when there are none."""
    words = find_lookalikes(text)
    if not words:
        return None
    shown = "; ".join(w.describe() for w in words[:MAX_REPORTED])
    more = f" and {len(words) - MAX_REPORTED} more" if len(words) > MAX_REPORTED else ""
    return f"{where} has words mixing Latin with Cyrillic or Greek look-alike letters: {shown}{more}"
