"""Hand-built reports that do not depend on the reader, for every test folder.

`pythonpath = ["tests"]` (pyproject.toml) makes this importable as `factories`; conftest.py
wraps the same builders as fixtures.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tgreport.model import (
    Article,
    Caption,
    Heading,
    Image,
    IndexEntry,
    ListBlock,
    Paragraph,
    Period,
    Quote,
    Related,
    Report,
    Section,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_article(n: int, **fields: object) -> Article:
    """A realistic article with every kind of block; `fields` override any attribute."""
    base: dict[str, object] = {
        "id": f"{n:03d}_sample",
        "source": f"samples/{n:03d}_sample.txt",
        "title": f"Đảng ủy Khối triển khai nhiệm vụ công tác tuyên giáo năm 2021 (bài {n})",
        "date": dt.date(2021, 1, min(n, 28)),
        "published": dt.datetime(2021, 1, min(n, 28), 21, 38),
        "authors": ("Thảo Nguyên",),
        "publisher": "TTXVN/Vietnam+",
        "category": "Thời sự - Chính trị",
        "views": 679,
        "lead": "Tăng cường công tác quản lý đảng viên là một trong những nhiệm vụ trọng tâm năm 2021.",
        "blocks": (
            Paragraph(
                "Sáng 6-1, tại Hà Nội, Đảng ủy Khối Các cơ quan Trung ương tổ chức Hội nghị tổng kết "
                "công tác tuyên giáo năm 2020, triển khai nhiệm vụ năm 2021."
            ),
            Heading("Nhiệm vụ trọng tâm"),
            Paragraph(
                "Tiếp tục thực hiện Chỉ thị số 05-CT/TW gắn với thực hiện Nghị quyết Trung ương 4 "
                "(khóa XII) và Nghị định 30/2020/NĐ-CP về công tác văn thư."
            ),
            Caption("Quang cảnh hội nghị", "Phương Hoa/TTXVN"),
            Image("21.1a.jpg"),
            Quote("“Đề cao trách nhiệm nêu gương của tổ chức đảng và đảng viên”"),
            ListBlock(("Học tập nghị quyết", "Xây dựng chương trình hành động")),
            Related("Năm 2021, công tác tuyên giáo cần đổi mới cả về nội dung, hình thức"),
            Paragraph("Giá trị: 1.234.567,5 ₫ – “trích dẫn” ‘lồng’ — hết…"),
        ),
    }
    base.update(fields)
    return Article(**base)  # type: ignore[arg-type]


def build_sample_report() -> Report:
    """Five articles: one with a derived title, one undated, markup-like text, all block kinds."""
    articles = (
        make_article(1),
        make_article(2, title=None, title_derived=True, authors=(), publisher=None),
        make_article(3, title="Tiêu đề có <b>thẻ</b> & ký tự <para> đặc biệt", category=None),
        make_article(4, authors=("MAI CHI", "Năng Nguyễn")),
        make_article(5, date=None, published=None, views=None),
    )
    return Report(
        title="Bản tin tổng hợp",
        issued=dt.date(2021, 1, 7),
        organisation="Ban Tuyên giáo Đảng ủy Khối",
        place="Hà Nội",
        period=Period(dt.date(2021, 1, 1), dt.date(2021, 1, 4)),
        articles=articles,
        index=(
            IndexEntry("document", "Chỉ thị số 05-CT/TW", ("001_sample", "003_sample")),
            IndexEntry("person", "Nguyễn Minh Chung", ("001_sample",), "Trưởng Ban Tuyên giáo"),
        ),
    )


def build_sectioned_report(sample_report: Report) -> Report:
    """The sample report grouped into two sections."""
    a = sample_report.articles
    return Report(
        title=sample_report.title,
        issued=sample_report.issued,
        organisation=sample_report.organisation,
        place=sample_report.place,
        period=sample_report.period,
        sections=(Section("Thời sự - Chính trị", a[:3]), Section("Xây dựng Đảng", a[3:])),
    )


def make_report(n: int) -> Report:
    """A report of `n` sample articles, for tests that need many pages."""
    return Report(
        title="Bản tin tổng hợp",
        issued=dt.date(2021, 1, 7),
        articles=tuple(make_article(i + 1, id=f"{i + 1:04d}_bulk") for i in range(n)),
    )
