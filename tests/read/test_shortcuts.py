"""Page-wide shortcuts of the second speed pass give what the plain per-line code gives."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.read.page import bylines, chrome, dates
from tgreport.read.page.captions import _picture_patterns, has_picture_words
from tgreport.read.page.cues import Needs, folded_cue, may_match, may_match_one, needs_of
from tgreport.read.page.lines import ends_sentence, is_paragraph_like, split_lines, word_count
from tgreport.read.page.outlet import may_name_outlet
from tgreport.read.page.vocab import Vocabulary, vocabulary
from tgreport.vn import find_dates

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


def _page_lines() -> list[str]:
    lines = [line.text for page in PAGES for line in split_lines(page.read_text(encoding="utf-8"))]
    return lines + EXTRA_LINES


ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "read" / "pages").glob("*.txt"))
EXTRA_LINES = [
    "Trang chủ » Thời sự » Chính trị", "Hà Nội / TP.HCM", "Thời sự > Trong nước > Tin tức mới nhất",
    "Tags: hội nghị, tổng kết", "1.234 lượt xem", "Facebook Twitter Zalo", "A- A A+", "Trang sau »",
    "© Bản quyền thuộc về Báo Điện tử Đảng Cộng sản", "Bình luận (12)", "Xem thêm: Tin tức mới",
    "Chia sẻ: Facebook", "Tin liên quan", "Ngày 7/1/2021, tại Hà Nội / TP.HCM, hội nghị đã diễn ra sôi nổi.",
    "Người đăng: Minh Anh", "Straße Ý kiến bạn đọc", "ĐẠI HỘI / Tin tức / Bài viết / Ảnh",
]  # fmt: skip
SENTENCE_PIECES = ["Trang chủ", "»", "/", ">", "|", "Thời sự", "ngày 7/1/2021", "Xem thêm", "Chia sẻ",
                   ":", "(3)", "Tin liên quan", "hội nghị tổng kết công tác", "Tags", "."]  # fmt: skip
LINES = st.one_of(
    st.sampled_from(EXTRA_LINES),
    st.lists(st.sampled_from(SENTENCE_PIECES), min_size=1, max_size=30).map(" ".join),
)


def _reference_breadcrumb(text: str, vocab: Vocabulary) -> str | None:
    """chrome.breadcrumb without its word-count shortcut."""
    for separator in vocab.crumb_separators:
        parts = [p.strip() for p in text.split(separator)]
        if len(parts) < 2 or not all(len(p.split()) <= 6 for p in parts):
            continue
        if ends_sentence(text) or any(c.isdigit() for c in text):
            continue
        if any(p and not any(c.isalpha() for c in p) for p in parts):
            continue
        starts_home = parts[0].casefold() in vocab.crumb_home
        if starts_home or len(parts) >= 3 or separator in (">", "»", "›"):
            steps = [p for p in parts[1 if starts_home else 0 :] if p]
            return steps[-1] if steps else ""
    return None


def _reference_starts(text: str, phrases: tuple[str, ...], slack: int) -> bool:
    """chrome._starts_with_phrase without its pre-checks."""
    folded = text[: chrome.PHRASE_PREFIX_CHARS].casefold()
    for phrase in phrases:
        if folded == phrase:
            return True
        if folded.startswith(phrase) and len(text) <= len(phrase) + slack and not is_paragraph_like(text):
            rest = folded[len(phrase) :]
            if chrome._PHRASE_TAIL.match(rest) or not rest.strip():
                return True
    return False


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_chrome_shortcuts_agree_with_the_plain_tests(text: str) -> None:
    _agree(text, vocabulary())


def test_chrome_shortcuts_agree_on_every_line_of_the_pages() -> None:
    vocab = vocabulary()
    lines = _page_lines()
    for text in lines:
        _agree(text, vocab)
    # The lines hold what the shortcuts are about, so the agreement says something.
    assert sum(chrome.breadcrumb(t, vocab) is not None for t in lines) >= 3
    assert sum(chrome._is_furniture(t, vocab) for t in lines) >= 5
    assert sum(chrome._starts_with_phrase(t, vocab.box_phrases, 60) for t in lines) >= 2


def _agree(text: str, vocab: Vocabulary) -> None:
    assert chrome.breadcrumb(text, vocab) == _reference_breadcrumb(text, vocab), text
    for phrases, slack in ((vocab.box_phrases, 60), (vocab.line_phrases, 30)):
        expected = _reference_starts(text, phrases, slack)
        assert chrome._starts_with_phrase(text, phrases, slack) == expected, text
    for patterns in (vocab.line_patterns, vocab.tail_patterns):
        assert chrome._whole_line(patterns)(text) == any(p.fullmatch(text) for p in patterns), text


def test_line_patterns_that_cannot_be_joined_are_tried_one_by_one() -> None:
    for patterns in [
        (re.compile(r"(a)\1", re.IGNORECASE), re.compile(r"(b)\1", re.IGNORECASE)),  # renumbered
        (re.compile("(?P<x>a)"), re.compile("(?P<x>b)")),  # one name twice
        (re.compile("ab"), re.compile("AB", re.IGNORECASE)),  # other flags
    ]:
        test = chrome._whole_line(patterns)
        assert test("aa") == bool(patterns[0].fullmatch("aa"))
        assert test("bb") == bool(patterns[1].fullmatch("bb"))
        assert test("ab") == any(p.fullmatch("ab") for p in patterns)
        assert not test("ba")
    tags, likes = re.compile("tags?:.*", re.IGNORECASE), re.compile(r"\d+ likes?", re.IGNORECASE)
    joined = chrome._whole_line((tags, likes))
    assert joined("TAGS: x") and joined("12 likes") and not joined("12 likes!")


def test_no_character_folds_to_nothing() -> None:
    # _starts_with_phrase rules out long lines by length: folding never shortens a text.
    assert all(chr(c).casefold() for c in range(0x110000))


def test_lines_without_picture_words_match_no_picture_pattern() -> None:
    vocab = vocabulary()
    patterns = [*vocab.captions, *vocab.credit_only, vocab.glued_alt, vocab.alt_alone]
    extra = ["Quang cảnh hội nghị (Nguồn: TTXVN)", "Toàn cảnh hội nghị ảnh 1", "(ẢNH MINH HỌA)"]
    lines = [*_page_lines(), *extra]
    matched = [text for text in lines if any(p.search(text) for p in patterns)]
    assert len(matched) >= 5
    assert all(has_picture_words(text, vocab) for text in matched)
    # Most lines lack the words: the pre-check spares them the patterns.
    assert sum(not has_picture_words(text, vocab) for text in lines) > len(lines) / 2


EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_cue_letters_match_ignoring_case_only_letters_that_fold_alike() -> None:
    # may_match looks for the folded cue words in the folded line instead of searching ignoring case.
    vocab = vocabulary()
    lists = [vocab.views, vocab.captions, vocab.glued_alt, vocab.alt_alone, _picture_patterns(vocab)]
    letters = {c for patterns in lists for word in folded_cue(patterns) or () for c in word}
    assert {"ả", "n", "h", "ồ", "x"} <= letters
    for letter in letters:
        alike = re.findall(re.escape(letter), EVERY_CHARACTER, re.IGNORECASE)
        assert {c.casefold() for c in alike} == {letter.casefold()}, letter


def test_a_cue_with_a_letter_that_folds_apart_is_searched_as_a_pattern() -> None:
    dotted = (re.compile("in đậm", re.IGNORECASE),)
    assert folded_cue(dotted) is None
    assert re.search("in đậm", "İN ĐẬM", re.IGNORECASE) and "in đậm" not in "İN ĐẬM".casefold()
    assert may_match("İN ĐẬM", dotted)
    plain = (re.compile("ảnh", re.IGNORECASE),)
    assert folded_cue(plain) == ("ảnh",)
    assert may_match("ẢNH: TTXVN", plain) and may_match("Nguồn ẢnH", plain) and not may_match("Ạnh", plain)


def test_byline_openers_are_found_as_one_word_by_one_call() -> None:
    vocab = vocabulary()
    lines = [*_page_lines(), "Báo Tuyên Quang", "Ban Tuyên giáo Tỉnh ủy", "Bảo tàng", "Sở Y tế tỉnh", "Ban"]
    hits = 0
    for text in lines:
        folded = text.casefold() + " "
        for openers in (vocab.unit_openers, vocab.publication_openers):
            expected = any(folded.startswith(o + " ") for o in openers)
            assert folded.startswith(bylines._word_starts(openers)) == expected, text
            hits += expected
        for prefixes in (vocab.publisher_prefixes, vocab.author_prefixes):
            assert bylines._strip_prefix(text, prefixes) == _reference_strip_prefix(text, prefixes), text
    assert hits >= 4


def _reference_strip_prefix(text: str, prefixes: tuple[str, ...]) -> str | None:
    folded = text.casefold()
    for prefix in prefixes:
        if folded.startswith(prefix):
            rest = text[len(prefix) :]
            stripped = rest.lstrip()
            if stripped.startswith(":"):
                return stripped[1:].strip()
            if prefix.endswith(" của") or (rest[:1] == " " and prefix in ("theo", "nguồn", "nguồn tin")):
                return stripped
    return None


def _picture_lines() -> list[str]:
    return [
        *_page_lines(), "Toàn cảnh hội nghị ảnh 1", "Hội nghị tổng kết năm 2021 ảnh 2Bí thư phát biểu",
        "Hội nghị ảnh\t3Bí thư", "Hội nghị\u00a0ẢNH 12", "Quang cảnh - Ảnh: Minh Châu",
        "Quang cảnh – ẢNH : Minh Châu.", "Đại biểu dự hội nghị. (Ảnh: Phương Hoa/TTXVN)",
        "Lễ trao giải (ảnh minh họa)", "Lễ trao giải - Ảnh minh hoạ", "Đại biểu dự. Ảnh Minh Châu",
        "Đại biểu dự. Ảnh: Minh Châu", "Hội nghị ảnh hưởng lớn: nguồn vốn (2021)", "ảnh 1", " ảnh 1",
    ]


def test_each_picture_pattern_matches_only_lines_with_what_it_needs() -> None:
    # caption_of, strip_alt and is_image_file skip a pattern whose needs the folded line lacks.
    vocab = vocabulary()
    patterns = [*vocab.captions, vocab.glued_alt, vocab.alt_alone]
    lines = _picture_lines()
    for pattern in patterns:
        matched = [text for text in lines if pattern.match(text) or pattern.search(text)]
        assert matched, pattern.pattern
        assert all(may_match_one(text, pattern) for text in matched), pattern.pattern
    # The checks rule lines out: most lines with a picture word match none of the patterns.
    worded = [text for text in lines if has_picture_words(text, vocab)]
    assert sum(not may_match_one(text, vocab.glued_alt) for text in worded) > len(worded) / 2
    assert sum(not may_match_one(text, vocab.captions[0]) for text in worded) > len(worded) / 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ảẢnNhH -–|():.1 9", "\t", "\u00a0", "\u2003", "ﬀ", "ß"]),
               max_size=30))
def test_the_needs_hold_for_any_text_a_picture_pattern_matches(text: str) -> None:
    vocab = vocabulary()
    for pattern in [*vocab.captions, vocab.glued_alt, vocab.alt_alone]:
        if pattern.search(text):
            assert may_match_one(text, pattern), (pattern.pattern, text)


def test_letters_the_patterns_need_match_ignoring_case_only_letters_that_fold_alike() -> None:
    vocab = vocabulary()
    needs = [needs_of(p) for p in [*vocab.captions, vocab.glued_alt, vocab.alt_alone, dates._DAY_LIST]]
    words = [w for n in needs for group in n.groups for w in group]
    words += [n.context.pattern for n in needs if n.context is not None]
    letters = {c for word in words for c in word if c.isalpha()}
    assert {"ả", "n", "h", "ọ", "ạ", "g", "à", "y"} <= letters
    for letter in letters:
        alike = re.findall(re.escape(letter), EVERY_CHARACTER, re.IGNORECASE)
        assert {c.casefold() for c in alike} == {letter.casefold()}, letter


def test_the_classes_of_a_context_stand_unchanged_in_the_folded_text() -> None:
    # A context keeps \s and \d as they are: no white space or digit changes when casefolded.
    spaces_and_digits = [c for c in EVERY_CHARACTER if c.isspace() or c.isdecimal()]
    assert len(spaces_and_digits) > 600
    assert [c for c in spaces_and_digits if c.casefold() != c] == []


@pytest.mark.parametrize(
    ("pattern", "groups", "context"),
    [
        (r"^.+?\sảnh\s\d+(?=x)", (), r"ảnh(?<=\sảnh)\s\d{1,}"),
        (r"^(?P<t>.+?)\s*[-|]\s*\(?(ảnh|nguồn ảnh)\s*:", (("-", "|"), ("ảnh",), (":",)), None),
        (r"^a(b|c)", (("a",), ("b", "c")), None),
        (r"ẢNH\s*x", (("ảnh",), ("x",)), None),  # an optional class adds nothing
        (r"ẢNH\s+x", (("x",),), r"ảnh\s{1,}"),
        (r"^.+?\sinh\s\d", (), None),  # "i" folds apart ("İ"): no word, no context
        (r"[^ab]", (), None),
        (r"\bngày\s+(?P<d>\d{1,2})[/.]", (("/", "."),), r"ngày\s{1,}\d{1,2}"),  # a group of one class
    ],
)
def test_needs_of(pattern: str, groups: tuple[tuple[str, ...], ...], context: str | None) -> None:
    needs = needs_of(re.compile(pattern, re.IGNORECASE))
    assert needs.groups == groups
    assert (needs.context.pattern if needs.context else None) == context


def test_needs_of_a_pattern_that_minds_case_is_empty() -> None:
    assert needs_of(re.compile(r"^.+?\sảnh\s\d")) == Needs((), None)
    assert may_match_one("no such word", re.compile(r"^.+?\sảnh\s\d"))


def test_no_character_turns_into_a_decimal_digit_in_nfc() -> None:
    # dates.may_hold_stamp looks for a decimal digit in the line as written; vn.find_dates
    # finds dates in its NFC form. No decimal digit composes or decomposes canonically.
    decimals = [c for c in EVERY_CHARACTER if c.isdecimal()]
    assert len(decimals) > 600
    assert [c for c in EVERY_CHARACTER if not c.isdecimal()
            and any(d.isdecimal() for d in unicodedata.normalize("NFC", c))] == []
    assert [d for d in decimals if unicodedata.decomposition(d)[:1] not in ("", "<")] == []


@pytest.mark.parametrize("text", ["12:41' 21/12/2021", "Thứ Hai, ngày 7 tháng 1 năm 2021", "Ngày ²/³",
                                  "Hà Nội"])
def test_a_line_without_a_decimal_digit_is_no_stamp(text: str) -> None:
    vocab = vocabulary()
    assert dates.may_hold_stamp(text) == any(c.isdecimal() for c in text)
    if not dates.may_hold_stamp(text):
        assert dates._stamp(text, vocab) is None and find_dates(text) == []


DAY_LIST_PIECES = ["ngày", "NGÀY", "Ngày", " ", "  ", "19", "20", "5", ",", "và", "VÀ", "-", "–", "/", ".",
                   "6", "2021", "x", "\t"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DAY_LIST_PIECES), max_size=14))
def test_the_day_list_needs_hold_for_any_text_it_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    if dates._DAY_LIST.search(text):
        assert may_match_one(text, dates._DAY_LIST), text


OUTLET_PIECES = ["(", ")", "c", "C", "(c", "c)", "©", "®", "opyright", "Copyright", "OPYRIGHT", "ản quyền",
                 "Bản quyền", "ẢN QUYỀN", " ", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(OUTLET_PIECES), max_size=10))
def test_may_name_outlet_looks_for_the_same_marks(pieces: list[str]) -> None:
    text = "".join(pieces)
    marks = ("©", "®", "(c)", "(C)", "opyright", "OPYRIGHT", "ản quyền", "ẢN QUYỀN")
    assert may_name_outlet(text) == any(mark in text for mark in marks)
