"""Running a slow-starting pattern only where a match can begin: finditer's matches, found faster."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Anchor:
    """The words a pattern's matches begin with, and what the pattern asks of the text around
    one of them: the places found are those where a match may begin, fewer than where a word
    merely begins ("ông" inside "không" starts no "ông Nguyễn Văn An, …")."""

    words: tuple[str, ...]
    word_start: bool = False  # the pattern refuses to begin right after a letter
    ahead: str = ""  # a regex the text right after the word must match

    def guard(self, word: str) -> str:
        """What the regex checks right after `word` has matched."""
        behind = r"(?<![^\W\d_]" + re.escape(word) + ")" if self.word_start else ""
        return behind + (f"(?={self.ahead})" if self.ahead else "")


Anchors = tuple["Anchor | tuple[str, ...]", ...]


def starts_of(text: str, words: Iterable[str] | Anchor) -> list[int]:
    """Every position where one of `words` begins in `text`, in order (overlapping ones too);
    with an Anchor, at least every such position where its guard holds."""
    return starts_of_each(text, (words if isinstance(words, Anchor) else tuple(words),))[0]


def starts_of_each(text: str, groups: Anchors) -> tuple[list[int], ...]:
    """starts_of(text, group) for each group, in one pass over the text for all of them."""
    finditer, found_at = _finder(groups)
    found: tuple[list[int], ...] = tuple([] for _ in groups)
    startswith = text.startswith
    # The regex engine stops only where a word's anchor character stands with the rest of the
    # word around it and its guard holding, and says which word (its empty group, the last to
    # close). Other words that may stand around the same character are checked here: "PGS" and
    # "GS", or one word of two groups with two guards.
    for m in finditer(text):
        at = m.start()
        k, members, others = found_at[m.lastindex]  # type: ignore[index]
        for n in members:
            found[n].append(at - k)
        for word, k, guard, members in others:
            start = at - k
            if start >= 0 and startswith(word, start) and (guard is None or guard(text, start + len(word))):
                for n in members:
                    found[n].append(start)
    return tuple(sorted(set(f)) if len(f) > 1 else f for f in found)


# Characters per 10,000 of Vietnamese news text (counted on the benchmark corpus), the space
# and the commonest letters first; what is not here is rarer still. Only speed depends on it:
# the regex engine stops at each anchor character, so the anchors are chosen to be few and rare.
_FREQUENCY = {" ": 2146, "\n": 28, "n": 871, "h": 637, "c": 555, "t": 480, "g": 410, "i": 377,
    "u": 217, "á": 195, "a": 183, "đ": 176, "y": 168, "o": 160, "r": 130, "m": 130, "v": 128, ",": 126,
    "T": 105, "p": 104, "ộ": 103, "ư": 102, "ủ": 100, "à": 95, "ả": 94, "ệ": 85, "b": 80, "ạ": 78,
    "ê": 77, "ị": 75, ".": 67, "ự": 63, "ế": 55, "q": 54, "k": 54, "B": 53, "ỉ": 52, "l": 51, "Đ": 50,
    "ô": 49, "ể": 48, "ấ": 46, "ơ": 43, "2": 43, "ậ": 41, "d": 41, "s": 38, "C": 36, "â": 36, "0": 34,
    "ớ": 33, "ố": 33, "ụ": 32, "I": 32, "ă": 30, "í": 29, "ứ": 29, "N": 28, "ề": 27, "ó": 25, "ã": 25,
    "ổ": 24, "ợ": 23, "x": 23, "ì": 23, "H": 20, "ọ": 17, "ầ": 16, "ờ": 16, "K": 15, "ở": 15, "1": 15,
    "-": 14, "ắ": 14, "ồ": 14, "e": 14, "D": 13, "V": 12, "X": 11, "Ủ": 10, "5": 10, "P": 9, "ù": 9,
    "ẩ": 9, "ũ": 9, "ò": 9, "ừ": 7, "L": 7, "Q": 7, "ữ": 7, "ú": 7, "S": 6, "M": 6, "/": 6, "G": 6,
    "ỳ": 5, "ễ": 5, "9": 5, "ặ": 5, "ý": 5, "6": 5, "ỡ": 5, "ằ": 4, "ĩ": 4, "W": 3, "ẫ": 3, "4": 3,
    "”": 3, "“": 3, "O": 2, "(": 2, "–": 2, "ỗ": 2, "ỏ": 2, "Ả": 2, "Y": 2, "ỷ": 2, "3": 2, "A": 1,
    "õ": 1, "7": 1, "8": 1, "%": 1, "ẽ": 1}

_Guard = Callable[[str, int], "re.Match[str] | None"]
_Other = tuple[str, int, _Guard | None, tuple[int, ...]]
_Found = tuple[int, tuple[int, ...], tuple[_Other, ...]]
_Finder = tuple[Callable[[str], Iterator[re.Match[str]]], dict[int, _Found]]


def _anchor_characters(words: list[str]) -> set[str]:
    """Characters such that each word holds one, seldom met in all: a greedy set cover, each
    step taking the character that covers the most words left for the fewest stops."""
    holding: dict[str, set[str]] = {}
    for w in words:
        for c in w:
            holding.setdefault(c, set()).add(w)
    left = {c: len(held) for c, held in holding.items()}  # of the words not covered yet
    covered: set[str] = set()
    chosen: set[str] = set()
    while len(covered) < len(words):
        best = min(sorted(c for c, n in left.items() if n),
                   key=lambda c: (_FREQUENCY.get(c, 0) + 1) / left[c])
        chosen.add(best)
        for w in holding[best] - covered:
            covered.add(w)
            for c in set(w):
                left[c] -= 1
    return chosen


def _aligned(a: str, ka: int, b: str, kb: int) -> bool:
    """Whether `a` (its character ka) and `b` (its character kb) may stand over one character."""
    shift = ka - kb  # where b begins, from a's start
    return all(a[i] == b[i - shift] for i in range(max(0, shift), min(len(a), shift + len(b))))


def _lookahead_trie(items: list[tuple[str, str]]) -> str:
    """A regex for the alternatives `rest + tail` (tail a regex), factored by the rests' prefixes."""
    branches: dict[str, list[tuple[str, str]]] = {}
    for rest, tail in items:
        branches.setdefault(rest[:1], []).append((rest[1:], tail))
    alternatives = []
    for first, sub in sorted(branches.items(), key=lambda b: b[0] == ""):  # the rests ending here last
        alternatives.extend([re.escape(first) + _lookahead_trie(sub)] if first else [t for _, t in sub])
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


@functools.lru_cache(maxsize=32)
def _finder(groups: Anchors) -> _Finder:
    """(finditer of the places a word may begin around, the number of the group closing last in
    a match → (the anchor character's offset in the word found, the groups it begins a match
    of, the other words that may stand around that character))."""
    # One pass of the regex engine for every word, instead of one str.find pass over the text
    # per word. Each match is one character, so the next search starts right after it and no
    # word beginning nearby is skipped.
    anchors = [g if isinstance(g, Anchor) else Anchor(g) for g in groups]
    words = sorted({w for a in anchors for w in a.words})
    chosen = _anchor_characters(words)
    # One alternative per word and guard: a word of two groups with one guard is one alternative.
    alternatives: list[tuple[str, int, str, tuple[int, ...]]] = []
    for word in words:
        k = min((i for i, c in enumerate(word) if c in chosen), key=lambda i: _FREQUENCY.get(word[i], 0))
        by_guard: dict[str, list[int]] = {}
        for n, a in enumerate(anchors):
            if word in a.words:
                by_guard.setdefault(a.guard(word), []).append(n)
        alternatives.extend((word, k, guard, tuple(members)) for guard, members in by_guard.items())
    found_at: dict[int, _Found] = {}
    by_character: dict[str, tuple[list[tuple[str, str]], list[str]]] = {}
    sharing: dict[str, list[tuple[str, int, str, tuple[int, ...]]]] = {}
    for alternative in alternatives:
        sharing.setdefault(alternative[0][alternative[1]], []).append(alternative)
    for number, (word, k, guard, members) in enumerate(alternatives, start=1):
        others = tuple(
            (w, kw, re.compile(g).match if g else None, ms)
            for w, kw, g, ms in sharing[word[k]]
            if (w, g) != (word, guard) and _aligned(word, k, w, kw)
        )
        found_at[number] = (k, members, others)
        ahead, behind = by_character.setdefault(word[k], ([], []))
        # The empty group closes last: m.lastindex is its number.
        tail = f"{guard}(?P<w{number}>)"
        if k:
            behind.append(f"(?<={re.escape(word[:k + 1])})(?={re.escape(word[k + 1:])}{tail})")
        else:
            ahead.append((word[1:], tail))
    branches = []
    for c, (ahead, behind) in sorted(by_character.items(), key=lambda b: -_FREQUENCY.get(b[0], 0)):
        parts = ([f"(?={_lookahead_trie(ahead)})"] if ahead else []) + behind
        branches.append(re.escape(c) + "(?:" + "|".join(parts) + ")")
    pattern = re.compile("|".join(branches))
    # By group number (a guard's own groups, if any, come before it).
    return pattern.finditer, {pattern.groupindex[f"w{n}"]: entry for n, entry in found_at.items()}


def trie_pattern(words: list[str]) -> str:
    """A regex matching exactly the (sorted, distinct, non-empty) `words`, factored by prefix.

    Where one word is a prefix of another ("Tô", "Tôn"), the longer is tried first, as in an
    alternation sorted longest first.
    """
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[:1], []).append(word[1:])
    alternatives = []
    for first, rests in branches.items():
        ends_here = "" in rests
        longer = [r for r in rests if r]
        if not longer:
            alternatives.append(re.escape(first))
            continue
        # A word that ends here and longer ones that go on: the longer part is optional, and
        # greedy, so the longer word is tried first.
        optional = "?" if ends_here else ""
        alternatives.append(re.escape(first) + "(?:" + trie_pattern(longer) + ")" + optional)
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """What pattern.finditer(text) yields, given (in order) every position a match can start at.

    A pattern opening with a look-behind or an alternation of words gets no quick first-character
    scan from the regex engine, which then tries each character of the text; trying a handful of
    places instead is several times faster. `match` at a position still sees the text before it,
    so look-behinds judge as they would in finditer.
    """
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start < end:
            continue  # finditer resumes after the last match
        m = pattern.match(text, start)
        if m is not None:
            found.append(m)
            end = m.end()
    return found
