"""The JSON exporter's shape is a contract: keys, types and date formats."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

from tgreport import Settings, render
from tgreport.model import Report

ARTICLE_KEYS = {
    "id", "source", "title", "title_derived", "date", "published", "event_date", "authors", "site", "url",
    "fetched", "publisher", "category", "views", "lead", "blocks", "removed", "warnings",
}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$")


def test_report_shape(sample_report: Report) -> None:
    data = json.loads(render(sample_report, "json", Settings()))
    assert data["tgreport"]
    assert data["title"] == "Bản tin tổng hợp"
    assert data["organisation"] == "Ban Tuyên giáo Đảng ủy Khối"
    assert data["place"] == "Hà Nội"
    assert data["issued"] == "2021-01-07"
    assert len(data["articles"]) == 5
    for article in data["articles"]:
        assert set(article) == ARTICLE_KEYS
        assert article["date"] is None or DAY.match(article["date"])
        assert article["event_date"] is None or DAY.match(article["event_date"])
        assert article["published"] is None or STAMP.match(article["published"])
        assert isinstance(article["authors"], list)
        for block in article["blocks"]:
            assert block["type"] in {"paragraph", "heading", "caption", "quote", "list", "related", "image"}
            assert isinstance(block["text"], str)
            assert set(block) <= {"type", "text", "credit"}


def test_values_round_trip(sample_report: Report) -> None:
    data = json.loads(render(sample_report, "json", Settings()))
    first, derived = data["articles"][0], data["articles"][1]
    assert first["published"] == "2021-01-01T21:38"
    assert first["date"] == "2021-01-01"
    assert derived["title"] is None and derived["title_derived"] is True
    caption = next(b for b in first["blocks"] if b["type"] == "caption")
    assert caption == {"type": "caption", "text": "Quang cảnh hội nghị", "credit": "Phương Hoa/TTXVN"}
    listing = next(b for b in first["blocks"] if b["type"] == "list")
    assert listing["text"] == "Học tập nghị quyết\nXây dựng chương trình hành động"
    assert "1.234.567,5 ₫" in first["blocks"][-1]["text"]  # not escaped: ensure_ascii is off


def test_json_reader_reads_what_the_exporter_wrote(sample_report: Report, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tgreport import read

    path = tmp_path / "digest.json"
    path.write_bytes(render(sample_report, "json", Settings()))
    articles = read(path).articles
    assert [a.title for a in articles] == [a.title for a in sample_report.articles]
    assert articles[0].published == dt.datetime(2021, 1, 1, 21, 38)
    assert articles[0].blocks == sample_report.articles[0].blocks


def test_json_reader_refuses_wrong_shapes_with_the_file_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from tgreport.errors import InputError
    from tgreport.read import read_path

    cases = {
        "number.json": "0",
        "views.json": '{"title": "Tin", "views": "nhiều lắm", "blocks": ["Nội dung."]}',
        "blocks.json": '{"title": "Tin", "blocks": 5}',
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "articles.json": '{"articles": "không phải danh sách"}',
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError) as caught:
            read_path(path)
        assert name in str(caught.value), name


def test_the_fetch_time_goes_through_the_contract_unchanged() -> None:
    import pytest

    from tgreport.contract import article_from_dict, article_to_dict
    from tgreport.model import Article, Paragraph

    fetched = dt.datetime(2026, 12, 6, 21, 50, 3, tzinfo=dt.UTC)
    article = Article("a", "https://baochinhphu.vn/a.htm", "Tin", (Paragraph("Nội dung."),),
                      url="https://baochinhphu.vn/a.htm", fetched=fetched)
    data = article_to_dict(article)
    assert data["fetched"] == "2026-12-06T21:50:03+00:00"
    assert article_from_dict(json.loads(json.dumps(data)), source="x", default_id="x") == article
    assert article_to_dict(dataclasses.replace(article, fetched=None))["fetched"] is None
    with pytest.raises(ValueError, match="bad time"):
        article_from_dict({**data, "fetched": "hôm qua"}, source="x", default_id="x")



def test_a_fetch_time_survives_a_reread_of_the_json_export(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The export read back keeps when the page was fetched, so its source line still says
    'truy cập ngày …' (the reader's own-shape keys once lacked 'fetched' and dropped it)."""
    from tgreport import read
    from tgreport.model import Article, Paragraph

    fetched = dt.datetime(2026, 12, 6, 21, 50, 3, tzinfo=dt.UTC)
    article = Article("a", "https://baochinhphu.vn/a.htm", "Tin", (Paragraph("Nội dung."),),
                      url="https://baochinhphu.vn/a.htm", fetched=fetched)
    path = tmp_path / "digest.json"
    path.write_bytes(render(Report("Tin", dt.date(2026, 12, 6), articles=(article,)), "json", Settings()))
    (again,) = read(path).articles
    assert again.fetched == fetched
