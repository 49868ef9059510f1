"""clean_text at the reader boundary, and properties of the whole module over random Vietnamese text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.vn import clean_text, decode_bytes, decode_legacy, encode_legacy, normalize_tone_style, sort_key
from tgreport.vn.syllables import ONSETS, RIMES

TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
SHAPED = "ăâêôơư"


def spell(onset: str, rime: str, tone: str, case: int) -> str:
    """A syllable with its tone on the shaped vowel, else on the last vowel of the rime."""
    shaped = [i for i, ch in enumerate(rime) if ch in SHAPED]
    vowels = [i for i, ch in enumerate(rime) if ch in "aăâeêioôơuưy"]
    at = shaped[-1] if shaped else vowels[-1]
    if rime.endswith(("c", "ch", "p", "t")) and tone not in ("\u0301", "\u0323"):
        tone = "\u0301"
    word = unicodedata.normalize("NFC", onset + rime[:at + 1] + tone + rime[at + 1 :])
    return (word, word.upper(), word[:1].upper() + word[1:])[case]


syllable = st.builds(spell, st.sampled_from(sorted(ONSETS | {""})), st.sampled_from(sorted(RIMES)),
                     st.sampled_from(TONES), st.integers(0, 2))  # fmt: skip
# Real syllables, not random letters: random letters ("EÙ") are as likely VNI mojibake as text.
vietnamese = st.lists(syllable, min_size=1, max_size=12).map(" ".join)


def test_line_ends_controls_and_spaces() -> None:
    raw = "Dòng 1\r\nDòng 2\rDòng 3\n\tthụt\x00\x07\x1b\x7f\x85 lề\u00a0và\u202fkhoảng\u2009trắng"
    assert clean_text(raw) == "Dòng 1\nDòng 2\nDòng 3\n\tthụt lề và khoảng trắng"


def test_zero_width_and_soft_hyphen_removed() -> None:
    assert clean_text("Đảng\u200b ủy\u200d\ufeff khối\u00ad") == "Đảng ủy khối"


def test_nfc_and_eth() -> None:
    nfd = unicodedata.normalize("NFD", "Việt Nam")
    assert len(nfd) > len("Việt Nam")
    assert clean_text(nfd) == "Việt Nam"
    assert clean_text("\u00d0ảng \u00f0ồng") == "\u0110ảng \u0111ồng"  # Icelandic eth → Vietnamese Đ đ


def test_other_line_separators_surrogates_and_direction_marks() -> None:
    assert clean_text("một\u2028hai\u2029ba") == "một\nhai\nba"
    assert clean_text("x\ud800y\u200e\u200fz") == "xyz"
    clean_text("x\ud800y").encode("utf-8")  # would raise UnicodeEncodeError with the surrogate


def test_author_words_untouched() -> None:
    text = "Tỉnh uỷ và Tỉnh ủy; “trích dẫn” – gạch — dài… 05-CT/TW"
    assert clean_text(text) == text


@settings(max_examples=150, deadline=None)
@given(vietnamese)
def test_clean_text_is_idempotent_nfc(text: str) -> None:
    once = clean_text(unicodedata.normalize("NFD", text))
    assert once == unicodedata.normalize("NFC", text)
    assert clean_text(once) == once


@settings(max_examples=150, deadline=None)
@given(vietnamese, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_bytes_come_back(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec), "x.txt")[0] == text


@settings(max_examples=150, deadline=None)
@given(vietnamese, st.sampled_from(["tcvn3", "vni", "viscii", "cp1258"]))
def test_legacy_round_trip_lower_case(text: str, encoding: str) -> None:
    text = text.lower()
    assert decode_legacy(encode_legacy(text, encoding), encoding) == text


@settings(max_examples=150, deadline=None)
@given(vietnamese, st.sampled_from(["hòa", "hoà"]))
def test_tone_style_is_idempotent_and_keeps_letters(text: str, style: str) -> None:
    once = normalize_tone_style(text, style)
    assert normalize_tone_style(once, style) == once
    assert sort_key(once)[0] == sort_key(text)[0]  # same letters, only marks moved
