"""Sections by the office's own topics (Settings.topics, `group = "topic"`).

Each article goes to the topic whose keywords it names most, a keyword in the title counting
TITLE_WEIGHT times, in the lead LEAD_WEIGHT times, in the text once; a tie goes to the topic
listed first. Matching is on NFC, case-folded text, whole words only ("đảng viên" is not found
in "đảng viênx"), and a keyword written "hòa" style also finds "hoà" and the reverse. Articles
that name no keyword go under OTHER, last; topics no article names are left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from tgreport.model import Article, Section
from tgreport.settings import Topic
from tgreport.vn import normalize_tone_style

OTHER = "Tin khác"
TITLE_WEIGHT, LEAD_WEIGHT = 3, 2
_TEXT_BLOCKS = ("paragraph", "heading", "quote", "list")  # the article's own words, not captions


def topic_sections(articles: Sequence[Article], topics: Sequence[Topic]) -> tuple[Section, ...]:
    """Sections in the order of `topics`, each keeping the report order of its articles."""
    patterns = [_pattern(topic.keywords) for topic in topics]
    buckets: list[list[Article]] = [[] for _ in topics]
    other: list[Article] = []
    for article in articles:
        index = best_topic(article, patterns)
        (other if index is None else buckets[index]).append(article)
    pairs = zip(topics, buckets, strict=True)
    sections = [Section(topic.name, tuple(found)) for topic, found in pairs if found]
    if other:
        sections.append(Section(OTHER, tuple(other)))
    return tuple(sections)


def best_topic(article: Article, patterns: Sequence[re.Pattern[str]]) -> int | None:
    """The index of the topic `article` names most (see the module's note), None for none."""
    title = _folded(article.title or "")
    lead = _folded(article.lead or "")
    text = _folded(" ".join(b.text for b in article.blocks if b.type in _TEXT_BLOCKS))
    best, best_score = None, 0
    for index, pattern in enumerate(patterns):
        score = (TITLE_WEIGHT * len(pattern.findall(title)) + LEAD_WEIGHT * len(pattern.findall(lead))
                 + len(pattern.findall(text)))
        if score > best_score:
            best, best_score = index, score
    return best


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


@cache
def _pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    variants = set()
    for keyword in keywords:
        for style in ("hòa", "hoà"):  # both tone-mark styles of the keyword
            variants.add(_folded(normalize_tone_style(_folded(keyword), style)))
    # Longest first, so "xây dựng đảng" wins over "đảng" inside the same words; spaces match any run.
    ordered = sorted(variants, key=lambda v: (-len(v), v))
    alternatives = "|".join(r"\s+".join(map(re.escape, v.split())) for v in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
