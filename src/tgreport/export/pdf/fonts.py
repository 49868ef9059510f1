"""Registers the font table's TrueType files with ReportLab, once per process."""

from __future__ import annotations

import codecs
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


_UNDEFINED = "\ufffe"  # in a codecs decoding table: no character for this byte


@dataclass
class _Encoder:
    """The characters a document has already given codes in a font's first subset, learnt from
    what ReportLab's splitString returned for them, as a codecs charmap (one C call a line)."""

    codes: dict[str, int]  # character → its code in subset 0
    charmap: Any  # codecs.charmap_build of `codes`


def _charmap(codes: dict[str, int]) -> Any:
    table = [_UNDEFINED] * 256
    # Byte 0 is the .notdef code, which ReportLab gives U+0000 only when the font has no glyph
    # for it (the fonts shipped have none): with "\0" there, charmap_build makes its fast table.
    table[0] = "\0"
    for char, code in codes.items():
        table[code] = char
    return codecs.charmap_build("".join(table))


class _FastTTFont(TTFont):  # type: ignore[misc]
    """A TTFont that measures and encodes repeated text without redoing the work.

    Line breaking measures each word of each paragraph and drawing encodes each line into the
    font's subsets, one character at a time in Python. Vietnamese prose repeats a few thousand
    syllables over a few hundred characters, so widths are remembered per string, and a line
    whose characters all have codes in the first subset already is encoded by one
    codecs.charmap_encode call. The codes are ReportLab's own, learnt from its splitString
    (same arithmetic, same subset codes), so layout and bytes are unchanged, only faster.
    """

    CACHE_LIMIT = 200_000  # strings; a 5,000-article digest uses about a tenth of it

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._units: dict[str, int] = {}
        self._encoders: weakref.WeakKeyDictionary[Any, _Encoder] = weakref.WeakKeyDictionary()
        # A font with a glyph for U+0000 would give it a code of its own (see _charmap).
        self._nul_glyph = 0 in self.face.charToGlyph

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
        if not isinstance(text, str) or not text:
            result: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
            return result
        known = self._encoders.get(doc)
        if known is not None and (not self._nul_glyph or "\0" not in text):
            try:  # ReportLab draws a no-break space as a space
                return [(0, codecs.charmap_encode(text.replace("\xa0", " "), "strict", known.charmap)[0])]
            except UnicodeEncodeError:
                pass  # a character with no code yet, or one outside subset 0
        result = super().splitString(text, doc, encoding)
        codes = known.codes if known is not None else {}
        learnt: dict[str, int] = {}
        chars = iter(text)
        # One byte a character, in order, is what ReportLab returns; anything else is not learnt.
        for subset, data in result if sum(len(data) for _, data in result) == len(text) else ():
            for code in data:
                char = next(chars, "")
                # Byte 0 is .notdef (several characters may share it); a no-break space has
                # the space's code.
                if subset == 0 and code and char != "\xa0" and char not in codes:
                    learnt[char] = code
        if learnt or known is None:
            codes = {**codes, **learnt}
            self._encoders[doc] = _Encoder(codes, _charmap(codes))
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
