"""Assembly's per-article work done by worker processes gives the very report done here."""

from __future__ import annotations

import dataclasses

import pytest

from factories import make_article
from tgreport.assemble import build_report, facts
from tgreport.model import Article, Paragraph
from tgreport.pipeline import render
from tgreport.support import parallel

STORY = (
    "Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị, đồng chí Nguyễn Văn Nên, "
    "Ủy viên Bộ Chính trị, Bí thư Thành ủy, đã chủ trì hội nghị quán triệt Chỉ thị 05-CT/TW về "
    "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong toàn Đảng bộ."
)


def corpus() -> list[Article]:
    """Sixty articles: distinct stories citing documents and people, and copies of a few of them."""
    articles = []
    for i in range(1, 61):
        story = i % 45 or 45  # articles 46-60 repeat the bodies of 1-15: duplicates to merge
        sentences = " ".join(f"đoạn {story} câu {k} về chủ đề {story * k}" for k in range(40))
        body = f"{STORY} Bài số {story}: {sentences}"
        articles.append(dataclasses.replace(make_article(i), blocks=(Paragraph(body),)))
    return articles


@pytest.mark.parametrize("options", [{}, {"group": "category", "order": "title"}, {"similarity": 0.5}])
def test_parallel_assembly_makes_the_same_report(
    options: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = corpus()
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10**9)
    here = render(build_report(articles, **options), "json")  # type: ignore[arg-type]
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    workers: list[int] = []
    real = facts.fork_map

    def watched(func, items):  # type: ignore[no-untyped-def]
        workers.append(parallel.workers_for(len(items)))
        return real(func, items)

    monkeypatch.setattr(facts, "fork_map", watched)
    report = build_report(articles, **options)  # type: ignore[arg-type]
    assert workers == [min(parallel.cores(), parallel.MAX_WORKERS)]
    assert render(report, "json") == here
    # The corpus is made to exercise both halves: copies merged and documents indexed.
    assert len(report.all_articles()) < len(articles)
    assert any(e.kind == "document" for e in report.index) and any(e.kind == "person" for e in report.index)


def test_a_low_threshold_does_not_remake_each_body_for_every_check(monkeypatch: pytest.MonkeyPatch) -> None:
    # At --similarity 0.5 nearly every pair gets an exact check; each body's shingles must be
    # made about once (here, and once for its profile), not once per check (137 s for 1,000).
    from tgreport.assemble import dedup

    monkeypatch.setattr(parallel, "MIN_ITEMS", 10**9)  # all in this process, so calls are counted
    made: list[str] = []
    real = dedup.shingles

    def counted(article: Article) -> frozenset[int]:
        made.append(article.id)
        return real(article)

    monkeypatch.setattr(dedup, "shingles", counted)
    articles = [
        dataclasses.replace(make_article(i), blocks=(Paragraph(f"{STORY} Bài {i}: " + " ".join(
            f"câu {k} chủ đề {(i * k) % 7}" for k in range(30))),))
        for i in range(1, 201)
    ]
    build_report(articles, similarity=0.5)
    assert len(made) <= 2 * len(articles)
