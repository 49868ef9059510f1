"""The last block: "Nơi nhận" bottom left (label bold italic 12 pt, items 11 pt, "- …;" and the
last "- ….") and the signer bottom right (authority and title in bold capitals at the header's
size, 13 pt State / 14 pt Party, room to sign, the name in bold), as Decree 30/2020/NĐ-CP,
Appendix I, lays it out; read back from both PDFs (pypdf: faces, sizes, positions), the DOCX's
XML, the HTML and the EPUB."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from pypdf import PdfReader

from factories import make_article
from tgreport.assemble import build_report
from tgreport.model import Report
from tgreport.pipeline import render
from tgreport.present.signature import SIGNATURE_ROOM, recipient_lines, signature
from tgreport.settings import Settings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SIGNER = {"title": ["KT. Chánh Văn phòng", "PHÓ CHÁNH VĂN PHÒNG"], "name": "Nguyễn Văn A"}
RECIPIENTS = ["Như trên", "Thường trực Tỉnh ủy;", "- Lưu: VT, VP."]
ITEMS = ["- Như trên;", "- Thường trực Tỉnh ủy;", "- Lưu: VT, VP."]
TITLE = ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]


def made(header: str = "state", **more: object) -> tuple[Report, Settings]:
    settings = Settings(dedup=False, index=False, header=header, organisation=["UBND TỈNH X", "VĂN PHÒNG"],
                        signer=SIGNER, recipients=RECIPIENTS, **more)  # type: ignore[arg-type]
    return build_report([make_article(1), make_article(2)], settings), settings


def test_recipients_are_dashed_and_punctuated_once() -> None:
    assert recipient_lines(tuple(RECIPIENTS)) == tuple(ITEMS)
    assert recipient_lines(("Lưu VP",)) == ("- Lưu VP.",)


@pytest.mark.parametrize("header, size", [("state", 13.0), ("party", 14.0), ("plain", 13.0)])
def test_the_block_is_worded_and_sized_once(header: str, size: float) -> None:
    block = signature(made(header)[0])
    assert block is not None
    label, *items = block.recipients
    assert (label.text, label.size, label.bold, label.italic) == ("Nơi nhận:", 12.0, True, True)
    assert [(i.text, i.size, i.bold) for i in items] == [(t, 11.0, False) for t in ITEMS]
    signer = [*TITLE, "Nguyễn Văn A"]
    assert [(s.text, s.size, s.bold) for s in block.signer] == [(t, size, True) for t in signer]
    assert block.signer[-1].space_before == SIGNATURE_ROOM


def test_no_signer_and_no_recipients_no_block() -> None:
    assert signature(build_report([make_article(1)], Settings(dedup=False))) is None


def _placed(data: bytes) -> dict[str, tuple[str, float, float, float]]:
    """Text on the last page → (font, size in points, x, y from the page's foot), from pypdf."""
    found: dict[str, tuple[str, float, float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: dict[str, object] | None,
              size: float) -> None:
        if not text.strip() or font is None:
            return
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        found[text.strip()] = (str(font.get("/BaseFont")), round(size * abs(cm[0]) * abs(tm[0]), 1), x, y)

    PdfReader(io.BytesIO(data)).pages[-1].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("engine", ["reportlab", "weasyprint"])
@pytest.mark.parametrize("kind", ["full", "brief"])
def test_the_pdf_lays_the_block_out_as_decree_30_says(engine: str, kind: str) -> None:
    report, settings = made()
    placed = _placed(render(report, "pdf", settings.replace(engine=engine, kind=kind)))
    middle = 595.28 / 2  # A4
    font, size, x_label, y_label = placed["Nơi nhận:"]
    assert "Bold" in font and "Italic" in font and size == 12.0 and x_label < middle / 2
    for item in ITEMS:
        font, size, x, y = placed[item]
        assert "Bold" not in font and size == 11.0 and abs(x - x_label) < 1 and y < y_label
    ys = []
    for line in [*TITLE, "Nguyễn Văn A"]:
        font, size, x, y = placed[line]
        assert "Bold" in font and "Italic" not in font and size == 13.0 and x > middle - 20, line
        ys.append(y)
    assert abs(ys[0] - y_label) < 3  # the two columns start level
    assert ys[0] > ys[1] and ys[1] - ys[2] >= SIGNATURE_ROOM  # room to sign above the name


def test_the_docx_writes_the_same_block() -> None:
    report, settings = made("party")
    data = render(report, "docx", settings)
    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    table = next(t for t in xml.iter(f"{W}tbl") if "Nơi nhận:" in "".join(t.itertext()))
    left, right = table.findall(f"{W}tr/{W}tc")

    def lines(cell: etree._Element) -> list[tuple[str, int, bool, bool, str]]:
        out = []
        for p in cell.iter(f"{W}p"):
            rpr = p.find(f"{W}r/{W}rPr")
            size = int(rpr.find(f"{W}sz").get(f"{W}val"))  # type: ignore[union-attr]
            out.append(("".join(p.itertext()), size, rpr.find(f"{W}b") is not None,
                        rpr.find(f"{W}i") is not None, p.find(f"{W}pPr/{W}jc").get(f"{W}val")))  # type: ignore
        return out

    items = [(t, 22, False, False, "left") for t in ITEMS]
    assert lines(left) == [("Nơi nhận:", 24, True, True, "left"), *items]
    assert lines(right) == [(t, 28, True, False, "center") for t in [*TITLE, "Nguyễn Văn A"]]
    name = list(right.iter(f"{W}p"))[-1]
    assert int(name.find(f"{W}pPr/{W}spacing").get(f"{W}before")) == SIGNATURE_ROOM * 20  # type: ignore


def _html_block(root: etree._Element, ns: str = "") -> tuple[list[str], list[str]]:
    table = next(t for t in root.iter(f"{ns}table") if t.get("class") == "signature")
    cells = table.findall(f"{ns}tr/{ns}td") or table.findall(f"{ns}tbody/{ns}tr/{ns}td")
    return [["".join(p.itertext()) for p in c.iter(f"{ns}p")] for c in cells]  # type: ignore[return-value]


def test_html_and_epub_end_with_the_block() -> None:
    report, settings = made()
    doc = lxml.html.document_fromstring(render(report, "html", settings).decode("utf-8"))
    assert _html_block(doc) == [["Nơi nhận:", *ITEMS], [*TITLE, "Nguyễn Văn A"]]
    bolds = doc.xpath('//table[@class="signature"]//p[contains(@class, "sig-bold")]')
    assert [p.text_content() for p in bolds] == ["Nơi nhận:", *TITLE, "Nguyễn Văn A"]
    with zipfile.ZipFile(io.BytesIO(render(report, "epub", settings))) as zf:
        page = etree.fromstring(zf.read("OEBPS/articles-0001.xhtml"))
    assert _html_block(page, XHTML) == [["Nơi nhận:", *ITEMS], [*TITLE, "Nguyễn Văn A"]]
    # After the last article, not after each.
    body = page.find(f"{XHTML}body")
    assert [e.get("id") or e.get("class") for e in body] == ["a1", "a2", "signature"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "make-report"), *args], capture_output=True,
                          text=True)


BAD = ['signer = "TRƯỞNG BAN"', "signer = { title = 3 }", 'recipients = "Như trên"',
       'signer = { title = "TRƯỞNG BAN", nam = "A" }']


@pytest.mark.parametrize("line", BAD)
def test_a_bad_signer_or_recipients_is_one_line_naming_the_file(tmp_path: Path, line: str) -> None:
    config = tmp_path / "report.toml"
    config.write_text(line + "\n", encoding="utf-8")
    done = _cli("--config", str(config), str(tmp_path), "-o", str(tmp_path / "d.pdf"))
    lines = [out for out in done.stderr.splitlines() if out.strip()]
    assert done.returncode != 0 and len(lines) == 1, done.stderr
    assert "report.toml" in lines[0] and ("signer" in lines[0] or "recipients" in lines[0])
    assert "Traceback" not in done.stderr
