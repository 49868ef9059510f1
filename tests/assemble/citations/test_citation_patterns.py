"""The patterns compiled on first use are the ones the module names, with the same letter classes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.assemble.citations import documents, people


def test_letter_classes_hold_exactly_the_letters_of_their_case() -> None:
    # Written with ranges where three or more letters follow each other: the same letters.
    for first, case, test in ((0x41, "isupper", str.isupper), (0x61, "islower", str.islower)):
        letters = re.compile(people._letters(first, case))
        for c in map(chr, range(0x2000)):
            expected = first <= ord(c) < 0x1F00 and test(c) and c.isalpha()
            assert bool(letters.fullmatch(c)) == expected, hex(ord(c))


def test_the_patterns_are_compiled_once_on_first_use() -> None:
    assert documents._patterns() is documents._patterns()
    assert [kind for kind, _ in documents._patterns()] == [kind for kind, _ in documents._SOURCES]
    by_honorific, name_after_position = people._name_patterns()
    assert people._name_patterns()[1] is name_after_position
    assert name_after_position.match("Nguyễn Văn An").group("name") == "Nguyễn Văn An"
    assert by_honorific.match("ông Lê Văn Bình, ").group("name") == "Lê Văn Bình"


def positioned_before_by_rfind(text: str, start: int) -> str | None:
    # The reading it replaced: the sentence's start from one str.rfind per mark, then its chunks.
    sentence_start = max(text.rfind(c, 0, start) for c in ".;:\n(“\"") + 1
    chunks = text[sentence_start:start].split(",")
    m = people._POSITION.search(chunks[-1])
    if m is None:
        return None
    parts = [chunks[-1][m.start():].strip()]
    for chunk in reversed(chunks[:-1]):
        chunk = chunk.strip()
        if not people._POSITION.match(chunk):
            break
        parts.insert(0, chunk)
    return ", ".join(parts)


BEFORE = ["Bí thư Tỉnh ủy", "Phó Chủ tịch", "ông", ", ", ",", ". ", ";", ":", "\n", "(", "“", '"', " ", "x",
          "Lê Văn An"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(BEFORE), max_size=12).map("".join), st.integers(0, 200))
def test_the_chunk_before_a_name_is_found_as_by_rfind(text: str, at: int) -> None:
    start = min(at, len(text))
    assert people._positioned_before(text, start) == positioned_before_by_rfind(text, start)
