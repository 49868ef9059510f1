"""Legacy Vietnamese 8-bit encodings: TCVN3 (ABC), VNI, VISCII and Windows-1258, both ways."""

from __future__ import annotations

import unicodedata

from tgreport.vn.syllables import is_syllable

LEGACY_ENCODINGS = ("cp1258", "tcvn3", "vni", "viscii")

# TCVN 5712:1993 (VN1, the superset of the ".VnTime" VN3 set), bytes 0x80–0xFF. VN3 fonts put only
# the lower-case toned letters and ĂÂÊÔƠƯĐ here (0xA1–0xFE); VN1 adds the capitals around them.
# 0xB0–0xB4 are the five tone marks as combining characters.
_TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"  # 0x80
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 0x90
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # 0xA0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xB0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # 0xC0
    "éẹềểễếệìỉỄẾỒĩíịò"  # 0xD0
    "Ổỏõóọồổỗốộờởỡớợù"  # 0xE0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # 0xF0
)
_TCVN3_LOW = {0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ",
              0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"}  # fmt: skip
# Word documents typed in .VnTime fonts keep Windows-1252 quotes, dashes and "…" at 0x80–0x9F, where
# VN1 has capitals (Ặ Ị Ò Ỏ Õ Ọ Ộ): such a byte is a capital only when it completes an upper-case
# syllable ("HỎI", "ỌP"), else punctuation ("“ĐẢNG”", "ẸP…", " – ").
_TCVN3_PUNCT = {b: bytes([b]).decode("cp1252") for b in (0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97)}

# VISCII (RFC 1456), bytes 0x80–0xFF plus six capitals in C0.
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"  # 0x80
    "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"  # 0x90
    "Õắằặấầẩậẽẹếềểễệố"  # 0xA0
    "ồổỗỠƠộờởịỰỨỪỬơớƯ"  # 0xB0
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"  # 0xC0
    "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"  # 0xD0
    "àáâãảăữẫèéêẻìíĩỉ"  # 0xE0
    "đựòóôõỏọụùúũủýợỮ"  # 0xF0
)
_VISCII_LOW = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}

# VNI for Windows: a base letter followed by a mark byte ("Vieät" = Việt), a few letters in one
# byte (ư ơ đ and i/y with some tones); everything else is Windows-1252.
_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_TONES_ALL = _GRAVE + _HOOK + _TILDE + _ACUTE + _DOT
_VNI_LOWER = {
    0xF8: _GRAVE, 0xF9: _ACUTE, 0xFB: _HOOK, 0xF5: _TILDE, 0xEF: _DOT,
    0xE2: _CIRC, 0xEA: _BREVE,
    0xE0: _CIRC + _GRAVE, 0xE1: _CIRC + _ACUTE, 0xE5: _CIRC + _HOOK, 0xE3: _CIRC + _TILDE,
    0xE4: _CIRC + _DOT,
    0xE8: _BREVE + _GRAVE, 0xE9: _BREVE + _ACUTE, 0xFA: _BREVE + _HOOK, 0xFC: _BREVE + _TILDE,
    0xEB: _BREVE + _DOT,
    0xF6: "ư", 0xF4: "ơ", 0xF1: "đ", 0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ",
}  # fmt: skip
# The capitals sit 0x20 lower, like Latin-1's own letters.
_VNI = {**_VNI_LOWER, **{b - 0x20: s.upper() for b, s in _VNI_LOWER.items()}}


def _table(high: str, low: dict[int, str]) -> list[str]:
    table = [chr(b) for b in range(0x80)] + list(high)
    for byte, char in low.items():
        table[byte] = char
    return table


_TCVN3 = _table(_TCVN3_HIGH, _TCVN3_LOW)
_VISCII = _table(_VISCII_HIGH, _VISCII_LOW)
_VNI_TABLE = [_VNI.get(b) or bytes([b]).decode("cp1252", errors="replace") for b in range(256)]
for _b in (0x81, 0x8D, 0x8F, 0x90, 0x9D):  # undefined in Windows-1252: keep the byte as Latin-1
    _VNI_TABLE[_b] = chr(_b)


def _decode_tcvn3(data: bytes) -> str:
    letters = [_TCVN3[b] for b in data]
    out = [_TCVN3_PUNCT.get(b, letters[i]) for i, b in enumerate(data)]
    for i, byte in enumerate(data):
        if byte not in _TCVN3_PUNCT:
            continue
        start = end = i
        while start > 0 and letters[start - 1].isalpha():
            start -= 1
        while end + 1 < len(data) and letters[end + 1].isalpha():
            end += 1
        # A quote may touch the word too ("“HỎI"): also try the word without ambiguous bytes at
        # its ends, other than this one.
        first, last = start, end
        while first < i and data[first] in _TCVN3_PUNCT:
            first += 1
        while last > i and data[last] in _TCVN3_PUNCT:
            last -= 1
        for a, b in ((start, end), (first, end), (start, last), (first, last)):
            word = "".join(letters[a : b + 1])
            if len(word) > 1 and word.isupper() and is_syllable(word):
                out[i] = letters[i]
                break
    return "".join(out)


def decode_legacy(data: bytes, encoding: str) -> str:
    """Decode bytes in one of LEGACY_ENCODINGS to NFC text (no other clean-up)."""
    if encoding == "cp1258":
        text = data.decode("cp1258", errors="replace")  # tones arrive as combining marks
    elif encoding == "tcvn3":
        text = _decode_tcvn3(data)
    elif encoding == "vni":
        text = "".join(_VNI_TABLE[b] for b in data)
    elif encoding == "viscii":
        text = "".join(_VISCII[b] for b in data)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}; known: {', '.join(LEGACY_ENCODINGS)}")
    return unicodedata.normalize("NFC", text)


def _inverse(table: list[str]) -> dict[str, bytes]:
    inverse: dict[str, bytes] = {}
    for byte, char in enumerate(table):
        if len(char) == 1 and (byte >= 0x80 or char != chr(byte)):
            inverse.setdefault(char, bytes([byte]))
    inverse.update({chr(b): bytes([b]) for b in range(0x80)})
    return inverse


def _vni_inverse() -> dict[str, bytes]:
    # Every letter VNI can write, from decoding every base + mark pair: the encoder can then never
    # disagree with the decoder.
    inverse: dict[str, bytes] = {}
    bases = [bytes([b]) for b in range(0x41, 0x7B) if chr(b).isalpha()]
    bases += [bytes([b]) for b, s in _VNI.items() if len(s) == 1 and s.isalpha()]
    singles = [bytes([b]) for b in range(0x20, 0x100)]
    marks = [bytes([mark]) for mark, text in _VNI.items() if not text.isalpha()]
    for seq in singles + [base + mark for base in bases for mark in marks]:
        char = decode_legacy(seq, "vni")
        if len(char) == 1:
            inverse.setdefault(char, seq)
    inverse.update({chr(b): bytes([b]) for b in range(0x80)})
    return inverse


_ENCODERS: dict[str, dict[str, bytes]] = {}


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode NFC text in a legacy encoding (for tests and for repairing mojibake).

    Raises UnicodeEncodeError naming the first character the encoding cannot hold."""
    text = unicodedata.normalize("NFC", text)
    if encoding == "cp1258":
        return _encode_cp1258(text)
    if encoding not in _ENCODERS:
        if encoding == "tcvn3":
            table = _inverse(_TCVN3)
            table.update({c: bytes([b]) for b, c in _TCVN3_PUNCT.items()})
        elif encoding == "viscii":
            table = _inverse(_VISCII)
        elif encoding == "vni":
            table = _vni_inverse()
        else:
            raise ValueError(f"unknown legacy encoding {encoding!r}; known: {', '.join(LEGACY_ENCODINGS)}")
        _ENCODERS[encoding] = table
    table = _ENCODERS[encoding]
    out = bytearray()
    for i, char in enumerate(text):
        try:
            out += table[char]
        except KeyError:
            raise UnicodeEncodeError(encoding, text, i, i + 1, "not in the character set") from None
    return bytes(out)


def _encode_cp1258(text: str) -> bytes:
    # Windows-1258 holds a few toned letters whole (à á ã é í ó ú ý …) and the rest as a base letter
    # plus a combining tone byte: try the whole letter first, then letter + tone.
    out = bytearray()
    for i, char in enumerate(text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", char)
        shape = "".join(m for m in nfd[1:] if m not in _TONES_ALL)
        base = unicodedata.normalize("NFC", nfd[0] + shape)
        marks = "".join(m for m in nfd[1:] if m in _TONES_ALL)
        try:
            out += base.encode("cp1258") + marks.encode("cp1258")
        except UnicodeEncodeError:
            raise UnicodeEncodeError("cp1258", text, i, i + 1, "not in the character set") from None
    return bytes(out)

