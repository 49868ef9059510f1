"""One pass finds where every citation pattern may begin: each pattern, tried only there, finds
what its finditer finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.assemble.citations import documents, index, people
from tgreport.assemble.citations.scan import Anchor, matches_at, starts_of, starts_of_each

PIECES = [
    "Chỉ thị", "chỉ thị", "Nghị quyết", "NGHỊ QUYẾT", "Luật", "luật", "số", " số ", "05-CT/TW",
    "30/2020/NĐ-CP", "1234/QĐ-TTg", "-UBND", "/TW", "Đồng chí", "đ/c", "Đ/", "ông", "không", "Bà",
    "PGS.TS", "GS", "Nguyễn Văn An", "Tôn Thị Bình", "Tô Văn", "Lê", "Hà Nội", ", Bí thư Tỉnh ủy",
    " Trung ương 4", " lần thứ tư", " Hội nghị", " Đại hội", " đại biểu", " XIII", " Đảng bộ Khối",
    " khóa XII", " Đất đai", " năm 2013", " ", "\n", ",", "-", "/", "2", "x", "\u00a0", "\u0663",
]
texts = st.lists(st.sampled_from(PIECES), max_size=18).map("".join)


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=500, deadline=None)
@given(texts)
def test_one_pass_for_all_anchors_finds_what_a_pass_for_each_finds(text: str) -> None:
    anchors = index._ANCHORS
    assert starts_of_each(text, anchors) == tuple(starts_of(text, a) for a in anchors)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Nghị quyết", "Nghị", "quyết", " 5", " X", " y", "bà", "bàn", " ", "x"]),
                max_size=12).map("".join))
def test_a_word_of_two_groups_with_two_guards_is_found_for_each(text: str) -> None:
    # One word behind two guards: two alternatives of one word, each group getting its own.
    digit = Anchor(("Nghị quyết", "bà"), ahead=r"\s+\d")
    capital = Anchor(("Nghị quyết", "bàn"), ahead=r"\s+[XY]")
    plain = ("bà", "Nghị")
    for groups in ((digit, capital), (digit, capital, plain), (capital, plain)):
        assert starts_of_each(text, groups) == tuple(starts_of(text, g) for g in groups)
    assert starts_of_each("Nghị quyết 5, Nghị quyết X", (digit, capital)) == ([0], [14])


@settings(max_examples=500, deadline=None)
@given(texts)
def test_each_pattern_tried_at_its_anchors_matches_as_finditer(text: str) -> None:
    starts = starts_of_each(text, documents.DOCUMENT_ANCHORS)
    for kind, pattern in documents._patterns():
        at = documents._code_starts(text, starts[3]) if kind == "code" else starts[documents._AT[kind]]
        assert spans(matches_at(pattern, text, at)) == spans(pattern.finditer(text)), kind
    honorific, surname = starts_of_each(text, people.PEOPLE_ANCHORS)
    for pattern, at in zip(people._name_patterns(), (honorific, surname), strict=True):
        assert spans(matches_at(pattern, text, at)) == spans(pattern.finditer(text))


def test_the_pieces_reach_every_pattern() -> None:
    # Not vacuous: each pattern has matches in a text made of the pieces.
    text = ("Nghị quyết Trung ương 4 khóa XII, Nghị quyết Đại hội XIII, Luật Đất đai năm 2013,"
            " Chỉ thị số 05-CT/TW, 30/2020/NĐ-CP; đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy")
    kinds = {kind for kind, pattern in documents._patterns() if pattern.search(text)}
    assert kinds >= {"coded", "code", "plenum", "congress", "law"}
    assert [r.name for r in documents.find_documents(text)] == [
        "Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Đại hội XIII của Đảng", "Luật Đất đai năm 2013",
        "Chỉ thị số 05-CT/TW", "Nghị định số 30/2020/NĐ-CP"]
    assert [p.name for p in people.find_people(text)] == ["Nguyễn Văn An"]


def test_the_opening_guards_ask_only_what_their_patterns_ask() -> None:
    # What follows "Nghị quyết" in every reading the patterns opening with it accept.
    for text in ("Nghị quyết Hội nghị lần thứ 4 Ban Chấp hành Trung ương",
                 "Nghị quyết lần thứ tư Ban Chấp hành Trung ương", "Nghị quyết Trung ương 4",
                 "Nghị quyết Đại hội XIII", "Nghị quyết đại biểu toàn quốc lần thứ XIII", "Nghị quyết  XIII",
                 "Nghị quyết\nV", "Luật\u00a0Báo chí"):
        assert starts_of(text, documents.DOCUMENT_ANCHORS[1 if text.startswith("N") else 2]) == [0], text
        assert any(re.match(p, text) for k, p in documents._patterns() if k in documents._OPENING), text
