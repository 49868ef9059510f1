"""The official header's wording (present.header): what each line says, in which column, how big."""

from __future__ import annotations

import datetime as dt

import pytest

from factories import build_sample_report
from tgreport.model import Masthead, Period, Report
from tgreport.present import header

ORG = ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "Ban Tuyên giáo")


def report(kind: str = "party", period: Period | None = None, **fields: object) -> Report:
    base = build_sample_report()
    masthead = Masthead(kind, ORG, **fields)  # type: ignore[arg-type]
    return Report(base.title, dt.date(2021, 1, 7), organisation=ORG[-1], place="Hạ Long", period=period,
                  articles=base.articles, masthead=masthead)


def texts(lines: tuple[header.HeaderLine, ...]) -> list[str]:
    return [line.text for line in lines]


def test_party_header_as_hd36_sets_it() -> None:
    head = header.letterhead(report("party", number="25-BT/BTGĐUK"))
    assert head is not None
    assert texts(head.left) == [
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "BAN TUYÊN GIÁO", "*", "Số 25-BT/BTGĐUK"]
    superior, issuer = head.left[:2]
    assert (superior.bold, issuer.bold, issuer.rule) == (False, True, 0.0)
    assert texts(head.right) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Hạ Long, ngày 07 tháng 01 năm 2021"]
    title, place_date = head.right
    assert (title.size, title.bold, title.rule) == (15.0, True, header.FULL_RULE)
    assert place_date.italic and not place_date.bold


def test_state_header_as_decree_30_sets_it() -> None:
    head = header.letterhead(report("state", number="12/BC-UBND"))
    assert head is not None
    assert texts(head.left) == ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "BAN TUYÊN GIÁO", "Số: 12/BC-UBND"]
    assert head.left[1].bold and 1 / 3 <= head.left[1].rule <= 1 / 2
    assert texts(head.right) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                 "Hạ Long, ngày 07 tháng 01 năm 2021"]
    name, motto, _ = head.right
    assert name.bold and motto.bold and motto.rule == header.FULL_RULE and name.rule == 0
    assert 12 <= name.size <= 13 and 13 <= motto.size <= 14


def test_plain_cover_has_no_letterhead_and_a_number_given_whole_is_kept() -> None:
    assert header.letterhead(report("plain")) is None
    assert header.number_line(report("state", number="Số: 7/BC-BTG")) == "Số: 7/BC-BTG"
    assert header.number_line(report("party")) is None


@pytest.mark.parametrize(
    "period, expected",
    [
        (Period(dt.date(2021, 6, 14), dt.date(2021, 6, 20)),
         "Số 25, tuần từ ngày 14 đến ngày 20 tháng 6 năm 2021"),
        (Period(dt.date(2021, 6, 28), dt.date(2021, 7, 4)),
         "Số 25, tuần từ ngày 28 tháng 6 đến ngày 04 tháng 7 năm 2021"),
        (Period(dt.date(2021, 6, 1), dt.date(2021, 6, 30)), "Số 25, từ ngày 01 đến ngày 30 tháng 6 năm 2021"),
        (Period(dt.date(2021, 6, 4), dt.date(2021, 6, 4)), "Số 25, ngày 04 tháng 6 năm 2021"),
        (None, "Số 25"),
    ],
)
def test_issue_line_says_the_week_when_the_period_is_one(period: Period | None, expected: str) -> None:
    assert header.issue_line(report(issue="Số 25", period=period)) == expected


def test_internal_mark_and_a_scripts_own_report_keep_working() -> None:
    assert header.internal_line(report(internal=True)) == "Lưu hành nội bộ"
    assert header.internal_line(report()) is None
    own = Report("Điểm báo", dt.date(2021, 1, 7), organisation="Ban Tuyên giáo")  # no masthead at all
    assert header.org_lines(own) == ("Ban Tuyên giáo",) and header.letterhead(own) is None
