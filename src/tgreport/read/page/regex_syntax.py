"""The vocabulary's regular expressions read as a tree, for cues.py to find the words a pattern
cannot match without.

The standard library's own parser (re._parser) is private and changes between Python versions;
this one reads the syntax the vocabulary uses into the same shape: a sequence of (op, value)
items, with a plain group "(?:…)" spliced in and branches factored as re's parser does them
(tests/read/test_regex_syntax.py). What requires no text of its own (an anchor, a look-around, a
back-reference, ".") is an OTHER item, from which cues.py takes no word: a pattern read only in
part gets weaker pre-checks, never wrong ones. Syntax it does not know is a ValueError.
"""

from __future__ import annotations

import re
from typing import Any

# The ops (the names re._parser gives them).
LITERAL = "literal"        # value: the character's code point
IN = "in"                  # value: [(LITERAL, code) | (CATEGORY, name) | (NEGATE, None) | (RANGE, (lo, hi))]
SUBPATTERN = "subpattern"  # value: (group number or None, flags added, flags removed, items)
BRANCH = "branch"          # value: (None, [items, ...])
MAX_REPEAT = "max_repeat"  # value: (least, most, items); most is MAXREPEAT when unbounded
MIN_REPEAT = "min_repeat"  # the same, lazy ("*?", "{1,60}?")
POSSESSIVE_REPEAT = "possessive_repeat"
CATEGORY = "category"
NEGATE = "negate"
RANGE = "range"
OTHER = "other"            # anything that requires no text: ^ $ \b . look-arounds back-references
CATEGORY_SPACE, CATEGORY_DIGIT, CATEGORY_WORD = "space", "digit", "word"
CATEGORY_NOT_SPACE, CATEGORY_NOT_DIGIT, CATEGORY_NOT_WORD = "not_space", "not_digit", "not_word"
MAXREPEAT = -1

Item = tuple[str, Any]

_CATEGORIES = {"s": CATEGORY_SPACE, "d": CATEGORY_DIGIT, "w": CATEGORY_WORD,
               "S": CATEGORY_NOT_SPACE, "D": CATEGORY_NOT_DIGIT, "W": CATEGORY_NOT_WORD}
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_ANCHORS = frozenset("bBAZ")
_FLAG_LETTERS = frozenset("aiLmsux")
_BOUNDS = re.compile(r"\{(\d*)(,?)(\d*)\}", re.ASCII)


class _Source:
    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0

    def peek(self, count: int = 1) -> str:
        return self.text[self.at:self.at + count]

    def take(self, count: int = 1) -> str:
        piece = self.text[self.at:self.at + count]
        self.at += len(piece)
        return piece

    def done(self) -> bool:
        return self.at >= len(self.text)


def parse(pattern: str) -> list[Item]:
    """The items of `pattern`; a leading "(?i)"-style group of global flags yields none (the
    compiled pattern's flags hold them)."""
    source = _Source(pattern)
    groups = [0]
    items = _alternatives(source, groups)
    if not source.done():
        raise ValueError(f"unbalanced parenthesis at {source.at} in {pattern!r}")
    return items


def _alternatives(source: _Source, groups: list[int]) -> list[Item]:
    branches = [_sequence(source, groups)]
    while source.peek() == "|":
        source.take()
        branches.append(_sequence(source, groups))
    if len(branches) == 1:
        return branches[0]
    out: list[Item] = []
    # As re's parser does: a start every branch shares is taken out of the branch ...
    while all(branches) and all(b[0] == branches[0][0] for b in branches):
        out.append(branches[0][0])
        branches = [b[1:] for b in branches]
    # ... and branches of one character each become a class.
    members: list[Item] = []
    for branch in branches:
        if len(branch) != 1:
            break
        op, value = branch[0]
        if op == LITERAL:
            members.append((op, value))
        elif op == IN and value[0][0] != NEGATE:
            members.extend(value)
        else:
            break
    else:
        out.append((IN, list(dict.fromkeys(members))))
        return out
    out.append((BRANCH, (None, branches)))
    return out


def _sequence(source: _Source, groups: list[int]) -> list[Item]:
    items: list[Item] = []
    while not source.done() and source.peek() not in "|)":
        char = source.take()
        if char == "(":
            item = _group(source, groups)
            if item is None:
                continue  # global flags
        elif char == "[":
            item = _class(source)
        elif char == "\\":
            item = _escape(source)
        elif char in "^$.":
            item = (OTHER, char)
        elif char in "*+?":
            raise ValueError(f"nothing to repeat at {source.at - 1}")
        else:
            item = (LITERAL, ord(char))
        items.append(_repeated(source, item))
    # As re's parser does, a plain group "(?:…)" stands as its items.
    return [part for item in items for part in (item[1][3] if _plain_group(item) else [item])]


def _plain_group(item: Item) -> bool:
    return item[0] == SUBPATTERN and item[1][0] is None and not item[1][1] and not item[1][2]


def _repeated(source: _Source, item: Item) -> Item:
    char = source.peek()
    if char in ("*", "+", "?"):
        source.take()
        least, most = {"*": (0, MAXREPEAT), "+": (1, MAXREPEAT), "?": (0, 1)}[char]
    elif char == "{" and (bounds := _bounds(source)) is not None:
        least, most = bounds
    else:
        return item
    op = MAX_REPEAT
    repeated = item[1][3] if _plain_group(item) else [item]
    if source.peek() == "?":
        source.take()
        op = MIN_REPEAT
    elif source.peek() == "+":
        source.take()
        op = POSSESSIVE_REPEAT
    return _repeated(source, (op, (least, most, repeated)))


def _bounds(source: _Source) -> tuple[int, int] | None:
    """"{m}", "{m,}", "{,n}" or "{m,n}" at the source (taken), or None (then "{" is a letter)."""
    found = _BOUNDS.match(source.text, source.at)
    if found is None or found.group() == "{}":
        return None
    source.at = found.end()
    low, comma, high = found.groups()
    least = int(low) if low else 0
    return least, (least if not comma else int(high) if high else MAXREPEAT)


def _group(source: _Source, groups: list[int]) -> Item | None:
    add = remove = 0
    number: int | None = None
    start = source.at - 1
    if source.peek() == "?":
        source.take()
        char = source.take()
        if char == ":":
            pass
        elif char == "P" and source.peek() == "<":
            source.take()
            end = source.text.index(">", source.at)
            source.at = end + 1
            groups[0] += 1
            number = groups[0]
        elif char in ("=", "!") or (char == "<" and source.peek() in ("=", "!")):
            if char == "<":
                source.take()
            _alternatives(source, groups)  # a look-around: no text of its own
            _close(source)
            return (OTHER, source.text[start:source.at])
        elif char == "#":
            source.at = source.text.index(")", source.at) + 1
            return (OTHER, source.text[start:source.at])
        elif char in _FLAG_LETTERS or char == "-":
            letters = char
            while source.peek() not in (":", ")", ""):
                letters += source.take()
            if source.take() == ")":
                return None  # global flags, already in the compiled pattern's flags
            added, _, removed = letters.partition("-")
            # Scoped flags change how the words match: marked, and cues leaves such a group alone.
            add, remove = len(added), len(removed)
        else:
            raise ValueError(f"unknown group (?{char} at {source.at}")
    else:
        groups[0] += 1
        number = groups[0]
    items = _alternatives(source, groups)
    _close(source)
    return (SUBPATTERN, (number, add, remove, items))


def _close(source: _Source) -> None:
    if source.take() != ")":
        raise ValueError(f"missing ) at {source.at}")


def _escape(source: _Source) -> Item:
    char = source.take()
    if not char:
        raise ValueError("a pattern ends with a backslash")
    if char in _CATEGORIES:
        return (IN, [(CATEGORY, _CATEGORIES[char])])
    if char in _ANCHORS or char.isdigit():
        return (OTHER, "\\" + char)
    return (LITERAL, ord(_letter(source, char)))


def _letter(source: _Source, char: str) -> str:
    """The character an escape "\\x" stands for (after the backslash and `char` are taken)."""
    if char in _ESCAPED:
        return _ESCAPED[char]
    width = {"x": 2, "u": 4, "U": 8}.get(char)
    if width is not None:
        return chr(int(source.take(width), 16))
    if char.isalnum() and char.isascii():
        raise ValueError(f"unknown escape \\{char}")
    return char


def _class(source: _Source) -> Item:
    members: list[Item] = []
    negate = source.peek() == "^"
    if negate:
        source.take()
    first = True
    while first or source.peek() != "]":
        first = False
        char = source.take()
        if not char:
            raise ValueError("unterminated character set")
        if char == "\\":
            escaped = source.take()
            if escaped in _CATEGORIES:
                members.append((CATEGORY, _CATEGORIES[escaped]))
                continue
            char = _letter(source, escaped)
        if source.peek() == "-" and source.peek(2)[1:] not in ("]", ""):
            source.take()
            high = source.take()
            if high == "\\":
                high = _letter(source, source.take())
            members.append((RANGE, (ord(char), ord(high))))
        else:
            members.append((LITERAL, ord(char)))
    source.take()
    members = list(dict.fromkeys(members))
    if len(members) == 1 and members[0][0] == LITERAL:
        return (OTHER, "not one character") if negate else members[0]
    return (IN, [(NEGATE, None), *members] if negate else members)
