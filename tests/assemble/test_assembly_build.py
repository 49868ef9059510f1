"""build_report: order, sections, date filters, undated articles, numbering and the summary."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace

import pytest

from factories import make_article
from tgreport import present
from tgreport.assemble import build_report, month_title
from tgreport.errors import UsageError
from tgreport.model import Article, Paragraph
from tgreport.settings import Settings


def art(n: int, day: dt.date | None, **fields: object) -> Article:
    # A distinct body per article, so none is taken for a copy of another.
    body = (Paragraph(f"Nội dung riêng của bài số {n}: " + " ".join(f"từ{n}x{i}" for i in range(30))),)
    return make_article(n, date=day, published=day, title=f"Bài {n}", blocks=body, **fields)


D = dt.date
ARTICLES = [
    art(1, D(2021, 3, 5), publisher="Báo Nhân Dân", category="Xây dựng Đảng"),
    art(2, None, publisher="TTXVN/Vietnam+", category="Thời sự"),
    art(3, D(2021, 1, 7), publisher="Đảng Cộng sản", category="Thời sự"),
    art(4, D(2021, 1, 7), publisher="Báo Nhân Dân", category=None),
    art(5, D(2020, 12, 31), publisher=None, category="Xây dựng Đảng"),
]


def ids(articles: tuple[Article, ...] | list[Article]) -> list[int]:
    return [int(a.id[:3]) for a in articles]


def test_default_order_is_oldest_first_undated_last_and_stable() -> None:
    report = build_report(ARTICLES)
    # 3 and 4 share a date: they keep their input order.
    assert ids(report.articles) == [5, 3, 4, 1, 2]
    assert not report.sections


def test_newest_first_still_puts_undated_last() -> None:
    assert ids(build_report(ARTICLES, Settings(order="date-desc")).articles) == [1, 3, 4, 5, 2]


def test_order_by_source_uses_vietnamese_collation_then_date() -> None:
    # "Báo" < "Đảng" < "TTXVN" (Đ after D, before T); no publisher falls back to category, then last.
    report = build_report(ARTICLES, Settings(order="source"))
    assert [present.source_text(a) for a in report.articles] == [
        "Báo Nhân Dân", "Báo Nhân Dân", "Đảng Cộng sản", "TTXVN/Vietnam+", "Xây dựng Đảng",
    ]
    assert ids(report.articles)[:2] == [4, 1]  # same source: oldest first


def test_order_by_title_in_vietnamese_order() -> None:
    titles = ["Ước mơ", "Đường mới", "Ánh sáng", "Dòng sông", "An toàn", "Ăn ở"]
    articles = [art(i + 1, D(2021, 1, i + 1)) for i in range(len(titles))]
    articles = [replace(a, title=t) for a, t in zip(articles, titles, strict=True)]
    report = build_report(articles, Settings(order="title"))
    assert [a.title for a in report.articles] == [
        "An toàn", "Ánh sáng", "Ăn ở", "Dòng sông", "Đường mới", "Ước mơ",
    ]


def test_group_by_month_in_time_order_with_official_titles() -> None:
    report = build_report(ARTICLES, Settings(group="month"))
    assert [(s.title, ids(s.articles)) for s in report.sections] == [
        ("Tháng 12 năm 2020", [5]),
        ("Tháng 01 năm 2021", [3, 4]),
        ("Tháng 3 năm 2021", [1]),
        ("Không rõ ngày", [2]),
    ]
    assert report.articles == ()
    assert ids(report.all_articles()) == [5, 3, 4, 1, 2]


@pytest.mark.parametrize(
    "day, title",
    [(D(2021, 1, 7), "Tháng 01 năm 2021"), (D(2018, 2, 20), "Tháng 02 năm 2018"),
     (D(2020, 3, 5), "Tháng 3 năm 2020"), (D(2021, 11, 30), "Tháng 11 năm 2021")],
)
def test_month_titles_pad_only_january_and_february(day: dt.date, title: str) -> None:
    assert month_title(day) == title


def test_group_by_category_and_publisher_alphabetical_unknown_last() -> None:
    by_category = build_report(ARTICLES, Settings(group="category"))
    assert [(s.title, ids(s.articles)) for s in by_category.sections] == [
        ("Thời sự", [3, 2]),
        ("Xây dựng Đảng", [5, 1]),
        (present.UNKNOWN_CATEGORY, [4]),
    ]
    by_publisher = build_report(ARTICLES, Settings(group="publisher", order="date-desc"))
    assert [(s.title, ids(s.articles)) for s in by_publisher.sections] == [
        ("Báo Nhân Dân", [1, 4]),
        ("Đảng Cộng sản", [3]),
        ("TTXVN/Vietnam+", [2]),
        (present.UNKNOWN_SOURCE, [5]),
    ]


def test_numbering_runs_across_sections() -> None:
    report = build_report(ARTICLES, Settings(group="month"))
    headings = [na.heading for s in present.outline(report) for na in s.articles]
    assert headings == ["1. Bài 5", "2. Bài 3", "3. Bài 4", "4. Bài 1", "5. Bài 2"]


def test_date_filter_leaves_undated_out_in_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        report = build_report(ARTICLES, Settings(date_from=D(2021, 1, 1), date_to=D(2021, 1, 31)))
    assert ids(report.articles) == [3, 4]
    assert report.period is not None
    assert (report.period.start, report.period.end) == (D(2021, 1, 1), D(2021, 1, 31))
    (undated,) = [w for w in report.warnings if "without a date" in w]
    assert undated.startswith("1 article without a date left out") and undated.endswith("002_sample")
    assert [r.getMessage() for r in caplog.records].count(undated) == 1


def test_date_filter_with_keep_undated_keeps_them_last(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        report = build_report(ARTICLES, Settings(date_from=D(2021, 1, 1), keep_undated=True))
    assert ids(report.articles)[-1] == 2 and 2 in ids(report.articles)
    (undated,) = [w for w in report.warnings if "without a date" in w]
    assert undated == "1 article without a date, listed last: 002_sample"


def test_drop_undated() -> None:
    report = build_report(ARTICLES, Settings(drop_undated=True))
    assert ids(report.articles) == [5, 3, 4, 1]
    assert any("left out" in w and "002_sample" in w for w in report.warnings)
    assert report.period is not None and report.period.start == D(2020, 12, 31)


def test_summary_counts_sources_and_categories() -> None:
    summary = present.summary(build_report(ARTICLES, Settings(group="category")))
    assert summary.count == 5 and summary.undated == 1
    assert dict(summary.by_source)["Báo Nhân Dân"] == 2
    assert dict(summary.by_category)["Xây dựng Đảng"] == 2


def test_index_is_built_in_report_order_and_can_be_turned_off() -> None:
    def cite(where: str) -> tuple[Paragraph]:
        return (Paragraph(f"Tại {where}, các cấp ủy thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"),)

    articles = [
        make_article(1, date=D(2021, 2, 1), blocks=cite("Hà Nội"), title="Bài A"),
        make_article(2, date=D(2021, 1, 1), blocks=cite("Lạng Sơn"), title="Bài B"),
    ]
    report = build_report(articles)
    entry = next(e for e in report.index if e.name == "Chỉ thị số 05-CT/TW")
    assert entry.article_ids == ("002_sample", "001_sample")
    assert build_report(articles, Settings(index=False)).index == ()


@pytest.mark.parametrize("option", [{"order": "random"}, {"group": "author"}])
def test_unknown_choices_are_usage_errors(option: dict[str, str]) -> None:
    with pytest.raises(UsageError, match="choose one of"):
        build_report(ARTICLES, Settings(**option))  # type: ignore[arg-type]


def test_newest_first_runs_months_backwards() -> None:
    report = build_report(ARTICLES, Settings(group="month", order="date-desc"))
    assert [s.title for s in report.sections] == [
        "Tháng 3 năm 2021", "Tháng 01 năm 2021", "Tháng 12 năm 2020", "Không rõ ngày",
    ]


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(UsageError, match="after it ends"):
        build_report(ARTICLES, Settings(date_from=D(2021, 2, 1), date_to=D(2021, 1, 1)))


def test_undated_warning_names_ten_ids_then_counts(caplog: pytest.LogCaptureFixture) -> None:
    articles = [make_article(n, date=None, title=f"Bài {n}") for n in range(1, 26)]
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        report = build_report(articles, Settings(dedup=False))  # one sample body: not what is tested here
    (warning,) = report.warnings
    named = re.findall(r"\d{3}_sample", warning)
    assert warning.startswith("25 articles without a date")
    assert named == [a.id for a in articles[:10]] and warning.endswith("and 15 more")
    assert [r.getMessage() for r in caplog.records] == [warning]
    left_out = build_report(articles, Settings(drop_undated=True, dedup=False)).warnings
    assert len(left_out) == 1 and left_out[0].endswith("and 15 more")


def test_articles_without_any_text_are_named_in_a_full_compilation_not_in_a_brief() -> None:
    # A brief's JSON keeps summaries, not texts: a full compilation made from it says so.
    bare = make_article(2, lead=None, blocks=(Paragraph("  "),), summary="Tóm tắt.")
    articles = [make_article(1), bare, make_article(3, lead=None)]
    warnings = build_report(articles, Settings()).warnings
    textless = [w for w in warnings if "without any text" in w]
    assert textless == ["1 article without any text, printed with the headline and source only "
                        "(a brief's JSON keeps summaries, not texts): 002_sample"]
    assert not any("without any text" in w for w in build_report(articles, Settings(kind="brief")).warnings)
