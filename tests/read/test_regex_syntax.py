"""read.page.regex_syntax: the vocabulary's patterns read as cues.py needs them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.read.page import dates
from tgreport.read.page import regex_syntax as rx
from tgreport.read.page.cues import cue_words, may_match_one, needs_of
from tgreport.read.page.vocab import vocabulary

SPACE = (rx.IN, [(rx.CATEGORY, rx.CATEGORY_SPACE)])
DIGIT = (rx.IN, [(rx.CATEGORY, rx.CATEGORY_DIGIT)])


def lit(text: str) -> list[rx.Item]:
    return [(rx.LITERAL, ord(c)) for c in text]


@pytest.mark.parametrize(
    ("pattern", "items"),
    [
        ("ảnh", lit("ảnh")),
        (r"\.\(\[", lit(".([")),
        (r"\s\d", [SPACE, DIGIT]),
        ("[a]", lit("a")),  # a class of one letter is the letter
        ("[-–|]", [(rx.IN, [(rx.LITERAL, ord("-")), (rx.LITERAL, ord("–")), (rx.LITERAL, ord("|"))])]),
        ("[^()]", [(rx.IN, [(rx.NEGATE, None), (rx.LITERAL, 40), (rx.LITERAL, 41)])]),
        ("[a-z_]", [(rx.IN, [(rx.RANGE, (97, 122)), (rx.LITERAL, 95)])]),
        ("a+", [(rx.MAX_REPEAT, (1, rx.MAXREPEAT, lit("a")))]),
        ("a{1,60}?", [(rx.MIN_REPEAT, (1, 60, lit("a")))]),
        ("a{3,}", [(rx.MAX_REPEAT, (3, rx.MAXREPEAT, lit("a")))]),
        ("a{2}", [(rx.MAX_REPEAT, (2, 2, lit("a")))]),
        ("a{x}", lit("a{x}")),  # not a count: letters
        ("(?:ab)c", lit("abc")),  # a plain group stands as its items
        ("(?:ab)*", [(rx.MAX_REPEAT, (0, rx.MAXREPEAT, lit("ab")))]),
        ("(ab)", [(rx.SUBPATTERN, (1, 0, 0, lit("ab")))]),
        ("(?P<n>a)(b)", [(rx.SUBPATTERN, (1, 0, 0, lit("a"))), (rx.SUBPATTERN, (2, 0, 0, lit("b")))]),
        ("(?i)ảnh", lit("ảnh")),  # global flags: in the compiled pattern's flags
        ("ab|ac", [*lit("a"), (rx.IN, [(rx.LITERAL, 98), (rx.LITERAL, 99)])]),  # as re's parser
        ("ab|cd", [(rx.BRANCH, (None, [lit("ab"), lit("cd")]))]),
        ("x(?=y)", [*lit("x"), (rx.OTHER, "(?=y)")]),
        (r"^\bx$", [(rx.OTHER, "^"), (rx.OTHER, r"\b"), *lit("x"), (rx.OTHER, "$")]),
        (r"\u1ea3", lit("ả")),
    ],
)
def test_parse(pattern: str, items: list[rx.Item]) -> None:
    assert rx.parse(pattern) == items


@pytest.mark.parametrize("pattern", ["(a", "a)", "[ab", "a\\", r"\q", "*a"])
def test_a_pattern_it_cannot_read_is_an_error(pattern: str) -> None:
    with pytest.raises(ValueError):
        rx.parse(pattern)


def _vocabulary_patterns() -> list[re.Pattern[str]]:
    vocab = vocabulary()
    return [*vocab.captions, vocab.glued_alt, vocab.alt_alone, dates._DAY_LIST]


def test_every_pattern_the_cues_read_is_read_whole() -> None:
    # Each of them yields words to look for: a pattern read wrongly would be one that yields none.
    for pattern in _vocabulary_patterns():
        rx.parse(pattern.pattern)
        needs = needs_of(pattern)
        assert needs.groups or needs.context is not None, pattern.pattern
    assert cue_words(vocabulary().captions) is not None


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_the_needs_hold_for_what_each_pattern_matches(data: st.DataObject) -> None:
    # Texts made from the pattern itself: every one it matches must pass the pre-check.
    pattern = data.draw(st.sampled_from(_vocabulary_patterns()))
    text = data.draw(st.from_regex(pattern))
    assert pattern.search(text)
    assert may_match_one(text, pattern), (pattern.pattern, text)


@pytest.mark.parametrize("flags", [re.IGNORECASE | re.VERBOSE, re.IGNORECASE])
def test_a_pattern_the_parser_cannot_read_rules_nothing_out(flags: int) -> None:
    # A user's extra chrome pattern: verbose (its spaces are not text), or written with syntax
    # the parser does not know (a conditional group). Neither may hide a line it matches.
    pattern = re.compile(r"ảnh x" if flags & re.VERBOSE else r"(a)?ảnh(?(1)b|c)", flags)
    assert needs_of(pattern).groups == () and needs_of(pattern).context is None
    assert cue_words([pattern]) is None
    text = "ẢNHx" if flags & re.VERBOSE else "ảnhc"
    assert pattern.search(text) and may_match_one(text, pattern)
