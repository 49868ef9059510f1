"""Page-wide shortcuts of the second speed pass give what the plain per-line code gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.readers.page.lines import split_lines, word_count

SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]


def _reference_lines(text: str) -> list[tuple[str, int, int]]:
    """split_lines as it was: split and join every line."""
    lines, gap = [], 0
    for number, raw in enumerate(text.split("\n"), 1):
        words = raw.split()
        if not words:
            gap += 1
            continue
        lines.append((" ".join(words), number, gap))
        gap = 0
    return lines


def test_every_white_space_but_the_plain_space_is_unprintable() -> None:
    # split_lines takes a printable line without double or outer spaces as already tidy.
    assert [c for c in SPACES if c.isprintable()] == [" "]
    assert len(SPACES) > 20


PIECES = [*SPACES, "a", "Đ", "ễ", ".", "\n", "\n\n", "  ", "\u200b", "\x00"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_split_lines_tidies_as_split_and_join_do(text: str) -> None:
    got = split_lines(text)
    assert [(line.text, line.number, line.gap_before) for line in got] == _reference_lines(text)
    for line in got:
        assert word_count(line.text) == len(line.text.split())
