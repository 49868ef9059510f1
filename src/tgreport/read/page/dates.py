"""Which dates on the page are the article's: the publication stamp, the event in the lead, its year.

All parsing is done by `tgreport.vn`; this module only decides which line or phrase is which.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from tgreport.read.page.cues import may_match_one
from tgreport.read.page.vocab import Vocabulary
from tgreport.vn import (
    ParsedDate,
    date_line,
    date_problem,
    find_dates,
    is_today_header,
    resolve_year,
    year_named_in,
)

# A time written apart from the date it belongs to ("Cập nhật lúc 15:03, Thứ hai, 15/03/2021").
_LOOSE_TIME = re.compile(r"(?<!\d)(?P<h>\d{1,2})\s*[:h]\s*(?P<m>\d{2})(?!\d)")
# "Trong hai ngày 19 và 20/6", "các ngày 5, 6/3": a list of days sharing one month, which
# vn.find_dates does not read; the first day is rewritten as "ngày 19/6" and parsed by vn.
_DAY_LIST = re.compile(
    r"\bngày\s+(?P<first>\d{1,2})(?:\s*(?:,|và|-|–)\s*\d{1,2})+\s*[/.-]\s*(?P<month>\d{1,2})(?P<year>[/.-]\d{4})?\b",
    re.IGNORECASE,
)
# A time zone in any brackets ("[GMT+7]"), which vn.date_line reads only in round ones.
_ZONE = re.compile(r"[\[(]?\s*\b(?:GMT|UTC|ICT)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*[\])]?", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;.:]\s|\s[-–]\s")
# How far into the lead an event date may stand ("(Chinhphu.vn) - Sáng 15/3, …") and how many
# paragraphs may come before the one that opens with it (a sapo, then "Ngày 19/1, …").
EVENT_LEAD_CHARS = 160
EVENT_OPENING_CHARS = 40
EVENT_PARAGRAPHS = 3
STAMP_MAX_CHARS = 100
# The parts of the day a twelve-hour stamp writes after its time ("11:05 tối", "9:30 sáng").
_AFTERNOON = frozenset({"chiều", "tối"})
_PARTS_OF_DAY = _AFTERNOON | {"sáng", "trưa"}
# A "today" banner is the article's date only when the event it reports is this recent.
TODAY_HEADER_MAX_DAYS = 7


# Each stage asks whether the same short lines are stamps: the answers are remembered per line
# and the labels it was read with (all of the vocabulary a stamp depends on), as
# lines.word_count remembers counts. A frozenset keeps its hash: the key costs little.
_STAMPS: dict[tuple[str, frozenset[str]], ParsedDate | None] = {}
STAMPS_KEPT = 4096


def stamp_of(text: str, vocab: Vocabulary) -> ParsedDate | None:
    """The publication stamp a line holds, if the line is nothing but a stamp (with labels)."""
    # A stamp is a short line with digits; skipping the rest spares the date parser every
    # paragraph of the article.
    if len(text) > STAMP_MAX_CHARS or not may_hold_stamp(text):
        return None
    key = (text, vocab.stamp_labels)
    if key in _STAMPS:
        return _STAMPS[key]
    if len(_STAMPS) >= STAMPS_KEPT:
        _STAMPS.clear()
    found = _STAMPS[key] = _stamp(text, vocab)
    return found


# A decimal digit: every date vn.find_dates finds has some (and NFC makes none: tests/read checks
# every code point). One search, where a test of each character for isdigit() was a hot spot.
_DECIMAL = re.compile(r"\d")


def may_hold_stamp(text: str) -> bool:
    """False when no part of `text` can be a stamp: it has no decimal digit."""
    return _DECIMAL.search(text) is not None


def _stamp(text: str, vocab: Vocabulary) -> ParsedDate | None:
    found = date_line(text)
    if found is None:
        found = _stamp_with_loose_parts(text, vocab)
    if found is None and "|" in text:
        # "Ngày đăng: 12/03/2021 | Cập nhật: 13/03/2021": the first stamp is the publication;
        # "Đời sống | Cập nhật thứ hai, ngày 24/12/12 11:05 tối": the section shares its line.
        parts = text.split("|")
        found = next((p for p in (date_line(part) for part in parts) if p), None) or next(
            (p for p in (_stamp_with_loose_parts(part, vocab) for part in parts) if p), None)
    if found is None or found.kind == "day_month" or found.value is None:
        return None
    return found


def whole_stamp(text: str) -> bool:
    """Whether the whole line is one full date, time included ("Thứ Bảy, 10/07/2021 | 11:34")."""
    found = date_line(text) if len(text) <= STAMP_MAX_CHARS else None
    return found is not None and found.kind != "day_month"


def _stamp_with_loose_parts(text: str, vocab: Vocabulary) -> ParsedDate | None:
    # Minimal adapter over vn.date_line for labels it does not know and a time written before
    # the weekday; the date itself is still parsed by vn.find_dates.
    found = find_dates(text)
    if len(found) != 1:
        return None
    date = found[0]
    start, end = date.span
    rest = text[:start] + " " + text[end:]
    time = _LOOSE_TIME.search(rest)
    if time and not date.has_time:
        hour, minute = int(time.group("h")), int(time.group("m"))
        if hour > 23 or minute > 59:
            return None
        date = dataclasses.replace(date, hour=hour, minute=minute, kind="timestamp")
        rest = rest[: time.start()] + rest[time.end() :]
    rest = _ZONE.sub(" ", rest)
    words = re.findall(r"\w+", rest.casefold())
    if date.hour is not None and words and words[-1] in _PARTS_OF_DAY:
        # "11:05 tối", "04:00 chiều": a twelve-hour clock, the part of the day after the time.
        afternoon = words.pop() in _AFTERNOON
        if afternoon and date.hour < 12:
            date = dataclasses.replace(date, hour=date.hour + 12)
    return date if all(w in vocab.stamp_labels for w in words) else None


def today_header(text: str) -> bool:
    return is_today_header(text)


def text_year(paragraph: str, body: str, vocab: Vocabulary) -> int | None:
    """The year the article is written in, from its own words: the latest "năm 2021" in the
    paragraph that reports the event ("tổng kết năm 2020, triển khai nhiệm vụ năm 2021" → 2021),
    else the year the whole text names most. Targets ("đến năm 2030") do not count."""
    years = []
    for clause in _CLAUSE.split(paragraph):
        folded = clause.casefold()
        if any(marker in folded for marker in vocab.future_markers):
            continue
        year = year_named_in(clause)
        if year is not None:
            years.append(year)
    if years:
        return max(years)
    return year_named_in(body)


def event_in(paragraphs: list[str]) -> tuple[int, ParsedDate] | None:
    """The date of the event the article reports ("Sáng 6-1", "Ngày 19/1") and its paragraph's
    index: one opening any of the first few paragraphs, else one near the start of the first.

    News paragraphs open with their date; a date deeper in a sapo ("… dừng đến trường từ ngày
    8/5 …") is more often a consequence than the event. Among dates that qualify, one with a
    part of the day ("Sáng 6-1") or without a year wins over a full date, which is more often
    that of a cited document ("Kế hoạch số 12-KH/TU ngày 5/1/2021").
    """
    for index, text in enumerate(paragraphs[:EVENT_PARAGRAPHS]):
        found = _dates_before(text, EVENT_OPENING_CHARS)
        if found:
            return index, found[0]
    if paragraphs:
        found = _dates_before(paragraphs[0], EVENT_LEAD_CHARS)
        if found:
            return 0, found[0]
    return None


def opens_with_event(text: str, published: dt.date | None) -> bool:
    """Whether `text` opens with the date of an event ("Chiều 14/3, …"): news, not a sapo. A
    date after the page's own ("Từ ngày 1/6, …" on 24/5) is a plan, which a sapo announces."""
    found = _dates_before(text, EVENT_OPENING_CHARS)
    if not found:
        return False
    day = with_year(found[0], published) if published is not None else None
    return published is None or day is None or day <= published


def _dates_before(text: str, limit: int) -> list[ParsedDate]:
    window = text[: limit + 40]
    found = [f for f in find_dates(window) if f.span[0] <= limit and f.is_valid]
    if not found:
        found = _day_list(window, limit)
    found.sort(key=lambda f: (f.part_of_day is None, f.kind != "day_month", f.span[0]))
    return found


def _day_list(text: str, limit: int) -> list[ParsedDate]:
    # Asked of every opening without a date: most lack "ngày <digit>", found at C speed, and are
    # spared the pattern, which ignoring case tried every position.
    match = _DAY_LIST.search(text) if may_match_one(text, _DAY_LIST) else None
    if match is None or match.start() > limit:
        return []
    rewritten = f"ngày {match.group('first')}/{match.group('month')}{match.group('year') or ''}"
    found = find_dates(rewritten)
    if not found or not found[0].is_valid:
        return []
    return [dataclasses.replace(found[0], matched=match.group(0), span=match.span())]


def with_year(found: ParsedDate, context: dt.date | int | None) -> dt.date | None:
    """The event's date, its year from the text itself or else from `context`."""
    if found.year_source == "text":
        return found.date
    year = resolve_year(found.day, found.month, context)
    if year is None or date_problem(found.day, found.month, year):
        return None
    return dt.date(year, found.month, found.day)


def consistent(header: dt.date, event: dt.date) -> bool:
    """Whether a "today" banner can be the article's date: the event is a few days before it."""
    return 0 <= (header - event).days <= TODAY_HEADER_MAX_DAYS
