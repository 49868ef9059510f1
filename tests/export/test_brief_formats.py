"""The brief (kind = "brief") in every format, from the same report, read back with independent
tools: pdftotext for both PDF engines and LibreOffice's print of the DOCX, the DOCX XML, lxml for
the HTML, epubcheck and the EPUB's XHTML."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from pypdf import PdfReader

from factories import make_article
from tgreport.assemble import build_report
from tgreport.model import Paragraph, Report
from tgreport.pipeline import read, render
from tgreport.settings import Settings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAPERS = ("Nhân Dân", "Quân đội nhân dân", "Nhân Dân")


def brief_report() -> tuple[Report, Settings]:
    settings = Settings(kind="brief", group="publisher", dedup=False, index=False, issued=dt.date(2021, 1, 9))
    articles = [
        make_article(n, publisher=paper, date=dt.date(2021, 1, n), lead=None, url=f"https://example.vn/bai-{n}",
                     title=f"Tin số {n} về công tác tuyên giáo",
                     blocks=(Paragraph(f"Câu đầu của bài {n}. Câu hai của bài {n}. Câu ba. Câu bốn. "
                                       "Câu năm."),))
        for n, paper in enumerate(PAPERS, start=1)
    ]
    return build_report(articles, settings), settings


# What every format must say, in this order (grouped by paper in Vietnamese order: N before Q).
EXPECTED = [
    "I. NHÂN DÂN",
    "1. Tin số 1 về công tác tuyên giáo (Nhân Dân, 01/01)",
    "Câu đầu của bài 1. Câu hai của bài 1. Câu ba. Câu bốn.",
    "Nguồn: https://example.vn/bai-1",
    "2. Tin số 3 về công tác tuyên giáo (Nhân Dân, 03/01)",
    "Câu đầu của bài 3. Câu hai của bài 3. Câu ba. Câu bốn.",
    "Nguồn: https://example.vn/bai-3",
    "II. QUÂN ĐỘI NHÂN DÂN",
    "3. Tin số 2 về công tác tuyên giáo (Quân đội nhân dân, 02/01)",
]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def in_order(text: str) -> None:
    at = 0
    for line in EXPECTED:
        found = text.find(line, at)
        assert found >= 0, (line, text[at:at + 300])
        at = found + len(line)
    assert "Câu năm" not in text  # four sentences at most
    assert "MỤC LỤC" not in text and "Gồm 3 bài viết" not in text  # no TOC, no count: a brief


def pdf_text(path: Path) -> str:
    return squash(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                 check=True).stdout)


@pytest.mark.parametrize("engine", ["reportlab", "weasyprint"])
def test_brief_pdf(engine: str, tmp_path: Path) -> None:
    report, settings = brief_report()
    path = tmp_path / "brief.pdf"
    path.write_bytes(render(report, "pdf", settings.replace(engine=engine)))
    in_order(pdf_text(path))
    reader = PdfReader(path)
    assert len(reader.pages) == 1  # three short items run on under the header
    links = [a.get_object()["/A"].get("/URI") for a in reader.pages[0].get("/Annots", [])]
    assert "https://example.vn/bai-1" in links


@pytest.mark.slow
def test_brief_docx_as_libreoffice_prints_it(tmp_path: Path) -> None:
    report, settings = brief_report()
    docx = tmp_path / "brief.docx"
    docx.write_bytes(render(report, "docx", settings))
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx.read_bytes())).read("word/document.xml"))
    xml_text = squash(" ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")))
    in_order(xml_text)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=300)
    in_order(pdf_text(tmp_path / "brief.pdf"))


def test_brief_html() -> None:
    report, settings = brief_report()
    doc = lxml.html.document_fromstring(render(report, "html", settings).decode("utf-8"))
    in_order(squash(doc.text_content()))
    items = doc.xpath('//article[@class="brief-item"]')
    assert [i.get("id") for i in items] == ["a1", "a2", "a3"]
    assert items[0].xpath('.//a/@href') == ["https://example.vn/bai-1"]
    assert [squash(h.text_content()) for h in doc.xpath('//h2[@class="brief-section"]')] == [
        "I. NHÂN DÂN", "II. QUÂN ĐỘI NHÂN DÂN"]


@pytest.mark.slow
def test_brief_epub_is_valid_and_holds_the_items(tmp_path: Path) -> None:
    report, settings = brief_report()
    data = render(report, "epub", settings)
    book = tmp_path / "brief.epub"
    book.write_bytes(data)
    done = subprocess.run(["java", "-jar", "/usr/share/java/epubcheck.jar", str(book)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and "0 errors / 0 warnings" in done.stdout, done.stdout + done.stderr
    files = zipfile.ZipFile(io.BytesIO(data))
    page = etree.fromstring(files.read("OEBPS/brief.xhtml"))
    in_order(squash("".join(page.itertext())))
    nav = files.read("OEBPS/nav.xhtml").decode("utf-8")
    assert 'href="brief.xhtml#a3"' in nav  # the table of contents points into the one page


def test_brief_json_lists_the_items_beside_the_articles(tmp_path: Path) -> None:
    report, settings = brief_report()
    data = json.loads(render(report, "json", settings))
    assert [s["heading"] for s in data["brief"]] == ["I. NHÂN DÂN", "II. QUÂN ĐỘI NHÂN DÂN"]
    first = data["brief"][0]["items"][0]
    assert first == {"number": 1, "article": "001_sample", "headline": "Tin số 1 về công tác tuyên giáo",
                     "source_date": "(Nhân Dân, 01/01)"}
    assert len(data["articles"]) == 3  # every article's record, as for the full kind,
    # but not its text: the brief is its items, the summaries stand for the texts.
    assert [a["blocks"] for a in data["articles"]] == [[], [], []]
    full = json.loads(render(report, "json", settings.replace(kind="full")))
    assert all(a["blocks"] for a in full["articles"])
    assert [{**a, "blocks": []} for a in full["articles"]] == data["articles"]
    record = next(a for a in data["articles"] if a["id"] == first["article"])
    # The item's summary and link are its article record's, said once.
    assert record["summary"] == "Câu đầu của bài 1. Câu hai của bài 1. Câu ba. Câu bốn."
    assert record["url"] == "https://example.vn/bai-1"
    assert "brief" not in full
    # Read back, the brief's JSON makes the same brief: the summaries come back as given.
    saved = tmp_path / "brief.json"
    saved.write_bytes(render(report, "json", settings))
    again = build_report(read([saved], Settings()).articles, settings)
    assert json.loads(render(again, "json", settings))["brief"] == data["brief"]
    assert [a.summary for a in again.all_articles()] == [a["summary"] for a in data["articles"]]


def test_brief_json_is_laid_out_as_json_dumps_indents_it() -> None:
    report, settings = brief_report()
    text = render(report, "json", settings).decode("utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
