"""Photos in the DOCX as LibreOffice lays it out (what Word would show): every photo drawn, at
150 to 300 dpi, on the page of its caption, and the TOC's stored page numbers (estimated with
each photo's height) still the pages the articles start on."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx_helpers import make_article, toc_entries

from pictures import photo
from tgreport.model import Caption, Image, Paragraph, Report
from tgreport.pipeline import render
from tgreport.read.photos import photo_box
from tgreport.read.picture import prepare
from tgreport.settings import Settings

pytestmark = pytest.mark.slow

SENTENCE = ("Sáng 6-1, tại Hà Nội, Ban Tuyên giáo tổ chức hội nghị tổng kết công tác năm 2020, triển "
            "khai nhiệm vụ năm 2021 với nhiều nội dung quan trọng của công tác tuyên truyền.")


def test_libreoffice_draws_each_photo_with_its_caption_and_the_toc_pages_hold(tmp_path: Path) -> None:
    picture = prepare(photo(1600, 1200), photo_box(Settings()))
    articles = []
    for n in range(1, 25):  # the photo at every height of the page: some must move on
        blocks = (*[Paragraph(SENTENCE)] * n, Image("anh.jpg", "anh.jpg", picture),
                  Caption(f"Chú thích ảnh của bài {n}", "Minh Châu"), Paragraph(SENTENCE))
        articles.append(make_article(n, blocks=blocks))
    report = Report(title="Ảnh trong DOCX", issued=articles[0].date, articles=tuple(articles))  # type: ignore[arg-type]
    data = render(report, "docx", Settings())
    docx = tmp_path / "photos.docx"
    docx.write_bytes(data)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "photos.pdf"
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in listed.stdout.splitlines()[2:]]
    assert len(rows) == 24
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")[:-1]]
    for n, row in enumerate(rows, 1):
        page, x_ppi, y_ppi = int(row[0]), int(row[12]), int(row[13])
        assert 150 <= x_ppi <= 300 and 150 <= y_ppi <= 300, row
        assert f"Chú thích ảnh của bài {n}" in pages[page - 1], (n, page)
    for anchor, (entry, stored) in toc_entries(data).items():
        heading = " ".join(entry.replace("\t", " ").split())[:50]  # "3. Đảng ủy Khối …"
        starts = [i for i, page in enumerate(pages, 1)
                  if "....." not in page and re.sub(r"^\d+ ", "", page).startswith(heading)]
        assert starts and starts[0] == stored, (anchor, entry, stored, starts)
