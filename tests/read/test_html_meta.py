"""A saved page's own metadata (JSON-LD, OpenGraph, canonical) and where the article came from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tgreport.read import read_path
from tgreport.read.provenance import outlet_for_host, source_for_path
from tgreport.settings import Settings

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Trang chủ - Tin nóng - Báo ABC</title>
<link rel="canonical" href="https://nhandan.vn/chinh-tri/hoi-nghi-trung-uong-post1.html">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="Hội nghị Trung ương lần thứ hai - Nhân Dân">
<meta property="article:published_time" content="2021-01-07T08:15:00+07:00">
<meta name="author" content="Công ty CP Truyền thông Online">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Hội nghị Trung ương lần thứ hai khai mạc", "datePublished": "2021-01-07T08:15:00+07:00",
 "author": [{{"@type": "Person", "name": "Minh Châu"}}]}}</script>
<script type="application/ld+json">{{ broken </script>
</head><body>
<div class="menu"><a href="https://nhandan.vn/">Trang chủ</a></div>
<h1>Đăng nhập để bình luận</h1>
<p>Sáng 7/1, tại Hà Nội, Hội nghị lần thứ hai Ban Chấp hành Trung ương Đảng khóa XIII khai mạc trọng thể.</p>
<p>Hội nghị thảo luận, cho ý kiến về nhiều nội dung quan trọng của đất nước trong nhiệm kỳ mới.</p>
</body></html>"""


def test_metadata_wins_over_what_the_text_suggests(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(site="Báo Nhân Dân điện tử"), encoding="utf-8")
    article = read_path(path)[0]
    assert article.title == "Hội nghị Trung ương lần thứ hai khai mạc"  # JSON-LD, not the <h1> login prompt
    assert article.published == dt.datetime(2021, 1, 7, 8, 15)
    assert article.date == dt.date(2021, 1, 7)
    assert article.authors == ("Minh Châu",)  # JSON-LD's writer, not the CMS in <meta name=author>
    assert article.url == "https://nhandan.vn/chinh-tri/hoi-nghi-trung-uong-post1.html"
    assert article.site == "Báo Nhân Dân"  # the outlet table names the domain's outlet


def test_site_falls_back_to_og_site_name_then_to_the_configured_folder(tmp_path: Path) -> None:
    page = PAGE.replace("nhandan.vn", "unknown-paper.example").format(site="Báo Mới Lạ")
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    assert read_path(path)[0].site == "Báo Mới Lạ"
    bare = tmp_path / "baonhandan" / "b.html"
    bare.parent.mkdir()
    bare.write_text("<html><body><h1>Tiêu đề bài báo về hội nghị</h1><p>Nội dung bài báo về hội nghị "
                    "tổng kết công tác năm của tỉnh.</p></body></html>", encoding="utf-8")
    assert read_path(bare)[0].site is None
    settings = Settings(sources={"baonhandan/": "Báo Nhân Dân"})
    assert read_path(bare, settings)[0].site == "Báo Nhân Dân"


# A page saved without the metadata that names its outlet (no og:site_name, no canonical
# address, every link relative): its window title, <meta name="copyright"> or copyright line do.
BARE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>
<div class="menu"><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></div>
<h1>{headline}</h1>
<p>Sáng 20/6, UBND tỉnh tổ chức lễ khánh thành nhà máy xử lý rác thải sinh hoạt Vĩnh Tân.</p>
<p>Nhà máy được xây dựng trên diện tích 10 ha, sử dụng công nghệ đốt phát điện hiện đại.</p>
{foot}</body></html>"""
HEADLINE = "Khánh thành nhà máy xử lý rác Vĩnh Tân"


@pytest.mark.parametrize(("title", "head", "foot", "site"), [
    ("{h} | Báo Đồng Nai điện tử", "", "", "Báo Đồng Nai"),  # as the table spells it
    ("{h} - Zing News | Xã hội", "", "", "Zing News"),  # the section comes last
    ("{h} | Internet | GenK.vn", "", "", "GenK"),  # a domain, by the table
    ("{h} | Cổng thông tin điện tử Huyện Thanh Trì", "", "",
     "Cổng thông tin điện tử Huyện Thanh Trì"),  # a portal the table lacks, named by its kind
    ("{h}", '<meta name="copyright" content="Copyright © 2009 by 24H.COM.VN">', "",
     "Tin tức 24h"),
    ("{h}", "", "<p>© 2024 Báo Đồng Nai. Giấy phép số 41/GP-BTTTT.</p>", "Báo Đồng Nai"),
    ("{h} | Thời sự", "", "", None),  # a section names no outlet
    ("{h} - Báo cáo tổng kết", "", "", None),  # "Báo cáo" is a report, no paper
])
def test_a_page_without_metadata_is_still_sourced(
        title: str, head: str, foot: str, site: str | None, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    page = BARE.format(title=title.format(h=HEADLINE), headline=HEADLINE, head=head, foot=foot)
    path.write_text(page, encoding="utf-8")
    article = read_path(path)[0]
    assert article.title == HEADLINE
    assert article.site == site


def test_a_user_outlet_wins_and_subdomains_find_their_outlet() -> None:
    assert outlet_for_host("giaitri.vnexpress.net") == "VnExpress"
    assert outlet_for_host("ione.vnexpress.net") == "VnExpress iOne"
    assert outlet_for_host("www.baobacninh.vn") == "Báo Bắc Ninh"
    assert outlet_for_host("tinh.example.vn") is None
    assert outlet_for_host("tinh.example.vn", {"example.vn": "Cổng TTĐT tỉnh"}) == "Cổng TTĐT tỉnh"


def test_source_patterns_match_folders_and_file_names() -> None:
    sources = {"baonhandan/": "Báo Nhân Dân", "*_vov.txt": "VOV"}
    assert source_for_path("/data/BaoNhanDan/2021/a.txt", sources) == "Báo Nhân Dân"
    assert source_for_path("/data/x/tin_vov.txt", sources) == "VOV"
    assert source_for_path("/data/baonhandan.txt", sources) is None


def test_valid_utf8_pages_are_not_repaired(tmp_path: Path, caplog: object) -> None:
    # Symbols in menus ("©", "»", "–") once made a valid UTF-8 page "repaired mojibake".
    path = tmp_path / "clean.html"
    path.write_text("<html><body><div>© 2021 Báo ABC » Thời sự – Chính trị ¦ ½ Ð</div><h1>Đảng bộ tỉnh tổng "
                    "kết năm</h1><p>Ngày 7/1, Đảng bộ tỉnh tổ chức hội nghị tổng kết công tác xây dựng Đảng "
                    "năm 2020.</p></body></html>", encoding="utf-8")
    article = read_path(path)[0]
    assert not any("mojibake" in w for w in article.warnings)
    assert "Đảng bộ tỉnh tổ chức hội nghị" in " ".join(b.text for b in article.blocks)


def test_a_page_that_names_other_sites_reaches_none_of_them(tmp_path: Path, monkeypatch: object) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)  # type: ignore[attr-defined]
    path = tmp_path / "p.html"
    path.write_text(PAGE.format(site="X").replace("<body>", '<body><img src="http://evil.example/x.jpg">'
                                                   '<iframe src="file:///etc/passwd"></iframe>'),
                    encoding="utf-8")
    article = read_path(path)[0]
    assert "root:" not in " ".join(b.text for b in article.blocks)


def test_the_configured_source_names_text_and_json_inputs_too(tmp_path: Path) -> None:
    folder = tmp_path / "BaoNhanDan"
    folder.mkdir()
    text = folder / "bai.txt"
    text.write_text("Đảng bộ tỉnh tổng kết năm\n\nNgày 7/1/2021, Đảng bộ tỉnh tổ chức hội nghị tổng kết "
                    "công tác xây dựng Đảng năm 2020 với nhiều kết quả.\n", encoding="utf-8")
    settings = Settings(sources={"baonhandan/": "Báo Nhân Dân"})
    assert read_path(text, settings)[0].site == "Báo Nhân Dân"
    assert read_path(text)[0].site is None
    own = tmp_path / "x.json"
    own.write_text('{"title": "Tiêu đề", "site": "Báo Quân đội nhân dân", '
                   '"blocks": [{"type": "paragraph", "text": "Một đoạn."}]}', encoding="utf-8")
    assert read_path(own, Settings(sources={"x.json": "Khác"}))[0].site == "Báo Quân đội nhân dân"


def test_the_read_cache_starts_afresh_when_the_sources_change(tmp_path: Path) -> None:
    from tgreport.read.cache import ReadCache

    one = ReadCache(Settings(), tmp_path)
    two = ReadCache(Settings(sources={"a/": "Báo A"}), tmp_path)
    three = ReadCache(Settings(outlets={"a.vn": "Báo A"}), tmp_path)
    four = ReadCache(Settings(signatures={"BA": "Báo A"}), tmp_path)
    assert len({one._key, two._key, three._key, four._key}) == 4


def test_each_meta_name_gives_its_first_content_not_empty_once_cleaned() -> None:
    from tgreport.read.html_meta import page_meta, parse

    tree = parse(
        '<html><head><title>Tiêu đề của cửa sổ</title>'
        '<meta property="og:description" content="\u200b \u00a0">'
        '<meta name="OG:Description" content="  Đoạn   sapo  ">'
        '<meta property="og:description" content="Một mô tả sau">'
        '<meta name="author" content="Super User"><meta itemprop="author" content="Hoàng Nam">'
        '</head><body><p>Bài viết</p><time datetime="2024-03-05T08:30">5/3</time></body></html>')
    meta = page_meta(tree)
    assert meta.description == "Đoạn sapo"  # the first holds only spaces once cleaned
    assert meta.og_title == "Tiêu đề của cửa sổ"  # no og:title: the window's <title>
    assert meta.authors == ()  # the first author meta is a CMS account, not a writer
    assert meta.published == dt.datetime(2024, 3, 5, 8, 30)  # from <time> in the body


def test_the_parser_keeps_no_table_of_ids() -> None:
    from tgreport.read.html_meta import parse

    # Nothing looks an element up by its id: libxml2 is spared the table (XPath id() finds nothing).
    for markup in ('<div id="main"><p id="p1">Tin</p></div>', b'<div id="main"><p id="p1">Tin</p></div>'):
        tree = parse(markup)
        assert tree.find(".//p").text == "Tin"
        assert tree.xpath('id("main")') == []


@pytest.mark.parametrize(
    ("h1", "title"),
    [
        # og:title shortened for sharing: the page prints the whole headline.
        ("Tỉnh ủy tổng kết công tác tuyên giáo năm 2023, triển khai nhiệm vụ năm 2024",
         "Tỉnh ủy tổng kết công tác tuyên giáo năm 2023, triển khai nhiệm vụ năm 2024"),
        ("Tỉnh ủy tổng kết công tác tuyên giáo: “Đổi mới phương thức”",
         "Tỉnh ủy tổng kết công tác tuyên giáo: “Đổi mới phương thức”"),
        # The share bar's words run into the <h1>, glued or not: og:title's headline.
        ("Tỉnh ủy tổng kết công tác tuyên giáoChia sẻ", "Tỉnh ủy tổng kết công tác tuyên giáo"),
        ("Tỉnh ủy tổng kết công tác tuyên giáo Chia sẻ Facebook", "Tỉnh ủy tổng kết công tác tuyên giáo"),
    ],
)
def test_an_h1_longer_than_og_title_is_the_headline_when_it_goes_on(h1: str, title: str) -> None:
    from tgreport.read.html_meta import best_title, page_meta, parse

    meta = page_meta(parse('<html><head><meta property="og:title" content="Tỉnh ủy tổng kết công tác '
                           'tuyên giáo - Báo Thanh Hóa"></head><body></body></html>'))
    assert best_title(meta, h1) == title


@pytest.mark.parametrize(
    ("printed", "stated", "published"),
    [
        # The page prints the time its metadata lacks: the printed stamp, to the minute.
        ("Thứ Ba, 25/12/2012 - 10:03", "2012-12-25", dt.datetime(2012, 12, 25, 10, 3)),
        # The metadata dates it when it was written; the page prints when it came out.
        ("Thứ Hai, 24/12/2012, 03:04 AM (GMT+7)", "2012-12-23T14:02+07:00",
         dt.datetime(2012, 12, 24, 3, 4)),
        # A stamp far from the metadata's is some other date: the metadata's.
        ("Thứ Hai, 31/12/2012, 03:04 AM (GMT+7)", "2012-12-23T14:02+07:00",
         dt.datetime(2012, 12, 23, 14, 2)),
        # A printed day without a time says less than the metadata.
        ("24/12/2012", "2012-12-23T14:02+07:00", dt.datetime(2012, 12, 23, 14, 2)),
    ],
)
def test_the_stamp_the_page_prints_by_its_headline_wins_when_near_the_metadatas(
    tmp_path: Path, printed: str, stated: str, published: dt.datetime
) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        f'<html><head><meta itemprop="datePublished" content="{stated}"></head><body>'
        f"<h1>Đột nhập lò luyện thi công chức Hàn Quốc</h1><div>{printed}</div>"
        "<p>Những lò luyện thi công chức ở Seoul luôn chật kín người, nhiều người ở đó hàng năm trời "
        "để ôn thi.</p>"
        "<p>Mỗi năm có hàng trăm nghìn người dự thi, nhưng chỉ vài phần trăm trong số đó đỗ.</p>"
        "</body></html>",
        encoding="utf-8")
    article = read_path(path)[0]
    assert article.published == published
    assert article.date == published.date()


def test_the_configuration_names_an_outlet_by_its_signature(tmp_path: Path) -> None:
    page = tmp_path / "bai.txt"
    page.write_text("Bắc Giang khánh thành cầu mới qua sông Thương\n\n"
                    "(BBG) - Sáng 5/1, tỉnh Bắc Giang khánh thành cầu mới qua sông Thương, nối hai huyện.\n\n"
                    "Cầu dài 500 m, rộng 12 m, tổng vốn đầu tư hơn 300 tỷ đồng.\n", encoding="utf-8")
    assert read_path(page)[0].site is None  # no outlet the shipped tables know signs so
    signed = Settings(signatures={"bbg": "Báo Bắc Giang"})  # matched ignoring case
    assert read_path(page, signed)[0].site == "Báo Bắc Giang"
