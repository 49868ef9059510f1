"""Font subsets for embedding: only the glyphs a document uses, computed once per process.

HarfBuzz's subsetter (libharfbuzz-subset, which WeasyPrint needs anyway) does it in milliseconds;
fontTools, pure Python and ~30 times slower, is the fallback where the library is missing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import logging
from functools import cache, lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

# Always kept, so a reader's own additions (search, notes, a changed font size) still render: ASCII,
# the whole Vietnamese alphabet, its combining marks and the punctuation VIETNAMESE.md lists.
_VIETNAMESE = (
    "ĂÂĐÊÔƠƯăâđêôơư"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b"
    "₫“”‘’–—…·«»°×"
)
BASE_CHARACTERS = frozenset(chr(c) for c in range(0x20, 0x7F)) | frozenset(_VIETNAMESE)
# name IDs kept: family and style names (1-6) plus the copyright (0), trademark, maker and
# designer (7-12) and the licence with its URL (13, 14) that the OFL asks to travel with the font.
NAME_IDS = tuple(range(15))


def subset_ttf(path: Path, characters: frozenset[str]) -> bytes:
    """The TrueType font at `path` cut down to `characters` (plus the Vietnamese base set)."""
    return _subset(path, frozenset(characters | BASE_CHARACTERS))


@lru_cache(maxsize=32)
def _subset(path: Path, characters: frozenset[str]) -> bytes:
    codepoints = sorted(ord(c) for c in characters)
    hb = _harfbuzz()
    if hb is not None:
        data = hb.subset(path.read_bytes(), codepoints)
        if data:
            return data
        log.warning("HarfBuzz could not subset %s; using fontTools", path)
    return _fonttools_subset(path, codepoints)


class _HarfBuzz:
    """The few libharfbuzz(-subset) calls a subset needs, through ctypes."""

    DUPLICATE = 0  # hb_memory_mode_t: HarfBuzz copies the bytes, so ours may go away
    NO_HINTING = 0x1  # e-readers hint themselves; half the size
    NOTDEF_OUTLINE = 0x40
    SETS_NAME_ID = 4

    def __init__(self, lib: ctypes.CDLL) -> None:
        p = ctypes.c_void_p
        self.lib = lib
        signatures: dict[str, tuple[type | None, list[type]]] = {
            "hb_blob_create": (p, [ctypes.c_char_p, ctypes.c_uint, ctypes.c_int, p, p]),
            "hb_blob_destroy": (None, [p]),
            "hb_blob_get_data": (p, [p, ctypes.POINTER(ctypes.c_uint)]),
            "hb_face_create": (p, [p, ctypes.c_uint]),
            "hb_face_destroy": (None, [p]),
            "hb_face_reference_blob": (p, [p]),
            "hb_set_add": (None, [p, ctypes.c_uint32]),
            "hb_subset_input_create_or_fail": (p, []),
            "hb_subset_input_destroy": (None, [p]),
            "hb_subset_input_unicode_set": (p, [p]),
            "hb_subset_input_set": (p, [p, ctypes.c_int]),
            "hb_subset_input_set_flags": (None, [p, ctypes.c_uint]),
            "hb_subset_or_fail": (p, [p, p]),
        }
        for name, (restype, argtypes) in signatures.items():
            function = getattr(lib, name)
            function.restype = restype
            function.argtypes = argtypes

    def subset(self, font: bytes, codepoints: list[int]) -> bytes | None:
        lib = self.lib
        blob = lib.hb_blob_create(font, len(font), self.DUPLICATE, None, None)
        face = lib.hb_face_create(blob, 0)
        request = lib.hb_subset_input_create_or_fail()
        result = out_blob = None
        try:
            if not request:
                return None
            unicodes = lib.hb_subset_input_unicode_set(request)
            for codepoint in codepoints:
                lib.hb_set_add(unicodes, codepoint)
            names = lib.hb_subset_input_set(request, self.SETS_NAME_ID)
            for name_id in NAME_IDS:
                lib.hb_set_add(names, name_id)
            lib.hb_subset_input_set_flags(request, self.NO_HINTING | self.NOTDEF_OUTLINE)
            result = lib.hb_subset_or_fail(face, request)
            if not result:
                return None
            out_blob = lib.hb_face_reference_blob(result)
            length = ctypes.c_uint(0)
            data = lib.hb_blob_get_data(out_blob, ctypes.byref(length))
            return ctypes.string_at(data, length.value) if data and length.value else None
        finally:
            if out_blob:
                lib.hb_blob_destroy(out_blob)
            if result:
                lib.hb_face_destroy(result)
            if request:
                lib.hb_subset_input_destroy(request)
            lib.hb_face_destroy(face)
            lib.hb_blob_destroy(blob)


_LIBRARY_NAMES = (
    "libharfbuzz-subset.so.0",
    "libharfbuzz-subset.0.dylib",
    "libharfbuzz-subset-0.dll",
)


@cache
def _harfbuzz() -> _HarfBuzz | None:
    """HarfBuzz's subsetter if the system has it (Debian: libharfbuzz-subset0), else None."""
    found = ctypes.util.find_library("harfbuzz-subset")
    for name in (*_LIBRARY_NAMES, *([found] if found else [])):
        try:
            return _HarfBuzz(ctypes.CDLL(name))
        except (OSError, AttributeError):
            continue
    log.info("libharfbuzz-subset not found: fonts are subset with fontTools (slower)")
    return None


def _fonttools_subset(path: Path, codepoints: list[int]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = list(NAME_IDS)
    # FontForge's timestamp table: fontTools cannot subset it and would log a warning for it.
    options.drop_tables = [*options.drop_tables, "FFTM"]
    out = io.BytesIO()
    # recalcTimestamp=False: the head table keeps the file's date, so the bytes are reproducible.
    with TTFont(str(path), recalcTimestamp=False, lazy=True) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        font.save(out)
    return out.getvalue()
