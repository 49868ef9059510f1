"""Find and parse day-first Vietnamese dates in scraped text ("21:38' 7/1/2021", "Sáng 6-1")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

DateKind = Literal["timestamp", "date", "day_month"]
YearSource = Literal["text", "context"]

# Python's weekday numbers: Monday is 0. Vietnamese counts "thứ hai" (2) as Monday.
_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tư": 2, "bốn": 2, "năm": 3, "sáu": 4, "bảy": 5}
_RANGE_WORDS = ("từ", "đến", "tới")

_WEEKDAY = r"(?P<weekday>\b(?:chủ\s+nhật|thứ\s+(?:hai|ba|tư|bốn|năm|sáu|bảy|[2-7])|cn|t[2-7])\b)"
_PART_WORDS = r"\b(?:rạng\s+sáng|sáng|trưa|chiều|tối|đêm|khuya)\b"
# A cue word that makes a bare day-month ("6-1") a date rather than a score or a code.
_CUE = (
    r"(?P<cue>\b(?:ngày(?:\s+(?:mai|nay|qua|kia))?|hôm\s+(?:nay|qua|kia)|hôm|mùng|mồng|từ|đến|tới)\b)"
)
_TIME_BEFORE = (
    r"(?P<bh>\d{1,2})(?:[:hg]|\s*giờ\s*)(?P<bm>\d{2})(?::(?P<bs>\d{2}))?"
    r"\s*(?:'|’|′|\s*phút)?(?:\s*(?P<bampm>am|pm|sa|ch)\b)?"
)
_TIME_AFTER = (
    r"(?P<ah>\d{1,2})(?:[:hg]|\s*giờ\s*)(?P<am>\d{2})(?::(?P<as>\d{2}))?(?!\d)"
    r"(?:\s*(?:'|’|′|phút))?(?:\s*(?P<aampm>am|pm|sa|ch)\b)?"
)
_TZ = (
    r"(?:\s*\(\s*(?:gmt|utc)\s*(?P<tz1>[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)"
    r"|\s*(?:gmt|utc)\s*(?P<tz2>[+-]\s*\d{1,2}(?::?\d{2})?)?(?![\w+])"
    r"|\s*(?P<tz4>[+-]\d{2}:?\d{2})(?!\d))"  # "21:38:05 +0700"
)
_SEP = r"\s*[,\-–—|/]?\s*"

# The part of day may come first ("Sáng thứ Tư 6/1"), after the weekday ("Thứ Tư, sáng 6/1")
# or after a time ("8 giờ 30 sáng ngày 10/1"): three groups, since re names each group once.
_PREFIX = (
    rf"(?:(?P<part>{_PART_WORDS})\s+(?:nay\s+|qua\s+|mai\s+)?)?"
    # A time may also come before the weekday: "15:03, Thứ hai, 15/03/2021".
    rf"(?:(?P<wh>\d{{1,2}})[:h](?P<wm>\d{{2}})(?!\d){_SEP}(?=thứ|chủ|cn\b|t[2-7]\b))?"
    rf"(?:{_WEEKDAY}\s*[,\-–]?\s*\(?\s*)?"
    rf"(?:(?P<part2>{_PART_WORDS})\s+(?:nay\s+|qua\s+|mai\s+)?)?"
    rf"(?:{_TIME_BEFORE}(?:\s+(?P<part3>{_PART_WORDS}))?{_SEP}(?:ngày\s+)?)?"
    rf"(?:{_CUE}\s+)?(?:\(\s*)?"
)
_SUFFIX = rf"(?:\s*\)?{_SEP}(?:lúc\s+|\(\s*)?{_TIME_AFTER}(?:\s*\))?)?(?:{_TZ})?"

_NUMERIC = (
    r"(?<![\d/.,-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"(?![\d/]|[.-]\d)"
)
_DAY_MONTH = r"(?<![\d/.,-])(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?![\d]|[/.-]\d)"
# The year after a comma, "năm" or a slash, or after a space alone ("05 Tháng 7 2024", as Joomla
# and WordPress print dates in Vietnamese) when it is a year of this era: "5 tháng 7 1200 người"
# counts people.
_WORDS = (
    r"(?<!\d)(?P<d>\d{1,2})\s+(?:tháng|thg)\s+(?P<m>\d{1,2})(?!\d)"
    r"(?:(?:\s*,\s*|\s+năm\s+|\s*/\s*|\s+(?=(?:19|20)\d\d(?!\d)))(?P<y>\d{4})(?!\d))?"
)
# Year first is never ambiguous: ISO 8601 "2021-01-07", and "2021/01/07" as some sites print it.
_ISO = (
    r"(?<![\d/.-])(?P<y>\d{4})(?P<isep>[-/])(?P<m>\d{1,2})(?P=isep)(?P<d>\d{1,2})"
    r"(?:[T ](?P<ah>\d{2}):(?P<am>\d{2})(?::(?P<as>\d{2})(?:[.,]\d+)?)?"
    r"(?P<tz3>Z|[+-]\d{2}:?\d{2})?)?(?![\d])"
)

_FLAGS = re.IGNORECASE
# Every match starts with a digit, "(" or a word of the prefix: a part of the day ("Sáng",
# "rạng sáng", "khuya"), a weekday ("thứ", "chủ nhật", "cn", "t2") or a cue ("ngày", "hôm",
# "mùng", "từ", "đến"). Checked first, the other positions (inside words, spaces, other words)
# fail at once instead of trying each optional part.
_START = r"(?=\b[cđhkmnrst]|\d|\()"
_PATTERNS = (
    ("iso", re.compile(rf"{_START}(?:{_WEEKDAY}\s*[,\-–]?\s*)?{_ISO}", _FLAGS)),
    ("numeric", re.compile(_START + _PREFIX + _NUMERIC + _SUFFIX, _FLAGS)),
    ("words", re.compile(_START + _PREFIX + _WORDS + _SUFFIX, _FLAGS)),
    ("day_month", re.compile(_START + _PREFIX + _DAY_MONTH + _SUFFIX, _FLAGS)),
)
# The digits and separators each pattern cannot match without: a text lacking them skips it.
_CORES = {
    "iso": re.compile(r"\d[-/]\d{1,2}[-/]\d"),
    "numeric": re.compile(r"\d[/.-]\d{1,2}[/.-]\d"),
    "words": re.compile(r"\d\s+(?:tháng|thg)\s+\d", _FLAGS),
    "day_month": re.compile(r"\d[/.-]\d"),
}
# What every pattern above needs somewhere: day and month digits with a separator or "tháng"
# between them. Text without it (most paragraphs) skips the four long patterns, which try every
# position.
_MAY_HOLD_DATE = re.compile(r"\d[/.-]\d|\d\s+(?:tháng|thg)\s+\d", _FLAGS)
# "năm 2021" (\bnăm\s+((?:19|20)\d\d)\b, ignoring case), found where its "ă" or "Ă" stands: a
# search for one character skips ahead at C speed, where the pattern ignoring case tried every
# position (the letters of "năm" match ignoring case only themselves and their capitals:
# tests/vn checks every code point).
_YEAR_WORDS = tuple(re.compile(rf"{a}(?<=\b[nN]{a})[mM]\s+((?:19|20)\d\d)\b") for a in "ăĂ")
# What may surround a date on a line of its own: labels, brackets, punctuation.
_LABELS = re.compile(
    r"cập\s+nhật(?:\s+(?:vào|lúc|ngày))*|ngày\s+(?:đăng|cập\s+nhật|xuất\s+bản)|đăng\s+(?:lúc|ngày|vào)"
    r"|xuất\s+bản|thời\s+gian|ngày|lúc|vào|hôm\s+nay|updated?|posted|published"
    r"|[\s\[\](){}|:,.\-–—/•·]+",
    _FLAGS,
)


@dataclass(frozen=True)
class ParsedDate:
    """One date found in text, as written: day-first, year possibly unknown.

    - ``matched``/``span``: the text of the match and its (start, end) offsets in the NFC text.
    - ``day``, ``month``: always set; ``year`` is None when neither the text nor the context gives it
      ("Sáng 6-1" without context), and ``year_source`` says where it came from ("text",
      "context" or None).
    - ``hour``, ``minute``, ``second``: the time when written ("21:38'", "21 giờ 38"), else None;
      ``utc_offset`` when the text names one ("(GMT+7)", "+07:00").
    - ``weekday``: the weekday the text names (0 = Monday = "thứ Hai" … 6 = "Chủ nhật"), else None.
    - ``part_of_day``: "sáng", "trưa", "chiều", "tối", "đêm", "khuya" or "rạng sáng" when written.
    - ``kind``: "timestamp" (a full date with a time), "date" (a full date, no time) or "day_month"
      (the text gives no year, even if the context resolved one).
    - ``problem``: None for a real date; otherwise why it is impossible ("31/2/2021: February 2021
      has 28 days"). Impossible dates carry ``value`` None.

    ``value`` is a ``datetime`` when a time is known (aware when an offset is written), a ``date``
    otherwise, and None when the year is unknown or the date is impossible.
    """

    matched: str
    span: tuple[int, int]
    day: int
    month: int
    year: int | None
    kind: DateKind
    year_source: YearSource | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    utc_offset: dt.timedelta | None = None
    weekday: int | None = None
    part_of_day: str | None = None
    problem: str | None = None

    @property
    def year_known(self) -> bool:
        return self.year is not None

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    @property
    def is_valid(self) -> bool:
        return self.problem is None

    @property
    def value(self) -> dt.date | dt.datetime | None:
        if self.year is None or self.problem is not None:
            return None
        if self.hour is None:
            return _day(self.year, self.month, self.day)
        tz = dt.timezone(self.utc_offset) if self.utc_offset is not None else None
        return dt.datetime(
            self.year, self.month, self.day, self.hour, self.minute or 0, self.second or 0, tzinfo=tz
        )

    @property
    def date(self) -> dt.date | None:
        """The calendar date alone (no time), or None when unknown or impossible."""
        value = self.value
        return value.date() if isinstance(value, dt.datetime) else value

    @property
    def weekday_matches(self) -> bool | None:
        """Whether the written weekday agrees with the date; None when either is missing."""
        day = self.date
        if self.weekday is None or day is None:
            return None
        return day.weekday() == self.weekday


def date_problem(day: int, month: int, year: int | None = None) -> str | None:
    """Why day/month/year is not a real date (None when it is); an unknown year allows 29/2."""
    label = f"{day}/{month}" + (f"/{year}" if year is not None else "")
    if not 1 <= month <= 12:
        return f"{label}: there is no month {month}"
    if year is None:
        longest = 29 if month == 2 else calendar.monthrange(2001, month)[1]
        if not 1 <= day <= longest:
            return f"{label}: month {month} never has day {day}"
        return None
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]  # English names: messages are for the log, not the report
        return f"{label}: {name} {year} has {last} days"
    return None


def resolve_year(day: int, month: int, context: dt.date | int | None) -> int | None:
    """The year of a day-month: a year context as is; a date context picks the nearest year
    (an article of 7/1/2021 that says "28-12" means 2020), or None without context."""
    if context is None:
        return None
    if isinstance(context, int):
        return context
    ref = context.date() if isinstance(context, dt.datetime) else context
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if date_problem(day, month, year) is not None:
            continue
        distance = abs((dt.date(year, month, day) - ref).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else ref.year


def year_named_in(text: str) -> int | None:
    """The year a text names most often as "năm 2021" (a context for its day-months), or None."""
    text = unicodedata.normalize("NFC", text)
    # In the order of the text, as most_common breaks ties by it.
    found = sorted((m.start(), int(m.group(1))) for pattern in _YEAR_WORDS for m in pattern.finditer(text))
    if not found:
        return None  # most clauses text_year asks about: no Counter for them
    return Counter(year for _, year in found).most_common(1)[0][0]


def _weekday(word: str | None) -> int | None:
    if not word:
        return None
    word = " ".join(word.lower().split())
    if word in ("chủ nhật", "cn"):
        return 6
    last = word.split()[-1] if " " in word else word[1:]
    if last.isdigit():
        return int(last) - 2
    return _WEEKDAY_WORDS[last]


def _offset(raw: str | None) -> dt.timedelta | None:
    if raw is None:
        return None
    raw = raw.replace(" ", "")
    if raw.upper() == "Z":
        return dt.timedelta(0)
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    hours = int(digits[:-2]) if len(digits) > 2 else int(digits)
    minutes = int(digits[-2:]) if len(digits) > 2 else 0
    return sign * dt.timedelta(hours=hours, minutes=minutes)


def _time(m: re.Match[str]) -> tuple[int | None, int | None, int | None, str | None]:
    """(hour, minute, second, problem) from the time written before or after the date."""
    groups = m.groupdict()
    for h, mi, s, ampm in (("wh", "wm", "", ""), ("bh", "bm", "bs", "bampm"), ("ah", "am", "as", "aampm")):
        if groups.get(h) is None:
            continue
        hour, minute = int(groups[h]), int(groups[mi])
        second = int(groups[s]) if groups.get(s) else None
        marker = (groups.get(ampm) or "").lower()
        if marker in ("pm", "ch") and hour < 12:
            hour += 12
        elif marker in ("am", "sa") and hour == 12:
            hour = 0
        problem = None
        if hour > 23 or minute > 59 or (second or 0) > 59:
            problem = f"{groups[h]}:{groups[mi]}: not a time of day"
        return hour, minute, second, problem
    return None, None, None, None


def _build(kind: str, m: re.Match[str], context: dt.date | int | None) -> ParsedDate | None:
    groups = m.groupdict()
    day, month = int(m.group("d")), int(m.group("m"))
    # Not a date at all (a ratio, a score, a version number): no candidate.
    if not 1 <= day <= 31 or not 1 <= month <= 12:
        return None
    hour, minute, second, time_problem = _time(m)
    weekday = _weekday(groups.get("weekday"))
    written_part = groups.get("part") or groups.get("part2") or groups.get("part3")
    part = " ".join(written_part.lower().split()) if written_part else None
    if kind == "day_month" and not (groups.get("cue") or weekday is not None or part or hour is not None):
        return None  # a bare "6-1" is as likely a score or a code as a date
    raw_year = groups.get("y")
    year: int | None
    source: YearSource | None
    if raw_year:
        year = int(raw_year) + (2000 if len(raw_year) == 2 else 0)
        source = "text"
        if not 1800 <= year <= 2200:
            return None
        date_kind: DateKind = "timestamp" if hour is not None else "date"
    else:
        if kind == "words" and not groups.get("cue") and weekday is None:
            return None  # "5 tháng 6" alone is a duration as often as a date
        year = resolve_year(day, month, context)
        source = "context" if year is not None else None
        date_kind = "day_month"
    problem = date_problem(day, month, year) or time_problem
    tz = groups.get("tz1") or groups.get("tz2") or groups.get("tz3") or groups.get("tz4")
    # "(GMT+7)" with no time still tells the offset, but a date alone cannot carry it.
    offset = _offset(tz) if hour is not None else None
    start = m.start()
    if groups.get("cue") and m.start("cue") == start and groups["cue"].lower() in _RANGE_WORDS:
        start = m.end("cue")  # "từ 6/1 đến 10/1": the range words belong to the period, not the date
    return ParsedDate(
        matched=m.string[start : m.end()],
        span=(start, m.end()),
        day=day,
        month=month,
        year=year,
        kind=date_kind,
        year_source=source,
        hour=hour,
        minute=minute,
        second=second,
        utc_offset=offset,
        weekday=weekday,
        part_of_day=part,
        problem=problem,
    )


def _trim(found: ParsedDate, text: str) -> ParsedDate:
    """Drop an opening bracket or separator the pattern swallowed at either end."""
    start, end = found.span
    while start < end and text[start] in " ([,-–|":
        start += 1
    while end > start and text[end - 1] in " ,-–|/":
        end -= 1
    # Keep brackets balanced: "(22/01/2021)" whole, never "(22/01/2021" or "7/1/2021)".
    opened = text[start:end].count("(") - text[start:end].count(")")
    if opened > 0 and text[end : end + 1] == ")":
        end += 1
    elif opened < 0 and text[end - 1] == ")":
        end -= 1
    if (start, end) == found.span:
        return found
    return replace(found, matched=text[start:end], span=(start, end))


def find_dates(
    text: str, context: dt.date | int | None = None, *, include_invalid: bool = True
) -> list[ParsedDate]:
    """Every date in ``text`` in order, with its position (offsets in the NFC form of ``text``).

    ``context`` resolves a day-month without year: a reference date (the nearest year to it) or a
    year. Bare day-months ("6-1") count only after a cue ("Sáng", "ngày", a weekday, a time), so
    scores and document codes ("05-CT/TW", "30/2020/NĐ-CP") are not taken for dates. Impossible
    dates (31/2/2021) are kept with ``problem`` set unless ``include_invalid`` is False.
    """
    return list(_found_in(text, context, include_invalid))


# One date object per day, shared by every article dated that day: a folder of 100,000 pages
# over one year needs 365 of them, not 100,000 (as contract.parse_day does for JSON).
@lru_cache(maxsize=8192)
def _day(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


# The page reader asks about the same line several times (is it a stamp, a whole stamp, a
# "today" banner, a stamp with loose parts): the dates found are remembered, not found again.
# ParsedDate is frozen, so the remembered ones can be handed out; the list around them is new.
@lru_cache(maxsize=1024)
def _found_in(text: str, context: dt.date | int | None, include_invalid: bool) -> tuple[ParsedDate, ...]:
    text = unicodedata.normalize("NFC", text)
    if not _MAY_HOLD_DATE.search(text):
        return ()
    candidates: list[ParsedDate] = []
    for kind, pattern in _PATTERNS:
        if not _CORES[kind].search(text):
            continue
        for m in pattern.finditer(text):
            found = _build(kind, m, context)
            if found is not None:
                candidates.append(_trim(found, text))
    # Longest match first among overlapping ones: "ngày 7/1/2021, 21:38" beats "7/1".
    candidates.sort(key=lambda c: (c.span[0] - c.span[1], c.span[0]))
    chosen: list[ParsedDate] = []
    for cand in candidates:
        if all(cand.span[1] <= c.span[0] or cand.span[0] >= c.span[1] for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c.span)
    return tuple(c for c in chosen if include_invalid or c.is_valid)


def may_hold_date(text: str) -> bool:
    """False when find_dates finds nothing in `text` nor in any part of it cut at a space or a
    "|" (which compose with nothing, so that the part's NFC form is a part of the text's): it
    lacks day and month digits with a separator or "tháng" between them."""
    return _MAY_HOLD_DATE.search(unicodedata.normalize("NFC", text)) is not None


def parse_date(text: str, context: dt.date | int | None = None) -> ParsedDate | None:
    """The first date in ``text`` (see ``find_dates`` and ``ParsedDate``), or None when there is
    none. An impossible date is returned with ``problem`` set and ``value`` None, so the caller
    can say why it was rejected."""
    found = find_dates(text, context)
    return found[0] if found else None


def date_line(line: str, context: dt.date | int | None = None) -> ParsedDate | None:
    """The date when ``line`` holds one date and nothing else but labels and punctuation
    ("[ Cập nhật vào ngày (22/01/2021) ]", "Chủ nhật,  29/05/2022"), else None."""
    line = unicodedata.normalize("NFC", line)
    found = find_dates(line, context)
    if len(found) != 1:
        return None
    start, end = found[0].span
    rest = line[:start] + " " + line[end:]
    return found[0] if not _LABELS.sub("", rest) else None


def is_today_header(line: str) -> bool:
    """A weekday and a full date with no time, alone on a line: the site's "today" banner
    (seed 003: "Chủ nhật,  29/05/2022"), not the article's own date."""
    found = date_line(line)
    return bool(found and found.weekday is not None and not found.has_time and found.kind == "date")
