"""People named with a position: "đồng chí Nguyễn Minh Chung, Trưởng Ban …", "Bí thư … Lê Quốc Minh"."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tgreport.assemble.citations.scan import Anchor, matches_at, starts_of_each, trie_pattern


def _letters(first: int, case: str) -> str:
    """A class of the letters of one case from `first` to U+1EFF, built from Unicode properties
    rather than typed out, so no precomposed Vietnamese letter is missed. Runs of three or more
    are written as ranges: the regex compiler reads a class character by character."""
    in_case = getattr(str, case)
    runs: list[list[str]] = []
    for c in map(chr, range(first, 0x1F00)):
        if in_case(c) and c.isalpha():
            if runs and ord(runs[-1][-1]) == ord(c) - 1:
                runs[-1].append(c)
            else:
                runs.append([c])
    esc = re.escape
    return "[" + "".join(esc(r[0]) + "-" + esc(r[-1]) if len(r) > 2 else esc("".join(r)) for r in runs) + "]"


_U = _letters(0x41, "isupper")

# The usual Vietnamese family names. Left out on purpose: those that are more often a word that
# opens a position or a place ("Phó", "Văn", "Đồng", "Giang", "Từ", …).
SURNAMES = frozenset(
    {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý", "Lại", "Đinh", "Trịnh", "Đào", "Mai", "Tô", "Hà", "Lâm", "Lương",
        "Tạ", "Cao", "Chu", "Thái", "Trương", "Quách", "Vương", "Kiều", "Đoàn", "Triệu", "Lưu", "Tống",
        "Châu", "Phùng", "Mạc", "Đàm", "Lục", "Hứa", "Lò", "Hầu", "Nông",
        "Thân", "Khúc", "Tăng", "Doãn", "Diệp", "Nghiêm", "Tôn", "Ninh",
        "Khổng", "Thạch", "Cù", "Bế",
    }
)
# Words that open a position ("Ủy viên Ban Thường vụ", "Phó Bí thư Thường trực Huyện ủy", …).
_POSITION_WORDS = (
    "Ủy viên", "Uỷ viên", "Bí thư", "Phó Bí thư", "Tổng Bí thư", "Trưởng", "Phó Trưởng", "Chủ tịch",
    "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Tổng Giám đốc", "Phó Tổng Giám đốc", "Thủ tướng",
    "Phó Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Chủ nhiệm", "Phó Chủ nhiệm", "Tổng Biên tập",
    "Tổng biên tập", "Phó Tổng Biên tập", "Chánh", "Phó Chánh", "Viện trưởng", "Hiệu trưởng",
    "Đại sứ", "Tư lệnh", "Chính ủy", "Chính uỷ", "Đại biểu Quốc hội", "Trưởng ban", "Phó Trưởng ban",
    "Tổng cục trưởng", "Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng", "Chủ tịch nước",
)
_LONGEST_FIRST = sorted(map(re.escape, _POSITION_WORDS), key=len, reverse=True)
# "Phó" and "Tổng" make a position of any position ("Phó Chính ủy", "Phó Tổng Biên tập").
_POSITION = re.compile(
    r"(?<![^\W\d_])(?:nguyên\s+)?(?:Phó\s+)?(?:Tổng\s+)?(?:" + "|".join(_LONGEST_FIRST) + r")(?![^\W\d_])"
)
# Forms of address, academic titles ("PGS.TS") and military ranks that stand before a name.
_HONORIFIC = (
    r"(?:[Đđ]ồng chí|[Đđ]/[cC]\.?|[Ôô]ng|[Bb]à|[Nn]hà báo|(?:Đại|Thượng|Trung|Thiếu) (?:tướng|tá)"
    r"|(?:GS|PGS|TS|ThS|BS|NGND|NGƯT)(?:\.\s?(?:TSKH|TS|ThS|BS))?\.?)"
)
# Where a match of _HONORIFIC can begin: its alternatives' opening letters (keep in step with it),
# never right after a letter (its look-behind): "ông" inside "không" begins nothing.
HONORIFIC_STARTS = (
    "Đồng chí", "đồng chí", "Đ/", "đ/", "Ông", "ông", "Bà", "bà", "Nhà báo", "nhà báo",
    *(f"{grade} {rank}" for grade in ("Đại", "Thượng", "Trung", "Thiếu") for rank in ("tướng", "tá")),
    "GS", "PGS", "TS", "ThS", "BS", "NGND", "NGƯT",
)
HONORIFIC_ANCHOR = Anchor(HONORIFIC_STARTS, word_start=True)


@functools.cache
def _name_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(_BY_HONORIFIC, _NAME_AFTER_POSITION), compiled on first use: their letter classes are
    most of what importing this module cost."""
    syllable = _U + _letters(0x61, "islower") + "*"
    name = r"(?P<name>" + syllable + r"(?:[ ]" + syllable + r"){1,4})"
    by_honorific = re.compile(r"(?<![^\W\d_])" + _HONORIFIC + r"\s+" + name + r"\s*,\s*")
    # A surname followed by 2–3 capitalised syllables, not inside a longer capitalised run on the
    # right. Two-syllable runs after a position are more often places ("Bí thư Tỉnh ủy Thái Bình")
    # than names.
    name_after_position = re.compile(
        # The surnames as a trie: one branch per letter at each capital, not one try per surname.
        r"(?P<name>" + trie_pattern(sorted(SURNAMES)) + r"(?:[ ]" + syllable
        + r"){2,3})(?![ ]?" + _U + r")(?!\w)"
    )
    return by_honorific, name_after_position


# Where a match of _NAME_AFTER_POSITION may begin: a surname before a space. (Asking for the
# capital after it too would put a class of 700 letters into the scan's regex once per surname.)
SURNAME_ANCHOR = Anchor(tuple(sorted(SURNAMES)), ahead="[ ]")
# What find_people looks for, in one pass over the text (scan.starts_of_each).
PEOPLE_ANCHORS = (HONORIFIC_ANCHOR, SURNAME_ANCHOR)
# Where a position stops: the verb of the sentence or its punctuation.
_POSITION_END = re.compile(
    r"[;.:(“\"\n]|\s(?:trình bày|phát biểu|dự|chủ trì|đề nghị|nhấn mạnh|cho biết|khẳng định|chỉ đạo|"
    r"tham dự|khai mạc|kết luận|thăm|tặng|trao|làm việc|được|đã|đang|sẽ|và\s+" + _HONORIFIC + r"|"
    r"cùng|cho rằng|yêu cầu|chúc mừng|báo cáo|tiếp|gửi|ký|có)(?![^\W\d_])"
)
_MAX_POSITION = 160
_COMMA = re.compile(r"\s*,\s*")
# What ends the chunk before a name, reading backwards: the sentence's start or a comma.
_CHUNK_START = re.compile('[.;:(“",]')
# Names that mostly stand for what is named after them ("Học viện Chính trị quốc gia Hồ Chí Minh",
# "TP Hồ Chí Minh"): after a position they are the person only when the position is theirs.
_NAMESAKES = {"Hồ Chí Minh": "Chủ tịch"}


@dataclass(frozen=True)
class PersonRef:
    name: str
    position: str
    span: tuple[int, int]


def _clean_position(text: str) -> str | None:
    end = _POSITION_END.search(text)
    text = text[: end.start()] if end else text[:_MAX_POSITION]
    chunks = []
    for chunk in text.split(","):
        chunk = chunk.strip()
        # A position is a run of capitalised chunks; "đại diện lãnh đạo…" starts a new thought.
        if not chunk or not (chunk[0].isupper() or chunk.startswith(("kiêm ", "nguyên "))):
            break
        chunks.append(chunk)
    position = ", ".join(chunks).strip(" -–")
    return position if position and _POSITION.match(position) else None


def _positioned_before(text: str, start: int) -> str | None:
    """The position written just before a name ("Bí thư Đảng ủy, Phó Tổng Giám đốc … Lê Quốc Minh")."""
    # The chunk right before the name first, as most hold no position: where it begins is the
    # first mark found searching its paragraph backwards (forwards, reversed), one search
    # instead of one str.rfind per mark.
    paragraph = text.rfind("\n", 0, start) + 1
    mark = _CHUNK_START.search(text[paragraph:start][::-1])
    last = text[start - mark.start() if mark else paragraph : start]
    m = _POSITION.search(last)
    if m is None:
        return None
    sentence_start = max(text.rfind(c, 0, start) for c in ".;:\n(“\"") + 1
    chunks = text[sentence_start:start].split(",")  # the last of them is `last`
    parts = [last[m.start():].strip()]
    for chunk in reversed(chunks[:-1]):
        chunk = chunk.strip()
        if not _POSITION.match(chunk):
            break
        parts.insert(0, chunk)
    return ", ".join(parts)


def find_people(text: str, starts: tuple[list[int], ...] | None = None) -> list[PersonRef]:
    """People named with a position, in text order (a person may appear several times).

    `starts`: starts_of_each(text, PEOPLE_ANCHORS), when the caller has it already.
    """
    found: list[PersonRef] = []
    by_honorific, name_after_position = _name_patterns()
    if starts is None:
        starts = starts_of_each(text, PEOPLE_ANCHORS)
    for m in matches_at(by_honorific, text, starts[0]):
        name = m.group("name")
        if _POSITION.match(name):
            continue  # "Đồng chí Trưởng Ban …": a position, no name
        position = _clean_position(text[m.end() : m.end() + _MAX_POSITION * 2])
        if position:
            found.append(PersonRef(name, position, m.span("name")))
    taken = [p.span for p in found]
    for m in matches_at(name_after_position, text, starts[1]):
        start, end = m.span("name")
        if any(a <= start < b for a, b in taken):
            continue
        if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-"):
            continue
        name = m.group("name")
        position = _positioned_before(text, start)
        if position is None and name not in _NAMESAKES:
            # A list with no "đồng chí" before each name: "…các đồng chí: Nguyễn Văn A, Bí thư …;"
            after = _COMMA.match(text, end)
            position = _clean_position(text[after.end() : after.end() + _MAX_POSITION * 2]) if after else None
        if position is None or _NAMESAKES.get(name, position) != position:
            continue
        found.append(PersonRef(name, position.rstrip(), (start, end)))
    found.sort(key=lambda p: p.span)
    return found
