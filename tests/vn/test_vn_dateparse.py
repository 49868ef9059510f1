"""parse_date / find_dates on real-world Vietnamese date strings, day-first, with positions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tgreport.vn import (
    date_line,
    date_problem,
    find_dates,
    is_today_header,
    parse_date,
    resolve_year,
    year_named_in,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REF = dt.date(2021, 1, 7)  # the context date used by the table below
ICT = dt.timezone(dt.timedelta(hours=7))

# (text, expected value with context REF, kind, expected matched text or None for "the whole text")
TABLE: list[tuple[str, object, str, str | None]] = [
    # the seeds
    ("21:38' 7/1/2021", dt.datetime(2021, 1, 7, 21, 38), "timestamp", None),
    ("[ Cập nhật vào ngày (22/01/2021) ] - [ Số lần xem: 679 ]", dt.date(2021, 1, 22), "date",
     "ngày (22/01/2021)"),
    ("Chủ nhật,  29/05/2022", dt.date(2022, 5, 29), "date", None),
    ("Sáng 6-1, tại Hà Nội, Đảng ủy Khối", dt.date(2021, 1, 6), "day_month", "Sáng 6-1"),
    ("– Sáng 16/7, Ban Tuyên giáo Trung ương", dt.date(2020, 7, 16), "day_month", "Sáng 16/7"),
    ("Ngày 19/1, tại Hà Nội, Đảng bộ Khối", dt.date(2021, 1, 19), "day_month", "Ngày 19/1"),
    # VIETNAMESE.md §2 and the issue
    ("Thứ năm, 7/1/2021, 21:38 (GMT+7)", dt.datetime(2021, 1, 7, 21, 38, tzinfo=ICT), "timestamp", None),
    ("23/10/2013 11:39", dt.datetime(2013, 10, 23, 11, 39), "timestamp", None),
    ("(22/01/2021)", dt.date(2021, 1, 22), "date", "22/01/2021"),
    ("ngày 15 tháng 3 năm 2021", dt.date(2021, 3, 15), "date", None),
    ("ngày 5.6", dt.date(2021, 6, 5), "day_month", None),
    ("5-6-2021", dt.date(2021, 6, 5), "date", None),
    ("Chiều 18/9", dt.date(2020, 9, 18), "day_month", None),
    ("tối 3/12", dt.date(2020, 12, 3), "day_month", None),
    ("2026-03-01T09:51:00+07:00", dt.datetime(2026, 3, 1, 9, 51, tzinfo=ICT), "timestamp", None),
    ("Sáng 16/7", dt.date(2020, 7, 16), "day_month", None),
    # news sites' headers and bylines
    ("Thứ Sáu, 08/01/2021 - 06:15", dt.datetime(2021, 1, 8, 6, 15), "timestamp", None),
    ("Thứ hai, 04/01/2021 14:20 (GMT+7)", dt.datetime(2021, 1, 4, 14, 20, tzinfo=ICT), "timestamp", None),
    ("Cập nhật: 07/01/2021 - 21:38 GMT+7", dt.datetime(2021, 1, 7, 21, 38, tzinfo=ICT), "timestamp",
     "07/01/2021 - 21:38 GMT+7"),
    ("07/01/2021 | 21:38", dt.datetime(2021, 1, 7, 21, 38), "timestamp", None),
    ("Thứ 5, 07/01/2021, 09:00", dt.datetime(2021, 1, 7, 9, 0), "timestamp", None),
    ("T5, 07/01/2021 09:00", dt.datetime(2021, 1, 7, 9, 0), "timestamp", None),
    ("CN, 10/01/2021", dt.date(2021, 1, 10), "date", None),
    ("Thứ Bảy, 9/1/2021", dt.date(2021, 1, 9), "date", None),
    ("Thứ tư, 06/01/2021 | 08:12", dt.datetime(2021, 1, 6, 8, 12), "timestamp", None),
    ("07/01/2021 21:38:05", dt.datetime(2021, 1, 7, 21, 38, 5), "timestamp", None),
    ("21:38 07/01/2021", dt.datetime(2021, 1, 7, 21, 38), "timestamp", None),
    ("21h38 ngày 7/1/2021", dt.datetime(2021, 1, 7, 21, 38), "timestamp", None),
    ("21 giờ 38 ngày 7/1/2021", dt.datetime(2021, 1, 7, 21, 38), "timestamp", None),
    ("09:51 PM 07/01/2021", dt.datetime(2021, 1, 7, 21, 51), "timestamp", None),
    ("07/01/2021 12:05 SA", dt.datetime(2021, 1, 7, 0, 5), "timestamp", None),
    ("Đăng lúc: 07/01/2021 lúc 21:38", dt.datetime(2021, 1, 7, 21, 38), "timestamp", "07/01/2021 lúc 21:38"),
    ("2021-01-07", dt.date(2021, 1, 7), "date", None),
    ("2021-01-07 21:38", dt.datetime(2021, 1, 7, 21, 38), "timestamp", None),
    ("2021-01-07T14:38:00Z", dt.datetime(2021, 1, 7, 14, 38, tzinfo=dt.UTC), "timestamp", None),
    ("2021-01-07T21:38:00.123+0700", dt.datetime(2021, 1, 7, 21, 38, tzinfo=ICT), "timestamp", None),
    ("07.01.2021", dt.date(2021, 1, 7), "date", None),
    ("7-1-2021", dt.date(2021, 1, 7), "date", None),
    ("7/1/21", dt.date(2021, 1, 7), "date", None),
    # Babel's own long and full forms
    ("7 tháng 1, 2021", dt.date(2021, 1, 7), "date", None),
    ("Thứ Năm, 7 tháng 1, 2021", dt.date(2021, 1, 7), "date", None),
    ("16 tháng 7 năm 2021", dt.date(2021, 7, 16), "date", None),
    # Joomla's and WordPress's Vietnamese dates: the year after a space alone
    ("Ngày đăng: 05 Tháng 7 2024", dt.date(2024, 7, 5), "date", "05 Tháng 7 2024"),
    ("Thứ sáu, 05 Tháng 7 2024 09:12", dt.datetime(2024, 7, 5, 9, 12), "timestamp", None),
    # official style
    ("Hà Nội, ngày 07 tháng 01 năm 2021", dt.date(2021, 1, 7), "date", "ngày 07 tháng 01 năm 2021"),
    ("Hạ Long, ngày 20 tháng 02 năm 2018", dt.date(2018, 2, 20), "date", "ngày 20 tháng 02 năm 2018"),
    ("ngày 16 tháng 7 năm 2021", dt.date(2021, 7, 16), "date", None),
    ("ngày 15/3/2021", dt.date(2021, 3, 15), "date", None),
    ("mùng 6 tháng 1", dt.date(2021, 1, 6), "day_month", None),
    ("ngày 28 tháng 12", dt.date(2020, 12, 28), "day_month", None),
    # day-month inside lead sentences
    ("Sáng nay (7/1), Thủ tướng chủ trì", dt.date(2021, 1, 7), "day_month", "Sáng nay (7/1)"),
    ("Hôm qua (6/1), tại Hà Nội", dt.date(2021, 1, 6), "day_month", "Hôm qua (6/1)"),
    ("Chiều 18-9, Ban Chấp hành", dt.date(2020, 9, 18), "day_month", "Chiều 18-9"),
    ("Tối 31/12, lễ đón năm mới", dt.date(2020, 12, 31), "day_month", "Tối 31/12"),
    ("Trưa 5/1 tại trụ sở", dt.date(2021, 1, 5), "day_month", "Trưa 5/1"),
    ("Rạng sáng 8/1, cơn bão", dt.date(2021, 1, 8), "day_month", "Rạng sáng 8/1"),
    ("Đêm 2-1 xảy ra", dt.date(2021, 1, 2), "day_month", "Đêm 2-1"),
    ("Thứ Hai (4/1), hội nghị", dt.date(2021, 1, 4), "day_month", "Thứ Hai (4/1)"),
    ("Sáng thứ Tư 6/1", dt.date(2021, 1, 6), "day_month", None),
    ("Thứ Tư, sáng 6/1", dt.date(2021, 1, 6), "day_month", None),
    ("Ngày 25.12, Đảng ủy", dt.date(2020, 12, 25), "day_month", "Ngày 25.12"),
    ("8 giờ 30 sáng ngày 10/1", dt.datetime(2021, 1, 10, 8, 30), "day_month", "8 giờ 30 sáng ngày 10/1"),
    ("vào 14:00 ngày 15/1", dt.datetime(2021, 1, 15, 14, 0), "day_month", "14:00 ngày 15/1"),
    ("Hội nghị diễn ra ngày 15/3/2021 tại Hà Nội", dt.date(2021, 3, 15), "date", "ngày 15/3/2021"),
    ("Khai mạc ngày 25-1-2021.", dt.date(2021, 1, 25), "date", "ngày 25-1-2021"),
    ("(Ngày 02/02/2021)", dt.date(2021, 2, 2), "date", "Ngày 02/02/2021"),
    ("Cập nhật lúc 15:03, Thứ hai, 15/03/2021", dt.datetime(2021, 3, 15, 15, 3), "timestamp",
     "15:03, Thứ hai, 15/03/2021"),
    ("lúc 9h30 thứ Hai (4/1)", dt.datetime(2021, 1, 4, 9, 30), "day_month", "9h30 thứ Hai (4/1)"),
    ("7 thg 1, 2021", dt.date(2021, 1, 7), "date", None),
    ("Thứ Năm, 07/01/2021 21:38:05 +0700", dt.datetime(2021, 1, 7, 21, 38, 5, tzinfo=ICT), "timestamp", None),
    ("07/01/2021 21:38 (GMT+07:00)", dt.datetime(2021, 1, 7, 21, 38, tzinfo=ICT), "timestamp", None),
    ("2021/01/07", dt.date(2021, 1, 7), "date", None),
    ("Chủ Nhật, 10/01/2021 - 08:00", dt.datetime(2021, 1, 10, 8, 0), "timestamp", None),
    ("Thứ Năm, ngày 07/01/2021", dt.date(2021, 1, 7), "date", None),
    ("NGÀY 07 THÁNG 01 NĂM 2021", dt.date(2021, 1, 7), "date", None),
    ("Ngày đăng: 07-01-2021", dt.date(2021, 1, 7), "date", "07-01-2021"),
    ("Ngày mai (8/1), Quốc hội họp", dt.date(2021, 1, 8), "day_month", "Ngày mai (8/1)"),
]


@pytest.mark.parametrize(("text", "expected", "kind", "matched"), TABLE, ids=[t[0] for t in TABLE])
def test_table(text: str, expected: object, kind: str, matched: str | None) -> None:
    found = parse_date(text, REF)
    assert found is not None, text
    assert found.problem is None
    assert found.value == expected
    assert found.kind == kind
    assert found.matched == (matched if matched is not None else text)
    start, end = found.span
    assert text[start:end] == found.matched


def test_table_is_big_enough() -> None:
    assert len(TABLE) >= 60


@pytest.mark.parametrize(
    "text",
    [
        "Chỉ thị số 05-CT/TW của Bộ Chính trị",
        "Nghị định 30/2020/NĐ-CP",
        "nhiệm kỳ 2020-2025",
        "nhiệm kỳ 2020 - 2025",
        "thắng với tỷ số 2-1",
        "đạt 5/6 chỉ tiêu",
        "tăng 3.5%",
        "Quyết định số 12/QĐ-UBND",
        "phiên bản 1.2.3",
        "điện thoại 024.3825.1234",
        "Kết luận số 01-KL/TW",
        "5 tháng 6 lần",
        "tháng 3/2021",
        "ánh sáng2-1",
        "HCN, 2-1",
        "đội Mai 2-1 đội Lan",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


def test_day_month_without_context_keeps_day_and_month() -> None:
    found = parse_date("Sáng 6-1, tại Hà Nội")
    assert found is not None
    assert (found.day, found.month, found.year) == (6, 1, None)
    assert found.value is None and not found.year_known
    assert found.year_source is None and found.part_of_day == "sáng"


def test_context_year_and_nearest_year() -> None:
    by_year = parse_date("Sáng 16/7", 2021)
    assert by_year is not None and by_year.value == dt.date(2021, 7, 16) and by_year.year_source == "context"
    # An article dated 7/1/2021 speaking of "28-12" means the December just past.
    assert resolve_year(28, 12, dt.date(2021, 1, 7)) == 2020
    assert resolve_year(15, 3, dt.date(2021, 1, 7)) == 2021
    assert resolve_year(3, 1, dt.datetime(2020, 12, 30, 8, 0)) == 2021
    assert resolve_year(1, 1, None) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/2/2021", "February 2021 has 28 days"),
        ("29/2/2021", "February 2021 has 28 days"),
        ("31/4/2021", "April 2021 has 30 days"),
        ("ngày 31 tháng 6 năm 2020", "June 2020 has 30 days"),
        ("2021-02-30", "February 2021 has 28 days"),
        ("ngày 30/2", "month 2 never has day 30"),
        ("7/1/2021 25:10", "not a time of day"),
    ],
)
def test_impossible_dates_are_rejected_with_a_reason(text: str, reason: str) -> None:
    found = parse_date(text)
    assert found is not None
    assert found.value is None and not found.is_valid
    assert found.problem is not None and reason in found.problem
    assert find_dates(text, include_invalid=False) == []


def test_leap_day() -> None:
    assert date_problem(29, 2, 2020) is None
    assert date_problem(29, 2) is None  # an unknown year may be a leap year
    found = parse_date("ngày 29/2", 2021)
    assert found is not None and found.problem is not None


def test_find_dates_positions_in_a_paragraph() -> None:
    text = "Thứ năm, 7/1/2021, 21:38 (GMT+7)\nSáng 6-1, hội nghị; từ 6/1 đến 10/1/2021 và tối 3/12."
    found = find_dates(text, REF)
    assert [f.matched for f in found] == ["Thứ năm, 7/1/2021, 21:38 (GMT+7)", "Sáng 6-1", "6/1", "10/1/2021",
                                          "tối 3/12"]
    for f in found:
        assert text[f.span[0] : f.span[1]] == f.matched
    assert [f.span[0] for f in found] == sorted(f.span[0] for f in found)


def test_weekday() -> None:
    found = parse_date("Thứ năm, 7/1/2021")
    assert found is not None and found.weekday == 3 and found.weekday_matches is True
    wrong = parse_date("Thứ sáu, 7/1/2021")
    assert wrong is not None and wrong.weekday == 4 and wrong.weekday_matches is False
    sunday = parse_date("Chủ Nhật, 10/1/2021")
    assert sunday is not None and sunday.weekday == 6 and sunday.weekday_matches is True
    for number, name in enumerate(["Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"]):
        day = dt.date(2021, 1, 4 + number)
        for written in (f"Thứ {name}", f"THỨ {name.upper()}", f"Thứ {number + 2}", f"T{number + 2}"):
            got = parse_date(f"{written}, {day:%d/%m/%Y}")
            assert got is not None and got.weekday_matches is True, written


def test_date_line_and_today_header() -> None:
    assert date_line("[ Cập nhật vào ngày (22/01/2021) ]") is not None
    assert date_line("21:38' 7/1/2021") is not None
    assert date_line("Sáng 6-1, tại Hà Nội") is None
    assert date_line("Khai mạc ngày 7/1/2021") is None
    assert is_today_header("Chủ nhật,  29/05/2022")
    assert is_today_header("Thứ Năm, 7 tháng 1, 2021")
    assert not is_today_header("Thứ năm, 7/1/2021, 21:38 (GMT+7)")  # an article timestamp
    assert not is_today_header("29/05/2022")
    assert not is_today_header("Chủ nhật, 29/05/2022: tin mới")


def test_year_named_in() -> None:
    assert year_named_in("triển khai nhiệm vụ năm 2021, tổng kết năm 2020, kế hoạch năm 2021") == 2021
    assert year_named_in("Sáng 6-1, tại Hà Nội") is None


def test_non_nfc_input_is_read() -> None:
    import unicodedata

    found = parse_date(unicodedata.normalize("NFD", "Thứ năm, 7/1/2021"))
    assert found is not None and found.weekday == 3


def test_seeds() -> None:
    """Every seed's own date line is found where a reader would look for it."""
    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    first = {k: [ln for ln in v.splitlines() if ln.strip()][:4] for k, v in seeds.items()}
    stamp = date_line(first["000"][2])
    assert stamp is not None and stamp.value == dt.datetime(2021, 1, 7, 21, 38)
    lead = find_dates(seeds["000"], stamp.value)[1]
    assert lead.matched == "Sáng 6-1" and lead.value == dt.date(2021, 1, 6)
    updated = parse_date(first["001"][2])
    assert updated is not None and updated.value == dt.date(2021, 1, 22)
    assert is_today_header(first["003"][0])
    meeting = [f for f in find_dates(seeds["003"], year_named_in(seeds["003"])) if f.kind == "day_month"]
    assert meeting[0].matched == "Sáng 16/7" and meeting[0].value == dt.date(2021, 7, 16)
    assert parse_date(seeds["004"], 2021) is not None
    assert find_dates(seeds["004"])[0].matched == "Ngày 19/1"
