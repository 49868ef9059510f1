"""Article keeps most of its fields in one shared tuple (issue 21, case 9): every field must still
read back exactly what was given, and behave as a dataclass field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import pickle
import sys
from typing import Any

from tgreport.model import Article, Caption, Heading, Paragraph

VALUES: dict[str, Any] = {
    "id": "a1", "source": "bai.html", "title": "Tiêu đề",
    "blocks": (Paragraph("Đoạn."), Caption("Ảnh", "TTXVN")),
    "title_derived": True, "date": dt.date(2021, 1, 7),
    "published": dt.datetime(2021, 1, 7, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    "event_date": dt.date(2021, 1, 6), "authors": ("Minh Châu",), "site": "Báo Nhân Dân",
    "url": "https://nhandan.vn/a1", "fetched": dt.datetime(2021, 1, 8, tzinfo=dt.UTC), "publisher": "NXB",
    "category": "Chính trị", "views": 12, "lead": "Sa pô.", "removed": ("Quảng cáo",),
    "warnings": ("cảnh báo",), "summary": "Tóm tắt.",
}


def test_every_field_reads_back_what_was_given_by_name_or_in_order() -> None:
    assert [f.name for f in dataclasses.fields(Article)] == list(VALUES)
    for article in (Article(**VALUES), Article(*VALUES.values())):
        assert {name: getattr(article, name) for name in VALUES} == VALUES
    bare = Article("a2", "x.txt", None)
    assert (bare.blocks, bare.date, bare.title_derived, bare.authors) == ((), None, False, ())


def test_it_behaves_as_a_frozen_dataclass() -> None:
    article = Article(**VALUES)
    changed = dataclasses.replace(article, site="Báo Quân đội", date=None)
    assert (changed.site, changed.date, changed.url) == ("Báo Quân đội", None, VALUES["url"])
    assert (article.site, article.date) == (VALUES["site"], VALUES["date"])
    assert changed != article
    assert dataclasses.replace(changed, site=article.site, date=article.date) == article
    assert hash(dataclasses.replace(article)) == hash(article)
    assert pickle.loads(pickle.dumps(article)) == article
    for name in ("id", "site", "_more"):
        try:
            setattr(article, name, "x")
        except dataclasses.FrozenInstanceError:
            continue
        raise AssertionError(f"{name} could be changed")


def test_values_that_are_equal_but_not_the_same_are_kept_as_given() -> None:
    # One instant in two zones, True and 1: equal, yet printed differently.
    hanoi = dt.datetime(2021, 1, 7, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    utc = dt.datetime(2021, 1, 7, 0, 0, tzinfo=dt.UTC)
    assert hanoi == utc
    assert Article("a", "s", "t", published=hanoi).published.utcoffset() == dt.timedelta(hours=7)  # type: ignore[union-attr]
    assert Article("b", "s", "t", published=utc).published.utcoffset() == dt.timedelta(0)  # type: ignore[union-attr]
    assert Article("c", "s", "t", date=utc).date.tzinfo is dt.UTC  # type: ignore[union-attr]
    assert Article("d", "s", "t", title_derived=1).title_derived is not True
    assert Article("e", "s", "t", authors=["a"]).authors == ["a"]  # unhashable


def test_an_article_with_few_fields_set_is_small() -> None:
    # A million short records are a million Articles: 19 slots each cost 184 bytes, this 72.
    assert sys.getsizeof(Article("a", "s", "t", date=dt.date(2021, 1, 7), site="Báo Nhân Dân")) <= 80


def test_a_body_of_one_paragraph_is_kept_as_its_text_and_reads_back_as_given() -> None:
    # A million one-paragraph records: a tuple and a Paragraph each would be 96 bytes more.
    one = Article("a", "s", "t", (Paragraph("Đoạn."),))
    assert one.blocks == (Paragraph("Đoạn."),)
    assert not any(isinstance(held, Paragraph | tuple) and held != one._more  # type: ignore[attr-defined]
                   for held in gc.get_referents(one))
    assert dataclasses.replace(one, title="u").blocks == one.blocks
    assert pickle.loads(pickle.dumps(one)) == one
    assert hash(Article("a", "s", "t", (Paragraph("Đoạn."),))) == hash(one)
    assert one != Article("a", "s", "t", (Heading("Đoạn."),))
    for blocks in ((), (Heading("Tít"),), (Paragraph("Một."), Paragraph("Hai."))):
        assert Article("b", "s", "t", blocks).blocks == blocks


def test_a_vietnamese_title_and_text_are_kept_smaller_and_read_back_as_given() -> None:
    # Letters beyond Latin-1 (ộ, ư, đ) make Python keep a text at two bytes a character.
    title, text = "Hội nghị số 12345", "Hà Nội, ngày 06 tháng 01 năm 2021. Bài viết về công tác tuyên giáo."
    article = Article("a", "s", title, (Paragraph(text),))
    held = (article._title, article._blocks)  # type: ignore[attr-defined]  # slots, no fields
    given = (title, text)
    assert all(sys.getsizeof(k) < sys.getsizeof(g) * 0.75 for k, g in zip(held, given, strict=True))
    assert (article.title, article.blocks) == (title, (Paragraph(text),))
    assert type(article.title) is str and type(article.blocks[0].text) is str
    assert pickle.loads(pickle.dumps(article)) == article == Article("a", "s", title, (Paragraph(text),))
    assert hash(article) == hash(Article("a", "s", title, (Paragraph(text),)))
    for odd in ("Tiêu đề \udcff", "Café", "ASCII", "", None):  # a lone surrogate, Latin-1, none
        assert Article("b", "s", odd, (Paragraph(odd or "x"),)).title == odd
        assert Article("b", "s", odd, (Paragraph(odd or "x"),)).blocks == (Paragraph(odd or "x"),)
