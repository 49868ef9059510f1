"""parse_period / find_periods on the forms Vietnamese reports use."""

from __future__ import annotations

import datetime as dt

import pytest

from tgreport.vn import find_periods, format_period, parse_period

D = dt.date
TABLE = [
    ("tháng 3/2021", "month", D(2021, 3, 1), D(2021, 3, 31)),
    ("tháng 3 năm 2021", "month", D(2021, 3, 1), D(2021, 3, 31)),
    ("Tháng 02/2020", "month", D(2020, 2, 1), D(2020, 2, 29)),
    ("quý I/2021", "quarter", D(2021, 1, 1), D(2021, 3, 31)),
    ("Quý IV năm 2024", "quarter", D(2024, 10, 1), D(2024, 12, 31)),
    ("quý 2 năm 2020", "quarter", D(2020, 4, 1), D(2020, 6, 30)),
    ("6 tháng đầu năm 2021", "months", D(2021, 1, 1), D(2021, 6, 30)),
    ("6 tháng cuối năm 2021", "months", D(2021, 7, 1), D(2021, 12, 31)),
    ("9 tháng đầu năm 2021", "months", D(2021, 1, 1), D(2021, 9, 30)),
    ("nửa đầu năm 2021", "months", D(2021, 1, 1), D(2021, 6, 30)),
    ("Nửa cuối năm 2020", "months", D(2020, 7, 1), D(2020, 12, 31)),
    ("năm 2020", "year", D(2020, 1, 1), D(2020, 12, 31)),
    ("nhiệm kỳ 2020 - 2025", "years", D(2020, 1, 1), D(2025, 12, 31)),
    ("giai đoạn 2021–2025", "years", D(2021, 1, 1), D(2025, 12, 31)),
    ("từ tháng 3 đến tháng 5/2021", "range", D(2021, 3, 1), D(2021, 5, 31)),
    ("từ ngày 6/1 đến ngày 16/7/2021", "range", D(2021, 1, 6), D(2021, 7, 16)),
    ("từ 28/12 đến 3/1/2021", "range", D(2020, 12, 28), D(2021, 1, 3)),
    ("từ ngày 06 tháng 01 năm 2021 đến ngày 16 tháng 7 năm 2021", "range", D(2021, 1, 6), D(2021, 7, 16)),
]


@pytest.mark.parametrize(("text", "kind", "start", "end"), TABLE, ids=[t[0] for t in TABLE])
def test_table(text: str, kind: str, start: dt.date, end: dt.date) -> None:
    found = parse_period(text)
    assert found is not None
    assert (found.matched, found.kind, found.start, found.end) == (text, kind, start, end)


def test_year_from_context_or_unknown() -> None:
    text = "sơ kết công tác tuyên giáo 6 tháng đầu năm"
    unknown = parse_period(text)
    assert unknown is not None and unknown.start is None and not unknown.known
    known = parse_period(text, 2021)
    assert known is not None and (known.start, known.end) == (D(2021, 1, 1), D(2021, 6, 30))
    assert parse_period("trong tháng 12", D(2021, 1, 7)) == parse_period("trong tháng 12", 2020)


def test_longest_wins_and_order() -> None:
    text = "Tổng kết năm 2020, nhiệm vụ 6 tháng đầu năm 2021 và quý I/2021."
    assert [p.matched for p in find_periods(text)] == ["năm 2020", "6 tháng đầu năm 2021", "quý I/2021"]


@pytest.mark.parametrize("text", ["Chỉ thị 05-CT/TW", "số 30/2020/NĐ-CP", "ngày 7/1/2021", "quý khách"])
def test_not_periods(text: str) -> None:
    assert find_periods(text) == []


def test_format_then_parse() -> None:
    quarters = [(D(y, 3 * q - 2, 1), D(y, 3 * q, 30 if q in (2, 3) else 31)) for y in (2020, 2021)
                for q in (1, 2, 3, 4)]  # fmt: skip
    others = [((2021, 2, 1), (2021, 2, 28)), ((2021, 1, 1), (2021, 6, 30)), ((2021, 7, 1), (2021, 12, 31)),
              ((2021, 1, 1), (2021, 12, 31)), ((2021, 1, 6), (2021, 7, 16)), ((2021, 3, 1), (2021, 5, 31))]
    spans = quarters + [(D(*a), D(*b)) for a, b in others]
    for start, end in spans:
        back = parse_period(format_period(start, end))
        assert back is not None and (back.start, back.end) == (start, end), format_period(start, end)
