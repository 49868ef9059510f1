"""sort_key against PyICU's vi collator on thousands of random words, and the CLDR order itself."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import icu

from tgreport.vn import clean_text, sort_key
from tgreport.vn.collation import sort_vietnamese

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
LETTERS = [unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in TONES] + list(
    "bcdđghklmnpqrstvx"
)
COLLATOR = icu.Collator.createInstance(icu.Locale("vi"))


def same_order(words: list[str]) -> list[tuple[str, str]]:
    """Pairs where our order and ICU's differ (ties in ICU's eyes do not count)."""
    ours = sorted(words, key=sort_key)
    theirs = sorted(words, key=COLLATOR.getSortKey)
    return [(a, b) for a, b in zip(ours, theirs, strict=True) if a != b and COLLATOR.compare(a, b) != 0]


def random_phrase(rng: random.Random) -> str:
    def word() -> str:
        w = "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 6)))
        roll = rng.random()
        return w.upper() if roll < 0.2 else w[:1].upper() + w[1:] if roll < 0.5 else w
    text = " ".join(word() for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.15:
        text += rng.choice([" ", "-", ", ", " (", "/"]) + str(rng.randint(0, 2030))
    return text


def test_matches_icu_on_random_words() -> None:
    rng = random.Random(20210107)
    words = [random_phrase(rng) for _ in range(6000)]
    assert len(set(words)) > 5000
    assert same_order(words) == []


def test_matches_icu_on_pairs_that_differ_only_in_tone_or_case() -> None:
    rng = random.Random(7)
    words = []
    for _ in range(500):
        base = [rng.choice("aăâeêioôơuưy") for _ in range(rng.randint(1, 3))]
        for _ in range(6):
            w = "".join(unicodedata.normalize("NFC", ch + rng.choice(TONES)) for ch in base)
            words.append(w.upper() if rng.random() < 0.3 else w)
    assert same_order(words) == []


def test_matches_icu_on_the_seeds() -> None:
    words: set[str] = set()
    for path in SEEDS.glob("*.txt"):
        text = clean_text(path.read_text(encoding="utf-8"))
        words.update(text.split())
        words.update(line.strip() for line in text.splitlines() if 0 < len(line.strip()) < 100)
    assert len(words) > 800
    assert same_order(sorted(words)) == []


def test_alphabet_and_tone_order() -> None:
    letters = list("yxvưutsrqponơômlkihgêeđdcbăâa")
    assert "".join(sort_vietnamese(letters)) == "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    assert sort_vietnamese(["ạ", "á", "ã", "ả", "à", "a"]) == ["a", "à", "ả", "ã", "á", "ạ"]
    assert sort_vietnamese(["Đà Nẵng", "Hà Nội", "Điện Biên", "An Giang", "Âu Cơ", "Ăn", "Zeta"]) == [
        "An Giang", "Ăn", "Âu Cơ", "Đà Nẵng", "Điện Biên", "Hà Nội", "Zeta"]  # fmt: skip
    assert sort_vietnamese(["B", "b", "A", "a"]) == ["a", "A", "b", "B"]
    # Python's own order puts á, ă and Đ after z: the reason sort_key exists.
    assert sorted(["z", "á", "Đ"]) != sort_vietnamese(["z", "á", "Đ"])


def test_nfd_and_nfc_sort_alike() -> None:
    for word in ("Nguyễn", "Việt", "thuỷ", "ặc"):
        assert sort_key(unicodedata.normalize("NFD", word)) == sort_key(word)
