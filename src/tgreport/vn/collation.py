"""Vietnamese alphabetical order (CLDR ``vi`` collation) as a pure-Python sort key."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# CLDR common/collation/vi.xml: "&̀<<̉<<̃<<́<<̣ &a<ă<<<Ă<â<<<Â &d<đ<<<Đ &e<ê<<<Ê &o<ô<<<Ô<ơ<<<Ơ
# &u<ư<<<Ư" — ă â đ ê ô ơ ư are letters of their own (primary), the tones a secondary difference
# in the order none, huyền, hỏi, ngã, sắc, nặng, and case a tertiary one.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER = {ch: i for i, ch in enumerate(_ALPHABET)}
# Base letter + shape mark → the Vietnamese letter it spells.
_SHAPED = {
    ("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư",
}  # fmt: skip
# Secondary weights: 0 for a letter itself, then the tones in CLDR vi order; other marks (é of a
# French name, ö, ç) come after, in code point order.
_TONE_WEIGHT = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# Primary groups, as in the CLDR root order: spaces < punctuation < symbols < digits < letters < rest.
_SPACE, _PUNCT, _SYMBOL, _DIGIT, _LATIN, _OTHER = (i << 21 for i in range(1, 7))
# The punctuation and symbols of news text in CLDR root order (as ICU 72 sorts them); others follow
# in their groups by code point.
_MARKS_ORDER = "_-–—,;:!¡?¿.…·'‘’\"“”«»()[]{}§¶@*/\\&#%‰•`^°©®+±÷×<=>|~¢$£¥₫€™"
_MARK = {ch: i for i, ch in enumerate(_MARKS_ORDER)}

SortKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def _primary(char: str) -> int:
    lower = char.lower()
    if lower in _LETTER:
        return _LATIN + _LETTER[lower]
    if char.isspace():
        return _SPACE
    if char.isdigit():
        return _DIGIT + unicodedata.digit(char, 0)
    if char in _MARK:
        return _PUNCT + _MARK[char]
    category = unicodedata.category(char)
    if category.startswith("P"):
        return _PUNCT + 0x100 + ord(char)
    if category.startswith("S"):
        return _SYMBOL + ord(char)
    return _OTHER + ord(char)


@lru_cache(maxsize=65536)
def sort_key(text: str) -> SortKey:
    """A key that sorts strings in Vietnamese order: ``sorted(names, key=sort_key)``.

    Letters a ă â b c d đ e ê … o ô ơ … u ư v x y; tones second (a à ả ã á ạ), case third (a A).
    Matches ICU's ``vi`` collator on Vietnamese text: letters, spaces, digits and the common
    punctuation and symbols; rarer marks keep their group (before digits) in code-point order."""
    nfd = unicodedata.normalize("NFD", text)
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    i = 0
    while i < len(nfd):
        char = nfd[i]
        i += 1
        marks = []
        while i < len(nfd) and unicodedata.combining(nfd[i]):
            marks.append(nfd[i])
            i += 1
        letter = char.lower()
        for mark in marks:
            if (letter, mark) in _SHAPED:
                letter = _SHAPED[(letter, mark)]
                marks.remove(mark)
                break
        primary.append(_primary(letter))
        secondary.append(0)
        tertiary.append(1 if char.isupper() else 0)
        # Each remaining mark is its own element with only a secondary weight, in text order.
        for mark in marks:
            secondary.append(_TONE_WEIGHT.get(mark, 16 + ord(mark)))
            tertiary.append(0)
    return tuple(primary), tuple(secondary), tuple(tertiary)


def sort_vietnamese(items: Iterable[str]) -> list[str]:
    """The strings in Vietnamese alphabetical order."""
    return sorted(items, key=sort_key)
