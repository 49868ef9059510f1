"""The citation patterns tried only where a match can start find exactly what finditer finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.assemble.citations import documents, people
from tgreport.assemble.citations.scan import matches_at, starts_of, starts_of_each, trie_pattern

PIECES = [
    "Chỉ thị", "chỉ thị", "CHỈ THỊ", "Nghị quyết", "Quy định", "Luật", "số", "05-CT/TW", "123456-CT/TW",
    "30/2020/NĐ-CP", "1234/QĐ-TTg", "08-QĐi/TW", "x05-CT/TW", "-UBND", "Đồng chí", "đồng chí", "Đ/c",
    "Ông", "ông", "không", "Bà", "Nhà báo", "Thượng tá", "PGS.TS", "NGƯT", "Nguyễn Văn An", "Lê Thị Bình",
    ", Bí thư Tỉnh ủy", "của Bộ Chính trị", " ", "\n", ",", "/", "-", "2", "x",
    "Đại tướng", "Đại hội", "Trung ", "xông", "1ông", "\u00a0", "\u0663", "số ",
]
texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_document_patterns_match_as_finditer(text: str) -> None:
    for kind, pattern in documents._patterns():
        if kind in documents._STARTS_AT_TYPE:
            fast = matches_at(pattern, text, starts_of(text, documents.TYPE_ANCHOR))
        elif kind == "code":
            fast = matches_at(pattern, text, documents._code_starts(text))
        else:
            continue
        assert spans(fast) == spans(pattern.finditer(text)), kind


@settings(max_examples=400, deadline=None)
@given(texts)
def test_honorific_pattern_matches_as_finditer(text: str) -> None:
    fast = matches_at(people._name_patterns()[0], text, starts_of(text, people.HONORIFIC_ANCHOR))
    assert spans(fast) == spans(people._name_patterns()[0].finditer(text))


def test_the_pieces_do_produce_matches() -> None:
    # The generator is not vacuous: each scanned pattern matches in a text made of the pieces.
    text = "Theo Chỉ thị số 05-CT/TW, 30/2020/NĐ-CP; đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy"
    assert len(documents.find_documents(text)) == 2
    assert [p.name for p in people.find_people(text)] == ["Nguyễn Văn An"]


def test_guards_leave_out_the_places_no_match_begins_at() -> None:
    text = "Nghị quyết của Đảng, Nghị quyết số 05, không ai, ông Lê Văn An, Trung ương, Trung tá Lê Văn Bình"
    assert starts_of(text, documents.TYPE_ANCHOR) == [text.index("Nghị quyết số")]
    assert starts_of(text, people.HONORIFIC_ANCHOR) == [text.index("ông Lê"), text.index("Trung tá")]
    # A non-breaking space and a digit of another script are still a space and a digit.
    assert starts_of("Luật\u00a0\u0663", documents.TYPE_ANCHOR) == [0]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_guarded_starts_are_places_where_a_word_begins(text: str) -> None:
    for anchor in (documents.TYPE_ANCHOR, people.HONORIFIC_ANCHOR):
        assert set(starts_of(text, anchor)) <= set(find_every(text, anchor.words))


def find_every(text: str, words: tuple[str, ...]) -> list[int]:
    # The definition: every position where a word begins, overlapping ones included.
    return sorted({i for w in words for i in range(len(text)) if text.startswith(w, i)})


OVERLAPPING = ("Nghị quyết", "quyết định", "Quyết định", "PGS", "GS", "bà", "bàn", "b", "ng chí", "Đồng chí")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*OVERLAPPING, "Nghị quyết định", " ", "x", "Đ", "PG"]), max_size=12)
       .map("".join))
def test_starts_of_finds_every_start_overlapping_or_not(text: str) -> None:
    for words in (OVERLAPPING, documents.TYPE_WORDS, people.HONORIFIC_STARTS):
        assert starts_of(text, words) == find_every(text, words)


def test_starts_of_sees_a_word_begin_inside_another() -> None:
    text = "theo Nghị quyết định hướng, PGS.TS"
    assert starts_of(text, OVERLAPPING) == [5, 10, 28, 29]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_one_pass_for_both_word_lists_finds_what_two_passes_find(text: str) -> None:
    groups = (documents.TYPE_WORDS, people.HONORIFIC_STARTS, OVERLAPPING)
    assert starts_of_each(text, groups) == tuple(find_every(text, g) for g in groups)
    guarded = (documents.TYPE_ANCHOR, people.HONORIFIC_ANCHOR)
    assert starts_of_each(text, guarded) == tuple(starts_of(text, g) for g in guarded)


NAMES = ["Tô", "Tôn", "Tống", "Nguyễn", "Lê", "Văn", "Thị", "An", "Bình", "Đức", "Hà", "Nội", " ", ", ", "x",
         "Ô"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NAMES), max_size=14).map("".join))
def test_surnames_as_a_trie_match_as_the_longest_first_alternation(text: str) -> None:
    # The alternation the trie replaced: surnames longest first ("Tôn" before "Tô").
    alternation = re.compile(people._name_patterns()[1].pattern.replace(
        trie_pattern(sorted(people.SURNAMES)),
        "(?:" + "|".join(sorted(people.SURNAMES, key=len, reverse=True)) + ")",
    ))
    assert alternation.pattern != people._name_patterns()[1].pattern
    assert spans(people._name_patterns()[1].finditer(text)) == spans(alternation.finditer(text))


def test_a_surname_that_begins_another_gives_the_longer_name() -> None:
    assert [m.group("name") for m in people._name_patterns()[1].finditer("ông Tôn Thị Bình, Tô Văn An")] == [
        "Tôn Thị Bình", "Tô Văn An"]


def read_every_match(text: str) -> list[documents.DocumentRef]:
    # find_documents as it was: every match read, then the longest reading kept where they overlap.
    refs = []
    for kind, pattern in documents._patterns():
        for m in pattern.finditer(text):
            ref = documents._ref(kind, m, text)
            if ref is not None:
                refs.append(ref)
    refs.sort(key=lambda r: (r.span[0], -(r.span[1] - r.span[0])))
    kept: list[documents.DocumentRef] = []
    for ref in refs:
        if not kept or ref.span[0] >= kept[-1].span[1]:
            kept.append(ref)
    return kept


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "Nghị quyết XIII", "Nghị quyết Trung ương 4", "05-XY/TW", "Đại hội",
                                 "Luật Đất đai"]), max_size=16).map("".join))
def test_reading_only_the_citations_kept_keeps_the_same(text: str) -> None:
    assert documents.find_documents(text) == read_every_match(text)


def test_a_longer_match_that_names_nothing_hides_nothing() -> None:
    # "Nghị quyết XIII" alone names no document; the "code" inside the next words still counts.
    text = "Nghị quyết XIII 05-CT/TW"
    assert [r.name for r in documents.find_documents(text)] == ["Chỉ thị số 05-CT/TW"]
    assert documents.find_documents(text) == read_every_match(text)


def test_the_patterns_found_at_their_opening_word_open_with_it() -> None:
    # find_documents tries these patterns only where their word stands: a pattern opening any other
    # way (a look-behind, an alternation) would lose matches.
    for kind, pattern in documents._patterns():
        if kind in documents._OPENING:
            word = documents._OPENING[kind]
            assert pattern.pattern.startswith(word) and word.replace(" ", "").isalpha(), kind
    assert {k for k, _ in documents._patterns()} == set(documents._OPENING) | {"coded", "bare", "code"}
