"""Page text as tidy lines, with the blank-line gaps and the shape tests every stage shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A sentence ends with one of these, possibly inside closing quotes or brackets ("…đất nước.”").
PARAGRAPH_MIN_WORDS_UNPUNCTUATED = 24
_SENTENCE_END = re.compile(r"[.!?…;:]['\"”’)\]]*$|\./\.$")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the page: its text with spaces tidied, where it stood, what came before."""

    text: str
    number: int  # 1-based line number in the input, for messages
    gap_before: int  # blank lines just above it; pictures often leave a double gap

    def with_text(self, text: str) -> Line:
        # Most lines keep their text through every stage: no copy for them.
        return self if text == self.text else Line(text, self.number, self.gap_before)


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, runs of white space inside a line reduced to one space."""
    lines: list[Line] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), 1):
        tidy = spaced(raw)
        if not tidy:
            gap += 1
            continue
        _remember_count(tidy, tidy.count(" ") + 1)  # its words are one space apart
        lines.append(Line(tidy, number, gap))
        gap = 0
    return lines


def spaced(text: str) -> str:
    """`text` with its runs of white space made one space and none at its ends: the same as
    " ".join(text.split()), which the readers compare lines by. Most lines need no more than
    their ends cut: a printable text has no white space but the plain space (tabs, line breaks
    and the Unicode spaces are not printable), so without two spaces side by side its words are
    already one space apart, and splitting it into words to join them again (a hot spot of
    split_lines and of the walk over a saved page) is spared."""
    stripped = text.strip()
    if stripped.isprintable() and "  " not in stripped:
        return stripped
    return " ".join(text.split())


# Every stage asks about the same few dozen lines again: remembered per line text, and filled
# in by split_lines, which splits each line into words anyway.
_WORD_COUNTS: dict[str, int] = {}
WORD_COUNTS_KEPT = 4096


def word_count(text: str) -> int:
    count = _WORD_COUNTS.get(text)
    if count is None:
        count = len(text.split())
        _remember_count(text, count)
    return count


def _remember_count(text: str, count: int) -> None:
    if len(_WORD_COUNTS) >= WORD_COUNTS_KEPT:
        _WORD_COUNTS.clear()
    _WORD_COUNTS[text] = count


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """``text.casefold()``, remembered: each stage compares the same lines with folded phrases."""
    return text.casefold()


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


@lru_cache(maxsize=4096)
def is_paragraph_like(text: str) -> bool:
    """Body text rather than a headline: a sentence of some length, or simply very long.

    Headlines may end with "?" or "!", so only a long line ending that way counts as a sentence.
    """
    if len(text) >= 250:
        return True
    words = word_count(text)
    # Headlines rarely run past twenty-odd words; a sapo without its full stop does.
    if words >= PARAGRAPH_MIN_WORDS_UNPUNCTUATED:
        return True
    if text.endswith(("?", "!")):
        return words >= 25
    return words >= 10 and ends_sentence(text) and not text.endswith(":")


def is_upper(text: str) -> bool:
    """All letters are capitals (and there are some): "MAI CHI", "VIDEO CLIPS"."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
