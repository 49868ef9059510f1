"""normalize_tone_style over every generated syllable: onsets × rimes × tones × case."""

from __future__ import annotations

import re
import unicodedata

import hypothesis
import pytest
from hypothesis import strategies as st

from tgreport.vn import TONE_STYLES, is_syllable, normalize_tone_style
from tgreport.vn.syllables import ONSETS, RIMES
from tgreport.vn.tones import _restyle

MARKS = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
STOPS = ("c", "ch", "p", "t")
SHAPED = "ăâêôơư"
VOWELS = "aăâeêioôơuưy"
TWO_PLACES = ("oa", "oe", "uy")


def place(onset: str, rime: str, mark: str, index: int) -> str:
    """The syllable with ``mark`` on the vowel at ``index`` in the rime."""
    letters = list(rime)
    letters[index] = unicodedata.normalize("NFC", letters[index] + mark)
    return onset + "".join(letters)


def some_place(rime: str) -> int:
    """A placement for rimes with only one: the shaped vowel, else the last vowel."""
    for i in range(len(rime) - 1, -1, -1):
        if rime[i] in SHAPED:
            return i
    return max(i for i, ch in enumerate(rime) if ch in VOWELS)


def cases(word: str) -> list[str]:
    return [word, word.upper(), word[:1].upper() + word[1:]]


def syllables() -> list[tuple[str, str, str]]:
    out = []
    for onset in sorted(ONSETS | {""}):
        for rime in sorted(RIMES):
            for mark in MARKS:
                if rime.endswith(STOPS) and mark not in ("\u0301", "\u0323"):
                    continue
                out.append((onset, rime, mark))
    return out


ALL = syllables()


def test_generated_enough() -> None:
    assert len(ALL) > 10000


def test_two_placement_rimes_move_both_ways() -> None:
    checked = 0
    for onset, rime, mark in ALL:
        if rime not in TWO_PLACES or onset == "qu":
            continue
        first, second = place(onset, rime, mark, 0), place(onset, rime, mark, 1)
        for a, b in zip(cases(first), cases(second), strict=True):
            for given in (a, b):
                assert normalize_tone_style(given, "hòa") == a
                assert normalize_tone_style(given, "hoà") == b
                assert normalize_tone_style(given) == given
            checked += 1
    # (every onset but qu, plus none) × 3 rimes × 5 tones × 3 cases
    assert checked == len(ONSETS) * 3 * 5 * 3


def test_every_other_syllable_is_left_alone() -> None:
    checked = 0
    for onset, rime, mark in ALL:
        if rime in TWO_PLACES and onset != "qu":
            continue
        word = place(onset, rime, mark, some_place(rime))
        for form in cases(word):
            assert normalize_tone_style(form, "hòa") == form
            assert normalize_tone_style(form, "hoà") == form
        checked += 1
    assert checked > 10000


@pytest.mark.parametrize("word", ["quý", "QUỲ", "giá", "hoàn", "thuyền", "khuya", "khuỷu", "toán", "ngoài",
                                  "quà", "Quỳnh", "nghĩa", "mùa", "người", "khuyến"])  # fmt: skip
def test_words_where_the_rule_does_not_apply(word: str) -> None:
    assert normalize_tone_style(word, "hòa") == word
    assert normalize_tone_style(word, "hoà") == word


def test_running_text() -> None:
    text = "Tỉnh uỷ Lạng Sơn; Ủy ban hoà giải, thủy lợi, khoẻ mạnh; Quý khách, HOÀ BÌNH. café, Zoë 2021"
    assert normalize_tone_style(text, "hòa") == (
        "Tỉnh ủy Lạng Sơn; Ủy ban hòa giải, thủy lợi, khỏe mạnh; Quý khách, HÒA BÌNH. café, Zoë 2021"
    )
    assert normalize_tone_style(text, "hoà") == (
        "Tỉnh uỷ Lạng Sơn; Uỷ ban hoà giải, thuỷ lợi, khoẻ mạnh; Quý khách, HOÀ BÌNH. café, Zoë 2021"
    )
    assert normalize_tone_style(text) == text


def test_output_is_nfc_and_still_a_syllable() -> None:
    for style in ("hòa", "hoà"):
        out = normalize_tone_style(unicodedata.normalize("NFD", "thuỷ hoà khoẻ"), style)
        assert out == unicodedata.normalize("NFC", out)
        assert all(is_syllable(w) for w in out.split())


def test_unknown_style() -> None:
    with pytest.raises(ValueError, match="hòa"):
        normalize_tone_style("hoà", "old")


_EVERY_WORD = re.compile(r"[^\W\d_]+")
# Letters of the rimes that move, with and without tones, the vowel of "gi", shaped vowels and
# what ends a word: the strings where looking only at open endings could differ.
_LETTERS = "".join(unicodedata.normalize("NFC", c + m) for c in "iIoOuUaAeEyY" for m in ("", *MARKS))


def every_word_restyled(text: str, style: str) -> str:
    return _EVERY_WORD.sub(lambda m: _restyle(m.group(0), style == "hòa"), unicodedata.normalize("NFC", text))


@hypothesis.settings(max_examples=2000, deadline=None)
@hypothesis.given(st.text(alphabet=_LETTERS + "gGhHqQkKtTnNôƠư ,2\u0300", max_size=12),
                  st.sampled_from(TONE_STYLES))
def test_only_words_with_an_open_ending_are_restyled(text: str, style: str) -> None:
    assert normalize_tone_style(text, style) == every_word_restyled(text, style)


def test_a_tone_on_the_i_of_gi_moves_too() -> None:
    assert normalize_tone_style("gìoa", "hòa") == "giòa"
    assert normalize_tone_style("gìoa", "hoà") == "gioà"
