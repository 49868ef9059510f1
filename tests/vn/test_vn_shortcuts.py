"""The shortcuts of vn (detect, text, dateparse) give what the plain code gives."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.vn import clean_text, decode_bytes, detect, find_dates, may_hold_date, year_named_in
from tgreport.vn import text as vtext

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


def test_the_fine_odd_characters_are_the_odd_ones_among_the_surely_fine() -> None:
    # clean_text(fine=True) maps the no-break space and drops only these.
    odd = [c for c in SURELY_FINE if vtext._ANY_ODD.match(c)]
    assert odd == sorted([*(c for c in SURELY_FINE if vtext._FINE_DROPPED().match(c)), "\u00a0"])
    assert "\x00" in odd and "\u00ad" in odd
    assert [c for c in EVERY_CHARACTER if vtext._FINE_DROPPED().match(c) and c not in SURELY_FINE] == []


FINE_PIECES = [*"aĐđ ạ.“–\n\r", "\r\n", "\x00", "\x1a", "\x7f", "\u00a0", "\u00ad", "\u00d0", "\u00f0",
               "é", "Ơ"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FINE_PIECES), max_size=40))
def test_clean_text_of_fine_text_is_clean_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert detect._MAYBE_STRAY.search(text) is None
    assert clean_text(text, fine=True) == clean_text(text)


@pytest.mark.parametrize(
    ("text", "fine"),
    [("Hà Nội\r\n", True), ("Ha\u0300 No\u0323\u0302i", False), ("Hội nghị ¶", False), ("a\u2028b", False),
     ("x" * (detect._SAMPLE + 1), False)],  # beyond the sample nothing was looked at
)
def test_a_decoded_text_is_fine_only_when_every_character_is(text: str, fine: bool) -> None:
    decoded = detect.guess_encoding(text.encode())
    assert decoded.fine is fine
    assert decode_bytes(text.encode())[0] == clean_text(decoded.text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*FINE_PIECES, "\t", "\u0301", "\u2028", "\u200b", "Ã©"]), max_size=40))
def test_decode_bytes_gives_what_clean_text_gives(pieces: list[str]) -> None:
    # The fine path (no NFC, odd characters looked for in the bytes) against the plain one.
    text = "".join(pieces) or "a"
    data = text.encode()
    decoded = detect.guess_encoding(data)
    assert decode_bytes(data)[0] == clean_text(decoded.text)


def test_the_dropped_bytes_are_those_of_the_dropped_characters() -> None:
    dropped = [c for c in SURELY_FINE if vtext._FINE_DROPPED().match(c)]
    assert all(vtext._has_dropped_bytes(c.encode()) for c in dropped)
    assert not any(vtext._has_dropped_bytes(c.encode()) for c in SURELY_FINE if c not in dropped)


def _reference_year_named_in(text: str) -> int | None:
    """year_named_in as it was: one pattern ignoring case."""
    pattern = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b", re.IGNORECASE)
    years = Counter(int(m.group(1)) for m in pattern.finditer(unicodedata.normalize("NFC", text)))
    return years.most_common(1)[0][0] if years else None


def test_the_letters_of_nam_match_ignoring_case_only_themselves_and_their_capitals() -> None:
    every = "".join(EVERY_CHARACTER)
    for letter in "năm":
        assert set(re.findall(letter, every, re.IGNORECASE)) == {letter, letter.upper()}


YEAR_PIECES = ["năm", "NĂM", "Năm", "nĂm", "na\u0306m", " ", "  ", "\t", "2021", "2020", "1999", "20211", "x",
               "Ănăm", ",", "_"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(YEAR_PIECES), max_size=14))
def test_year_named_in_is_the_pattern_ignoring_case(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert year_named_in(text) == _reference_year_named_in(text)


DATE_PIECES = ["Hoàng Nam", "Thứ Sáu,", "12/01/2024", "12", "/", "01", "-", "16:45", "tha\u0301ng", "tháng",
               "THÁNG", " ", "|", "\u0301", "\u2001", "7", "1", "thg", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=12))
def test_a_line_without_a_date_has_none_in_its_parts(pieces: list[str]) -> None:
    # header._name_then_stamp tries no cut of a line may_hold_date rules out.
    text = "".join(pieces)
    if may_hold_date(text):
        return
    words = text.split(" ")
    rests = [" ".join(words[cut:]) for cut in range(len(words))]
    assert all(find_dates(part) == [] for rest in rests for part in [rest, *rest.split("|")])
