"""The patterns compiled on first use are the ones the module names, with the same letter classes."""

from __future__ import annotations

import re

from tgreport.assemble.citations import documents, people


def test_letter_classes_hold_exactly_the_letters_of_their_case() -> None:
    # Written with ranges where three or more letters follow each other: the same letters.
    for first, case, test in ((0x41, "isupper", str.isupper), (0x61, "islower", str.islower)):
        letters = re.compile(people._letters(first, case))
        for c in map(chr, range(0x2000)):
            expected = first <= ord(c) < 0x1F00 and test(c) and c.isalpha()
            assert bool(letters.fullmatch(c)) == expected, hex(ord(c))


def test_the_patterns_are_compiled_once_on_first_use() -> None:
    assert documents._PATTERNS is documents._patterns()
    assert [kind for kind, _ in documents._PATTERNS] == [kind for kind, _ in documents._SOURCES]
    assert people._NAME_AFTER_POSITION is people._name_patterns()[1]
    assert people._NAME_AFTER_POSITION.match("Nguyễn Văn An").group("name") == "Nguyễn Văn An"
    assert people._BY_HONORIFIC.match("ông Lê Văn Bình, ").group("name") == "Lê Văn Bình"
