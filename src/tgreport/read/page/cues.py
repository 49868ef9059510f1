"""Cheap pre-checks for the vocabulary's patterns: the words a pattern cannot match without."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import wraps
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, TypeVar

from tgreport.read.page.lines import fold

# Most lines of a page are paragraphs that no caption, credit or counter pattern matches, and
# those patterns open with ".+?", which tries every position. One search for the words they all
# need ("ảnh", "lượt") rules such a line out at C speed.
MAX_WORDS = 3
PER_LIST_ENTRIES = 64
T = TypeVar("T")
R = TypeVar("R")


def cue(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """A pattern found in every text that one of `patterns` matches (in whole or in part), or
    None when some pattern needs no fixed word (then no pre-check is possible)."""
    found = cue_words(patterns)
    if found is None:
        return None
    words, flag = found
    return re.compile("|".join(re.escape(w) for w in words), flag)


def cue_words(patterns: Iterable[re.Pattern[str]]) -> tuple[tuple[str, ...], int] | None:
    """The words of `cue(patterns)`, longest first, and the flags to search for them with."""
    words: set[str] = set()
    flags: set[int] = set()
    for pattern in patterns:
        need = _required(_parser.parse(pattern.pattern, pattern.flags))
        if not need:
            return None
        words.update(need)
        flags.add(pattern.flags & (re.IGNORECASE | re.ASCII))
    if len(flags) != 1:
        return None  # mixed case rules: the words could not be searched for with one pattern
    # A word holding another is implied by it ("nguồn ảnh" by "ảnh").
    words = {w for w in words if not any(o != w and o in w for o in words)}
    if len(words) > MAX_WORDS:
        return None  # a search for many words costs as much as the patterns it would spare
    flag = flags.pop()
    if all(c.lower() == c == c.upper() for word in words for c in word):
        flag &= ~re.IGNORECASE  # ":" or "(" has no other case: a plain search is faster
    return tuple(sorted(words, key=len, reverse=True)), flag


def _required(items: Any) -> list[str] | None:
    """Words of which every match of the parsed sequence `items` contains at least one."""
    best: list[str] | None = None
    run: list[str] = []

    def consider(need: list[str] | None) -> None:
        nonlocal best
        if need and (best is None or _rank(need) < _rank(best)):
            best = need

    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(["".join(run)])
            run = []
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:  # a scoped (?i:…) would change how words match
                consider(_required(sub))
        elif op is sre.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(branches):
                consider([word for branch in branches if branch for word in branch])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                consider(_required(sub))
    return best


def _rank(need: list[str]) -> tuple[bool, int, int]:
    # Words with letters first: ":" or "(" stand in most paragraphs and rule out few of them.
    # Then fewer words, which search faster; among as many, longer words rule out more lines.
    bare = any(not any(c.isalpha() for c in word) for word in need)
    return bare, len(need), -min(map(len, need))


def per_list(build: Callable[[T], R]) -> Callable[[T], R]:
    """`build(items)` worked out once per list object. The vocabulary's lists live as long as the
    process; hashing a long tuple again on every line (as lru_cache does) cost more than the
    check it guarded."""
    made: dict[int, tuple[T, R]] = {}

    @wraps(build)
    def cached(items: T) -> R:
        entry = made.get(id(items))
        if entry is None or entry[0] is not items:
            if len(made) >= PER_LIST_ENTRIES:
                made.clear()  # lists made on the fly: do not keep them all
            entry = made[id(items)] = (items, build(items))
        return entry[1]

    return cached


@per_list
def cue_for(patterns: tuple[re.Pattern[str], ...] | re.Pattern[str]) -> re.Pattern[str] | None:
    """`cue(patterns)` (or of the one pattern), worked out once per list."""
    return cue((patterns,) if isinstance(patterns, re.Pattern) else patterns)


# Letters that IGNORECASE matches with letters that fold otherwise ("İ" matches "i" and folds
# to "i̇"); for the others, a match ignoring case is a match of the folded texts.
# tests/reader/test_shortcuts.py checks every code point against the built-in cue words.
_FOLDS_APART = frozenset("iIİı")


@per_list
def folded_cue(patterns: tuple[re.Pattern[str], ...] | re.Pattern[str]) -> tuple[str, ...] | None:
    """The cue's words casefolded, when looking for them in the casefolded text finds every
    text the cue's search ignoring case finds; None when the cue is searched as a pattern."""
    found = cue_words((patterns,) if isinstance(patterns, re.Pattern) else patterns)
    if found is None or not found[1] & re.IGNORECASE or found[1] & re.ASCII:
        return None
    words = found[0]
    if any(c in _FOLDS_APART for word in words for c in word):
        return None
    return tuple(word.casefold() for word in words)


def may_match(text: str, patterns: tuple[re.Pattern[str], ...] | re.Pattern[str]) -> bool:
    """False when no pattern of `patterns` can match in `text`: it lacks every word they need."""
    words = folded_cue(patterns)
    if words is not None:
        # The line folded once serves every cue and stage; `in` is much faster than a search
        # that ignores case, which cannot skip ahead to a first letter.
        folded = fold(text)
        return any(word in folded for word in words)
    found = cue_for(patterns)
    return found is None or found.search(text) is not None
