"""JSON and JSON Lines in the shapes scrapers write: each read into the same article."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from tgreport.errors import InputError
from tgreport.model import Paragraph
from tgreport.read import read_path
from tgreport.read.scraper_shapes import to_contract

BODY = "Sáng 7/1, Hội nghị Trung ương khai mạc tại Hà Nội.\nHội nghị thảo luận nhiều nội dung quan trọng."
URL = "https://nhandan.vn/chinh-tri/hoi-nghi-post1.html"
TITLE = "Hội nghị Trung ương lần thứ hai khai mạc"

SHAPES = {
    "news-please": {"title": TITLE, "maintext": BODY, "date_publish": "2021-01-07 08:15:00",
                    "authors": ["Minh Châu"], "url": URL, "source_domain": "nhandan.vn",
                    "description": "Hội nghị diễn ra trong ba ngày.", "image_url": "https://x/y.jpg",
                    "date_download": "2021-01-08 00:00:00", "language": "vi"},
    "news-please (old)": {"title": TITLE, "text": BODY, "date_publish": "2021-01-07 08:15:00",
                          "authors": ["Minh Châu"], "url": URL, "source_domain": "nhandan.vn"},
    "trafilatura": {"title": TITLE, "author": "Minh Châu", "hostname": "nhandan.vn", "date": "2021-01-07",
                    "text": BODY, "source": URL, "source-hostname": "nhandan.vn", "sitename": "Nhân Dân",
                    "fingerprint": "abc", "excerpt": "Hội nghị diễn ra trong ba ngày."},
    "newspaper4k": {"title": TITLE, "text": BODY, "authors": ["Minh Châu"],
                    "publish_date": "2021-01-07T08:15:00+07:00", "url": URL, "source_url": "https://nhandan.vn",
                    "top_image": "https://x/y.jpg", "meta_description": "Hội nghị diễn ra trong ba ngày.",
                    "keywords": []},
    "plain": {"title": TITLE, "content": BODY, "url": URL, "site": "Báo Nhân Dân", "date": "2021-01-07",
              "authors": ["Minh Châu"]},
    # A spider of one's own: its field names, a day-first date, the body as the page's markup.
    "spider": {"title": TITLE, "content": "<p>" + BODY.replace("\n", "</p>\n<p>") + "</p>",
               "link": URL, "published_at": "07/01/2021 08:15", "author": "Minh Châu",
               "source": "Báo Nhân Dân"},
    "spider (RSS date)": {"title": TITLE, "body": BODY, "link": URL, "author": ["Minh Châu"],
                          "pubDate": "Thu, 07 Jan 2021 01:15:00 GMT"},
    # schema.org's NewsArticle, as extruct saves a page's JSON-LD.
    "schema.org": {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
                   "articleBody": BODY, "datePublished": "2021-01-07T01:15:00Z", "url": URL,
                   "author": [{"@type": "Person", "name": "Minh Châu"}],
                   "publisher": {"@type": "Organization", "name": "Nhân Dân"},
                   "image": {"@type": "ImageObject", "url": "https://x/y.jpg"}},
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_shape_gives_the_article(shape: str, tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(SHAPES[shape], ensure_ascii=False), encoding="utf-8")
    [article] = read_path(path)
    assert article.title == TITLE
    assert article.date == dt.date(2021, 1, 7)
    assert article.authors == ("Minh Châu",)
    assert article.url == URL
    assert article.site == "Báo Nhân Dân"
    assert [b.text for b in article.blocks if isinstance(b, Paragraph)] == BODY.split("\n")


@pytest.mark.parametrize("shape", ["spider (RSS date)", "schema.org"])
def test_a_stamp_in_another_time_zone_is_vietnams_time(shape: str) -> None:
    mapped, _ = to_contract(SHAPES[shape])
    assert mapped["published"] == "2021-01-07T08:15"


def test_a_spiders_markup_is_read_as_a_pages_body() -> None:
    record = {"title": TITLE, "content": '<div class="x"><p>Sáng 7/1, hội nghị khai mạc.</p>'
              '<p><img src="https://x.vn/anh1.jpg" alt=""></p>'
              "<p><em>Quang cảnh hội nghị. Ảnh: Minh Châu</em></p>"
              "<h2>Nhiều nội dung quan trọng</h2><p>Hội nghị thảo luận &amp; quyết định.</p>"
              "<script>alert(1)</script></div>"}
    mapped, extra = to_contract(record)
    assert mapped["blocks"] == [
        {"type": "paragraph", "text": "Sáng 7/1, hội nghị khai mạc."},
        {"type": "image", "text": "anh1.jpg", "src": "https://x.vn/anh1.jpg"},
        {"type": "caption", "text": "Quang cảnh hội nghị.", "credit": "Minh Châu"},
        {"type": "heading", "text": "Nhiều nội dung quan trọng"},
        {"type": "paragraph", "text": "Hội nghị thảo luận & quyết định."},
    ]
    assert extra == set()
    # Text that merely mentions a bracket is no markup.
    plain, _ = to_contract({"title": TITLE, "text": "Chỉ số a<b và c>d.\nDòng hai."})
    assert [b["text"] for b in plain["blocks"]] == ["Chỉ số a<b và c>d.", "Dòng hai."]


def test_a_spiders_date_tgreport_cannot_read_is_named_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"title": TITLE, "body": BODY, "date": "hôm qua"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        [article] = read_path(path)
    assert article.title == TITLE and article.date is None
    assert any("keys ignored: date" in r.getMessage() for r in caplog.records)


def test_jsonl_news_please_records_and_one_warning_for_extra_keys(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "crawl.jsonl"
    # Keys news-please writes (date_download, language) are no surprise; a crawler's own ones are.
    extra = {"crawl_batch": 7, "my_tag": "x"}
    lines = [json.dumps(SHAPES["news-please"] | extra | {"title": f"{TITLE} {n}"}, ensure_ascii=False)
             for n in range(3)]
    path.write_text("\n".join(lines), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles = read_path(path)
    assert [a.title for a in articles] == [f"{TITLE} {n}" for n in range(3)]
    assert articles[0].lead == "Hội nghị diễn ra trong ba ngày."
    warnings = [r.getMessage() for r in caplog.records if "ignored" in r.getMessage()]
    assert warnings == [f"{path}: keys ignored: crawl_batch, my_tag"]


def test_an_unknown_shape_names_the_file_line_and_keys(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "odd.jsonl"
    odd = json.dumps({"headline": "x", "n": 1})
    path.write_text(json.dumps({"title": TITLE, "url": URL}) + "\n" + odd, encoding="utf-8")
    with caplog.at_level("WARNING"):
        kept = read_path(path)
    assert [a.url for a in kept] == [URL]  # the good record stays (issue 21)
    (message,) = [r.getMessage() for r in caplog.records if "unreadable" in r.getMessage()]
    assert str(path) in message and "line 2 (" in message and "headline, n" in message
    only = tmp_path / "only-odd.jsonl"
    only.write_text(odd, encoding="utf-8")
    with pytest.raises(InputError) as info:  # nothing good: the file is an error naming the line
        read_path(only)
    assert str(only) in str(info.value) and ":1:" in str(info.value) and "headline, n" in str(info.value)


def test_a_news_please_record_without_text_is_no_silent_empty_article(tmp_path: Path) -> None:
    path = tmp_path / "np.json"
    path.write_text(json.dumps({"title": TITLE, "maintext": None, "date_publish": "2021-01-07 08:15:00",
                                "source_domain": "nhandan.vn"}), encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read_path(path)


def test_tgreports_own_shape_still_reads_as_it_is(tmp_path: Path) -> None:
    own = {"id": "x", "title": TITLE, "date": "2021-01-07", "site": "Báo Nhân Dân", "url": URL,
           "blocks": [{"type": "paragraph", "text": "Một đoạn."}]}
    path = tmp_path / "own.json"
    path.write_text(json.dumps(own, ensure_ascii=False), encoding="utf-8")
    [article] = read_path(path)
    assert (article.id, article.site, article.url) == ("x", "Báo Nhân Dân", URL)
    assert [b.text for b in article.blocks] == ["Một đoạn."]


@pytest.mark.parametrize(("record", "src"), [
    ({"maintext": "Nội dung bài.", "title": "Tin", "image_url": "https://a.vn/anh/1.jpg?w=800"},
     "https://a.vn/anh/1.jpg?w=800"),  # news-please
    ({"text": "Nội dung bài.", "title": "Tin", "sitename": "A", "image": "anh/1.jpg"},
     "anh/1.jpg"),  # trafilatura
    ({"text": "Nội dung bài.", "title": "Tin", "top_image": " anh/2.png "}, "anh/2.png"),  # newspaper4k
    ({"text": "Nội dung bài.", "title": "Tin", "image": "3.webp"}, "3.webp"),  # a plain record
])
def test_a_records_photo_becomes_its_first_picture(record: dict[str, str], src: str) -> None:
    mapped, unused = to_contract(record)
    name = src.split("?")[0].rsplit("/", 1)[-1]
    assert mapped["blocks"][0] == {"type": "image", "text": name, "src": src}
    assert not unused & {"image", "image_url", "top_image"}


@pytest.mark.parametrize("shape", ["news-please", "trafilatura", "newspaper4k"])
def test_a_scrapers_sapo_is_printed_once_and_the_last_line_name_is_the_byline(shape: str) -> None:
    # news-please gives the sapo both as `description` and as the first line of `maintext`,
    # and leaves `authors` empty when the page prints the writer at the end of the text.
    record = dict(SHAPES[shape])
    sapo = "Hội nghị diễn ra trong ba ngày."
    text_key = "maintext" if shape == "news-please" else "text"
    record[text_key] = f"{sapo}\n{BODY}\nVõ Hải"
    record.pop("authors", None)
    record.pop("author", None)
    mapped, _ = to_contract(record)
    assert mapped["lead"] == sapo
    assert [b["text"] for b in mapped["blocks"] if b["type"] == "paragraph"] == BODY.split("\n")
    assert mapped["authors"] == ["Võ Hải"]
    assert mapped["removed"] == ["Võ Hải"]


def test_a_last_line_that_is_a_sentence_stays_in_the_text() -> None:
    record = {**SHAPES["news-please"], "authors": [], "maintext": BODY}
    mapped, _ = to_contract(record)
    assert [b["text"] for b in mapped["blocks"] if b["type"] == "paragraph"] == BODY.split("\n")
    assert mapped["authors"] == [] and "removed" not in mapped
