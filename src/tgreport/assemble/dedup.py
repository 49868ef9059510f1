"""Finding the same story saved twice or carried by two sites, fast enough for thousands of articles.

Two articles are one story when their normalised titles and dates agree and their bodies do not
contradict it (see `bodies_agree`: "Tin vắn" is the title of many different stories a day), or
when their bodies share at least `threshold` of their word 3-shingles (Jaccard similarity).
Comparing every pair is O(n²); instead, a pigeonhole filter (partition signatures, Arasu et al.,
2006) proposes as candidates only bodies that have exactly the same shingles in at least one of
many partitions of the shingle space, which every pair alike enough must; candidates are then
checked exactly.
"""

from __future__ import annotations

import heapq
import logging
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import overload

from tgreport import vn
from tgreport.assemble.titles import display_title
from tgreport.model import Article
from tgreport.settings import DEFAULT_SIMILARITY

log = logging.getLogger(__name__)

SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = DEFAULT_SIMILARITY
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


def _rough_title_key(article: Article) -> str | None:
    """title_key with every mark and non-ASCII letter dropped: cheap, and equal whenever the
    title keys are, since restyling only moves a tone mark within a word."""
    if not article.title or article.title_derived:
        return None
    words = " ".join(_words(article.title))
    return unicodedata.normalize("NFD", words).encode("ascii", "ignore").decode()


# A shingle is kept as the 64-bit hash of its words: int keys make the counting and set work
# several times faster than tuples, and a collision among a few million shingles (odds about
# 1 in 10⁷) could only nudge one similarity figure.
Shingle = int


def shingles(article: Article) -> frozenset[Shingle]:
    """The body's runs of SHINGLE_WORDS consecutive words, hashed."""
    words = _body_words("\n".join(b.text for b in article.blocks))
    return frozenset(map(hash, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))


# Bytes of UTF-8 that belong to a word once every character beyond ASCII left in the text is a
# word character: ASCII letters, digits and "_", and every byte of a longer sequence.
_WORD_BYTES = bytes(b if b >= 0x80 or chr(b).isalnum() or b == 0x5F else 0x20 for b in range(256))
# Letters of Vietnamese and its neighbours (Latin-1 letters, Latin Extended-A and -B, Latin Extended
# Additional), all of them word characters: named in the class before \w, most characters of a
# Vietnamese text are settled by a range check, not a look-up of their Unicode category. The
# class stays [^\x00-\x7f\w].
_LATIN_LETTERS = ((0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F), (0x1E00, 0x1EFF))
_NOT_WORD_BEYOND_ASCII = re.compile(
    r"[^\x00-\x7f" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _LATIN_LETTERS) + r"\w]")


def _body_words(text: str) -> list[bytes]:
    """_words(text) in UTF-8: the same words, each the bytes of the word `_words` finds.

    Finding a body's words is the largest part of the duplicate search, and most of that is
    the regex engine making a str per word. Here the few characters beyond ASCII that are not
    word characters (“, ”, –, …, no-break spaces) become spaces, and then one byte translation
    and bytes.split cut the words: three times faster, and the shingles compare the same way.
    """
    folded = unicodedata.normalize("NFC", text).casefold()
    for other in set(_NOT_WORD_BEYOND_ASCII.findall(folded)):
        folded = folded.replace(other, " ")
    # No surrogate is left to refuse encoding: they are not word characters.
    return folded.encode("utf-8").translate(_WORD_BYTES).split()


# What the candidate search needs of one body: its shingle count and its signature keys.
BodyProfile = tuple[int, dict[int, tuple[list[int], int]]]


def _profile(s: frozenset[Shingle], threshold: float) -> BodyProfile:
    size = len(s)
    signed = threshold >= _LOWEST_SIGNED and size >= MIN_SHINGLES
    return size, _signature_keys(s, threshold) if signed else {}


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
    """Union-find over 0 … n-1. Only joined elements have an entry: most articles are copies of
    nothing, and a list of a million parents cost 36 MB."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, i: int) -> int:
        parent = self.parent
        while (up := parent.get(i, i)) != i:
            parent[i] = parent.get(up, up)
            i = up
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


class _Bodies(Sequence[frozenset[Shingle]]):
    """The articles' shingle sets, made when asked for. The search asks for each set once, in
    order, to profile it, and again only for an exact check (a cluster's first copy by each later
    copy): a set is kept among the last few only once asked for again, so the profiling pass, all
    there is at the default threshold, holds one set at a time."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = articles
        self._recent: dict[int, frozenset[Shingle]] = {}
        self._last: tuple[int, frozenset[Shingle]] | None = None  # made last, asked for once
        self._made = bytearray((len(articles) + 7) // 8)  # a bit per article: made before

    def __len__(self) -> int:
        return len(self._articles)

    @overload
    def __getitem__(self, i: int) -> frozenset[Shingle]: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[frozenset[Shingle]]: ...

    def __getitem__(self, i: int | slice) -> frozenset[Shingle] | Sequence[frozenset[Shingle]]:
        if isinstance(i, slice):
            return [self[k] for k in range(len(self))[i]]
        i = range(len(self))[i]
        s = self._recent.get(i)
        if s is not None:
            return s
        last = self._last
        if last is not None and last[0] == i:
            return last[1]
        s = shingles(self._articles[i])
        byte, bit = i >> 3, 1 << (i & 7)
        if self._made[byte] & bit:
            self._recent[i] = s
            if len(self._recent) > _RECENT:
                del self._recent[next(iter(self._recent))]  # the oldest kept
        else:
            self._made[byte] |= bit
            self._last = (i, s)
        return s


# At the default threshold exact checks are rare and few sets are ever asked for again. At a low one
# (--similarity 0.5) nearly every pair is checked: with only 64 sets kept, each check remade an
# earlier set, and 1,000 articles took 137 s instead of 27. 1,024 sets are about 50 MB at most.
_RECENT = 1024


def similar_pairs(
    sets: Sequence[frozenset[Shingle]],
    threshold: float,
    clusters: _Union | None = None,
) -> list[tuple[int, int, float]]:
    """Every pair (i, j, similarity) with i < j and Jaccard ≥ threshold, by partition signatures.

    Each set is asked for once in order, then again only for the exact check of a candidate pair
    (rare: none among the 1,000 bodies of the benchmark corpus), so `sets` may make them when
    asked (find_duplicates does): keeping thousands of sets costs hundreds of MB and the time
    of filling them, and keeping a packed copy costs a pass over each set.

    With `clusters`, pairs are joined there as found, and a set that joined a cluster is not
    indexed: later sets are compared with one member per cluster. A corpus made of copies of a
    few stories then costs O(n) instead of O(n²), at the price of a chain A ~ B ~ C being missed
    when C is like B but not like A.
    """
    signed = threshold >= _LOWEST_SIGNED
    # Per partition count, key → the set holding it, or a list of sets once several do: most keys
    # have one owner, and building a list for each would cost more than all the rest of the search.
    index: dict[int, _Keys | _Runs] = {}
    # The sets indexed, for the search without signatures (with them, the index says).
    indexed = array("l")
    # Per partition count, the indexed sets that have empty partitions, and how many: most have
    # none, and a dict per indexed set cost more than its keys.
    empties: dict[int, dict[int, int]] = {}
    sizes = array("l")
    pairs = []
    apart = _Apart(threshold)
    for j in range(len(sets)):
        size, signatures = _profile(sets[j], threshold)
        sizes.append(size)
        if size < MIN_SHINGLES:
            continue
        most = _differences(size, size / threshold + 1, threshold)  # the most any partner can need
        # candidates: earlier set → how many partitions it agrees with this one on, under the
        # one partition count the pair's sizes call for (see _partitions_for).
        candidates: dict[int, int] = {}
        shared_by_count = {}
        if signed:
            for count, (keys, empty) in signatures.items():
                by_key = index.get(count) or index.setdefault(
                    count, _Runs() if count <= _RUNS_COUNT else _Keys())
                emptied = empties.setdefault(count, {})
                # Keys of one partition count are distinct, so each shared partition counts once.
                shared = by_key.shared(keys)
                shared_by_count[count] = shared
                # The fewest agreements any partner compared under this count can pass the count
                # filter with (see below): most sets that share a key share one or two small
                # partitions of a common phrase, and are passed over at once.
                fewest = count - min(count - 1, most) - empty
                if len(shared) < fewest:
                    continue
                # The same with the most differences the similarity test itself lets any partner
                # have: not reckoned before it can tell (for some sizes a hundred partner sizes).
                fewest = count - min(count - 1, apart.most(size)) - empty
                if len(shared) < fewest:
                    continue
                for i, agreed in _agreements([by_key.owners(key) for key in shared], fewest).items():
                    if agreed < fewest:
                        continue
                    # Cheapest tests first; they only turn pairs down, so their order changes
                    # nothing. Size filter: sizes further apart than the threshold allows
                    # cannot match.
                    if min(sizes[i], size) < threshold * max(sizes[i], size):
                        continue
                    # Count filter: with at most k differences among `count` partitions, at least
                    # count − k partitions hold none of them. Only agreements under the pair's own
                    # count tell: a finer count's partitions of one or two shingles are often
                    # shared by unrelated bodies that quote the same phrase. Empty partitions
                    # without a key may agree too: at most as many as the fewer of them (counted
                    # twice when both sets kept their keys: the filter only lets more through).
                    if (_partitions_for(_differences(sizes[i], size, threshold)) == count
                            and agreed + min(empty, emptied.get(i, 0)) >= count - apart(sizes[i], size)):
                        candidates[i] = agreed
        else:
            # Nearly everything is a candidate: skip the signatures.
            candidates = {i: 0 for i in indexed if min(sizes[i], size) >= threshold * max(sizes[i], size)}
        joined = False
        for i in sorted(candidates):
            if clusters is not None and clusters.find(i) == clusters.find(j):
                continue
            similarity = jaccard(sets[i], sets[j])
            if similarity >= threshold:
                pairs.append((i, j, similarity))
                if clusters is not None:
                    clusters.join(i, j)
                    joined = True
        if not joined:
            if not signed:
                indexed.append(j)
            for count, (keys, empty) in signatures.items():
                if empty:
                    empties[count][j] = empty
                index[count].add(j, keys, shared_by_count[count])
    return pairs


class _Keys:
    """Key → the set holding it, or a list of sets once several do, for one partition count:
    most keys have one owner, and building a list for each would cost more than all the rest
    of the search."""

    def __init__(self) -> None:
        self.held: dict[int, int | list[int]] = {}

    def shared(self, keys: list[int]) -> set[int]:
        return self.held.keys() & keys

    def owners(self, key: int) -> int | Sequence[int]:
        """The sets holding `key`, in their order."""
        return self.held[key]

    def add(self, j: int, keys: list[int], shared: set[int]) -> None:
        """Set j holds `keys`, of which `shared` are held already."""
        by_key = self.held
        held = {key: by_key[key] for key in shared if key in by_key}
        by_key.update(dict.fromkeys(keys, j))
        for key, owners in held.items():
            if isinstance(owners, list):
                owners.append(j)
                by_key[key] = owners
            else:
                by_key[key] = [owners, j]


class _Runs(_Keys):
    """_Keys for a count of a few partitions, the count of short bodies: the keys of the latest
    sets in a dict, the others in sorted arrays (runs of (key, owner), merged as they pile up,
    each the size of the one before at most). A body of a dozen shingles has four keys, nearly
    all its own: in a dict, some 90 bytes each, with the int of its owner, were the peak of a
    report of 100,000 small pages; a run holds a key in 16 bytes. A few keys a body keep the
    look-ups in the runs few."""

    def __init__(self) -> None:
        super().__init__()
        # Oldest first; each a sorted array of keys and one of their owners (an int of 4 bytes
        # numbers two thousand million sets).
        self.runs: list[tuple[array[int], array[int]]] = []

    def shared(self, keys: list[int]) -> set[int]:
        found = self.held.keys() & keys
        for run, _ in self.runs:
            for key in keys:
                at = bisect_left(run, key)
                if at < len(run) and run[at] == key:
                    found.add(key)
        return found

    def owners(self, key: int) -> int | Sequence[int]:
        found = array("i")
        for run, owners in self.runs:
            at = bisect_left(run, key)
            found += owners[at : bisect_right(run, key, at)]
        latest = self.held.get(key)
        if not found:
            return [] if latest is None else latest
        if latest is not None:
            found += array("i", (latest,) if isinstance(latest, int) else latest)
        return found

    def add(self, j: int, keys: list[int], shared: set[int]) -> None:
        super().add(j, keys, shared)
        if len(self.held) >= _RUN_KEYS:
            self._flush()

    def _flush(self) -> None:
        made = sorted((key, owner) for key, held in self.held.items()
                      for owner in ((held,) if isinstance(held, int) else held))
        self.held = {}
        self.runs.append((array("q", [key for key, _ in made]), array("i", [owner for _, owner in made])))
        del made
        # Owners of one key stay in order: a run holds sets all before the next run's.
        while len(self.runs) > 1 and len(self.runs[-2][0]) < 2 * len(self.runs[-1][0]):
            (keys_a, owners_a), (keys_b, owners_b) = self.runs[-2:]
            keys, owners = array("q"), array("i")
            for key, owner in heapq.merge(zip(keys_a, owners_a, strict=True),
                                          zip(keys_b, owners_b, strict=True)):
                keys.append(key)
                owners.append(owner)
            self.runs[-2:] = [(keys, owners)]


# Counts up to this are kept in runs (_Runs): a set compared under one has at most a few dozen
# shingles. The dict of the latest keys is flushed into a run at this many keys.
_RUNS_COUNT = 8
_RUN_KEYS = 4096


def _agreements(owners: list[int | Sequence[int]], fewest: int) -> Counter[int]:
    """Earlier set → in how many of the lists `owners` it is, for every set in at least `fewest`
    of them (and perhaps some in fewer).

    A set in `fewest` of the lists is in one of any len(owners) − fewest + 1 of them: only the
    shortest that many are walked, and each set they name is looked for in the others. The
    lists of a phrase every body has (a dateline, a boilerplate sentence) hold thousands of
    sets; counting them all for each body made the search grow as n².
    """
    hits: Counter[int] = Counter()
    if fewest <= 1:
        for held in owners:
            hits.update((held,) if isinstance(held, int) else held)
        return hits
    owners.sort(key=lambda held: 1 if isinstance(held, int) else len(held))
    walked = len(owners) - fewest + 1
    for held in owners[:walked]:
        hits.update((held,) if isinstance(held, int) else held)
    for held in owners[walked:]:
        if isinstance(held, int):
            if held in hits:
                hits[held] += 1
            continue
        if len(hits) * 16 < len(held):
            # A list is in the order of its sets (each is added once it is searched).
            for i in hits:
                at = bisect_left(held, i)
                if at < len(held) and held[at] == i:
                    hits[i] += 1
        else:
            for i in hits.keys() & held:
                hits[i] += 1
    return hits


class _Apart:
    """The most shingles two sets can differ in and still pass jaccard's test at `threshold`,
    by their sizes: jaccard's own test of each intersection the sizes allow, so no rounding
    can make it say less than the test admits. (_differences, its bound with a shingle to
    spare, lets through pairs with one difference too many, which for bodies of a dozen
    shingles is every pair agreeing on half of their partitions.)"""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._most: dict[int, int] = {}

    def __call__(self, a: int, b: int) -> int:
        """For sizes a and b: the most differences, or −1 when no pair of these sizes passes."""
        n, low, t = a + b, min(a, b), self.threshold
        # The intersection's share of the union, inter / (n − inter), rises with inter: step from
        # a guess to the fewest shingles in common that pass the test.
        inter = max(0, min(low, int(t * n / (1 + t))))
        while inter > 0 and (inter - 1) / (n - inter + 1) >= t:
            inter -= 1
        while inter <= low and not inter / (n - inter) >= t:
            inter += 1
        return n - 2 * inter if inter <= low else -1

    def most(self, size: int) -> int:
        """The most differences a set of `size` shingles can have with any partner the size
        filter lets through."""
        found = self._most.get(size)
        if found is None:
            t = self.threshold
            partners = range(max(1, int(t * size) - 1), int(size / t) + 2)
            found = self._most[size] = max(
                (self(size, b) for b in partners if min(size, b) >= t * max(size, b)), default=-1)
        return found


# Below this threshold sets may differ in most of their shingles, partitions would be nearly
# empty and every set a candidate anyway.
_LOWEST_SIGNED = 0.5


def _signature_keys(s: frozenset[Shingle], threshold: float) -> dict[int, tuple[list[int], int]]:
    """Partition count → (a key per partition, the number of empty partitions), for each count
    `s` may be compared under.

    A key mixes the partition's signature, its number and the count; keys of unequal partitions
    may collide, which only adds a candidate that the exact check then turns down.

    Pigeonhole filter (Arasu et al., 2006): split the shingle space into more partitions than two
    sets can differ in shingles; if they are alike enough, some partition holds none of their
    differences, so both sets have the same shingles there and share that key. Every truly similar
    earlier set is found, and bodies that merely share common phrases rarely agree on a whole
    partition (a rare-shingle prefix, by contrast, is defeated by bodies that recombine common
    sentences: their rarest shingles are still shared by hundreds).

    Empty partitions get no key: "nothing here" is shared by every set of a size, and at
    thousands of bodies their owner lists made the search grow as n². Leaving them out loses no
    pair: a pair alike enough has more clean partitions than either set has empty ones (then a
    clean partition holds shingles, and has a key), unless the set has so many empty partitions
    that it must keep their keys (`margin`). An "empty" partition here is one whose signature
    is 0: that covers the empty ones, and treats both sets of a pair alike, which is all the
    argument needs.
    """
    size = len(s)
    counts = _partition_counts(size, threshold)
    most = _differences(size, size / threshold + 1, threshold)  # the most any partner can need
    sums = _sums(s, counts[-1])
    keys: dict[int, tuple[list[int], int]] = {}
    for count in reversed(counts):
        if count < counts[-1]:
            # x mod count = (x mod 2·count) mod count: fold the finer partition sums in half.
            sums = [a + b for a, b in zip(sums[:count], sums[count:], strict=True)]
        empty = sums.count(0)
        # A pair compared under `count` differs in at most min(count, most + 1) − 1 shingles, so
        # it has at least `margin` clean partitions.
        margin = count - min(count, most + 1) + 2
        if empty and empty < margin:
            keys[count] = ([(total * count + p) & _KEY_BITS for p, total in enumerate(sums) if total], empty)
        else:
            keys[count] = ([(total * count + p) & _KEY_BITS for p, total in enumerate(sums)], empty)
    return keys


# Keys are cut to 60 bits: an int up to 2⁶⁰ takes 32 bytes, a larger one (a sum of 64-bit hashes
# times the count) 36, which the allocator rounds to 48; the index holds a few keys per body.
# The low bits still hold the partition's number (count is a power of two), and two partitions'
# sums agreeing on the other bits by chance only adds a candidate that the exact check turns down.
_KEY_BITS = (1 << 60) - 1


def _partition_counts(size: int, threshold: float) -> list[int]:
    """The partition counts a set of `size` shingles is indexed and probed under (see _sums)."""
    # A partner's size lies within the size filter's bounds; the pair's difference bound, and so
    # its partition count, lies between those the two extreme partners give.
    low = _differences(size, max(threshold * size - 1, 0), threshold)
    high = _differences(size, size / threshold + 1, threshold)
    counts, last = [_partitions_for(low)], _partitions_for(high)
    while counts[-1] < last:
        counts.append(counts[-1] * 2)
    return counts


def _differences(a: float, b: float, threshold: float) -> int:
    """More than the most shingles two sets of sizes a and b can differ in with Jaccard ≥ threshold.

    J ≥ t ⇔ |A ∩ B| ≥ t(|A| + |B|)/(1 + t) ⇔ |A △ B| ≤ (|A| + |B|)(1 − t)/(1 + t); the + 1 absorbs
    floating-point rounding in the similarity test itself.
    """
    return int((a + b) * (1 - threshold) / (1 + threshold)) + 1


def _partitions_for(differences: int) -> int:
    # Powers of two: a set needs signatures for one or two counts only. (Twice as many was
    # tried, for a stronger count filter: partitions of two or three shingles are often empty,
    # and the keys of empty partitions, shared by hundreds of sets, cost more than they saved.)
    return 1 << max(1, differences.bit_length())  # the least power of two above, at least 2


def _sums(s: frozenset[Shingle], count: int) -> list[int]:
    """Per partition, the sum of its shingles: equal whenever two sets agree on that partition."""
    # Shingle x belongs to partition x mod count. (Splitting a sorted set by hash ranges with
    # bisect was tried: slower, the sort costs more than this one pass.)
    sums = [0] * count
    for x in s:
        sums[x % count] += x
    return sums


MAX_TITLE_STORIES = 50
MAX_NAMED_APART = 10
# Share of the smaller body's shingles the larger must hold for two copies under one title and
# date to be one story: a copy cut short, or saved with a site's extra lines, still is.
CONTAINED = 0.8


def bodies_agree(bodies: Sequence[frozenset[Shingle]], i: int, j: int) -> bool:
    """Whether bodies i and j can be one story saved twice: most of the smaller one is in the
    larger, or one of them is too short to tell (a copy saved without its text, a one-line
    brief) and its words are all in the other."""
    a, b = bodies[i], bodies[j]
    if len(a) >= MIN_SHINGLES and len(b) >= MIN_SHINGLES:
        return len(a & b) >= CONTAINED * min(len(a), len(b))
    short, other = (a, b) if len(a) <= len(b) else (b, a)
    return short <= other


def _through(i: int, link: dict[int, tuple[int, str]], articles: Sequence[Article]) -> str:
    # Merged through a third copy (A like B, B like C): say which copy linked them.
    other, reason = link[i]
    return f"{reason} with {articles[other].id}"


def find_duplicates(
    articles: Sequence[Article],
    threshold: float = DEFAULT_THRESHOLD,
    by_title: bool = True,
) -> tuple[list[Article], list[Merge]]:
    """(articles without their copies, in input order; one Merge per dropped copy)."""
    union = _Union()
    reasons: dict[tuple[int, int], str] = {}
    # The first link found for each article, to explain a merge through a third copy.
    link: dict[int, tuple[int, str]] = {}

    def joined(i: int, j: int, reason: str) -> None:
        union.join(i, j)
        reasons.setdefault((i, j), reason)
        link.setdefault(i, (j, reason))
        link.setdefault(j, (i, reason))

    bodies = _Bodies(articles)
    if by_title:
        # A function of its own: its keys of every title are gone before the body search starts.
        _join_same_titles(articles, bodies, joined)
    if threshold <= 1.0:
        for i, j, similarity in similar_pairs(bodies, threshold, union):
            joined(i, j, f"bodies {similarity:.0%} alike")
    # Only copies joined to another form groups: a group (and a list) per article cost a
    # million-article report ~300 MB. Groups come in the order of their first member, as before.
    groups: dict[int, list[int]] = {}
    for i in sorted(link):
        groups.setdefault(union.find(i), []).append(i)
    dropped: set[int] = set()
    merges: list[Merge] = []
    for members in groups.values():
        # Richest copy wins; among equals, the first in input order.
        best = max(members, key=lambda i: (_richness(articles[i]), -i))
        for i in members:
            if i != best:
                dropped.add(i)
                reason = reasons.get((min(i, best), max(i, best))) or _through(i, link, articles)
                merges.append(Merge(articles[i], articles[best], reason))
    for merge in merges:
        # INFO: the caller decides what deserves a warning (one per merge, or a summary of many).
        log.info("%s", merge.message())
    return [a for i, a in enumerate(articles) if i not in dropped], merges


def _join_same_titles(articles: Sequence[Article], bodies: Sequence[frozenset[Shingle]],
                      joined: Callable[[int, int, str], None]) -> None:
    """Join the copies of one story under one title and date (see find_duplicates)."""
    # Restyling tones is slow and titles rarely repeat: only titles whose letters and date
    # agree with another's (tone marks aside) can have one key, so only they are restyled.
    # Which may is told by a tally per slot of a table, a title's slot being the hash of its rough
    # key and date: a unique title sharing a slot is restyled for nothing, and then has a story
    # of its own. (A count of every rough key and date, with the list of the keys, was the peak
    # of a 100,000-page report: some 120 bytes a title.)
    tally = bytearray(8 * len(articles) + 1)
    slots = array("q")  # each article's slot; -1 for a title not compared
    for article in articles:
        rough_key = _rough_title_key(article) if article.date is not None else None
        slot = -1 if rough_key is None else hash((rough_key, article.date)) % len(tally)
        slots.append(slot)
        if slot >= 0 and tally[slot] < 2:
            tally[slot] += 1
    stories: dict[tuple[str, object], list[int]] = {}  # one copy of each story under the title
    apart: list[int] = []  # shared a title and date with an earlier article, but not its body
    for i, (article, slot) in enumerate(zip(articles, slots, strict=True)):
        if slot < 0 or tally[slot] < 2:
            continue
        key = title_key(article)
        if key is None or article.date is None:
            continue
        seen = stories.setdefault((key, article.date), [])
        # Against the first MAX_TITLE_STORIES stories only: a title shared by thousands of
        # different stories on one day would otherwise compare every pair of them.
        same = next((j for j in seen[:MAX_TITLE_STORIES] if bodies_agree(bodies, j, i)), None)
        if same is not None:
            joined(same, i, "same title and date")
        else:
            if seen:
                apart.append(i)
            seen.append(i)
    if apart:
        named = ", ".join(articles[i].id for i in apart[:MAX_NAMED_APART])
        more = f" and {len(apart) - MAX_NAMED_APART} more" if len(apart) > MAX_NAMED_APART else ""
        log.warning("%d article(s) share a title and date with another whose body differs, and are "
                    "kept as stories of their own: %s%s", len(apart), named, more)
