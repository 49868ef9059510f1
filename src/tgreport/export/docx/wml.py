"""WordprocessingML text: escaping, XML-forbidden characters and measurements in twips."""

from __future__ import annotations

import re
import unicodedata

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# XML 1.0 allows only these characters; anything else (form feeds, stray surrogates, U+FFFE…)
# would make Word refuse the whole file, so it goes.
_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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
