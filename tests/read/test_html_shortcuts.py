"""The saved-page reader's shortcuts give what the long way gives: spaced() is " ".join(split())."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.read.html_figures import spaced

# Every character str.split() splits at, beside letters, a character that is neither printable
# nor white space (a soft hyphen, a zero-width space) and the marker the walk joins pieces by.
WHITE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
PIECES = st.sampled_from([*WHITE, "\xad", "\u200b", "\x00", "a", "Đ", "ảng", "1", ".", "  ", " "])


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_spaced_is_split_and_join(text: str) -> None:
    assert spaced(text) == " ".join(text.split())


def test_spaced_on_lines_of_a_page() -> None:
    for text in ("", " ", "Hà Nội", " Hà Nội ", "Hà  Nội", "Hà\nNội", "Hà\xa0Nội", "\tHà Nội\n",
                 "Hà \u3000Nội", "Hà\u200bNội"):
        assert spaced(text) == " ".join(text.split())
