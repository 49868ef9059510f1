"""A TrueType font's advance widths by code point, read from its tables with struct.

What layout.py needs of a font is three numbers a character: its code point, its glyph and the
glyph's advance. Read straight from cmap, hhea, hmtx and head, they cost a few milliseconds a
font; fontTools, which reads them as objects, costs several times that plus its own import on
every DOCX run. The mapping is the one fontTools' getBestCmap gives: the same subtable chosen,
each code point of it kept, those on the missing glyph (0) included.
"""

from __future__ import annotations

import struct
import sys
from array import array
from functools import cache
from pathlib import Path

# The Unicode subtables in the order fontTools' getBestCmap prefers them: (platform, encoding).
_PREFERRED = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


@cache
def advances(path: str) -> tuple[dict[int, int], int]:
    """Code point → advance width in font units, and the units per em (read once a process)."""
    data = Path(path).read_bytes()
    tables = _tables(data)
    units_per_em = struct.unpack_from(">H", data, tables[b"head"] + 18)[0]
    metrics = struct.unpack_from(">H", data, tables[b"hhea"] + 34)[0]  # numberOfHMetrics
    # hmtx: (advance, left side bearing) for the first `metrics` glyphs; the rest share the last advance.
    pairs = array("H", data[tables[b"hmtx"]: tables[b"hmtx"] + 4 * metrics])
    if sys.byteorder == "little":  # the font's numbers are big-endian
        pairs.byteswap()
    widths = pairs[0::2]
    last = widths[-1]
    glyphs = _best_cmap(data, tables[b"cmap"])
    return {cp: widths[g] if g < metrics else last for cp, g in glyphs.items()}, units_per_em


def _tables(data: bytes) -> dict[bytes, int]:
    """Table tag → offset, from the font's table directory."""
    count = struct.unpack_from(">H", data, 4)[0]
    directory = range(12, 12 + 16 * count, 16)
    return {data[at: at + 4]: struct.unpack_from(">I", data, at + 8)[0] for at in directory}


def _best_cmap(data: bytes, cmap: int) -> dict[int, int]:
    """Code point → glyph id, from the preferred Unicode subtable (format 4 in every shipped font)."""
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    subtables: dict[tuple[int, int], int] = {}
    for at in range(cmap + 4, cmap + 4 + 8 * count, 8):
        platform, encoding, offset = struct.unpack_from(">HHI", data, at)
        subtables.setdefault((platform, encoding), cmap + offset)  # the first one, as getcmap
    for key in _PREFERRED:
        if key in subtables:
            at = subtables[key]
            kind = struct.unpack_from(">H", data, at)[0]
            if kind == 4:
                return _format4(data, at)
            raise ValueError(f"cmap subtable {key} has format {kind}, not 4")
    raise ValueError("the font has no Unicode cmap subtable")


def _format4(data: bytes, at: int) -> dict[int, int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts_at = at + 16 + 2 * segments
    starts = struct.unpack_from(f">{segments}H", data, starts_at)
    deltas = struct.unpack_from(f">{segments}h", data, starts_at + 2 * segments)
    ranges_at = starts_at + 4 * segments
    ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
    glyphs: dict[int, int] = {}
    for i in range(segments - 1):  # the last segment only ends the table (0xFFFF), as fontTools has it
        start, end, delta, offset = starts[i], ends[i], deltas[i], ranges[i]
        if offset == 0:
            for cp in range(start, end + 1):
                glyphs[cp] = (cp + delta) & 0xFFFF
            continue
        first = ranges_at + 2 * i + offset  # the glyph of `start`, in glyphIdArray
        for n, glyph in enumerate(struct.unpack_from(f">{end - start + 1}H", data, first)):
            glyphs[start + n] = (glyph + delta) & 0xFFFF if glyph else 0
    return glyphs

