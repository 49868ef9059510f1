"""Font subsets for embedding: only the glyphs a document uses, computed once per process."""

from __future__ import annotations

import io
import logging
from functools import lru_cache
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


def subset_ttf(path: Path, characters: frozenset[str]) -> bytes:
    """The TrueType font at `path` cut down to `characters` (plus the Vietnamese base set)."""
    return _subset(path, frozenset(characters | BASE_CHARACTERS))


@lru_cache(maxsize=32)
def _subset(path: Path, characters: frozenset[str]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.hinting = False  # e-readers and browsers hint themselves; halves the size and the time
    options.notdef_outline = True
    options.name_IDs = ["*"]  # keep the copyright and licence notices (OFL)
    options.name_languages = ["*"]
    # FontForge's timestamp table: fontTools cannot subset it and would log a warning for it.
    options.drop_tables = [*options.drop_tables, "FFTM"]
    # recalcTimestamp=False: the head table keeps the file's date, so the bytes are reproducible.
    out = io.BytesIO()
    with TTFont(str(path), recalcTimestamp=False, lazy=True) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(sorted(characters)))
        subsetter.subset(font)
        font.save(out)
    log.debug("subset %s to %d characters: %d bytes", path.name, len(characters), out.tell())
    return out.getvalue()
