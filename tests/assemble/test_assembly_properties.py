"""Invariants of build_report over random article sets (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport import present
from tgreport.assemble import build_report
from tgreport.model import Article, Paragraph
from tgreport.settings import Settings

WORDS = ["Đảng", "ủy", "Khối", "hội", "nghị", "tuyên", "giáo", "năm", "cán", "bộ", "Hà", "Nội", "Ước", "ăn"]

articles_strategy = st.lists(
    st.builds(
        lambda n, day, cat, pub, body: (n, day, cat, pub, body),
        st.integers(0, 10**6),
        st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2022, 12, 31))),
        st.one_of(st.none(), st.sampled_from(["Thời sự", "Xây dựng Đảng", "Ánh sáng"])),
        st.one_of(st.none(), st.sampled_from(["TTXVN", "Báo Nhân Dân", "Đảng Cộng sản"])),
        st.lists(st.sampled_from(WORDS), min_size=0, max_size=40),
    ),
    max_size=25,
)


def to_articles(raw: list[tuple[int, dt.date | None, str | None, str | None, list[str]]]) -> list[Article]:
    return [
        Article(id=f"a{i}", source=f"s{i}", title=f"Bài {n}", date=day, category=cat, publisher=pub,
                blocks=(Paragraph(" ".join(body) or "Trống"),))
        for i, (n, day, cat, pub, body) in enumerate(raw)
    ]


@settings(max_examples=80, deadline=None)
@given(
    articles_strategy,
    st.sampled_from(["date", "date-desc", "title", "source"]),
    st.sampled_from(["none", "category", "publisher", "month"]),
    st.booleans(),
)
def test_every_article_is_placed_once_or_accounted_for(
    raw: list[tuple[int, dt.date | None, str | None, str | None, list[str]]],
    order: str, group: str, drop_undated: bool,
) -> None:
    articles = to_articles(raw)
    report = build_report(articles, Settings(order=order, group=group, drop_undated=drop_undated))
    placed = [a.id for a in report.all_articles()]
    assert len(placed) == len(set(placed))
    merged = {w.split()[2] for w in report.warnings if w.startswith("duplicate article")}
    dropped = {a.id for a in articles if drop_undated and a.date is None}
    summary = [w for w in report.warnings if " duplicate articles merged " in w]
    if summary:  # many merges: one warning with their count instead of one each
        assert not merged and len(placed) + int(summary[0].split()[0]) + len(dropped) == len(articles)
        merged = {a.id for a in articles} - set(placed) - dropped
    assert set(placed) | merged | dropped == {a.id for a in articles}
    assert not set(placed) & (merged | dropped)
    # Numbering runs 1..n across sections.
    numbers = [na.number for s in present.outline(report) for na in s.articles]
    assert numbers == list(range(1, len(placed) + 1))
    if order == "date" and group in ("none", "month"):
        dated = [a.date for a in report.all_articles() if a.date is not None]
        assert dated == sorted(dated)
        undated = [a.date is None for a in report.all_articles()]
        assert undated == sorted(undated)  # undated ones last
    ids = set(placed)
    assert all(set(e.article_ids) <= ids for e in report.index)
