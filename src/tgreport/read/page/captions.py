"""Photo captions and their credits, image file names, and alt text glued in front of captions."""

from __future__ import annotations

import re

from tgreport.model import Caption
from tgreport.read.page.cues import may_match, may_match_one, per_list
from tgreport.read.page.lines import ends_sentence, is_upper, word_count
from tgreport.read.page.vocab import Vocabulary

_NUMBERED = re.compile(r"^([IVXLC]+|\d{1,2}|[a-zđ])[.)]\s", re.IGNORECASE)
CAPTION_MAX_CHARS = 400
CREDIT_MAX_WORDS = 6


def strip_alt(text: str, vocab: Vocabulary) -> str:
    """`text` without the image alt text a scraper glued in front ("<title> ảnh 1Bí thư …" → "Bí thư …")."""
    if not may_match_one(text, vocab.glued_alt):
        return text
    match = vocab.glued_alt.match(text)
    return text[match.end() :] if match else text


def caption_of(text: str, vocab: Vocabulary) -> Caption | None:
    """A caption with its credit ("Quang cảnh Hội nghị - Ảnh: Minh Châu"), or None."""
    if len(text) > CAPTION_MAX_CHARS or not may_match(text, vocab.captions):
        return None
    for pattern in vocab.captions:
        # Each pattern scans the whole line ("^(?P<text>.+?)…"); most lines lack a word it
        # needs besides the cue ("-" before "Ảnh:", "(" around it) and are spared the scan.
        match = pattern.match(text) if may_match_one(text, pattern) else None
        if match:
            groups = match.groupdict()
            name = groups.get("name")
            if name is not None and not all(word[0].isupper() for word in name.split()):
                continue  # "… Ảnh hưởng lớn.": a word, not a photographer's name
            credit = (groups.get("credit") or "").strip() or None
            return Caption(match.group("text").strip(), credit)
    return None


def labelled_caption(text: str, vocab: Vocabulary) -> Caption | None:
    """ "Ảnh 1: Quang cảnh hội nghị", "Ảnh: Đồng chí Bí thư phát biểu kết luận hội nghị": the
    words after the label describe the photo (a credit is a name, a few words at most)."""
    label = vocab.caption_label.match(text)
    if label is None:
        return None
    rest = text[label.end() :].strip().rstrip(")").strip()
    if rest and (label.group("number") or word_count(rest) > CREDIT_MAX_WORDS):
        return Caption(rest)
    return None


def credit_only(text: str, vocab: Vocabulary) -> str | None:
    """The credit of a line that holds nothing else ("Ảnh: TTXVN", "(Ảnh minh họa)")."""
    if labelled_caption(text, vocab) is not None:
        return None
    for pattern in vocab.credit_only:  # anchored at a label: they fail fast without a pre-check
        match = pattern.match(text)
        if match:
            return match.group("credit").strip()
    return None


def is_image_file(text: str, vocab: Vocabulary) -> bool:
    """A picture's file name ("21.1a.jpg") or its alt text alone ("<title> ảnh 1")."""
    # image_file fails at a line's first space by itself; alt_alone tries the whole line.
    if vocab.image_file.match(text):
        return True
    return may_match_one(text, vocab.alt_alone) and vocab.alt_alone.match(text) is not None


def is_picture_line(text: str, vocab: Vocabulary) -> bool:
    """A picture's file name, its caption, or its credit alone."""
    if not has_picture_words(text, vocab):
        return vocab.image_file.match(text) is not None or labelled_caption(text, vocab) is not None
    return (
        is_image_file(text, vocab)
        or caption_of(strip_alt(text, vocab), vocab) is not None
        or labelled_caption(text, vocab) is not None
        or credit_only(text, vocab) is not None
    )


def has_picture_words(text: str, vocab: Vocabulary) -> bool:
    """False when no caption, credit or alt-text pattern can match `text` (nor a part of it):
    it lacks the words they all need ("ảnh", "nguồn"). Image file names and "Hình 1:" labels
    need no such word and are tested apart."""
    return may_match(text, _picture_patterns(vocab))


@per_list  # by identity: hashing the whole vocabulary on every line would cost more than the search
def _picture_patterns(vocab: Vocabulary) -> tuple[re.Pattern[str], ...]:
    return (*vocab.captions, *vocab.credit_only, vocab.glued_alt, vocab.alt_alone)


def is_short_line(text: str) -> bool:
    """A line too short and unpunctuated to be a paragraph: a caption or a sub-heading."""
    return word_count(text) <= 25 and not ends_sentence(text)


def is_heading(text: str) -> bool:
    """A sub-heading by its form alone: in capitals, or numbered ("1. …", "II. …")."""
    return (is_upper(text) and word_count(text) >= 2) or bool(_NUMBERED.match(text))


def has_scene_words(text: str, vocab: Vocabulary) -> bool:
    """Words that describe a photograph ("phát biểu", "quang cảnh", "trao tặng", …)."""
    folded = f" {text.casefold()} "
    return any(word in folded for word in _spaced(vocab.scene_words))


@per_list
def _spaced(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words with the space that makes each start a word, built once per list."""
    return tuple(f" {word}" for word in words)
