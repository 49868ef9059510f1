"""Every shipped font covers the whole Vietnamese alphabet and the typography we print."""

from __future__ import annotations

import unicodedata

import pytest
from fontTools.ttLib import TTFont

from tgreport.support.fonts import FAMILIES, STYLES
from tgreport.support.resources import fonts_dir

BASE_VOWELS = "aăâeêioôơuưy"
TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
CONSONANTS = "bcdđghklmnpqrstvx"
COMBINING = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0306, 0x0302, 0x031B]
PUNCTUATION = "₫“”‘’–—…"


def vietnamese_letters() -> set[str]:
    toned = {unicodedata.normalize("NFC", v + t) for v in BASE_VOWELS for t in TONES}
    lower = set(BASE_VOWELS) | set(CONSONANTS) | toned
    return lower | {c.upper() for c in lower}


def test_the_alphabet_has_178_toned_and_58_plain_letters() -> None:
    letters = vietnamese_letters()
    assert all(len(c) == 1 for c in letters)  # every toned vowel has a precomposed form
    assert len(letters) == 29 * 2 + 12 * 5 * 2  # 178, as VIETNAMESE.md §1 counts


def shipped_fonts() -> list[str]:
    return sorted({f.path(style).name for f in FAMILIES.values() for style in STYLES})


@pytest.mark.parametrize("name", shipped_fonts())
def test_font_covers_vietnamese(name: str) -> None:
    cmap = TTFont(fonts_dir() / name).getBestCmap()
    missing = [c for c in sorted(vietnamese_letters()) if ord(c) not in cmap]
    missing += [chr(cp) for cp in COMBINING if cp not in cmap]
    missing += [c for c in PUNCTUATION if ord(c) not in cmap]
    assert missing == [], f"{name} lacks {''.join(missing)!r}"


def test_every_family_has_four_styles_and_a_licence() -> None:
    for family in FAMILIES.values():
        for style, path in family.paths().items():
            assert path.is_file(), f"{family.name} {style}: {path} missing"
    licence = (fonts_dir() / "LICENSE.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def test_serif_has_times_metrics() -> None:
    # Liberation Serif 2.x is metric-compatible with Times New Roman: same advance widths
    # for Latin letters at 2048 units per em. Spot-check a few well-known widths.
    font = TTFont(fonts_dir() / "LiberationSerif-Regular.ttf")
    assert font["head"].unitsPerEm == 2048
    hmtx = font["hmtx"]
    cmap = font.getBestCmap()
    widths = {c: hmtx[cmap[ord(c)]][0] for c in "a mW"}
    assert widths == {"a": 909, " ": 512, "m": 1593, "W": 1933}
    assert font["name"].getDebugName(5).startswith("Version 2.")
