"""--qr: a QR code to each article's original address under its source line (ReportLab and WeasyPrint
PDF, DOCX, HTML; not the EPUB, whose reader follows the link), read back from the
printed pages by an independent decoder (zxing-cpp) on poppler's rendering of the PDF."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import zxingcpp  # the test extra installs it: a missing decoder fails here, never skips
from PIL import Image

from factories import make_article
from tgreport.export.pdf import PdfExporter, page_numbers
from tgreport.model import Report
from tgreport.settings import Settings

# A long address with Vietnamese letters percent-encoded, as sites print them.
URL = ("https://baotinh.example.vn/chinh-tri/ban-thuong-vu-tinh-uy-lam-viec-voi-huyen-%C4%91oan-"
       "ve-cong-tac-can-bo-nam-2021-123456.html?utm_source=zalo")


def _report() -> Report:
    return Report(title="Bản tin tổng hợp", issued=dt.date(2021, 1, 7), articles=(
        make_article(1, url=URL),
        make_article(2, url=None),  # no address: no code
    ))


def _codes(pdf: bytes, tmp_path: Path) -> list[tuple[int, str]]:
    """(page, text) of every QR code poppler's rendering of each page shows."""
    path = tmp_path / "qr.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(path), str(tmp_path / "page")], check=True)
    found = []
    for png in sorted(tmp_path.glob("page-*.png")):
        page = int(png.stem.rsplit("-", 1)[1])
        with Image.open(png) as image:
            found += [(page, code.text) for code in zxingcpp.read_barcodes(image)
                      if code.format == zxingcpp.BarcodeFormat.QRCode]
    return found


def test_each_article_with_an_address_prints_a_code_that_reads_back_as_it(tmp_path: Path) -> None:
    report = _report()
    pdf = PdfExporter().render(report, Settings(qr=True))
    pages = page_numbers(report, Settings(qr=True))
    codes = _codes(pdf, tmp_path)
    assert codes == [(pages["a1"], URL)]  # on the article's first page; none for the other


def test_without_qr_no_code_is_printed(tmp_path: Path) -> None:
    assert _codes(PdfExporter().render(_report(), Settings()), tmp_path) == []


def test_qr_is_a_setting_of_the_cli_and_the_config(tmp_path: Path) -> None:
    from tgreport.cli import main

    page = tmp_path / "bai.json"
    page.write_text('{"title": "Hội nghị tổng kết công tác năm 2021 của tỉnh", "url": "' + URL + '", '
                    '"date": "2021-12-20", "text": "Sáng 20/12, Tỉnh ủy tổ chức hội nghị tổng kết công '
                    'tác năm 2021, triển khai nhiệm vụ năm 2022."}', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert main([str(page), "--qr", "-q", "-o", str(out / "digest.pdf")]) == 0
    assert [text for _, text in _codes((out / "digest.pdf").read_bytes(), out)] == [URL]
    assert Settings(qr=True).qr and not Settings().qr


def test_the_weasyprint_pdf_prints_the_same_code(tmp_path: Path) -> None:
    from tgreport import render

    pdf = render(_report(), "pdf", Settings(qr=True, engine="weasyprint"))
    codes = _codes(pdf, tmp_path)
    assert [text for _, text in codes] == [URL]


def test_the_docx_prints_the_code_as_libreoffice_shows_it(tmp_path: Path) -> None:
    from tgreport import render

    docx = tmp_path / "qr.docx"
    docx.write_bytes(render(_report(), "docx", Settings(qr=True)))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=300)
    shown = tmp_path / "shown"
    shown.mkdir()
    codes = _codes((tmp_path / "qr.pdf").read_bytes(), shown)
    assert [text for _, text in codes] == [URL]
    without = render(_report(), "docx", Settings())
    assert b"image/png" not in without  # no picture part without --qr


def test_the_html_carries_the_code_and_the_epub_the_link_alone() -> None:
    import io
    import zipfile

    from lxml import html as lxml_html

    from tgreport import render
    from tgreport.present import qr

    page = lxml_html.fromstring(render(_report(), "html", Settings(qr=True)))
    drawn = page.xpath('//div[@class="qr"]/*[local-name()="svg"]')
    assert len(drawn) == 1  # one article has an address
    size, runs = qr.dark_runs(URL)
    assert drawn[0].get("viewbox") == f"0 0 {size} {size}"  # the HTML parser folds attribute case
    assert len(drawn[0][0].get("d").split("z")) - 1 == len(runs)
    assert not lxml_html.fromstring(render(_report(), "html", Settings())).xpath('//div[@class="qr"]')
    with zipfile.ZipFile(io.BytesIO(render(_report(), "epub", Settings(qr=True)))) as epub:
        pages = b"".join(epub.read(name) for name in epub.namelist() if name.endswith(".xhtml"))
    assert b'class="qr"' not in pages and URL.encode() in pages.replace(b"&amp;", b"&")
