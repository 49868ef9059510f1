"""Guess the encoding of Vietnamese bytes, and repair mojibake, by how Vietnamese the result reads."""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from tgreport.support.lazy import lazy_pattern
from tgreport.vn.encodings import LEGACY_ENCODINGS, decode_legacy
from tgreport.vn.syllables import COMMON_SYLLABLES, is_syllable

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Non-ASCII characters that honest Vietnamese text does contain besides letters.
_FINE = set("“”‘’–—…•€₫° \u00a0\u00ab\u00bb·×")
# Signs honest text uses standing apart ("© 2023 Báo …", "Vinamilk®"), but that single-byte
# readings of legacy text put inside words (TCVN3 "©" is "â"): stray only when letters touch both
# sides.
_MARKS = re.compile("[©®™]")
_MARK_APART = lazy_pattern(r"(?<![^\W\d_])[©®™]|[©®™](?![^\W\d_])")
# A legacy decoding must read at least this much like Vietnamese to be believed.
MIN_SCORE = 0.6
# Above any score (at most 1.1, plus rounding): a line scoring within 0.3 of it is never repaired.
_TOP_SCORE = 1.2
# Characters scored per candidate: a few pages tell the encodings apart; a whole book is not needed.
_SAMPLE = 50_000


def vietnamese_score(text: str) -> float:
    """How Vietnamese ``text`` reads, from -1 to 1.1: the share of its non-ASCII words that are
    valid syllables, less the share of stray symbols, plus up to 0.1 for common words. Pure ASCII
    scores 1."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return 1.0  # no non-ASCII word and no stray symbol
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    # Counted per distinct character: a page uses a few dozen, and the test per character was
    # the reader's hottest loop.
    stray = sum(text.count(ch) for ch in set(text) if _is_stray(ch))
    if _MARKS.search(text):  # "© 2023 …" is a footer; "nh©n d©n" is TCVN3 read as cp1252
        stray -= len(_MARK_APART().findall(text))
    if not words and not stray:
        return 1.0
    counts = Counter(words)  # each distinct word is checked once: pages repeat their words
    valid = sum(n for w, n in counts.items() if is_syllable(w))
    score = (valid - stray) / (len(words) + stray)
    if words:  # a tie-breaker of at most 0.1 for text made of common words
        score += 0.1 * sum(n for w, n in counts.items() if w.lower() in COMMON_SYLLABLES) / len(words)
    return score


# Everything that is surely not stray: ASCII, the Latin letters Vietnamese uses (and their
# neighbours), the usual punctuation. Text with nothing else has no stray symbol; this one
# search spares the per-character test on nearly every page.
def _surely_fine() -> str:
    blocks = [*range(0xA0, 0x250), *range(0x1E00, 0x1F00)]
    fine = sorted({*(c for c in blocks if not _is_stray(chr(c))), *map(ord, _FINE)})
    # As ranges of neighbouring code points: a class of a few dozen ranges, not of some 700
    # characters, is compiled in a third of the time by every process that imports this.
    runs: list[list[int]] = []
    for c in fine:
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs)


@lru_cache(maxsize=4096)
def _is_stray(ch: str) -> bool:
    """A non-ASCII character that is neither a letter nor usual punctuation, such as "¶" or a
    combining mark left over after NFC (it sat on a letter it cannot belong to). Invisible format
    characters (zero-width, BOM, soft hyphen) and spaces are clean_text's business."""
    return (
        ord(ch) >= 0x80
        and not ch.isalpha()
        and ch not in _FINE
        and unicodedata.category(ch) not in ("Cf", "Zs")
    )


_MAYBE_STRAY = re.compile("[^\\x00-\\x7f" + _surely_fine() + "]")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes: ``encoding`` is "utf-8", "utf-16-le", …, or a legacy name;
    ``repaired`` names the mojibake undone ("utf-8 read as cp1252"), ``score`` is vietnamese_score."""

    text: str
    encoding: str
    # None until asked: valid UTF-8 without stray symbols needs no score to be accepted, and
    # scoring every word of every page was most of the reading time.
    known_score: float | None = field(default=None, compare=False)
    repaired: str | None = None
    cut: tuple[int, int] | None = None  # (byte offset, bytes) of a UTF-8 sequence cut off at the end
    # Every character of `text` is surely fine (ASCII, a letter of the Latin blocks, usual
    # punctuation): the text is NFC already, and clean_text has little to look for in it.
    fine: bool = field(default=False, compare=False)

    @property
    def score(self) -> float:
        if self.known_score is None:
            object.__setattr__(self, "known_score", vietnamese_score(self.text[:_SAMPLE]))
        assert self.known_score is not None
        return self.known_score

    @property
    def is_legacy(self) -> bool:
        return self.encoding in LEGACY_ENCODINGS


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _wide_unicode(data: bytes) -> str | None:
    """UTF-16/32 without a BOM, told by where the zero bytes fall (ASCII spaces and letters)."""
    if len(data) < 4 or data.count(0) < len(data) // 8:
        return None
    for width in (4, 2):
        if len(data) % width:
            continue
        columns = [data[i::width].count(0) / (len(data) // width) for i in range(width)]
        if width == 4 and columns[2] > 0.9 and columns[3] > 0.9:
            return "utf-32-le"
        if width == 4 and columns[0] > 0.9 and columns[1] > 0.9:
            return "utf-32-be"
        if width == 2 and columns[1] > 0.3 and columns[0] < 0.05:
            return "utf-16-le"
        if width == 2 and columns[0] > 0.3 and columns[1] < 0.05:
            return "utf-16-be"
    return None


# Characters that neither Windows-1252 nor Latin-1 can show: one of them rules a line out at once.
_CP1252_HIGH = "".join(
    ch for ch in bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore") if ord(ch) >= 0x100
)
_NOT_SINGLE_BYTE = re.compile("[^\\x00-\\xff" + re.escape(_CP1252_HIGH) + "]")


def _as_single_bytes(text: str) -> bytes | None:
    """The bytes a Windows-1252 (or Latin-1) reader turned into ``text``, or None."""
    if _NOT_SINGLE_BYTE.search(text):
        return None  # "ạ", "ư", "đ": no single-byte reader shows these, so nothing to undo
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) >= 0x100:
                return None
            out.append(ord(ch))  # Latin-1 readers keep 0x81, 0x8D, … as C1 controls
    return bytes(out)


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Undo a wrong single-byte reading: UTF-8 shown as Windows-1252 ("Ä\u0090áº£ng" → "Đảng"), or
    TCVN3/VNI/VISCII/Windows-1258 bytes shown as Windows-1252 or Latin-1 ("Uû ban nh©n d©n" →
    "Uỷ ban nhân dân"). Returns (text, what was repaired) or (text, None) when nothing helps.

    Works line by line, so a page that is only partly garbled is mended where it is garbled."""
    lines = text.split("\n")
    fixed: list[str] = []
    what: set[str] = set()
    for line in lines:
        # A blank or ASCII line (half the lines of a page), or one with a letter no single-byte
        # reader shows ("ạ", "ư": nearly every other line), is as _repair_line would leave it:
        # tested here, without a call per line.
        if line.isascii() or _NOT_SINGLE_BYTE.search(line):
            fixed.append(line)
            continue
        new, how = _repair_line(line)
        fixed.append(new)
        if how:
            what.add(how)
    if not what:
        return text, None
    return "\n".join(fixed), ", ".join(sorted(what))


def _repair_line(line: str) -> tuple[str, str | None]:
    if line.isascii():
        return line, None
    raw = _as_single_bytes(line)
    if raw is None:
        return line, None
    before = vietnamese_score(line)
    if before + 0.3 > _TOP_SCORE:
        return line, None  # no reading can beat it by the 0.3 a repair needs ("Xem thêm")
    best: tuple[float, str, str] | None = None
    try:
        utf8 = raw.decode("utf-8")
        best = (vietnamese_score(utf8), utf8, "utf-8 read as cp1252")
    except UnicodeDecodeError:
        pass
    for encoding in LEGACY_ENCODINGS:
        candidate = decode_legacy(raw, encoding)
        score = vietnamese_score(candidate)
        if candidate != line and (best is None or score > best[0]):
            best = (score, candidate, f"{encoding} read as cp1252")
    if best is None or best[0] < MIN_SCORE or best[0] < before + 0.3:
        return line, None
    return best[1], best[2]


def guess_encoding(data: bytes) -> Decoded:
    """Decode bytes by BOM, UTF-16/32 byte pattern, UTF-8, or the legacy encoding whose text reads
    most like Vietnamese. The caller checks ``score`` against MIN_SCORE for legacy results."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(name, errors="strict")
            return Decoded(text, name, vietnamese_score(text[:_SAMPLE]))
    wide = _wide_unicode(data)
    if wide is not None:
        try:
            text = data.decode(wide)
            return Decoded(text, wide, vietnamese_score(text[:_SAMPLE]))
        except UnicodeDecodeError:
            pass
    best: Decoded | None = None
    cut = None
    utf8: str | None
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8 = None
        # A writer killed mid-character (a scraper, a full disk) leaves a UTF-8 sequence cut off
        # at the very end: everything before it is good UTF-8, and is kept.
        if exc.reason == "unexpected end of data" and exc.end == len(data) and len(data) - exc.start < 4:
            with contextlib.suppress(UnicodeDecodeError):
                utf8 = data[: exc.start].decode("utf-8")
                cut = (exc.start, len(data) - exc.start)
    if utf8 is not None:
        repaired, how = repair_mojibake(utf8)
        # Text of surely fine characters alone is NFC already (none of them composes with
        # another or decomposes: tests/vn checks each), so the NFC form vietnamese_score sees
        # is worked out only for text with some other character.
        maybe_stray = _MAYBE_STRAY.search(repaired, 0, _SAMPLE)
        fine = maybe_stray is None and len(repaired) <= _SAMPLE
        best = Decoded(repaired, "utf-8", None, how, cut, fine)
        if maybe_stray is not None:
            maybe_stray = _MAYBE_STRAY.search(unicodedata.normalize("NFC", repaired[:_SAMPLE]))
        if maybe_stray is None or best.score >= 0:
            return best  # without a stray symbol the score cannot be below 0
        # Legacy bytes can form valid UTF-8 by chance (VISCII "ươ" is 0xDF 0xBD, UTF-8 for the NKo
        # mark U+07FD): only stray symbols in the UTF-8 reading make a legacy one worth trying.
    for encoding in LEGACY_ENCODINGS:  # order breaks ties: the commonest first
        text = decode_legacy(data, encoding)
        score = vietnamese_score(text[:_SAMPLE])
        if best is None:
            better = True
        elif best.encoding == "utf-8":  # valid UTF-8 yields only to a clearly Vietnamese reading
            better = score >= MIN_SCORE and score > best.score + 0.3
        else:
            better = score > best.score
        if better:
            best = Decoded(text, encoding, score)
    assert best is not None
    return best

