"""format_date / format_period / numbers: every style, every month 1–12 and day 1–31, and back."""

from __future__ import annotations

import datetime as dt

import pytest

from tgreport.vn import format_date, format_period, format_span, parse_date
from tgreport.vn.dates import DATE_STYLES, format_time, weekday_name
from tgreport.vn.numbers import format_list, format_number

# Written out here, not taken from Babel, so the test checks the names rather than repeats them.
BABEL_WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
RUNNING_WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


def every_day(year: int) -> list[dt.date]:
    day = dt.date(year, 1, 1)
    out = []
    while day.year == year:
        out.append(day)
        day += dt.timedelta(days=1)
    return out


DAYS = every_day(2020) + every_day(2021)  # a leap year and a common one: every day 1–31 of 1–12


def expected(day: dt.date, style: str) -> str:
    dd = f"{day.day:02d}"
    mm = f"{day.month:02d}" if day.month < 3 else str(day.month)
    official = f"ngày {dd} tháng {mm} năm {day.year}"
    return {
        "official": official,
        "official_line": f"Hà Nội, {official}",
        "official_time": official,
        "official_weekday": f"{RUNNING_WEEKDAYS[day.weekday()]}, {official}",
        "numeric": f"{dd}/{day.month:02d}/{day.year}",
        "numeric_time": f"{dd}/{day.month:02d}/{day.year}",
        "short": f"{day.day}/{day.month}/{day.year % 100:02d}",
        "medium": f"{day.day} thg {day.month}, {day.year}",
        "long": f"{day.day} tháng {day.month}, {day.year}",
        "full": f"{BABEL_WEEKDAYS[day.weekday()]}, {day.day} tháng {day.month}, {day.year}",
    }[style]


@pytest.mark.parametrize("style", DATE_STYLES)
def test_every_style_every_day(style: str) -> None:
    for day in DAYS:
        assert format_date(day, style) == expected(day, style)


@pytest.mark.parametrize("style", DATE_STYLES)
def test_every_style_reads_back(style: str) -> None:
    for day in DAYS:
        found = parse_date(format_date(day, style))
        assert found is not None and found.date == day, (style, day)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.date(2021, 1, 7), "Hà Nội, ngày 07 tháng 01 năm 2021"),
        (dt.date(2020, 3, 5), "Hà Nội, ngày 05 tháng 3 năm 2020"),
        (dt.date(2021, 7, 16), "Hà Nội, ngày 16 tháng 7 năm 2021"),
        (dt.date(2018, 2, 20), "Hà Nội, ngày 20 tháng 02 năm 2018"),
    ],
)
def test_vietnamese_md_table(value: dt.date, text: str) -> None:
    assert format_date(value, "official_line") == text
    assert format_date(value, "official_line", place="Hạ Long").startswith("Hạ Long, ngày ")


def test_times() -> None:
    stamp = dt.datetime(2021, 1, 7, 21, 38)
    assert format_date(stamp, "official_time") == "ngày 07 tháng 01 năm 2021, 21 giờ 38"
    assert format_date(stamp, "numeric_time") == "07/01/2021 21:38"
    assert format_time(dt.time(9, 5)) == "9 giờ 05"
    assert format_time(dt.time(9, 5), "numeric") == "09:05"
    for hour in range(24):
        for minute in (0, 7, 59):
            value = dt.datetime(2021, 1, 7, hour, minute)
            back = parse_date(format_date(value, "official_time"))
            assert back is not None and back.value == value


def test_year_unknown_is_never_guessed() -> None:
    found = parse_date("Sáng 6-1")
    assert found is not None
    assert format_date(found) == "ngày 06 tháng 01"
    with pytest.raises(ValueError, match="year is unknown"):
        format_date(found, "long")
    impossible = parse_date("31/2/2021")
    assert impossible is not None
    with pytest.raises(ValueError, match="28 days"):
        format_date(impossible)


def test_weekday_names() -> None:
    for offset in range(7):
        day = dt.date(2021, 1, 4 + offset)
        assert weekday_name(day) == RUNNING_WEEKDAYS[offset]
        assert weekday_name(day, capital=True) == RUNNING_WEEKDAYS[offset][0].upper() + RUNNING_WEEKDAYS[
            offset][1:]  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ((2021, 1, 1), (2021, 1, 31), "tháng 01 năm 2021"),
        ((2021, 2, 1), (2021, 2, 28), "tháng 02 năm 2021"),
        ((2020, 2, 1), (2020, 2, 29), "tháng 02 năm 2020"),
        ((2021, 3, 1), (2021, 3, 31), "tháng 3 năm 2021"),
        ((2021, 1, 1), (2021, 3, 31), "quý I năm 2021"),
        ((2021, 4, 1), (2021, 6, 30), "quý II năm 2021"),
        ((2021, 7, 1), (2021, 9, 30), "quý III năm 2021"),
        ((2024, 10, 1), (2024, 12, 31), "quý IV năm 2024"),
        ((2021, 1, 1), (2021, 6, 30), "6 tháng đầu năm 2021"),
        ((2021, 7, 1), (2021, 12, 31), "6 tháng cuối năm 2021"),
        ((2021, 1, 1), (2021, 9, 30), "9 tháng đầu năm 2021"),
        ((2020, 1, 1), (2020, 12, 31), "năm 2020"),
        ((2021, 3, 1), (2021, 5, 31), "từ tháng 3 đến tháng 5 năm 2021"),
        ((2020, 1, 1), (2025, 12, 31), "từ năm 2020 đến năm 2025"),
        ((2020, 11, 1), (2021, 2, 28), "từ tháng 11 năm 2020 đến tháng 02 năm 2021"),
        ((2021, 1, 6), (2021, 7, 16), "từ ngày 06 tháng 01 năm 2021 đến ngày 16 tháng 7 năm 2021"),
        ((2021, 1, 1), (2021, 1, 4), "từ ngày 01 tháng 01 năm 2021 đến ngày 04 tháng 01 năm 2021"),
        ((2021, 1, 7), (2021, 1, 7), "ngày 07 tháng 01 năm 2021"),
    ],
)
def test_format_period(start: tuple[int, int, int], end: tuple[int, int, int], text: str) -> None:
    assert format_period(dt.date(*start), dt.date(*end)) == text


def test_format_period_exact_and_errors() -> None:
    assert format_period(dt.date(2021, 1, 1), dt.date(2021, 1, 31), named=False).startswith("từ ngày 01")
    with pytest.raises(ValueError, match="before"):
        format_period(dt.date(2021, 2, 1), dt.date(2021, 1, 1))


def test_numbers_and_lists() -> None:
    assert format_number(1234567.5) == "1.234.567,5"
    assert format_number(1234567, 2) == "1.234.567,00"
    assert format_number(-0.25) == "-0,25"
    assert format_list(["A", "B", "C"]) == "A, B và C"
    assert format_list(["Hà Nội", "Huế"]) == "Hà Nội và Huế"
    assert format_list(["A", "B", "C"], "or") == "A, B hoặc C"


def test_unknown_style() -> None:
    with pytest.raises(ValueError, match="official"):
        format_date(dt.date(2021, 1, 7), "fancy")


@pytest.mark.parametrize(
    "start, end, text",
    [
        ((2021, 6, 14), (2021, 6, 20), "từ ngày 14 đến ngày 20 tháng 6 năm 2021"),
        ((2021, 1, 4), (2021, 1, 10), "từ ngày 04 đến ngày 10 tháng 01 năm 2021"),
        ((2021, 2, 26), (2021, 3, 4), "từ ngày 26 tháng 02 đến ngày 04 tháng 3 năm 2021"),
        ((2020, 12, 28), (2021, 1, 3), "từ ngày 28 tháng 12 năm 2020 đến ngày 03 tháng 01 năm 2021"),
        ((2021, 7, 16), (2021, 7, 16), "ngày 16 tháng 7 năm 2021"),
    ],
)
def test_format_span_says_month_and_year_once(
    start: tuple[int, int, int], end: tuple[int, int, int], text: str
) -> None:
    assert format_span(dt.date(*start), dt.date(*end)) == text
    with pytest.raises(ValueError):
        format_span(dt.date(*end) + dt.timedelta(days=1), dt.date(*start))
