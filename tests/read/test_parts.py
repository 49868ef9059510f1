"""The page reader's parts on their own: bylines, captions, stamps, chrome, and the reader's edges."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest

from tgreport.cli import main
from tgreport.errors import InputError
from tgreport.model import Caption
from tgreport.read import read_path
from tgreport.read.page import read_page
from tgreport.read.page.bylines import parse_byline
from tgreport.read.page.captions import caption_of, credit_only, strip_alt
from tgreport.read.page.chrome import breadcrumb
from tgreport.read.page.dates import stamp_of
from tgreport.read.page.outlet import outlet_named, outlet_signed
from tgreport.read.page.vocab import vocabulary
from tgreport.settings import Settings
from tgreport.vn import encode_legacy

VOCAB = vocabulary()

PAGE = """Thời sự
Đảng ủy Khối tổ chức hội nghị tổng kết công tác năm 2020
Thứ Hai, 15/03/2021 - 08:30
Sáng 15/3, tại Hà Nội, Đảng ủy Khối tổ chức hội nghị tổng kết công tác năm 2020, triển khai nhiệm vụ năm 2021.

Quảng cáo

Hội nghị đánh giá cao kết quả công tác tuyên giáo, đề ra nhiệm vụ trọng tâm năm 2021 cho các đảng ủy.

Mã QR tải ứng dụng 0912

Thảo Nguyên
"""


@pytest.mark.parametrize(
    ("line", "authors", "publisher"),
    [
        ("Thảo Nguyên", ("Thảo Nguyên",), None),
        ("MAI CHI", ("MAI CHI",), None),
        ("Bài và ảnh: Nguyễn Văn Nam", ("Nguyễn Văn Nam",), None),
        ("Tin, ảnh: Hoàng Minh", ("Hoàng Minh",), None),
        ("Văn Tuấn - Hữu Thắng", ("Văn Tuấn", "Hữu Thắng"), None),
        ("Nhóm PV", ("Nhóm PV",), None),
        ("PV", ("PV",), None),
        ("Thu Hà (tổng hợp)", ("Thu Hà",), None),
        ("Hoàng Anh (TTXVN)", ("Hoàng Anh",), "TTXVN"),
        ("MINH ANH (theo TTXVN)", ("MINH ANH",), "TTXVN"),
        ("Thanh Hà/VOV.VN", ("Thanh Hà",), "VOV.VN"),
        ("TS. NGUYỄN VĂN HÙNG", ("TS. NGUYỄN VĂN HÙNG",), None),
        ("(TTXVN/Vietnam+)", (), "TTXVN/Vietnam+"),
        ("Theo TTXVN", (), "TTXVN"),
        ("Theo báo Nhân Dân", (), "báo Nhân Dân"),
        ("Nguồn: baochinhphu.vn", (), "baochinhphu.vn"),
        # Đoàn is a surname as well as the opening of "Đoàn Thanh niên", "Đoàn ĐBQH".
        ("Đoàn Loan", ("Đoàn Loan",), None),
        ("ĐOÀN THANH HÀ (TTXVN)", ("ĐOÀN THANH HÀ",), "TTXVN"),
        ("Đoàn Văn Hậu - Minh Châu", ("Đoàn Văn Hậu", "Minh Châu"), None),
    ],
)
def test_bylines(line: str, authors: tuple[str, ...], publisher: str | None) -> None:
    byline = parse_byline(line, VOCAB)
    assert byline is not None
    assert (byline.authors, byline.publisher) == (authors, publisher)


@pytest.mark.parametrize(
    "line",
    [
        "Theo kế hoạch",  # the start of a sentence, not a source
        "Quang cảnh hội nghị",
        "Ban Tuyên giáo Tỉnh ủy",
        "Khen thưởng cho các tập thể, cá nhân",
        "Hội nghị đã thảo luận và thống nhất các nhiệm vụ trọng tâm.",
        "(Ảnh: TTXVN)",
        "Thời sự - Chính trị",
        "Đoàn Thanh Niên",
        "ĐOÀN THANH NIÊN",
        "Đoàn ĐBQH",
        "Đoàn Công Tác",
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line, VOCAB) is None


@pytest.mark.parametrize(
    ("line", "text", "credit"),
    [
        ("Quang cảnh Hội nghị - Ảnh: Minh Châu", "Quang cảnh Hội nghị", "Minh Châu"),
        ("Quang cảnh hội nghị. (Ảnh: Phương Hoa/TTXVN)", "Quang cảnh hội nghị.", "Phương Hoa/TTXVN"),
        ("Thủ tướng phát biểu. Ảnh: VGP/Nhật Bắc", "Thủ tướng phát biểu.", "VGP/Nhật Bắc"),
        ("Du khách ở vịnh Hạ Long (Ảnh: Nguyễn Dương).", "Du khách ở vịnh Hạ Long", "Nguyễn Dương"),
        ("Hội nghị trực tuyến (Ảnh minh họa)", "Hội nghị trực tuyến (Ảnh minh họa)", None),
    ],
)
def test_captions(line: str, text: str, credit: str | None) -> None:
    assert caption_of(line, VOCAB) == Caption(text, credit)


def test_sentences_are_not_captions() -> None:
    assert caption_of("Năm 2020, ngành tuyên giáo đã hoàn thành tốt nhiệm vụ được giao.", VOCAB) is None
    assert credit_only("Ảnh: TTXVN", VOCAB) == "TTXVN"
    assert credit_only("(Ảnh minh họa)", VOCAB) == "Ảnh minh họa"


def test_glued_alt_text_is_dropped() -> None:
    line = "Tăng cường quản lý đảng viên ảnh 1Bí thư Đảng ủy dự hội nghị. (Ảnh: Phương Hoa/TTXVN)"
    assert strip_alt(line, VOCAB) == "Bí thư Đảng ủy dự hội nghị. (Ảnh: Phương Hoa/TTXVN)"
    assert strip_alt("Bức ảnh 1 cho thấy quang cảnh.", VOCAB) == "Bức ảnh 1 cho thấy quang cảnh."


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("21:38' 7/1/2021", dt.datetime(2021, 1, 7, 21, 38)),
        ("[ Cập nhật vào ngày (22/01/2021) ]", dt.date(2021, 1, 22)),
        ("Thứ năm, 7/1/2021, 21:38 (GMT+7)", dt.datetime(2021, 1, 7, 21, 38)),
        ("Thứ Hai, 15/03/2021 - 08:30", dt.datetime(2021, 3, 15, 8, 30)),
        ("15/03/2021 08:30 GMT+7", dt.datetime(2021, 3, 15, 8, 30)),
        ("Cập nhật: 10:15 ngày 05/06/2021", dt.datetime(2021, 6, 5, 10, 15)),
        ("Cập nhật lúc 15:03, Thứ hai, 15/03/2021", dt.datetime(2021, 3, 15, 15, 3)),
        ("Đăng ngày 05/06/2021 lúc 9h30", dt.datetime(2021, 6, 5, 9, 30)),
        ("Ngày đăng: 12/03/2021 | Cập nhật: 13/03/2021", dt.date(2021, 3, 12)),
        ("2026-03-01T09:51:00+07:00", dt.datetime(2026, 3, 1, 9, 51)),
        ("Ngày 15 tháng 3 năm 2021", dt.date(2021, 3, 15)),
        # A twelve-hour clock with the part of the day after the time; a section on the line.
        ("Cập nhật thứ hai, ngày 24/12/12 11:05 tối", dt.datetime(2012, 12, 24, 23, 5)),
        ("Giáo dục | Cập nhật thứ sáu, ngày 30/11/12 04:00 chiều", dt.datetime(2012, 11, 30, 16, 0)),
        ("Cập nhật ngày 16/09/2023 09:20 sáng", dt.datetime(2023, 9, 16, 9, 20)),
        ("Cập nhật ngày 16/09/2023 12:20 trưa", dt.datetime(2023, 9, 16, 12, 20)),
    ],
)
def test_stamps(line: str, value: dt.date) -> None:
    stamp = stamp_of(line, VOCAB)
    assert stamp is not None
    got = stamp.value
    if isinstance(got, dt.datetime):
        got = got.replace(tzinfo=None)
    assert got == value


@pytest.mark.parametrize(
    "line",
    ["Sáng 6-1", "Hội nghị ngày 15/3/2021 tại Hà Nội", "Chỉ thị số 05-CT/TW", "Số 12 - 2021",
     "Tối 24/12/2012 11:05 tối nay"],
)
def test_not_stamps(line: str) -> None:
    assert stamp_of(line, VOCAB) is None


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        # A domain, by the outlet table; the last copyright line is the page's own.
        (["© Copyright 1997 - VnExpress.net, All rights reserved"], "VnExpress"),
        (["Copyright © 2011 Example.com.vn", "© 2023 TUOITRE.VN"], "Tuổi Trẻ Online"),
        # A domain the table does not know, as the page writes it; an e-mail address is none.
        (["Copyright © 2011 baolangson.vn"], "baolangson.vn"),
        (["Copyright © Tin Nhanh, thư điện tử: toasoan@vnexpress.net"], "Tin Nhanh"),
        # An owner's name, as the table spells that outlet ("Báo Thanh Niên" = "Thanh Niên Online").
        (["© 2003-2012 Bản quyền thuộc về Báo Thanh Niên"], "Thanh Niên Online"),
        (["Bản quyền thuộc về Báo Người Lao Động © 2001 - 2011."], "Người Lao Động"),
        (["© Báo điện tử Pháp Luật thành phố Hồ Chí Minh"], "Báo Pháp Luật TP. Hồ Chí Minh"),
        (["® Tuổi Trẻ Online giữ bản quyền nội dung trên website này."], "Tuổi Trẻ Online"),
        (["© Bản quyền thuộc về Báo Điện tử Sông Lam"], "Báo Điện tử Sông Lam"),
        # A company publishes the site: no outlet's name. No copyright mark, no outlet.
        (["© Copyright 2007 - 2026 - Công ty Cổ phần Truyền thông Mới."], None),
        (["Cơ quan chủ quản: Tỉnh ủy Bình Định. Tổng biên tập: Nguyễn Văn A"], None),
        (["Luật sửa đổi quy định về bản quyền tác giả có hiệu lực từ ngày 1/1/2023, " * 12], None),
    ],
)
def test_outlet_from_the_copyright_line(lines: list[str], outlet: str | None) -> None:
    assert outlet_named(lines, {}) == outlet


def test_the_users_outlet_table_names_a_domain_first() -> None:
    assert outlet_named(["© 2024 vnexpress.net"], {"vnexpress.net": "Báo VnExpress"}) == "Báo VnExpress"


@pytest.mark.parametrize(
    ("opening", "outlet"),
    [
        ("TTO - Sáng 5/1, tại TP.HCM, …", "Tuổi Trẻ Online"),  # the shipped table of signatures
        ("(Chinhphu.vn) - Thủ tướng …", "Báo Điện tử Chính phủ"),  # not chinhphu.vn's portal
        ("Hà Nội (TTXVN) - Chiều 5/1, …", "Thông tấn xã Việt Nam (TTXVN)"),
        ("(Soha.vn) - Theo …", "Soha.vn"),  # a domain the outlet table knows
        ("(Báo Nhân Dân) - Sáng 7/1, …", "Báo Nhân Dân"),  # a name the outlet table spells so
        ("(QT) - Để chủ động …", None),  # a signature nobody here knows
        ("Sáng nay - mưa lớn …", None),
        ("UBND tỉnh - cơ quan …", None),
        (None, None),
    ],
)
def test_the_signature_opening_a_story_names_its_outlet(opening: str | None, outlet: str | None) -> None:
    assert outlet_signed(opening, {}) == outlet


def test_the_outlet_comes_from_the_pages_furniture_not_its_article() -> None:
    """A paragraph about copyright names no outlet; the copyright line at the foot does."""
    text = (
        "Kinh tế\nNông dân giữ bản quyền giống lúa mới\nThứ Hai, 15/03/2021 - 08:30\n"
        "Bản quyền thuộc về Hợp tác xã Tân Phú, nơi lai tạo giống lúa, theo quyết định của Bộ.\n\n"
        "Giống lúa cho năng suất cao hơn 15% so với các giống đang trồng tại địa phương.\n\n"
        "Thảo Nguyên\nTin cùng chuyên mục\n© Bản quyền thuộc về Báo Đồng Ruộng\n"
    )
    assert read_page(text, Path("p.txt"), Settings()).site == "Báo Đồng Ruộng"
    no_foot = text.split("Tin cùng chuyên mục")[0]
    assert read_page(no_foot, Path("p.txt"), Settings()).site is None


def test_a_row_of_photo_captions_and_a_short_paragraph() -> None:
    """One-sentence lines set apart, two or more in a row, are a gallery's captions; one alone
    between paragraphs is a paragraph."""
    body = (
        "Thời sự\nHà Nội mở thêm tuyến phố đi bộ quanh hồ Tây\nThứ Hai, 15/03/2021 - 08:30\n"
        "Sáng 15/3, thành phố khai trương tuyến phố đi bộ thứ ba, dài hơn hai cây số quanh hồ.\n\n"
        "Tuyến phố mở cửa từ 19 giờ tối thứ Sáu đến 24 giờ Chủ nhật hằng tuần cho người dân.\n\n"
        "Người dân đi bộ trên phố.\n\n"
        "Gian hàng ẩm thực bên hồ.\n\n"
        "Thảo Nguyên\n"
    )
    article = read_page(body, Path("p.txt"), Settings())
    assert [b.text for b in article.blocks if isinstance(b, Caption)] == [
        "Người dân đi bộ trên phố.", "Gian hàng ẩm thực bên hồ."]
    single = body.replace("Gian hàng ẩm thực bên hồ.\n\n", "")
    article = read_page(single, Path("p.txt"), Settings())
    assert not [b for b in article.blocks if isinstance(b, Caption)]
    assert "Người dân đi bộ trên phố." in [b.text for b in article.blocks]


def test_breadcrumbs() -> None:
    assert breadcrumb("Trang chủ » Tin tức » Kinh tế", VOCAB) == "Kinh tế"
    assert breadcrumb("Trang chủ | Tin tức | Thời sự", VOCAB) == "Thời sự"
    assert breadcrumb("Hà Nội / TP.HCM", VOCAB) is None
    assert breadcrumb("Thời sự - Chính trị", VOCAB) is None
    assert breadcrumb("Tin tức - Sự kiện > Xây dựng Đảng", VOCAB) == "Xây dựng Đảng"
    assert breadcrumb("]]>A", VOCAB) is None  # a step without a letter names no page
    assert breadcrumb("Trang chủ > ** > Kinh tế", VOCAB) is None


def test_extra_chrome_from_the_config_file_extends_the_data_file(tmp_path: Path) -> None:
    plain = read_page(PAGE, tmp_path / "a.txt", Settings())
    texts = [b.text for b in plain.blocks]
    assert "Quảng cáo" in texts and "Mã QR tải ứng dụng 0912" in texts
    options = Settings(extra_chrome=("Quảng cáo", r"re:^Mã QR .*$"))
    cleaned = read_page(PAGE, tmp_path / "a.txt", options)
    dropped = ("Quảng cáo", "Mã QR tải ứng dụng 0912")
    assert [b.text for b in cleaned.blocks] == [t for t in texts if t not in dropped]
    assert set(dropped) <= set(cleaned.removed)
    assert cleaned.authors == ("Thảo Nguyên",)


def test_a_tail_phrase_from_the_config_ends_the_article(tmp_path: Path) -> None:
    options = Settings(extra_chrome=("tail:Quảng cáo",))
    article = read_page(PAGE, tmp_path / "a.txt", options)
    assert article.blocks[-1].text.startswith("Sáng 15/3")
    assert "Thảo Nguyên" in article.removed and article.authors == ()


def test_page_reading(tmp_path: Path) -> None:
    article = read_page(PAGE, tmp_path / "a.txt", Settings())
    assert article.title == "Đảng ủy Khối tổ chức hội nghị tổng kết công tác năm 2020"
    assert article.category == "Thời sự"
    assert article.published == dt.datetime(2021, 3, 15, 8, 30)
    assert article.event_date == dt.date(2021, 3, 15) == article.date


_UNDER_A_LINE = """{above}
Hà Nội khởi công cầu Tứ Liên bắc qua sông Hồng
15/01/2024 08:30

Sáng 15/1, UBND TP Hà Nội tổ chức lễ khởi công xây dựng cầu Tứ Liên, dài 5,6 km, nối Tây Hồ với Đông Anh.

Theo kế hoạch, công trình sẽ hoàn thành vào năm 2027, góp phần giảm tải cho cầu Nhật Tân và cầu Long Biên.
"""


@pytest.mark.parametrize(("above", "category"), [
    ("Thời sự", "Thời sự"),
    ("Giao thông - Đô thị", "Giao thông - Đô thị"),
    ("Tại một lớp học ở Goshiwon.", None),  # a photo's caption
    ("Người thầy dạy sử bằng... thơ", None),  # another article's teaser, cut short
    ("Trang chủ Hậu trường Hollywood", None),  # a trail whose separators were pictures
])
def test_only_a_section_name_over_the_headline_is_its_category(
        above: str, category: str | None, tmp_path: Path) -> None:
    article = read_page(_UNDER_A_LINE.format(above=above), tmp_path / "a.txt", Settings())
    assert article.title == "Hà Nội khởi công cầu Tứ Liên bắc qua sông Hồng"
    assert article.category == category
    assert above not in [b.text for b in article.blocks]


@pytest.mark.parametrize(("banner", "site"), [
    ("Cổng thông tin điện tử huyện Yên Thế", "Cổng thông tin điện tử huyện Yên Thế"),
    ("Báo Lao Động Thủ Đô", "Báo Lao Động Thủ Đô"),  # not the table's "Báo Lao Động"
    ("Báo cáo tổng kết", None),  # a report, no paper
])
def test_the_sites_banner_over_the_headline_names_the_outlet_not_the_category(
        banner: str, site: str | None, tmp_path: Path) -> None:
    article = read_page(_UNDER_A_LINE.format(above=banner), tmp_path / "a.txt", Settings())
    assert article.title == "Hà Nội khởi công cầu Tứ Liên bắc qua sông Hồng"
    assert article.site == site
    assert article.category is None or article.category == banner == "Báo cáo tổng kết"


def test_nfd_input_comes_out_nfc(tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    path.write_bytes(unicodedata.normalize("NFD", PAGE).encode("utf-8"))
    article = read_path(path)[0]
    assert article.title == "Đảng ủy Khối tổ chức hội nghị tổng kết công tác năm 2020"
    for block in article.blocks:
        assert unicodedata.is_normalized("NFC", block.text)


def test_legacy_encoding_is_read_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(encode_legacy(PAGE, "tcvn3"))
    article = read_path(path)[0]
    assert article.title == "Đảng ủy Khối tổ chức hội nghị tổng kết công tác năm 2020"
    assert article.authors == ("Thảo Nguyên",)
    assert any("tcvn3" in w for w in article.warnings)


def test_a_page_of_chrome_alone_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_page("Chia sẻ\n\nBình luận\n", tmp_path / "empty.txt", Settings())
    assert "empty.txt" in str(caught.value)
    with pytest.raises(InputError):
        read_page("\n  \n", tmp_path / "blank.txt", Settings())


def test_html_pages_go_through_the_page_reader(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        """<!doctype html><html><head><title>Báo X - tin tức</title><style>p{}</style></head>
<body><nav><a href="/">Trang chủ</a> » <a>Thời sự</a></nav>
<div class="cat">Thời sự - Chính trị</div>
<h1>Đảng ủy Khối triển khai nhiệm vụ công tác tuyên giáo năm 2021</h1>
<div class="time">21:38' 7/1/2021</div>
<p>Sáng 6-1, tại Hà Nội, Đảng ủy Khối tổ chức Hội nghị tổng kết công tác tuyên giáo năm 2020.</p>
<figure><img src="a.jpg" alt="Đảng ủy Khối triển khai nhiệm vụ ảnh 1">
<figcaption>Quang cảnh Hội nghị - Ảnh: Minh Châu</figcaption></figure>
<p>Năm 2021, Đảng ủy Khối xác định chủ đề công tác tuyên giáo là đề cao trách nhiệm nêu gương.</p>
<p class="author">Thảo Nguyên</p>
<div class="comments"><h3>Ý KIẾN BẠN ĐỌC VỀ BÀI VIẾT NÀY</h3><label>Họ và tên</label></div>
<script>var x = "Ảnh: không";</script></body></html>""",
        encoding="utf-8",
    )
    article = read_path(path)[0]
    assert article.title == "Đảng ủy Khối triển khai nhiệm vụ công tác tuyên giáo năm 2021"
    assert article.category == "Thời sự - Chính trị"
    assert article.published == dt.datetime(2021, 1, 7, 21, 38)
    assert article.event_date == dt.date(2021, 1, 6)
    assert article.authors == ("Thảo Nguyên",)
    assert Caption("Quang cảnh Hội nghị", "Minh Châu") in article.blocks
    assert [b.type for b in article.blocks] == ["paragraph", "image", "caption", "paragraph"]
    assert not any("Họ và tên" in b.text or "Ý KIẾN" in b.text for b in article.blocks)


def test_extra_chrome_through_the_command_and_its_config_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    config = tmp_path / "tgreport.toml"
    config.write_text('[reader]\nextra_chrome = ["Quảng cáo"]\n', encoding="utf-8")
    out = tmp_path / "digest.json"
    assert main([str(folder), "-o", str(out), "--config", str(config), "-q"]) == 0
    (article,) = json.loads(out.read_text(encoding="utf-8"))["articles"]
    assert "Quảng cáo" in article["removed"]
    assert "Quảng cáo" not in [b["text"] for b in article["blocks"]]
    assert article["authors"] == ["Thảo Nguyên"] and article["category"] == "Thời sự"


def test_html_structure_helps_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "structured.html"
    path.write_text(
        """<html><body>
<div class="menu"><a>Trang chủ</a><a>Thời sự</a></div>
<div class="hot">Tin nóng: Hàng nghìn người dân đổ về Quảng trường Ba Đình trong ngày Quốc khánh 2/9</div>
<div class="cat">Xây dựng Đảng</div>
<h1>Nâng cao chất lượng sinh hoạt chi bộ</h1>
<p>Ngày 5/3, Ban Tổ chức Tỉnh ủy tổ chức hội nghị về nâng cao chất lượng sinh hoạt chi bộ năm 2021.</p>
<h2>Nhiều chuyển biến tích cực</h2>
<p>Thời gian qua, chất lượng sinh hoạt chi bộ ở nhiều nơi đã có chuyển biến tích cực, nội dung phong phú.</p>
<figure><img src="https://cdn.example.vn/2021/03/hoi-nghi.jpg?w=800" alt="Nâng cao chất lượng ảnh 1">
<figcaption>Quang cảnh hội nghị. (Ảnh: Hồng Nhung)</figcaption></figure>
<aside><h3>Đọc nhiều</h3><p>Một bài khác hoàn toàn không liên quan đến bài viết này.</p></aside>
<p>Hội nghị đề ra nhiều giải pháp đổi mới nội dung, hình thức sinh hoạt chi bộ trong thời gian tới.</p>
<p>Hồng Nhung</p>
</body></html>""",
        encoding="utf-8",
    )
    article = read_path(path)[0]
    assert article.title == "Nâng cao chất lượng sinh hoạt chi bộ"
    assert article.category == "Xây dựng Đảng"
    assert article.event_date == dt.date(2021, 3, 5)
    assert [(b.type, b.text) for b in article.blocks if b.type != "paragraph"] == [
        ("heading", "Nhiều chuyển biến tích cực"),
        ("image", "hoi-nghi.jpg"),
        ("caption", "Quang cảnh hội nghị."),
    ]
    assert not any("Một bài khác" in b.text or "ảnh 1" in b.text for b in article.blocks)
    assert article.authors == ("Hồng Nhung",)


@pytest.mark.parametrize("declaration", ["<![ A", "<![A[ b ]]>", "<!["])
def test_a_malformed_declaration_does_not_lose_the_page(declaration: str, tmp_path: Path) -> None:
    # The standard library's HTML parser raises AssertionError on these (found by the fuzz test).
    page = tmp_path / "bai.html"
    page.write_text(f"<html><body><h1>Hội nghị tuyên giáo</h1><!-- quảng cáo -->{declaration}"
                    "<p>Sáng 6-1, Ban Tuyên giáo tổ chức hội nghị tổng kết công tác năm 2020.</p>",
                    encoding="utf-8")
    (article,) = read_path(page)
    text = " ".join(b.text for b in article.blocks)
    assert article.title == "Hội nghị tuyên giáo" and "tổng kết công tác năm 2020" in text
    assert "quảng cáo" not in text  # comments stay out, as in a well-formed page
