"""Tone-mark placement in open oa/oe/uy syllables: "hòa" style or "hoà" style."""

from __future__ import annotations

import re
import unicodedata

from tgreport.vn.syllables import TONE_MARKS, split_syllable

TONE_STYLES = ("hòa", "hoà")
# Only these three rimes, with nothing after them, have two accepted placements (hòa/hoà,
# khỏe/khoẻ, thủy/thuỷ). "quý" (qu + y), "hoàn", "thuyền", "khuya" have one.
_OPEN_RIMES = ("oa", "oe", "uy")


def _with_tones(letters: str) -> str:
    return letters + "".join(unicodedata.normalize("NFC", c + mark) for c in letters for mark in TONE_MARKS)


# The words _restyle can change: those whose last two letters are o/u then a/e/y, each with or
# without a tone mark (an open rime; a tone on the "i" of "gi" is moved too). Only they are
# looked at: most names and positions hold none, and split_syllable on every word cost the
# citation index more than finding the people in it.
_ENDS_OPEN = re.compile(
    rf"(?<![^\W\d_])[^\W\d_]*(?:[{_with_tones('oO')}][{_with_tones('aAeE')}]|[{_with_tones('uU')}][{_with_tones('yY')}])"
    r"(?![^\W\d_])"
)


def normalize_tone_style(text: str, style: str | None = None) -> str:
    """Move the tone mark of open oa/oe/uy syllables to one placement.

    ``style="hòa"`` puts it on the first vowel (hòa, thủy, khỏe, Ủy), ``style="hoà"`` on the second
    (hoà, thuỷ, khoẻ, Uỷ); None (the default) leaves the text as written. Case is kept; every other
    syllable, and any word that is not Vietnamese, is left untouched. Returns NFC text."""
    if style is None:
        return text
    if style not in TONE_STYLES:
        raise ValueError(f"unknown tone style {style!r}; use 'hòa' or 'hoà'")
    first = style == "hòa"
    return _ENDS_OPEN.sub(lambda m: _restyle(m.group(0), first), unicodedata.normalize("NFC", text))


def _restyle(word: str, first: bool) -> str:
    syllable = split_syllable(word)
    if syllable is None or syllable.tone == 0 or syllable.rime not in _OPEN_RIMES or syllable.onset == "qu":
        return word
    tone = TONE_MARKS[syllable.tone - 1]
    bare = [unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", ch) if c != tone))
            for ch in word]  # fmt: skip
    # The rime is the last two letters of the word: o/u then a/e/y.
    target = len(word) - (2 if first else 1)
    bare[target] = unicodedata.normalize("NFC", bare[target] + tone)
    return "".join(bare)
