"""Photos in every format, read back with tools that are not tgreport: pdfimages for the PDF's
pictures and their resolution, the DOCX's parts and drawing XML, the EPUB's manifest and
epubcheck, an HTML parser for the page's data: URIs. Each photo is the prepared bytes
(read/picture.py), stays on the page of its caption, and prints between 150 and 300 dpi."""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from factories import make_article
from pictures import photo
from tgreport.model import Article, Caption, Image, Paragraph, Report
from tgreport.pipeline import render
from tgreport.read.photos import photo_box
from tgreport.read.picture import prepare
from tgreport.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent / "html"))
from html_helpers import epubcheck

BOX = photo_box(Settings())
SIZES = [(1600, 1000), (4000, 2600), (400, 300), (700, 3000)]  # at 185 dpi, scaled down, small, tall
TEXT = ("Sáng 6-1, tại Hà Nội, Ban Tuyên giáo tổ chức hội nghị tổng kết công tác năm 2020, triển khai "
        "nhiệm vụ năm 2021 với nhiều nội dung quan trọng của công tác tuyên truyền. ") * 6


def photo_report() -> Report:
    articles = []
    for n, size in enumerate(SIZES, 1):
        picture = prepare(photo(*size), BOX)
        blocks = (Paragraph(TEXT), Paragraph(TEXT), Image(f"anh-{n}.jpg", f"bai_files/anh-{n}.jpg", picture),
                  Caption(f"Chú thích ảnh số {n} ở hội nghị", "Minh Châu"), Paragraph(TEXT))
        articles.append(make_article(n, blocks=blocks))
    return Report(title="Bản tin có ảnh", issued=articles[0].date, articles=tuple(articles))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def report() -> Report:
    return photo_report()


def pictures(report: Report) -> list[bytes]:
    return [b.picture.data for a in report.all_articles() for b in a.blocks
            if isinstance(b, Image) and b.picture is not None]


def pdf_images(data: bytes, tmp_path: Path) -> list[dict[str, str]]:
    pdf = tmp_path / "photos.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    names = lines[0].split()
    return [dict(zip(names, line.split(), strict=False)) for line in lines[2:]]


def page_text(data: bytes, tmp_path: Path, page: int) -> str:
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


@pytest.mark.parametrize("engine", ["reportlab", "weasyprint"])
def test_pdf_has_each_photo_at_150_to_300_dpi_on_its_captions_page(
        report: Report, engine: str, tmp_path: Path) -> None:
    data = render(report, "pdf", Settings(engine=engine))
    found = pdf_images(data, tmp_path)
    assert len(found) == len(SIZES), found
    for n, image in enumerate(found, 1):
        assert 150 <= int(image["x-ppi"]) <= 300 and 150 <= int(image["y-ppi"]) <= 300, image
        assert f"Chú thích ảnh số {n}" in page_text(data, tmp_path, int(image["page"]))
    if engine == "reportlab":  # the JPEG itself, not decoded and compressed again
        assert all(image["enc"] == "jpeg" for image in found)
        for picture in pictures(report):
            assert picture in data
    assert render(report, "pdf", Settings(engine=engine)) == data  # the same bytes twice


def test_docx_holds_each_photo_as_a_part_drawn_at_its_printed_size(report: Report) -> None:
    data = render(report, "docx", Settings())
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        names = docx.namelist()
        rels = etree.fromstring(docx.read("word/_rels/document.xml.rels"))
        document = etree.fromstring(docx.read("word/document.xml"))
        types = docx.read("[Content_Types].xml").decode()
        media = {name: docx.read(name) for name in names if name.startswith("word/media/")}
    assert sorted(media.values()) == sorted(pictures(report))
    assert "image/jpeg" in types
    targets = {r.get("Id"): r.get("Target") for r in rels}
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
          "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
          "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    drawings = document.findall(".//w:drawing", ns)
    assert len(drawings) == len(SIZES)
    for drawing, picture in zip(drawings, [b.picture for a in report.all_articles() for b in a.blocks
                                           if isinstance(b, Image)], strict=True):
        assert picture is not None
        embed = drawing.find(".//a:blip", ns).get(f"{{{ns['r']}}}embed")
        assert media["word/" + targets[embed]] == picture.data
        extent = drawing.find(".//wp:extent", ns)
        assert abs(int(extent.get("cx")) / 12700 - picture.width_pt) < 0.1
        assert abs(int(extent.get("cy")) / 12700 - picture.height_pt) < 0.1
        paragraph = drawing.getparent().getparent()
        assert paragraph.find("w:pPr/w:keepNext", ns) is not None  # kept with the caption below
        caption = paragraph.getnext()
        assert caption.find("w:pPr/w:pStyle", ns).get(f"{{{ns['w']}}}val") == "Caption"


def test_epub_lists_each_photo_and_passes_epubcheck(report: Report, tmp_path: Path) -> None:
    data = render(report, "epub", Settings())
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        opf = etree.fromstring(book.read("OEBPS/content.opf"))
        files = {name: book.read(name) for name in book.namelist()}
        # A JPEG is compressed already: stored as it is; the pages are deflated.
        methods = {i.filename: i.compress_type for i in book.infolist()}
    assert {m for name, m in methods.items() if "/images/" in name} == {zipfile.ZIP_STORED}
    assert {m for name, m in methods.items() if name.endswith(".xhtml")} == {zipfile.ZIP_DEFLATED}
    items = [i for i in opf.iter("{http://www.idpf.org/2007/opf}item")
             if i.get("href", "").startswith("images/")]
    assert sorted(files["OEBPS/" + i.get("href")] for i in items) == sorted(pictures(report))
    assert {i.get("media-type") for i in items} == {"image/jpeg"}
    shown = [src for name, body in files.items() if name.endswith(".xhtml")
             for src in re.findall(rb'<img src="([^"]+)"', body)]
    assert sorted(s.decode() for s in shown) == sorted(i.get("href") for i in items)
    checked = epubcheck(data, tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_html_inlines_each_photo_as_a_data_uri(report: Report) -> None:
    page = lxml.html.document_fromstring(render(report, "html", Settings()).decode("utf-8"))
    images = page.xpath("//figure[@class='photo']/img")
    found = []
    for img in images:
        head, _, body = img.get("src").partition(",")
        assert head == "data:image/jpeg;base64"
        found.append(base64.b64decode(body))
        caption = img.getparent().getnext()
        assert caption.tag == "figure" and "Chú thích ảnh số" in caption.text_content()
    assert found == pictures(report)


def test_json_keeps_the_photos_address_not_its_bytes(report: Report) -> None:
    data = json.loads(render(report, "json", Settings()))
    blocks = [b for a in data["articles"] for b in a["blocks"] if b["type"] == "image"]
    assert [b["src"] for b in blocks] == [f"bai_files/anh-{n}.jpg" for n in range(1, len(SIZES) + 1)]
    assert all(set(b) == {"type", "text", "src"} for b in blocks)


def test_no_prepared_photo_no_picture_in_any_format(report: Report, tmp_path: Path) -> None:
    def unprepared(a: Article) -> Article:
        return dataclasses.replace(a, blocks=tuple(
            dataclasses.replace(b, picture=None) if isinstance(b, Image) else b for b in a.blocks))

    bare = dataclasses.replace(report, articles=tuple(unprepared(a) for a in report.articles))
    assert pdf_images(render(bare, "pdf", Settings()), tmp_path) == []
    with zipfile.ZipFile(io.BytesIO(render(bare, "docx", Settings()))) as docx:
        assert not [n for n in docx.namelist() if n.startswith("word/media/")]
    assert b"<img" not in render(bare, "html", Settings())


@pytest.mark.parametrize("engine", ["reportlab", "weasyprint"])
def test_photo_never_parts_from_its_caption_at_a_page_end(engine: str, tmp_path: Path) -> None:
    # 1 to 20 short paragraphs before a photo half a page high put it at every height of the page;
    # where the photo would fit at the bottom and its caption not, the two move on together.
    picture = prepare(photo(1600, 1200), BOX)
    sentence = TEXT[: TEXT.index(". ") + 1]
    articles = []
    for n in range(1, 21):
        blocks = (*[Paragraph(sentence)] * n, Image("anh.jpg", "anh.jpg", picture),
                  Caption(f"Chú thích ảnh của bài {n}", "Minh Châu"), Paragraph(sentence))
        articles.append(make_article(n, blocks=blocks))
    report = Report(title="Ảnh cuối trang", issued=articles[0].date, articles=tuple(articles))  # type: ignore[arg-type]
    data = render(report, "pdf", Settings(engine=engine))
    found = pdf_images(data, tmp_path)
    assert len(found) == 20
    moved = 0
    for n, image in enumerate(found, 1):
        page = int(image["page"])
        text = page_text(data, tmp_path, page)
        assert f"Chú thích ảnh của bài {n}" in text, (n, page)
        moved += f"(bài {n})" not in text  # the photo went on past its title's page
    assert 0 < moved < 20, "the photos did not sweep the page: the test would miss a parted caption"
