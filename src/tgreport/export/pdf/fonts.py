"""Registers the font table's TrueType files with ReportLab, once per process."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from tgreport.errors import ExportError
from tgreport.support.fonts import STYLES, family

_lock = threading.Lock()
_registered: dict[str, RegisteredFamily] = {}


@dataclass
class _Encoder:
    """The characters a document has already given subset codes, as a str.translate table."""

    count: int  # how many assignments the table reflects
    table: dict[int, str]  # code point → chr(subset code)
    chars: frozenset[str]


class _FastTTFont(TTFont):  # type: ignore[misc]
    """A TTFont that measures and encodes repeated text without redoing the work.

    Line breaking measures each word of each paragraph and drawing encodes each line into the
    font's subsets, one character at a time in Python. Vietnamese prose repeats a few thousand
    syllables over a few hundred characters, so widths are remembered per string and the
    encoding of already-seen characters is done by str.translate. Results are ReportLab's own
    (same arithmetic, same subset codes), so layout and bytes are unchanged, only faster.
    """

    CACHE_LIMIT = 200_000  # strings; a 5,000-article digest uses about a tenth of it

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._units: dict[str, int] = {}
        self._encoders: weakref.WeakKeyDictionary[Any, _Encoder] = weakref.WeakKeyDictionary()

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if not isinstance(text, str):
            text = text.decode(encoding or "utf8")
        units = self._units.get(text)
        if units is None:
            width = self.face.charWidths.get
            default = self.face.defaultWidth
            units = sum(width(ord(ch), default) for ch in text)
            if len(self._units) < self.CACHE_LIMIT:
                self._units[text] = units
        return 0.001 * size * units

    def splitString(self, text: str | bytes, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        known = self._encoders.get(doc)
        if isinstance(text, str) and text and known is not None and known.chars.issuperset(text):
            mapped = text.translate(known.table)
            if max(mapped) < "\u0100":  # every character is in subset 0
                return [(0, mapped.encode("latin-1"))]
        result: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
        assignments: dict[int, int] = self.state[doc].assignments
        if known is None or known.count != len(assignments):
            table = {code: chr(n) for code, n in assignments.items()}
            if 32 in assignments:  # ReportLab draws a no-break space as a space
                table[0xA0] = chr(assignments[32])
            self._encoders[doc] = _Encoder(len(assignments), table, frozenset(map(chr, table)))
        return result


@dataclass(frozen=True)
class RegisteredFamily:
    """ReportLab's names for the four faces of one family; `<b>`/`<i>` in markup map onto them."""

    regular: str
    bold: str
    italic: str
    bolditalic: str


def register(family_name: str) -> RegisteredFamily:
    """Register `family_name` from fonts.py's FAMILIES (idempotent) and return its face names.

    ReportLab's font registry is process-global, and parsing four TTFs costs tens of
    milliseconds, so each family is loaded once and reused by every render.
    """
    with _lock:
        known = _registered.get(family_name)
        if known is not None:
            return known
        try:
            fam = family(family_name)
        except KeyError as exc:
            raise ExportError(str(exc.args[0])) from exc
        # "Liberation Serif" → "LiberationSerif", "LiberationSerif-Bold", …: PDF names have no spaces.
        base = family_name.replace(" ", "")
        names = {style: base if style == "regular" else f"{base}-{style.capitalize()}" for style in STYLES}
        for style, path in fam.paths().items():
            try:
                pdfmetrics.registerFont(_FastTTFont(names[style], str(path)))
            except (OSError, TTFError) as exc:
                raise ExportError(f"cannot load font {family_name!r} ({style}): {exc}", path) from exc
        faces = ((0, 0, "regular"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bolditalic"))
        for bold, italic, style in faces:
            addMapping(base, bold, italic, names[style])
        result = RegisteredFamily(**names)
        _registered[family_name] = result
        return result
