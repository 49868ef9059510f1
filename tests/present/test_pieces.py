"""A long paragraph is cut into pieces that, put back together, are the paragraph."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tgreport.present.pieces import LONG_PARAGRAPH, PIECE, pieces


def test_a_paragraph_of_usual_length_is_one_piece() -> None:
    text = "Đảng ủy " * (LONG_PARAGRAPH // 8)
    assert pieces(text) == [text]


def test_prose_is_cut_at_spaces_and_the_spaces_at_a_cut_dropped() -> None:
    words = [f"từ{i}" for i in range(3000)]
    cut = pieces(" ".join(words))
    assert len(cut) > 5
    assert all(len(p) <= PIECE and not p.startswith(" ") and not p.endswith(" ") for p in cut)
    assert " ".join(cut).split() == words  # no word split, lost or repeated


def test_a_word_without_spaces_is_cut_every_piece_letters() -> None:
    word = "ngàyđêmvấtvả" * 1000
    cut = pieces(word)
    assert [len(p) for p in cut[:-1]] == [PIECE] * (len(cut) - 1)
    assert "".join(cut) == word


@given(st.text(alphabet="ab ạ\u200b", min_size=0, max_size=300), st.integers(2, 40))
def test_pieces_put_back_are_the_text(text: str, size: int) -> None:
    cut = pieces(text, piece=size, longest=size)
    assert all(len(p) <= size for p in cut)
    # Only the spaces at each cut are gone: putting them back (any number) gives the text.
    rebuilt = cut[0]
    rest = text[len(cut[0]):]
    for piece in cut[1:]:
        stripped = rest.lstrip(" ")
        assert stripped.startswith(piece)
        rebuilt += rest[: len(rest) - len(stripped)] + piece
        rest = stripped[len(piece):]
    assert rebuilt == text and rest == ""
