"""Party and State documents cited in a text: by number and sign, or by their customary names."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tgreport.assemble.citations.scan import Anchor, matches_at, starts_of, starts_of_each

# The issue's order, which the index follows: Party documents first, then State ones.
TYPES: tuple[str, ...] = (
    "Nghị quyết", "Chỉ thị", "Kết luận", "Quy định", "Quyết định",
    "Nghị định", "Thông tư", "Hướng dẫn", "Luật",
)
# Sign letters → type, for a code cited without its type word ("theo 05-CT/TW").
_SIGN_TYPES = {
    "NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "NĐ": "Nghị định",
    "TT": "Thông tư", "HD": "Hướng dẫn", "QH": "Luật",
}
ISSUERS = (
    "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Chính phủ",
    "Thủ tướng Chính phủ", "Quốc hội", "Ủy ban Thường vụ Quốc hội", "Uỷ ban Thường vụ Quốc hội",
)
_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
             "tám": 8, "chín": 9, "mười": 10}

# Each way a type word is written (as in TYPES, in lower case, in capitals) → the type.
_TYPE_WORDS = {v: t for t in TYPES for v in (t, t.lower(), t.upper())}
# Spelled out rather than (?i:…), which is several times slower since it defeats the regex
# engine's first-character check.
_TYPE = r"(?P<type>" + "|".join(sorted(_TYPE_WORDS)) + r")"
# "05-CT/TW", "01-KL/TW", "30/2020/NĐ-CP", "1234/QĐ-TTg", "36-HD/VPTW", "32/2019/QH14".
_SIGN_PART = r"[A-ZĐ]{2,}[a-zA-ZĐ0-9]*"
_CODE = (
    r"(?P<code>(?P<num>\d{1,5})(?:/(?P<year>(?:19|20)\d\d))?[-/]"
    + _SIGN_PART + r"(?:[-/]" + _SIGN_PART + r")*)(?![\w/-])"
)
_ROMAN = r"[IVXL]+"
# Words that end a law's name: what follows the name, not part of it.
_LAW_STOP = ("của", "về", "và", "năm", "số", "được", "đã", "này", "sửa", "trong", "theo", "có", "là",
             "để", "với", "cho", "đang", "sẽ", "mới", "hiện", "các", "những", "vào", "tại", "từ")
_KHOA = r"(?:\s*\(?\s*[Kk]h(?:óa|oá)\s+(?P<khoa>" + _ROMAN + r")\s*\)?)?"
_BODY = (
    r"(?P<body>Đảng bộ(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường))?"
    r"(?:\s+(?!Các\b)[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝỲ]\w*)+|Đảng(?!\s+bộ)(?![\w]))"
)

# Each kind of citation and its pattern.
_SOURCES: tuple[tuple[str, str], ...] = (
    ("coded", _TYPE + r"(?:\s+số)?\s+" + _CODE),
    ("bare", _TYPE + r"\s+(?:số\s+)?(?P<num>\d{1,4})(?![\w/.,-]\d)(?![\w/-])"),
    ("code", r"(?<![\w/-])" + _CODE),
    ("plenum", (
        r"Nghị quyết\s+(?:Hội nghị\s+)?(?:lần thứ\s+(?P<n>\d{1,2}|\w+)\s+Ban Chấp hành\s+Trung ương"
        r"(?:\s+Đảng)?|Trung ương\s+(?:lần thứ\s+(?P<n3>\d{1,2}|\w+)|(?P<n2>\d{1,2})))" + _KHOA
    )),
    ("congress", (
        r"Nghị quyết\s+(?:Đại hội\s+)?(?:đại biểu toàn quốc\s+)?(?:lần thứ\s+)?(?P<r>" + _ROMAN
        + r")(?:\s+(?:của\s+)?" + _BODY + r")?(?![\w])"
    )),
    # "Luật Đất đai năm 2013", "Luật Báo chí": a law by its name (capitalised, unlike "luật sư").
    ("law", (
        r"Luật\s+(?P<law>\w+(?:,\s+chống)?(?:\s+(?!(?:" + "|".join(_LAW_STOP) + r")(?!\w))"
        r"[^\W\d_A-ZĐ]\w*){0,3}"
        # "Luật Cán bộ, công chức": a comma inside the name, when a clause boundary follows.
        r"(?:,\s+(?!(?:luật|" + "|".join(_LAW_STOP) + r")(?!\w))[^\W\d_A-ZĐ]\w*(?:\s+[^\W\d_A-ZĐ]\w*)?"
        r"(?=\s*(?:[.;:)\n]|$|,|\s(?:" + "|".join(_LAW_STOP) + r")(?!\w))))?)"
        r"(?:\s+năm\s+(?P<ly>(?:19|20)\d\d))?(?![\w])"
    )),
    # "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII": the national congress, named another way.
    ("congress_national", (
        r"Nghị quyết\s+Đại hội\s+(?:đại biểu\s+)?Đảng\s+toàn quốc\s+(?:lần thứ\s+)?(?P<r>" + _ROMAN
        + r")(?![\w])"
    )),
    ("congress_of", (
        r"Nghị quyết\s+Đại hội\s+" + _BODY + r"\s+(?:lần thứ|kh(?:óa|oá))\s+(?P<r>" + _ROMAN + r")(?![\w])"
    )),
)


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # Compiled on first use: most of what importing this module cost.
    return tuple((kind, re.compile(source)) for kind, source in _SOURCES)


# Where a match of each pattern can start (see scan.matches_at); the others run over the whole text.
TYPE_WORDS = tuple(sorted(_TYPE_WORDS))
# Both patterns that start at a type word go on to a number ("Chỉ thị 05", "Luật số 32/2019/QH14"):
# a type word without one ("nghị quyết của Đảng", most of them) starts neither.
TYPE_ANCHOR = Anchor(TYPE_WORDS, ahead=r"\s+(?:số\s+)?\d")
_STARTS_AT_TYPE = frozenset({"coded", "bare"})
# The patterns opening with a word of their own, tried only where it stands (four open with
# "Nghị quyết"), and only where what follows it may go on as one of them does: a plenum ("Hội nghị",
# "lần thứ", "Trung ương"), a congress ("Đại hội", "đại biểu", a Roman numeral), a law's name.
_OPENING = {"plenum": "Nghị quyết", "congress": "Nghị quyết", "law": "Luật",
            "congress_national": "Nghị quyết", "congress_of": "Nghị quyết"}
_OPENING_ANCHORS = {"Nghị quyết": Anchor(("Nghị quyết",), ahead=r"\s+[HlTĐđIVXL]"),
                    "Luật": Anchor(("Luật",), ahead=r"\s+\w")}
# A code's first sign letters follow its first "-" or "/", at most 10 characters after its start
# (five digits, "/2020"): the only places a "code" match can begin are just before such a mark.
MARK_ANCHOR = Anchor(("-", "/"), ahead="[A-ZĐ]{2}")
_CODE_REACH = 10
# What find_documents looks for, in one pass over the text (scan.starts_of_each).
DOCUMENT_ANCHORS = (TYPE_ANCHOR, _OPENING_ANCHORS["Nghị quyết"], _OPENING_ANCHORS["Luật"], MARK_ANCHOR)
_AT = {"coded": 0, "bare": 0, "plenum": 1, "congress": 1, "congress_national": 1, "congress_of": 1, "law": 2}
_DIGITS = re.compile(r"\d+")
_ISSUER = re.compile(r"\s+(?:của\s+)?(?P<issuer>" + "|".join(ISSUERS) + r")")


@dataclass(frozen=True)
class DocumentRef:
    """One citation. `key` is the document's identity; citations with one key are one document."""

    type: str
    key: str
    name: str
    number: int | None = None
    issuer: str | None = None
    bare: bool = False  # "Chỉ thị 05": the number without its sign, merged later if unambiguous
    span: tuple[int, int] = (0, 0)


_NUMBER_PART = re.compile(r"^\d+(?:/\d{4})?[-/]")
_SIGN_SEPARATOR = re.compile(r"[-/]")


def _type_of_sign(code: str) -> str | None:
    sign = _NUMBER_PART.sub("", code)
    letters = _SIGN_SEPARATOR.split(sign)[0]
    if letters.startswith("QĐ"):
        # Party rules are signed QĐ/TW ("08-QĐi/TW"); State decisions QĐ-TTg, QĐ-UBND, …
        return "Quy định" if sign.endswith("/TW") else "Quyết định"
    return next((t for s, t in _SIGN_TYPES.items() if letters.startswith(s)), None)


def _ref(kind: str, m: re.Match[str], text: str) -> DocumentRef | None:
    issuer_match = _ISSUER.match(text, m.end())
    issuer = issuer_match.group("issuer") if issuer_match else None
    span = m.span()
    if kind in ("coded", "code"):
        code = m.group("code")
        doc_type = _TYPE_WORDS[m.group("type")] if kind == "coded" else _type_of_sign(code)
        if doc_type is None:
            return None
        return DocumentRef(doc_type, f"{doc_type}|{code.upper()}", f"{doc_type} số {code}",
                           int(m.group("num")), issuer, span=span)
    if kind == "bare":
        doc_type = _TYPE_WORDS[m.group("type")]
        number = int(m.group("num"))
        return DocumentRef(doc_type, f"{doc_type}|#{number}", f"{doc_type} số {m.group('num')}",
                           number, issuer, bare=True, span=span)
    if kind == "plenum":
        raw = m.group("n") or m.group("n2") or m.group("n3")
        plenum = int(raw) if raw.isdigit() else _ORDINALS.get(raw.casefold())
        if plenum is None:
            return None
        number = plenum
        khoa = m.group("khoa")
        name = f"Nghị quyết Trung ương {number}" + (f" (khóa {khoa})" if khoa else "")
        key = f"NQTW|{number}|{khoa or ''}"
        return DocumentRef("Nghị quyết", key, name, number, "Ban Chấp hành Trung ương",
                           bare=khoa is None, span=span)
    if kind == "law":
        law = m.group("law")
        if not law[0].isupper() or law.split()[0] in ("Số",):
            return None
        name = f"Luật {law}" + (f" năm {m.group('ly')}" if m.group("ly") else "")
        # One law under its name, with or without the year ("Luật Đất đai" = "Luật Đất đai năm 2013").
        return DocumentRef("Luật", f"LAW|{law.casefold()}", name, None, issuer, span=span)
    # Congress resolutions: of the Party, or of one Party organisation ("Đảng bộ Khối").
    body = m.group("body") if kind != "congress_national" else "Đảng"
    if kind == "congress" and body is None and "Đại hội" not in m.group(0):
        return None  # "Nghị quyết XIII" alone is too vague to name
    body = " ".join((body or "Đảng").split())
    roman = m.group("r")
    name = f"Nghị quyết Đại hội {roman} của Đảng" if body == "Đảng" else f"Nghị quyết Đại hội {roman} {body}"
    return DocumentRef("Nghị quyết", f"NQĐH|{roman}|{body}", name, _roman(roman), issuer, span=span)


@functools.lru_cache(maxsize=256)
def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        v = values[a]
        total += -v if values.get(b, 0) > v else v
    return total


def _code_starts(text: str, marks: list[int] | None = None) -> list[int]:
    """Where a "code" match may begin; `marks`: starts_of(text, MARK_ANCHOR), if known."""
    starts: set[int] = set()
    for sep in starts_of(text, MARK_ANCHOR) if marks is None else marks:
        # Only a digit run's first digit can start a code (its look-behind refuses a digit).
        starts.update(m.start() for m in _DIGITS.finditer(text, max(0, sep - _CODE_REACH), sep))
    return sorted(starts)


def find_documents(text: str, starts: tuple[list[int], ...] | None = None) -> list[DocumentRef]:
    """The documents cited in `text`, in order; the longest reading wins where patterns overlap.

    `starts`: starts_of_each(text, DOCUMENT_ANCHORS), when the caller has it already.
    """
    if starts is None:
        starts = starts_of_each(text, DOCUMENT_ANCHORS)
    found: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in _patterns():
        at = _code_starts(text, starts[3]) if kind == "code" else starts[_AT[kind]]
        if at:
            found.extend((kind, m) for m in matches_at(pattern, text, at))
    # The longest reading first where several begin at one place (a stable sort: then in the
    # patterns' order). A match inside a citation already taken is passed over unread, so only
    # the citations kept are worked out ("05-CT/TW" inside "Chỉ thị 05-CT/TW" is not).
    found.sort(key=lambda f: (f[1].start(), f[1].start() - f[1].end()))
    kept: list[DocumentRef] = []
    for kind, m in found:
        if kept and m.start() < kept[-1].span[1]:
            continue  # inside a longer citation already taken ("Chỉ thị 05-CT/TW" ⊃ "05-CT/TW")
        ref = _ref(kind, m, text)
        if ref is not None:
            kept.append(ref)
    return kept
