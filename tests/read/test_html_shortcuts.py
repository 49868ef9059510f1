"""The saved-page reader's shortcuts give what the long way gives: spaced() is " ".join(split()),
text_of() is "".join(itertext()), main_content() weighs a childless paragraph by its stripped text."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.read.html_content import MIN_PROSE, main_content, text_of
from tgreport.read.html_meta import parse
from tgreport.read.page.lines import spaced

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


PAGES = Path(__file__).resolve().parent / "html_pages"


def test_text_of_is_the_joined_itertext_on_every_element_of_the_test_pages() -> None:
    elements = 0
    for page in sorted(PAGES.glob("*.html")):
        for element in parse(page.read_bytes()).iter():
            assert text_of(element) == "".join(element.itertext())
            elements += 1
    assert elements > 300  # the pages were read


def test_a_childless_paragraph_counts_its_text_without_the_spaces_around_it() -> None:
    # main_content passes over a childless holder by the length of its text: the spaces around
    # it must not make a short paragraph prose.
    def content_of(paragraph: str) -> str | None:
        body = parse(f"<html><body><div>{f'<p>{paragraph}</p>' * 20}</div></body></html>").find("body")
        best = main_content(body)
        return None if best is None else best.tag

    padding = " " * 10
    assert content_of(padding + "x" * (MIN_PROSE - 1) + padding) is None
    assert content_of(padding + "x" * MIN_PROSE + padding) == "div"
