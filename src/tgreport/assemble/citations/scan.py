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
    finditer, plan = _finder(groups)
    found: tuple[list[int], ...] = tuple([] for _ in groups)
    startswith = text.startswith
    # The regex engine stops only where a word's rarest character stands with the rest of the
    # word around it and its guard holding; the words with that character are then checked
    # there (several may begin around one character: "PGS" and "GS").
    for m in finditer(text):
        at = m.start()
        for word, k, guard, members in plan[m.group()]:
            start = at - k
            if start >= 0 and startswith(word, start) and (guard is None or guard(text, start + len(word))):
                for n in members:
                    found[n].append(start)
    return tuple(sorted(set(f)) if len(f) > 1 else f for f in found)


# Characters by their frequency in Vietnamese news text, commonest first (counted on the
# benchmark corpus); what is not here is rarer still. Only speed depends on it: each word is
# looked for at its rarest character, where the regex engine stops far less often than at the
# first letters ("n", "c", "t", "h" …), which are the commonest of all.
_COMMON = " nhcgtiuáđyorTưàbạịếqklỉĐBôậdCớíNợHKDồPLQSG/"

_Guard = Callable[[str, int], "re.Match[str] | None"]
_Plan = dict[str, tuple[tuple[str, int, _Guard | None, tuple[int, ...]], ...]]
_Finder = tuple[Callable[[str], Iterator[re.Match[str]]], _Plan]


@functools.lru_cache(maxsize=32)
def _finder(groups: Anchors) -> _Finder:
    """(finditer of the places a word may begin around, character found → (word, the
    character's offset in it, the word's guard, the groups holding it) for each word it anchors)."""
    # One pass of the regex engine for every word, instead of one str.find pass over the text
    # per word (48 words: 96 passes per article). Each match is one character, so the next
    # search starts right after it and no word beginning nearby is skipped.
    anchors = [g if isinstance(g, Anchor) else Anchor(g) for g in groups]
    plan: dict[str, list[tuple[str, int, _Guard | None, tuple[int, ...]]]] = {}
    alternatives: dict[str, list[str]] = {}
    for word in sorted({w for a in anchors for w in a.words}):
        members = tuple(n for n, a in enumerate(anchors) if word in a.words)
        each = {anchors[n].guard(word) for n in members}
        # A word of two groups may begin a match of either's pattern: either guard lets it through.
        guard = "" if "" in each else "(?:" + "|".join(sorted(each)) + ")"
        k = max(range(len(word)), key=lambda i: (word[i] not in _COMMON, _COMMON.find(word[i])))
        rarest = word[k]
        plan.setdefault(rarest, []).append(
            (word, k, re.compile(guard).match if guard else None, members))
        behind = f"(?<={re.escape(word[:k + 1])})" if k else ""
        alternatives.setdefault(rarest, []).append(behind + f"(?={re.escape(word[k + 1:])}{guard})")
    pattern = "|".join(re.escape(c) + "(?:" + "|".join(alts) + ")" for c, alts in alternatives.items())
    return re.compile(pattern).finditer, {c: tuple(p) for c, p in plan.items()}


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
