"""Finding the same story saved twice or carried by two sites, fast enough for thousands of articles.

Two articles are one story when their normalised titles and dates agree, or when their bodies
share at least `threshold` of their word 3-shingles (Jaccard similarity). Comparing every pair is
O(n²); instead, prefix filtering (Chaudhuri et al., 2006) indexes only the rarest few shingles of
each body: two sets with Jaccard ≥ t must share one of the first ⌊(1 − t)·|A|⌋ + 1 of their rarest
shingles, so the index proposes few candidates and misses none. Candidates are then checked
exactly.
"""

from __future__ import annotations

import heapq
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .. import vn
from ..model import Article
from ..present import display_title

log = logging.getLogger(__name__)

SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.9
MIN_SHINGLES = 8  # a body of a few words says nothing about being the same story
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Merge:
    """One article dropped as a copy of another, and why."""

    dropped: Article
    kept: Article
    reason: str

    def message(self) -> str:
        return (
            f"duplicate article {self.dropped.id} ({display_title(self.dropped)!r}, {self.dropped.source}) "
            f"merged into {self.kept.id} ({display_title(self.kept)!r}, {self.kept.source}), "
            f"which is kept: {self.reason}"
        )


def _words(text: str) -> list[str]:
    # Casefold and NFC so "Tỉnh Ủy" and "tỉnh ủy" match; punctuation never decides.
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def title_key(article: Article) -> str | None:
    """The title as compared for duplicates: words only, case-folded, one tone style ("Tỉnh uỷ"
    and "Tỉnh ủy" are one title); None when the title was derived from the body."""
    if not article.title or article.title_derived:
        return None
    return " ".join(_words(vn.normalize_tone_style(article.title, "hòa"))) or None


# A shingle is kept as the 64-bit hash of its words: int keys make the counting and set work
# several times faster than tuples, and a collision among a few million shingles (odds about
# 1 in 10⁷) could only nudge one similarity figure.
Shingle = int


def shingles(article: Article) -> frozenset[Shingle]:
    """The body's runs of SHINGLE_WORDS consecutive words, hashed."""
    words = _words("\n".join(b.text for b in article.blocks))
    return frozenset(map(hash, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def jaccard(a: frozenset[Shingle], b: frozenset[Shingle]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _richness(article: Article) -> tuple[int, int]:
    """Which copy to keep: the one that tells the reader most (metadata, then body length)."""
    known = sum(
        x is not None and x != ()
        for x in (article.title if not article.title_derived else None, article.date,
                  article.publisher, article.category, article.authors, article.published)
    )
    return known, sum(len(b.text) for b in article.blocks)


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def similar_pairs(
    sets: Sequence[frozenset[Shingle]], threshold: float, clusters: _Union | None = None
) -> list[tuple[int, int, float]]:
    """Every pair (i, j, similarity) with i < j and Jaccard ≥ threshold, by prefix filtering.

    With `clusters`, pairs are joined there as found, and a set that joined a cluster is not
    indexed: later sets are compared with one member per cluster. A corpus made of copies of a
    few stories then costs O(n) instead of O(n²), at the price of a chain A ~ B ~ C being missed
    when C is like B but not like A.
    """
    frequency: Counter[Shingle] = Counter()
    for s in sets:
        frequency.update(s)
    # One global order, rarest first; any fixed order keeps the filter exact, rare-first keeps it
    # fast. Shingles found in one body only come first and need no rank among themselves: they
    # are shared with nobody, so how their ties break cannot hide a pair.
    shared = sorted((x for x, count in frequency.items() if count > 1), key=frequency.__getitem__)
    rank = {shingle: r for r, shingle in enumerate(shared)}
    index: dict[Shingle, list[int]] = {}
    pairs = []
    for j, s in enumerate(sets):
        if len(s) < MIN_SHINGLES:
            continue
        in_common = [x for x in s if x in rank]
        size = int((1 - threshold) * len(s)) + 1 - (len(s) - len(in_common))
        if size <= 0:
            continue  # its prefix is all shingles no other body has: it is like no other
        prefix = heapq.nsmallest(size, in_common, key=rank.__getitem__)
        candidates: set[int] = set()
        for shingle in prefix:
            candidates.update(index.get(shingle, ()))
        joined = False
        for i in sorted(candidates):
            if clusters is not None and clusters.find(i) == clusters.find(j):
                continue
            a = sets[i]
            # Size filter: sets whose sizes differ by more than the threshold allows cannot match.
            if min(len(a), len(s)) < threshold * max(len(a), len(s)):
                continue
            similarity = jaccard(a, s)
            if similarity >= threshold:
                pairs.append((i, j, similarity))
                if clusters is not None:
                    clusters.join(i, j)
                    joined = True
        if not joined:
            for shingle in prefix:
                index.setdefault(shingle, []).append(j)
    return pairs


def _through(i: int, link: dict[int, tuple[int, str]], articles: Sequence[Article]) -> str:
    # Merged through a third copy (A like B, B like C): say which copy linked them.
    other, reason = link[i]
    return f"{reason} with {articles[other].id}"


def find_duplicates(
    articles: Sequence[Article], threshold: float = DEFAULT_THRESHOLD, by_title: bool = True
) -> tuple[list[Article], list[Merge]]:
    """(articles without their copies, in input order; one Merge per dropped copy)."""
    n = len(articles)
    union = _Union(n)
    reasons: dict[tuple[int, int], str] = {}
    # The first link found for each article, to explain a merge through a third copy.
    link: dict[int, tuple[int, str]] = {}

    def joined(i: int, j: int, reason: str) -> None:
        union.join(i, j)
        reasons.setdefault((i, j), reason)
        link.setdefault(i, (j, reason))
        link.setdefault(j, (i, reason))

    if by_title:
        first: dict[tuple[str, object], int] = {}
        for i, article in enumerate(articles):
            key = title_key(article)
            if key is None or article.date is None:
                continue
            j = first.setdefault((key, article.date), i)
            if j != i:
                joined(j, i, "same title and date")
    if threshold <= 1.0:
        for i, j, similarity in similar_pairs([shingles(a) for a in articles], threshold, union):
            joined(i, j, f"bodies {similarity:.0%} alike")
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(union.find(i), []).append(i)
    keep: set[int] = set()
    merges: list[Merge] = []
    for members in groups.values():
        # Richest copy wins; among equals, the first in input order.
        best = max(members, key=lambda i: (_richness(articles[i]), -i))
        keep.add(best)
        for i in members:
            if i != best:
                reason = reasons.get((min(i, best), max(i, best))) or _through(i, link, articles)
                merges.append(Merge(articles[i], articles[best], reason))
    for merge in merges:
        log.warning("%s", merge.message())
    return [a for i, a in enumerate(articles) if i in keep], merges
