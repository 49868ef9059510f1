"""clean_text replaces the odd characters in one scan: the same text as one pass per kind."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.vn import text as vn_text

EVERY_BMP_CHARACTER = "".join(chr(c) for c in range(0x10000))


def _three_passes(text: str) -> str:
    """clean_text as it was: controls removed, then zero-width characters, then spaces mapped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = vn_text._CONTROL().sub("", text)
    text = vn_text._ZERO_WIDTH().sub("", text)
    text = vn_text._SPACES().sub(" ", text)
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return unicodedata.normalize("NFC", text)


def test_every_character_is_cleaned_as_before() -> None:
    cleaned = vn_text.clean_text(EVERY_BMP_CHARACTER)
    assert cleaned == _three_passes(EVERY_BMP_CHARACTER)
    assert "\u00a0" not in cleaned and "\u200b" not in cleaned and "\x07" not in cleaned


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aĐđ ễ\u00a0\u2003\u200b\u00ad\x00\x1f\x85\ufeff\r\n\u2028\u0301Ðð")))
def test_mixed_odd_characters_are_cleaned_as_before(text: str) -> None:
    assert vn_text.clean_text(text) == _three_passes(text)
