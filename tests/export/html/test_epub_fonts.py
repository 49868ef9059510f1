"""Font subsets for the EPUB: HarfBuzz's and the fontTools fallback both keep every needed glyph."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from tgreport.export.html import webfonts
from tgreport.support.fonts import FAMILIES

TEXT = frozenset("Đảng ủy “Khối” ₫ 1.234,5 — Mát-xcơ-va Ṽ")


def _check(data: bytes, characters: frozenset[str]) -> int:
    with TTFont(io.BytesIO(data)) as font:
        cmap = font.getBestCmap()
        assert sorted(c for c in characters if ord(c) not in cmap) == []
        # The OFL notice (name IDs 0 and 13) travels with the subset.
        ids = {record.nameID for record in font["name"].names}
        assert {0, 1, 2, 13} <= ids
        assert "glyf" in font and "loca" in font
        return int(font["maxp"].numGlyphs)


def test_harfbuzz_is_used_here() -> None:
    # CI installs libharfbuzz-subset0 (scripts/setup-system.sh); without it subsets take ~30x longer.
    assert webfonts._harfbuzz() is not None


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_harfbuzz_and_fonttools_subsets_cover_the_text(name: str) -> None:
    path = FAMILIES[name].path("regular")
    wanted = TEXT | webfonts.BASE_CHARACTERS
    codepoints = sorted(ord(c) for c in wanted)
    hb = webfonts._harfbuzz()
    assert hb is not None
    fast = hb.subset(path.read_bytes(), codepoints)
    assert fast is not None
    slow = webfonts._fonttools_subset(path, codepoints)
    with TTFont(path) as original:
        shipped = original["maxp"].numGlyphs
    for data in (fast, slow):
        glyphs = _check(data, wanted)
        assert glyphs < shipped / 2
    assert hb.subset(path.read_bytes(), codepoints) == fast  # reproducible


def test_fallback_when_the_library_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webfonts, "_harfbuzz", lambda: None)
    webfonts._subset.cache_clear()
    try:
        path = FAMILIES["Liberation Serif"].path("italic")
        data = webfonts.subset_ttf(path, TEXT)
        _check(data, TEXT | webfonts.BASE_CHARACTERS)
        assert data == webfonts._fonttools_subset(
            path, sorted(ord(c) for c in TEXT | webfonts.BASE_CHARACTERS)
        )
    finally:
        webfonts._subset.cache_clear()
