"""Vietnamese syllable structure: tone, onset and rime, and whether a word is a real syllable."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# The five written tones as combining marks, in CLDR vi order (huyền, hỏi, ngã, sắc, nặng).
TONE_MARKS = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
TONE_NAMES = ("ngang", "huyền", "hỏi", "ngã", "sắc", "nặng")  # index 0: no mark
# Marks that make a new letter (ă â ê ô ơ ư), not a tone.
SHAPE_MARKS = ("\u0306", "\u0302", "\u031b")

VOWELS = "aăâeêioôơuưy"
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"



def _words(table: str) -> list[str]:
    """Split a whitespace table (kept as text so it reads like a spelling book)."""
    return table.split()


ONSETS = frozenset(_words("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x"))

_PLAIN_RIMES = _words("""
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot ooc oong
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
""")
_MEDIAL_RIMES = _words("""
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oe oec oem oen oeo oet
uân uâng uât uây uê uêch uênh uy uya uych uyên uyêt uynh uyt uyu uơ
""")
RIMES = frozenset(_PLAIN_RIMES + _MEDIAL_RIMES)
# After "qu" the u is part of the onset; these rimes follow it ("quý", "quynh", "quyết").
_QU_RIMES = RIMES | {"y", "ych", "ynh", "yt", "yên", "yêt", "yêu", "ơ"}
_STOPS = ("c", "ch", "p", "t")

# The commonest syllables of Vietnamese prose (general knowledge, not from the seeds): two readings
# that are both valid syllables ("sạch" in TCVN3, "sếch" in VISCII) are told apart by these
# (detect.py).
COMMON_SYLLABLES = frozenset(
    _words(
        """của và các có là được trong cho người những không một với đã này để năm khi đến từ nhiều
    theo cũng về như ra thì sẽ lại làm phải đó nhưng mà vào trên còn nhà sau đi bị tại nước hơn
    nên việc ngày đang chỉ rất hay gì mình đều vì nói họ thể sự cùng tôi ông bà lên qua hai ba
    tháng giờ mới đây nào cả vẫn ở đầu cao thành phố hội đồng công tác đại biểu chính phủ quốc gia
    kinh tế xã dân tỉnh huyện số nhất trình bộ trưởng ban ủy thực hiện tổ chức quản lý phát triển
    tiếp tục nghị quyết hợp động đảng viên cấp cơ sở vụ học sinh trường"""
    )
)


@dataclass(frozen=True)
class Syllable:
    """A word split as onset + rime, lower case and without tone; ``tone`` indexes TONE_NAMES."""

    onset: str
    rime: str
    tone: int


def strip_tone(word: str) -> tuple[str, int]:
    """(NFC word without its tone mark, tone index 0–5). Shape marks (ă â ê ô ơ ư) stay."""
    tone = 0
    kept = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONE_MARKS:
            tone = TONE_MARKS.index(ch) + 1
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def split_syllable(word: str) -> Syllable | None:
    """Onset, rime and tone of a Vietnamese syllable, or None when ``word`` is not one.

    Checks the spelling rules a mis-decoded text breaks: a known onset, a known rime, at most
    one tone mark, and only sắc or nặng on a rime that ends in a stop (p t c ch)."""
    nfd = unicodedata.normalize("NFD", word.lower())
    if sum(ch in TONE_MARKS for ch in nfd) > 1:
        return None
    for i, ch in enumerate(nfd):
        # A tone sits on a vowel (after its shape mark, if any), never on a consonant.
        if ch not in TONE_MARKS:
            continue
        base = nfd[i - 2] if i >= 2 and nfd[i - 1] in SHAPE_MARKS else nfd[i - 1] if i else ""
        if not base or base not in VOWELS:
            return None
    bare, tone = strip_tone(word.lower())
    onset = ""
    for size in (3, 2, 1):
        if bare[:size] in ONSETS and len(bare) > size:
            onset = bare[:size]
            break
    rime = bare[len(onset) :]
    if onset == "gi" and rime not in RIMES and "i" + rime in RIMES:
        rime = "i" + rime  # "gìn", "giếng": the i of gi doubles as the vowel
    if rime not in (_QU_RIMES if onset == "qu" else RIMES):
        return None
    if rime.endswith(_STOPS) and tone not in (4, 5):
        return None  # "các", "học" but never "cac" or "càc"
    return Syllable(onset, rime, tone)


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """True when ``word`` is spelled like a Vietnamese syllable (any case, any tone style).

    Cached: a language has a few thousand syllables in use, and every page repeats them, so
    encoding detection over thousands of files asks the same words again and again."""
    return split_syllable(word) is not None
