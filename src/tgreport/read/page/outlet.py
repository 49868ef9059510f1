"""The outlet a page names as its own, from the copyright line at its foot ("© Copyright 1997
VnExpress.net", "Bản quyền thuộc về Báo Người Lao Động", "® Tuổi Trẻ Online giữ bản quyền")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from tgreport.read.page.lines import ends_sentence
from tgreport.read.provenance import outlet_for_host, shipped_outlets, shipped_signatures

# The marks of a copyright line; a line without one is never read for the outlet.
_MARK = re.compile(r"©|®|\(c\)|copyright|bản quyền", re.IGNORECASE)
_DOMAIN = re.compile(r"(?<![@\w.-])((?:[a-z0-9-]+\.)+(?:vn|net|com|org|info))\b", re.IGNORECASE)
# A domain anywhere, an e-mail address's too ("info@genk.vn").
_ADDRESS = re.compile(r"(?<![\w.-])((?:[a-z0-9-]+\.)+(?:vn|net|com|org|info))\b", re.IGNORECASE)
_OWNER = re.compile(r"bản quyền\s+(?:thuộc\s+(?:về\s+)?|của\s+)(?P<name>[^.,©®()]+)", re.IGNORECASE)
_KEEPER = re.compile(r"(?:^|[©®]\s*)(?P<name>[^.,©®()]+?)\s+giữ bản quyền", re.IGNORECASE)
# "© 2012 Báo X", "Copyright © Zing": the name after the mark and the years.
_AFTER_MARK = re.compile(
    r"(?:©|\(c\)|copyright)(?:\s*(?:©|copyright))?[\s\d–-]*(?P<name>[^.,©®()|]+)", re.IGNORECASE
)
LINE_MAX_CHARS = 300
NAME_MAX_WORDS = 12
# The words an outlet's name may carry or drop ("Báo Thanh Niên" is "Thanh Niên Online").
_KIND = re.compile(r"^(?:báo điện tử|báo|tạp chí|trang tin)\s+|\s+(?:online|điện tử)$")
# What follows the owner's name without being part of it.
_NOT_NAME = re.compile(r"\s+(?:all rights reserved|giữ bản quyền|nội dung|\d{4}).*$", re.IGNORECASE)
# An owner that is a company or an office publishes the site; it is no outlet's name.
_COMPANY = re.compile(r"^(?:công ty|cty|tập đoàn|corp)\b", re.IGNORECASE)


# Plain substrings of the marks (NFC text): `in` finds them far faster than the regex would.
_MARK_PARTS = ("©", "®", "opyright", "OPYRIGHT", "ản quyền", "ẢN QUYỀN")
# "(c)" or "(C)": a search that skips to each "(" beats `in`, which for so short a needle with
# a rare last character steps through the text three characters at a time.
_C_IN_BRACKETS = re.compile(r"\([cC]\)")


def may_name_outlet(text: str) -> bool:
    """Whether the page may have a copyright line: a few substring searches spare most pages
    the rest."""
    for part in _MARK_PARTS:  # a loop, not any(): one call per page, nothing to build
        if part in text:
            return True
    return _C_IN_BRACKETS.search(text) is not None


def outlet_named(lines: Iterable[str], outlets: Mapping[str, str]) -> str | None:
    """The outlet the last copyright line names: a domain there by the outlet table (the
    user's `outlets` first), else the name the line gives, spelled as the table spells it when
    it has that outlet."""
    for line in reversed(list(lines)):
        if len(line) > LINE_MAX_CHARS or not _MARK.search(line):
            continue
        found = _named_in(line, outlets)
        if found:
            return found
    return None


# The source an opening names before its dash: "(Dân trí) - …", "TTO - …", "Hà Nội (TTXVN) - …".
_SIGNATURE = re.compile(r"^(?:\((?P<a>[^()]{2,30})\)|(?P<b>[A-ZĐ][\w.+/&]{1,14})"
                  r"|[A-ZĐ][^()]{1,40}\s\((?P<c>[^()]{2,25})\))\s*[-–—]\s")


def outlet_signed(opening: str | None, outlets: Mapping[str, str],
                  signatures: Mapping[str, str] | None = None) -> str | None:
    """The outlet whose signature opens the article ("(Dân trí) - …", "TTO - …"): one the user's
    `signatures` or the shipped table knows, a domain the outlet table knows ("Soha.vn"), or an
    outlet's name as the table spells it."""
    found = _SIGNATURE.match(opening) if opening else None
    if found is None:
        return None
    tag = (found.group("a") or found.group("b") or found.group("c") or "").strip()
    folded = tag.casefold()
    known = next((name for key, name in (signatures or {}).items() if key.casefold() == folded), None) \
        or shipped_signatures().get(folded)
    if known:
        return known
    if _DOMAIN.fullmatch(tag):
        return outlet_for_host(tag.lower(), outlets)
    key = _key(tag)
    return _known_names(tuple(outlets.values())).get(key) if key else None


def outlet_of_domains(lines: Iterable[str], outlets: Mapping[str, str]) -> str | None:
    """The known outlet whose domain the page's furniture names most often, for a page whose
    copyright line names none (a company's, or no such line): the paper's own addresses in its
    footer ("Email: info@cafef.vn", "Website: www.dantri.com.vn") and its source tags over the
    teasers ("(Soha.vn) - …"). Only domains the outlet table knows count: the ad network's and
    the printer's addresses on the same footer name no outlet."""
    counts: dict[str, int] = {}
    for line in lines:
        if len(line) > LINE_MAX_CHARS or "." not in line:
            continue
        for match in _ADDRESS.finditer(line):
            name = outlet_for_host(match.group(1), outlets)
            if name:
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def outlet_in_window_title(parts: Sequence[str], outlets: Mapping[str, str]) -> str | None:
    """The outlet a page's window title names after its headline ("… | Báo Đồng Nai điện tử",
    "… - Zing News | Xã hội", "… | Internet | GenK.vn"), from its last part back: spelled as the
    outlet table spells it when the table has it ("Báo Đồng Nai"), else a part that names a
    paper, a magazine or a portal by its kind ("Báo …", "Tạp chí …", "Cổng thông tin điện tử …").
    A section ("Thời sự"), a slogan or an outlet's name with more after it ("VnExpress Giải
    Trí") names none."""
    for part in reversed(parts[1:]):
        found = _outlet_in_part(part.strip(), outlets)
        if found:
            return found
    return None


def _outlet_in_part(part: str, outlets: Mapping[str, str]) -> str | None:
    if not part or len(part.split()) > NAME_MAX_WORDS:
        return None
    if " " not in part and "." in part:  # "GenK.vn", "Dantri.com.vn"
        return outlet_for_host(part.lower(), outlets)
    known = _known_names(tuple(outlets.values()))
    key = _key(part)
    if key in known:
        return known[key]
    # A name the table has is not looked for at the start of a longer one: "Báo Lao Động Thủ Đô"
    # is another paper than "Báo Lao Động", and a headline may start with a province's name.
    return part if names_outlet_kind(part) else None


def names_outlet_kind(text: str, *, capitals: bool = False) -> bool:
    """Whether `text` is an outlet's name by its kind: "Cổng thông tin điện tử huyện Yên Thế",
    "Báo Đồng Nai", "Tạp chí Cộng sản"; not "Báo cáo tổng kết" (a report) nor a sentence. With
    `capitals`, a name in capitals too ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG TRỊ", a banner)."""
    kind = _OUTLET_KIND.match(text)
    if kind is None and capitals and text.isupper():
        kind = _OUTLET_KIND_IN_CAPITALS.match(text)
    if kind is None or len(text.split()) > KIND_NAME_MAX_WORDS or ends_sentence(text):
        return False
    return kind.group("portal") is not None or kind.group("name")[0].isupper()


KIND_NAME_MAX_WORDS = 10
# The kinds of outlet a name starts with. A portal's kind says it all ("Cổng thông tin điện tử
# huyện …"); after "Báo", "Tạp chí" or "Đài" the name is capitalised ("Báo cáo" is a report).
_OUTLET_KIND = re.compile(
    r"^(?:(?:Cổng|Trang) (?:thông tin|TTĐT|tin)(?: điện tử)?\s+(?P<portal>\w)"
    r"|(?:Báo(?: điện tử)?|Tạp chí|Đài|Thông tấn xã)\s+(?P<name>\w))")
# The same in capitals, where "BÁO CÁO" (a report) must be told apart by its word.
_OUTLET_KIND_IN_CAPITALS = re.compile(
    r"^(?:(?:CỔNG|TRANG) (?:THÔNG TIN|TTĐT|TIN)(?: ĐIỆN TỬ)?\s+(?P<portal>\w)"
    r"|(?:BÁO(?: ĐIỆN TỬ)?|TẠP CHÍ|ĐÀI|THÔNG TẤN XÃ)\s+(?!CÁO\b)(?P<name>\w))")


def outlet_in_banner(lines: Iterable[str], outlets: Mapping[str, str]) -> str | None:
    """The outlet a line over the headline names as the site's banner ("Cổng thông tin điện tử
    huyện Yên Thế", "Báo Bắc Giang"): a name the outlet table knows, or one named by its kind."""
    for line in lines:
        found = _outlet_in_part(line.strip(), outlets)
        if found:
            return found
    return None


def _named_in(line: str, outlets: Mapping[str, str]) -> str | None:
    mark = _MARK.search(line)
    assert mark is not None
    domain = _DOMAIN.search(line, mark.start())
    if domain:
        return outlet_for_host(domain.group(1), outlets) or domain.group(1)
    for pattern in (_OWNER, _KEEPER, _AFTER_MARK):
        match = pattern.search(line)
        if match is None:
            continue
        name = _NOT_NAME.sub("", match.group("name")).strip(" -–:")
        if name and len(name.split()) <= NAME_MAX_WORDS and not _COMPANY.match(name) \
                and any(c.isupper() for c in name):
            return _spelled(name, tuple(outlets.values()))
    return None


def _spelled(name: str, extra: tuple[str, ...]) -> str:
    """`name` as the outlet table spells it: the outlet of the same name, else the one outlet
    whose name starts with it ("Copyright © Zing" is Zing News), else `name` itself."""
    known = _known_names(extra)
    key = _key(name)
    if key in known:
        return known[key]
    longer = {full for k, full in known.items() if k.startswith(key + " ")}
    return longer.pop() if len(longer) == 1 else name


def _key(name: str) -> str:
    folded = " ".join(name.casefold().split())
    folded = re.sub(r"\btp\.\s*", "thành phố ", folded)
    return _KIND.sub("", _KIND.sub("", folded))


@cache
def _known_names(extra: tuple[str, ...]) -> dict[str, str]:
    """The outlet table's names by their key; the user's names win."""
    return {_key(name): name for name in (*shipped_outlets().values(), *extra)}
