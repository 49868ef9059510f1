"""The terms an office wants seen (Settings.highlight: its name, the resolutions it follows),
found in a text the same way for every format.

A term matches whole words, whatever the case, the Unicode form (NFC or decomposed) and the
tone-mark style ("hòa" and "hoà", "Thủy" and "Thuỷ" are one word), with any run of spaces
between its words. `pieces` cuts a text into (piece, marked) runs; exporters escape each piece
and mark the marked ones their own way (bold runs, <mark>), so a mark never falls inside markup.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from tgreport.present import _restyle_text

Pieces = tuple[tuple[str, bool], ...]


def _key(text: str) -> str:
    """`text` (NFC) in lower case and one tone-mark style, character for character, so that a
    match in the key is a match at the same place in the text."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters: keep such letters as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # present's restyler looks only at the words a tone style can change: ~20× faster on prose.
    styled = _restyle_text(lowered, "hòa")
    return styled if len(styled) == len(text) else lowered


@functools.lru_cache(maxsize=16)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    words = [_key(unicodedata.normalize("NFC", t)).split() for t in terms]
    # Longest first, so "Nghị quyết 05-NQ/TW" wins over "Nghị quyết" where both match.
    alternatives = sorted({r"\s+".join(map(re.escape, w)) for w in words if w}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(alternatives)})(?![^\W_])")


def pieces(text: str, terms: tuple[str, ...]) -> Pieces:
    """`text` (made NFC) as runs of (piece, whether a term); one unmarked run when none matches."""
    text = unicodedata.normalize("NFC", text)
    pattern = _pattern(terms) if terms else None
    if pattern is None or not text:
        return ((text, False),)
    out: list[tuple[str, bool]] = []
    done = 0
    for match in pattern.finditer(_key(text)):
        if match.start() > done:
            out.append((text[done:match.start()], False))
        out.append((text[match.start():match.end()], True))
        done = match.end()
    if done < len(text):
        out.append((text[done:], False))
    return tuple(out) if out else ((text, False),)

