"""The shortcuts of vn.detect give what the plain code gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.vn import detect

EVERY_CHARACTER = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
SURELY_FINE = [c for c in EVERY_CHARACTER if not detect._MAYBE_STRAY.match(c)]


def test_text_of_surely_fine_characters_is_nfc_already() -> None:
    # guess_encoding skips the NFC form of a sample without a maybe-stray character: no such
    # character changes alone, moves (combining class 0) or composes with one before it.
    assert len(SURELY_FINE) > 500 and "ạ" in SURELY_FINE and "“" in SURELY_FINE
    assert [c for c in SURELY_FINE if unicodedata.normalize("NFC", c) != c] == []
    assert [c for c in SURELY_FINE if unicodedata.combining(c)] == []
    seconds = set()
    for c in EVERY_CHARACTER:
        parts = unicodedata.decomposition(c).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    assert "\u0301" in seconds
    assert seconds.isdisjoint(SURELY_FINE)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"aAeEoOuU đĐ.“”–", "\u0301", "\u0323", "\u0302", "\u031b",
                                         "ạ", "Ω", "\u2126", "é", "\x81", "ä", "\u1100", "\u1161"]),
               max_size=40))
def test_text_without_a_maybe_stray_character_is_its_nfc_form(text: str) -> None:
    if not detect._MAYBE_STRAY.search(text):
        assert unicodedata.normalize("NFC", text) == text


def test_a_sample_with_a_combining_mark_is_read_in_its_nfc_form() -> None:
    # "a" + U+0301 is one fine letter once composed: no stray symbol, the UTF-8 reading stands.
    decoded = detect.guess_encoding("Ha\u0300 No\u0323\u0302i".encode())
    assert decoded.encoding == "utf-8" and decoded.known_score is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from([*"aĐ ạ.", "Ã", "\u0090", "Â", "©", "º", "\x81", "é"]),
                        max_size=12), max_size=5))
def test_repair_mojibake_is_line_by_line_repair(lines: list[str]) -> None:
    text = "\n".join(lines)
    fixed = [detect._repair_line(line) for line in lines]
    hows = {how for _, how in fixed if how}
    expected = ("\n".join(line for line, _ in fixed), ", ".join(sorted(hows))) if hows else (text, None)
    assert detect.repair_mojibake(text) == expected
