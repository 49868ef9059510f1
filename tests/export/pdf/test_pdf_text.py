"""The words come back out: pdftotext finds every title, paragraph and cover line as written."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from pdf_helpers import make_article, make_report, read_back, render, squash

from tgreport import present
from tgreport.model import Paragraph, Report


def block_texts(report: Report) -> list[str]:
    """Every piece of the source text an article page must show."""
    texts = []
    for a in report.all_articles():
        texts.append(present.display_title(a))
        texts.append(present.meta_line(a))
        if a.lead:
            texts.append(a.lead)
        for b in a.blocks:
            if b.type == "list":
                texts += list(b.text.split("\n"))
            elif b.type != "image":
                texts.append(b.text)
        texts += list(a.authors)
    return [t for t in texts if t]


def test_every_title_and_paragraph_comes_back(sample_report: Report, tmp_path: Path) -> None:
    back = read_back(render(sample_report), tmp_path)
    body = back.body()
    missing = [t for t in block_texts(sample_report) if squash(t) not in body]
    assert missing == []


def test_modern_theme_text_comes_back(sectioned_report: Report, tmp_path: Path) -> None:
    back = read_back(render(sectioned_report, "modern"), tmp_path)
    missing = [t for t in block_texts(sectioned_report) if squash(t) not in back.body()]
    assert missing == []


def test_markup_like_text_prints_literally(tmp_path: Path) -> None:
    nasty = [
        "Tiêu đề có <b>thẻ</b> & ký tự <para> đặc biệt",
        'Đoạn <font name="x">chữ</font> và </b> thẻ không cân <i> mở',
        "So sánh a < b > c && d; thực thể &amp; &nbsp; &#x110; giữ nguyên",
        "<para><br/><img src='x.png'/></para>",
    ]
    article = make_article(1, title=nasty[0], blocks=tuple(Paragraph(t) for t in nasty[1:]), lead=None)
    report = dataclasses.replace(make_report(1), articles=(article,))
    body = read_back(render(report), tmp_path).body()
    for text in nasty:
        assert squash(text) in body


def test_cover_says_who_what_when(sample_report: Report, tmp_path: Path) -> None:
    cover = read_back(render(sample_report), tmp_path).page(1)
    assert "BAN TUYÊN GIÁO ĐẢNG ỦY KHỐI" in cover
    assert "BẢN TIN TỔNG HỢP" in cover
    assert "Từ ngày 01 tháng 01 năm 2021 đến ngày 04 tháng 01 năm 2021" in cover
    assert "Gồm 5 bài viết" in cover
    assert "Hà Nội, ngày 07 tháng 01 năm 2021" in cover


def test_article_page_parts(sample_report: Report, tmp_path: Path) -> None:
    back = read_back(render(sample_report), tmp_path)
    body = back.body()
    meta = "ngày 01 tháng 01 năm 2021, 21 giờ 38 · Thời sự - Chính trị · TTXVN/Vietnam+ · 679 lượt xem"
    assert meta in body
    credit = present.CAPTION_CREDIT.format(credit="Phương Hoa/TTXVN")
    assert f"Quang cảnh hội nghị ({credit})" in body
    assert f"{present.RELATED_PREFIX}Năm 2021, công tác tuyên giáo cần đổi mới" in body
    assert "21.1a.jpg" not in body  # pictures are not embedded, and file names are not content
    # The derived title is flagged as such, right under it.
    derived = present.display_title(sample_report.articles[1])
    assert f"2. {derived} {present.DERIVED_TITLE_NOTE}" in body


def test_page_numbers_printed_in_top_margin_except_cover(sample_report: Report, tmp_path: Path) -> None:
    back = read_back(render(sample_report), tmp_path)
    assert len(back.raw) >= 8
    firsts = [page.strip("\n").split("\n")[0].strip() for page in back.raw]
    assert firsts[0] != "1"
    assert firsts[1:] == [str(k) for k in range(2, len(back.raw) + 1)]


def test_document_codes_never_break_across_lines(tmp_path: Path) -> None:
    codes = ["05-CT/TW", "30/2020/NĐ-CP", "36-HD/VPTW", "123/2021/QĐ-UBND", "35-NQ/TW"]
    words = "Thực hiện văn bản số {} về công tác"
    text = " ".join(words.format(codes[i % len(codes)]) for i in range(60))
    article = make_article(1, blocks=(Paragraph(text),), lead=None)
    report = dataclasses.replace(make_report(1), articles=(article,))
    # A narrow column forces many line breaks next to the codes.
    data = render(report, margin_left_mm=60.0, margin_right_mm=60.0)
    raw = "\n".join(read_back(data, tmp_path).raw)
    lines = raw.count("\n")
    assert lines > 40  # the paragraph really was broken into many lines
    for code in codes:
        assert len(re.findall(re.escape(code), raw)) == text.count(code), code
