"""The citation patterns tried only where a match can start find exactly what finditer finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.citations import documents, people
from tgreport.citations.scan import matches_at, starts_of

PIECES = [
    "Chỉ thị", "chỉ thị", "CHỈ THỊ", "Nghị quyết", "Quy định", "Luật", "số", "05-CT/TW", "123456-CT/TW",
    "30/2020/NĐ-CP", "1234/QĐ-TTg", "08-QĐi/TW", "x05-CT/TW", "-UBND", "Đồng chí", "đồng chí", "Đ/c",
    "Ông", "ông", "không", "Bà", "Nhà báo", "Thượng tá", "PGS.TS", "NGƯT", "Nguyễn Văn An", "Lê Thị Bình",
    ", Bí thư Tỉnh ủy", "của Bộ Chính trị", " ", "\n", ",", "/", "-", "2", "x",
]
texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_document_patterns_match_as_finditer(text: str) -> None:
    for kind, pattern in documents._PATTERNS:
        if kind in documents._STARTS_AT_TYPE:
            fast = matches_at(pattern, text, starts_of(text, documents._TYPE_WORDS))
        elif kind == "code":
            fast = matches_at(pattern, text, documents._code_starts(text))
        else:
            continue
        assert spans(fast) == spans(pattern.finditer(text)), kind


@settings(max_examples=400, deadline=None)
@given(texts)
def test_honorific_pattern_matches_as_finditer(text: str) -> None:
    fast = matches_at(people._BY_HONORIFIC, text, starts_of(text, people._HONORIFIC_STARTS))
    assert spans(fast) == spans(people._BY_HONORIFIC.finditer(text))


def test_the_pieces_do_produce_matches() -> None:
    # The generator is not vacuous: each scanned pattern matches in a text made of the pieces.
    text = "Theo Chỉ thị số 05-CT/TW, 30/2020/NĐ-CP; đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy"
    assert len(documents.find_documents(text)) == 2
    assert [p.name for p in people.find_people(text)] == ["Nguyễn Văn An"]


def find_every(text: str, words: tuple[str, ...]) -> list[int]:
    # The definition: every position where a word begins, overlapping ones included.
    return sorted({i for w in words for i in range(len(text)) if text.startswith(w, i)})


OVERLAPPING = ("Nghị quyết", "quyết định", "Quyết định", "PGS", "GS", "bà", "bàn", "b", "ng chí", "Đồng chí")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*OVERLAPPING, "Nghị quyết định", " ", "x", "Đ", "PG"]), max_size=12)
       .map("".join))
def test_starts_of_finds_every_start_overlapping_or_not(text: str) -> None:
    for words in (OVERLAPPING, documents._TYPE_WORDS, people._HONORIFIC_STARTS):
        assert starts_of(text, words) == find_every(text, words)


def test_starts_of_sees_a_word_begin_inside_another() -> None:
    text = "theo Nghị quyết định hướng, PGS.TS"
    assert starts_of(text, OVERLAPPING) == [5, 10, 28, 29]
