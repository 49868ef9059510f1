"""Cheap pre-checks for the vocabulary's patterns: the words a pattern cannot match without."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from tgreport.read.page import regex_syntax as syntax
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
        items = _parsed(pattern)
        need = None if items is None else _required(items)
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


def _parsed(pattern: re.Pattern[str]) -> list[syntax.Item] | None:
    """`pattern` as items, or None when it is written in a way the parser does not read (a
    user's extra chrome pattern may be): then nothing is ruled out."""
    if pattern.flags & re.VERBOSE:
        return None  # its spaces and comments are not text
    try:
        return syntax.parse(pattern.pattern)
    except ValueError:
        return None


def _required(items: Any) -> list[str] | None:
    """Words of which every match of the parsed sequence `items` contains at least one."""
    best: list[str] | None = None
    run: list[str] = []

    def consider(need: list[str] | None) -> None:
        nonlocal best
        if need and (best is None or _rank(need) < _rank(best)):
            best = need

    for op, av in [*items, (None, None)]:
        if op == syntax.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(["".join(run)])
            run = []
        if op == syntax.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:  # a scoped (?i:…) would change how words match
                consider(_required(sub))
        elif op == syntax.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(branches):
                consider([word for branch in branches if branch for word in branch])
        elif op in (syntax.MAX_REPEAT, syntax.MIN_REPEAT, syntax.POSSESSIVE_REPEAT):
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


@dataclass(frozen=True)
class Needs:
    """What every text one pattern matches holds, to be looked for in the casefolded text: a
    word of each group (a literal, or a character of a class like "[-–|]"), and a match of
    `context` (a word with the spaces and digits that stand right around it: "\\sảnh\\s\\d+").
    `context` opens with its word, so that it is searched at C speed for that word first."""

    groups: tuple[tuple[str, ...], ...]
    context: re.Pattern[str] | None


@per_list
def needs_of(pattern: re.Pattern[str]) -> Needs:
    """The pre-checks of one pattern, worked out once per pattern object. Empty (nothing is ruled
    out) for a pattern whose case rules the casefolded text cannot follow."""
    if pattern.flags & re.ASCII or not pattern.flags & re.IGNORECASE:
        return Needs((), None)
    items = _parsed(pattern)
    if items is None:
        return Needs((), None)
    word, context = _context(items)
    # A group the context's word holds a word of is looked for by the context's search.
    groups = [tuple(w.casefold() for w in words) for words in _all_required(items)]
    kept = tuple(
        words for words in groups
        if not any(c in _FOLDS_APART for w in words for c in w) and not any(w in word for w in words)
    )
    return Needs(kept, context)


def may_match_one(text: str, pattern: re.Pattern[str]) -> bool:
    """False when `pattern` cannot match in `text`: the folded text lacks what it needs."""
    needs = needs_of(pattern)
    if not needs.groups and needs.context is None:
        return True
    folded = fold(text)
    for words in needs.groups:  # loops, not any() and all(): this runs for every line
        for word in words:
            if word in folded:
                break
        else:
            return False
    return needs.context is None or needs.context.search(folded) is not None


def _all_required(items: Any) -> list[list[str]]:
    """Groups of words: every match of the parsed sequence `items` contains a word of each
    group (a conjunction of the choices _required makes one at a time)."""
    groups: list[list[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op == syntax.LITERAL:
            run.append(chr(av))
            continue
        if run:
            groups.append(["".join(run)])
            run = []
        if op == syntax.IN:
            if av and all(kind == syntax.LITERAL for kind, _ in av):
                groups.append([chr(code) for _, code in av])  # "[-–—|]": one of its characters
        elif op == syntax.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:
                groups.extend(_all_required(sub))
        elif op == syntax.BRANCH:
            need = _required([(op, av)])
            if need:
                groups.append(need)
        elif op in (syntax.MAX_REPEAT, syntax.MIN_REPEAT, syntax.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                groups.extend(_all_required(sub))
    # A word holding another of its group is implied by it ("nguồn ảnh" by "ảnh").
    return [[w for w in words if not any(o != w and o in w for o in words)] for words in groups]


# The classes a context may hold: their characters have no case, so they stand unchanged in the
# casefolded text (tests/read/test_shortcuts.py checks every code point).
_CASELESS = {syntax.CATEGORY_SPACE: r"\s", syntax.CATEGORY_DIGIT: r"\d"}
CONTEXT_MIN_WORD = 3


def _context(items: Any) -> tuple[str, re.Pattern[str] | None]:
    """A pattern for the casefolded text: the longest word of the top-level sequence `items`,
    the one space or digit class before it, and the run of such classes after it; and that
    word, casefolded ("" and None when there is no such word)."""
    best: tuple[int, int] | None = None  # (start, end) of the longest run of literals
    at = 0
    while at < len(items):
        end = at
        while end < len(items) and items[end][0] == syntax.LITERAL:
            end += 1
        if end - at >= CONTEXT_MIN_WORD and (best is None or end - at > best[1] - best[0]):
            best = (at, end)
        at = end + 1
    if best is None:
        return "", None
    start, end = best
    letters = "".join(chr(code) for _, code in items[start:end])
    if any(c in _FOLDS_APART for c in letters):
        return "", None
    word = letters.casefold()
    # One character before the word, for a look-behind of fixed width.
    before = _caseless(items[start - 1]) if start and items[start - 1][0] == syntax.IN else None
    after = []
    for item in items[end:]:
        piece = _caseless(item)
        if piece is None:
            break
        after.append(piece)
    if before is None and not after:
        return "", None  # the word alone: the groups look for it already
    # The word first, the class before it as a look-behind: the search skips to the word.
    escaped = re.escape(word)
    behind = f"(?<={before}{escaped})" if before is not None else ""
    return word, re.compile(escaped + behind + "".join(after))


def _caseless(item: Any) -> str | None:
    """`item` as a pattern of one caseless class ("\\s", "\\d+"), or None."""
    op, av = item
    if op == syntax.IN and len(av) == 1 and av[0][0] == syntax.CATEGORY:
        return _CASELESS.get(av[0][1])
    if op == syntax.SUBPATTERN and not av[1] and not av[2] and len(av[3]) == 1:
        return _caseless(av[3][0])  # a group of one class ("(?P<day>\d{1,2})") matches as the class
    if op in (syntax.MAX_REPEAT, syntax.POSSESSIVE_REPEAT) and len(av[2]) == 1:
        low, high, sub = av
        one = _caseless(sub[0])
        if one is None or one.endswith("}") or not low:
            return None  # nested, or optional: nothing the text must hold
        return one + (f"{{{low},}}" if high == syntax.MAXREPEAT else f"{{{low},{high}}}")
    return None


def may_match(text: str, patterns: tuple[re.Pattern[str], ...] | re.Pattern[str]) -> bool:
    """False when no pattern of `patterns` can match in `text`: it lacks every word they need."""
    words = folded_cue(patterns)
    if words is not None:
        # The line folded once serves every cue and stage; `in` is much faster than a search
        # that ignores case, which cannot skip ahead to a first letter.
        folded = fold(text)
        for word in words:  # noqa: SIM110 - a loop, not any(): it runs for every line, and is faster
            if word in folded:
                return True
        return False
    found = cue_for(patterns)
    return found is None or found.search(text) is not None
