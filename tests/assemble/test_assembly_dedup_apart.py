"""A generic title shared by different stories on one day ("Tin vắn", "Điểm tin") merges nothing
unless the bodies agree, and one warning says which were kept apart (issue 21, case 7)."""

from __future__ import annotations

import datetime as dt
import logging
import random

import pytest

from factories import make_article
from tgreport.assemble import build_report
from tgreport.assemble.dedup import MAX_NAMED_APART, find_duplicates
from tgreport.model import Article, Paragraph

WORDS = (  # noqa: SIM905 (a phrase reads better than a list of words)
    "hội nghị tổng kết công tác tuyên giáo năm đảng ủy tỉnh huyện xã đoàn đại biểu thăm tặng quà gia "
    "đình chính sách nhân dân phát triển kinh tế xã hội an ninh quốc phòng giáo dục y tế"
).split()


def body(seed: int, words: int = 120) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words))


def brief(n: int, title: str, day: dt.date, text: str) -> Article:
    return make_article(n, title=title, date=day, blocks=(Paragraph(text),) if text else ())


def test_thousands_of_briefs_under_two_titles_are_all_kept(caplog: pytest.LogCaptureFixture) -> None:
    start = dt.date(2021, 1, 1)
    articles = [brief(n, ("Tin vắn", "Điểm tin")[n % 2], start + dt.timedelta(days=n % 365), body(n))
                for n in range(1, 2001)]
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        kept, merges = find_duplicates(articles)
    assert merges == [] and len(kept) == 2000
    said = [r.getMessage() for r in caplog.records if "kept as stories of their own" in r.getMessage()]
    assert len(said) == 1
    # 2,000 briefs on 730 (title, day) pairs: all but the first under each pair were kept apart.
    apart = 2000 - len({(a.title, a.date) for a in articles})
    assert said[0].startswith(f"{apart} article(s) share a title and date")
    assert f"and {apart - MAX_NAMED_APART} more" in said[0]


def test_copies_under_a_generic_title_still_merge_when_their_bodies_agree() -> None:
    day = dt.date(2021, 3, 8)
    story = body(7)
    first = brief(1, "Tin vắn", day, story)
    other = brief(2, "Tin vắn", day, body(8))
    cut_copy = brief(3, "Tin vắn", day, story[: len(story) * 2 // 3])  # saved before it loaded
    empty_copy = brief(4, "Tin vắn", day, "")  # saved without its text
    kept, merges = find_duplicates([first, other, cut_copy, empty_copy])
    assert {a.id for a in kept} == {first.id, other.id}
    assert {(m.dropped.id, m.kept.id) for m in merges} == {(cut_copy.id, first.id), (empty_copy.id, first.id)}
    assert all(m.reason == "same title and date" for m in merges)


def test_the_report_keeps_them_and_the_warning_names_them(caplog: pytest.LogCaptureFixture) -> None:
    day = dt.date(2021, 3, 8)
    articles = [brief(n, "Tin vắn", day, body(n)) for n in range(1, 4)]
    with caplog.at_level(logging.WARNING, logger="tgreport"):
        report = build_report(articles)
    assert len(report.all_articles()) == 3
    (said,) = [r.getMessage() for r in caplog.records if "kept as stories of their own" in r.getMessage()]
    assert said == ("2 article(s) share a title and date with another whose body differs, and are kept as "
                    "stories of their own: 002_sample, 003_sample")
