"""Removes page chrome (comment forms, link lists, share bars, counters, breadcrumbs) from the lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tgreport.read.page.bylines import parse_byline
from tgreport.read.page.captions import is_picture_line
from tgreport.read.page.cues import may_match, per_list
from tgreport.read.page.lines import Line, ends_sentence, fold, is_paragraph_like, word_count
from tgreport.read.page.vocab import Vocabulary

# What may follow a furniture phrase on its line: "Bình luận (3)", "Chia sẻ:", "Tags: …".
_PHRASE_TAIL = re.compile(r"\s*([:(\[|·•\-–]|\d)")
_SUBSTANCE = re.compile(r"\w")
# A lower-case letter right before a capital: the mark of two texts glued together.
_CASE_JOIN = re.compile(r"[a-zà-ỹđ][A-ZĐÀ-Ỹ]")
# A back-reference ("\\1", "(?P=name)") or a test of whether a group matched ("(?(1)…)").
_GROUP_REFERENCE = re.compile(r"\\\d|\(\?P=|\(\?\(")
# One sentence ends and another starts inside the line.
_SENTENCE_BREAK = re.compile(r"[.!?…]['\"”’)]*\s")
_ARROWS = frozenset({">", "»", "›"})
COUNTER_LINE_MAX_CHARS = 200
TAIL_LINE_MAX_CHARS = 90
PHRASE_PREFIX_CHARS = 160
LINK_BAR_PARTS = 4


@dataclass(frozen=True)
class Stripped:
    """The lines that may be article, and what was taken out of the rest."""

    lines: tuple[Line, ...]
    removed: tuple[str, ...]
    views: int | None
    crumb_category: str | None
    crumb_at: int | None = None  # where the trail stood: the index of the kept line after it


def strip_chrome(lines: list[Line], vocab: Vocabulary, headline: str | None = None) -> Stripped:
    """The lines without chrome: a tail heading ends the article (once body text was seen), a
    box heading takes its link list with it, furniture lines go one by one, a breadcrumb above
    the text names the category, and view counters are read and cut out of their lines. A line
    that is the `headline` the input marks (an HTML page's) stays, whatever it looks like."""
    kept: list[Line] = []
    removed: list[str] = []
    views: int | None = None
    category: str | None = None
    crumb_at: int | None = None
    body_seen = False
    i = 0
    while i < len(lines):
        line = lines[i]
        text, count = take_views(line.text, vocab)
        if count is not None and views is None:
            views = count
        i += 1
        if not _SUBSTANCE.search(text):
            continue
        if text == headline and not body_seen:
            kept.append(line.with_text(text))  # "Tin mới >", a headline shaped like a trail's step
            continue
        glued = _glued_tail(text, vocab)
        if glued is not None:
            kept.append(line.with_text(text[:glued].rstrip()))
            removed.append(text[glued:])
            removed.extend(rest.text for rest in lines[i:])
            break
        if body_seen and _is_tail(text, vocab):
            removed.append(text)
            removed.extend(rest.text for rest in lines[i:])
            break
        if body_seen and (run := _teasers_from(kept, text, vocab)) is not None:
            removed.extend(line.text for line in kept[run:])
            del kept[run:]
            removed.append(text)
            removed.extend(rest.text for rest in lines[i:])
            break
        if not body_seen:
            crumb = breadcrumb(text, vocab)
            if crumb is not None:
                if crumb:
                    category, crumb_at = crumb, len(kept)
                removed.append(text)
                continue
        elif text.count(" | ") >= LINK_BAR_PARTS - 1 and breadcrumb(text, vocab) is not None:
            # "Zing.vn | Thỏa thuận sử dụng | Bảo vệ riêng tư | Liên hệ | Rss": the footer's row
            # of links under the text, shaped like a trail but no step of one.
            removed.append(text)
            continue
        if _starts_with_phrase(text, vocab.box_phrases, 60):
            removed.append(text)
            i = _skip_links(lines, i, vocab, removed)
            continue
        if body_seen and not lines[i - 2].text.endswith(":") and _link_run(lines, i - 1, vocab):
            # Headlines packed line under line inside the text: a box of links without its
            # heading (a caption stands alone, between paragraphs; a list follows its "…:").
            removed.append(text)
            while i < len(lines) and lines[i].gap_before == 0 and _link_like(lines[i].text, vocab):
                removed.append(lines[i].text)
                i += 1
            continue
        if _is_furniture(text, vocab) or (not body_seen and _is_tail(text, vocab)):
            # "Người đăng: Quản trị viên | Ngày đăng: 03/04/2024": the date shares the line.
            parts = [p.strip() for p in text.split("|")]
            rest = [p for p in parts if p and not _is_furniture(p, vocab)]
            if len(parts) >= 2 and rest and len(rest) < len(parts):
                removed.extend(p for p in parts if p and p not in rest)
                kept.append(line.with_text(" | ".join(rest)))
            else:
                removed.append(text)
            continue
        if is_paragraph_like(text):
            body_seen = True
        kept.append(line.with_text(text))
    return Stripped(tuple(kept), tuple(removed), views, category, crumb_at)


def is_chrome_line(text: str, vocab: Vocabulary) -> bool:
    """A line strip_chrome takes out wherever it stands: furniture, a box heading, a breadcrumb,
    a view counter, a line without a letter or digit."""
    rest, count = take_views(text, vocab)
    if count is not None and not _SUBSTANCE.search(rest):
        return True
    return (
        not _SUBSTANCE.search(text)
        or _is_furniture(text, vocab)
        or _starts_with_phrase(text, vocab.box_phrases, 60)
        or breadcrumb(text, vocab) is not None
    )


def take_views(text: str, vocab: Vocabulary) -> tuple[str, int | None]:
    """The line without its view counter, and the count ("Số lần xem: 1.234" → 1234)."""
    if len(text) > COUNTER_LINE_MAX_CHARS:
        return text, None  # counters sit on short lines; paragraphs cite numbers of readers
    if not may_match(text, vocab.views):
        return text, None
    for pattern in vocab.views:
        match = pattern.search(text)
        if match:
            digits = re.sub(r"\D", "", match.group("n"))
            rest = (text[: match.start()] + text[match.end() :]).strip(" -–|·,")
            return rest, int(digits)
    return text, None


def _glued_tail(text: str, vocab: Vocabulary) -> int | None:
    """Where a tail heading starts when a scraper glued it to the line before ("Năng NguyễnCác ý kiến")."""
    start = _glue_points(vocab.tail_phrases)
    # The scan for a glue point comes first: nearly every line has none, and _CASE_JOIN's wide
    # ranges match in nearly every Vietnamese line. The folded line is fold()'s, which the later
    # stages ask for again (has_picture_words folds every line of the body): folded once.
    folded = fold(text)
    if start is not None and not start.search(text) and len(folded) == len(text):
        return None  # no capital that could open a phrase sits right after a letter
    if not _CASE_JOIN.search(text):
        return None
    for phrase in vocab.tail_phrases:
        at = folded.find(phrase, 1)
        # Glued means no space between: a letter of the line before, then the heading's capital.
        if at > 0 and text[at - 1].isalpha() and text[at].isupper() and text[at - 1].islower():
            return at
    return None


@per_list
def _glue_points(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """A capital right after a letter, of a letter some phrase starts with: where a glued
    heading can begin. The per-phrase search runs only on lines that have one.

    Valid when the folded line is as long as the line (each character folds to one), so that
    ``folded[at]`` is ``text[at].casefold()``. No character beyond the BMP folds to a letter
    that starts a phrase (tests/reader/test_reader_consistency.py checks every code point).
    """
    if not all(phrases):
        return None  # an empty phrase matches anywhere: no shortcut
    firsts = {phrase[0] for phrase in phrases}
    upper = [chr(c) for c in range(0x10000) if chr(c).isupper()]
    opening = "".join(re.escape(c) for c in upper if c.casefold() in firsts)
    # After a letter that is not a capital ("COVID", "TTXVN" are no glue).
    capital = "".join(re.escape(c) for c in upper)
    # The capital comes first so the scan skips to capitals at C speed.
    return re.compile(rf"[{opening}](?<=[^\W\d_{capital}][{opening}])")


@lru_cache(maxsize=4096)
def _folded_start(text: str) -> str:
    # Each line is tested against the box phrases and the line phrases: folded once.
    return fold(text[:PHRASE_PREFIX_CHARS])


def _starts_with_phrase(text: str, phrases: tuple[str, ...], slack: int) -> bool:
    longest = _longest(phrases)
    if len(text) > longest + slack and longest < PHRASE_PREFIX_CHARS:
        # Too long for "phrase + a short tail", and its folded start (as long as the line or
        # PHRASE_PREFIX_CHARS, at least: folding never shortens) longer than any phrase.
        return False
    folded = _folded_start(text)
    if not _any_of(phrases).match(folded):
        return False  # no phrase starts the line: one match instead of a test per phrase
    for phrase in phrases:
        if folded == phrase:
            return True
        if folded.startswith(phrase) and len(text) <= len(phrase) + slack and not is_paragraph_like(text):
            rest = folded[len(phrase) :]
            if _PHRASE_TAIL.match(rest) or not rest.strip():
                return True
    return False


@per_list
def _longest(phrases: tuple[str, ...]) -> int:
    return max(map(len, phrases), default=0)


@per_list
def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of folded phrases; a match says some phrase is there."""
    if not phrases:
        return re.compile(r"(?!)")  # matches nothing, as an empty list finds nothing
    return re.compile("|".join(re.escape(p) for p in phrases))


def _is_tail(text: str, vocab: Vocabulary) -> bool:
    if len(text) > TAIL_LINE_MAX_CHARS:
        return False
    folded = fold(text)
    if _whole_line(vocab.tail_patterns)(text):
        return True
    # A heading, not a sentence that happens to begin with the same words.
    return not ends_sentence(text.rstrip("*: ")) and folded.startswith(vocab.tail_phrases)


def _is_furniture(text: str, vocab: Vocabulary) -> bool:
    if _starts_with_phrase(text, vocab.line_phrases, 30):
        return True
    if _keyword_list(text):
        return True
    if _whole_line(vocab.line_patterns)(text):
        return True
    return bool(vocab.user_phrases) and fold(text).startswith(vocab.user_phrases)


KEYWORDS_MIN = 3
KEYWORD_MAX_WORDS = 6


def _keyword_list(text: str) -> bool:
    """A page's keywords, listed with no space after the commas ("ngoại tình,ly hôn,gia đình"),
    as no sentence writes them. Tested in code: a pattern for it slowed every line's test."""
    if "," not in text or ", " in text or len(text) > TAIL_LINE_MAX_CHARS * 2:
        return False
    parts = text.split(",")
    return (
        len(parts) >= KEYWORDS_MIN
        and all(part.strip() and len(part.split()) <= KEYWORD_MAX_WORDS for part in parts)
        and not ends_sentence(text)
    )


@per_list
def _whole_line(patterns: tuple[re.Pattern[str], ...]) -> Callable[[str], bool]:
    """A test whether some pattern matches the whole line: one alternation when the patterns
    can be joined (same flags, no group references, which joining would renumber)."""
    joinable = len({p.flags for p in patterns}) == 1 and not any(
        _GROUP_REFERENCE.search(p.pattern) for p in patterns
    )
    if joinable:
        try:
            joined = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
        except re.error:
            pass  # a flag inside a pattern, a group name used twice
        else:
            return lambda text: joined.fullmatch(text) is not None
    return lambda text: any(p.fullmatch(text) for p in patterns)


TEASER_MAX_WORDS = 40
# How far into a line the [lead] patterns' dash may stand (a place, a bracketed source, the dash).
SOURCE_TAG_CHARS = 80
# Paragraphs of the article the teasers' run must leave above it.
TEASER_AFTER_TEXTS = 2


def _teasers_from(kept: list[Line], text: str, vocab: Vocabulary) -> int | None:
    """Where a run of other articles' teasers starts, when `text` is the sapo of one: a short
    sapo that opens with its source ("(Soha.vn) - …"), under its headline, below the article's
    text. Pairs of headline and one-sentence sapo just above it belong to the run; the article
    ends there. None when `text` is no such sapo."""
    if not kept or not _may_name_source(text) or word_count(text) > TEASER_MAX_WORDS:
        return None  # nearly every line: no bracket to open it, no dash near its start
    if not any(p.match(text) for p in vocab.lead_patterns) or not _link_like(kept[-1].text, vocab):
        return None
    start = len(kept) - 1
    while start >= 2 and _link_like(kept[start - 2].text, vocab) and _one_sentence(kept[start - 1].text):
        start -= 2
    if sum(is_paragraph_like(line.text) for line in kept[:start]) < TEASER_AFTER_TEXTS:
        return None  # the article's own sapo under its headline
    return start


def _may_name_source(text: str) -> bool:
    """Whether a sapo's source tag can open `text`: every [lead] pattern needs a bracket at its
    start or a dash within its first words ("TTO - ", "Hà Nội (TTXVN) - ")."""
    head = text[:SOURCE_TAG_CHARS]
    return text[:1] == "(" or "-" in head or "–" in head or "—" in head


def _one_sentence(text: str) -> bool:
    return (
        is_paragraph_like(text)
        and word_count(text) <= TEASER_MAX_WORDS
        and _SENTENCE_BREAK.search(text.rstrip()) is None
    )


LINK_RUN = 3
LINK_MIN_WORDS = 4


def _link_run(lines: list[Line], at: int, vocab: Vocabulary) -> bool:
    """Whether LINK_RUN headline-like lines start at `at`, with no blank line between them."""
    run = lines[at : at + LINK_RUN]
    return (
        len(run) == LINK_RUN
        and all(line.gap_before == 0 for line in run[1:])
        and all(_link_like(line.text, vocab) for line in run)
    )


def _link_like(text: str, vocab: Vocabulary) -> bool:
    """A headline as link lists show it: a few words, no full stop, no picture's words, no
    writer's name or tail heading (a signature, its office and "Bài cùng chuyên mục" are a run
    of short lines too)."""
    return (
        LINK_MIN_WORDS <= word_count(text) <= 25
        and not ends_sentence(text)
        and not is_picture_line(text, vocab)
        and not _is_tail(text, vocab)
        and parse_byline(text, vocab) is None
    )


def _skip_links(lines: list[Line], i: int, vocab: Vocabulary, removed: list[str]) -> int:
    """Past the link list under a box heading: headlines, no sentences, no picture lines, no
    tail heading.

    The list's lines stand as close together as its first one; a wider gap ends it, so a
    caption after a "Xem thêm" box in plain text is not taken for a link.
    """
    first_gap = lines[i].gap_before if i < len(lines) else 0
    while i < len(lines):
        line = lines[i]
        if is_paragraph_like(line.text) or word_count(line.text) > 40 or line.gap_before > first_gap:
            break
        if is_picture_line(line.text, vocab) or _is_tail(line.text, vocab):
            break  # a tail heading under the list ("Từ khóa", "Tin cùng chuyên mục") ends the page
        removed.append(line.text)
        i += 1
    return i


def breadcrumb(text: str, vocab: Vocabulary) -> str | None:
    """The last step of a breadcrumb trail ("" for a bare "Trang chủ »"), None if `text` is not one."""
    for separator in vocab.crumb_separators:
        count = text.count(separator) + 1
        # Parts of at most six words, and the separators themselves, make fewer than seven
        # words a part: a sentence with a date ("ngày 7/1/2021 …") is ruled out uncut.
        if count < 2 or word_count(text) >= 7 * count:
            continue
        parts = [p.strip() for p in text.split(separator)]
        if not all(word_count(p) <= 6 for p in parts):
            continue
        if ends_sentence(text) or any(c.isdigit() for c in text):
            continue
        if any(p and not any(c.isalpha() for c in p) for p in parts):
            continue  # every step of a trail names a page ("]]>A" is no trail, whatever its ">")
        # A title like "Hà Nội / TP.HCM" has two parts too; a trail starts at home, has 3 steps,
        # or points its way with an arrow ("Tin tức - Sự kiện > Xây dựng Đảng"), which no
        # headline or section name uses.
        starts_home = parts[0].casefold() in vocab.crumb_home
        if starts_home or len(parts) >= 3 or separator in _ARROWS:
            steps = [p for p in parts[1 if starts_home else 0 :] if p]
            return steps[-1] if steps else ""
    return None
