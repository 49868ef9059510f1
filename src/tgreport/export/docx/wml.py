"""WordprocessingML text: escaping, XML-forbidden characters and measurements in twips."""

from __future__ import annotations

import re
import unicodedata

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# What XML 1.0 forbids (control characters but tab, line feed and carriage return, surrogates,
# U+FFFE and U+FFFF) would make Word refuse the whole file, so it goes. Spelt as the few ranges
# it forbids: the complement of the ranges it allows compiles a thousand times slower (~5 ms
# of every DOCX run's imports).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """NFC text without the characters XML forbids."""
    if not text.isprintable():  # every forbidden character is unprintable: the cheap test first
        text = _FORBIDDEN.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def esc(text: str) -> str:
    """Text safe inside an element or a double-quoted attribute."""
    # Chained replace beats str.translate several times over on short strings.
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def twips(points: float) -> int:
    return round(points * 20)


def mm_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)
