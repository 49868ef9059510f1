"""--highlight / `highlight = [...]`: the office's terms marked wherever articles print them, in
every format, whole words, any case, either tone-mark style, NFC or not; read back from each
format (pypdf's fonts for both PDF engines, the DOCX's runs, the HTML's and the EPUB's <mark>)."""

from __future__ import annotations

import io
import subprocess
import sys
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
from tgreport.pipeline import render
from tgreport.present.highlight import pieces
from tgreport.settings import Settings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# "uỷ" in the other tone style from the text's "ủy", and lower case: both must still match.
TERMS = ("đảng uỷ khối", "Nghị quyết Trung ương 4")
BODY = ("Sáng 6-1, Đảng ủy Khối họp bàn việc thực hiện Nghị quyết Trung ương 4 <khóa XII> & "
        "các nghị quyết khác; ĐẢNG ỦY KHỐI giao nhiệm vụ.")
EXPECTED = ["Đảng ủy Khối", "Nghị quyết Trung ương 4", "ĐẢNG ỦY KHỐI"]


def marked(text: str, terms: tuple[str, ...] = TERMS) -> list[str]:
    return [piece for piece, hit in pieces(text, terms) if hit]


def test_terms_match_whole_words_in_any_case_and_tone_style() -> None:
    assert marked(BODY) == EXPECTED
    assert marked("Hòa Bình và Thủy lợi", ("hoà bình", "thuỷ lợi")) == ["Hòa Bình", "Thủy lợi"]
    assert marked("hoà bình, Thuỷ lợi", ("Hòa Bình", "thủy lợi")) == ["hoà bình", "Thuỷ lợi"]
    assert marked("Ban Bí thư bán hàng ở Bangkok", ("ban",)) == ["Ban"]  # no "bán", no "Bang…"
    assert marked("Nghị quyết\u00a0 Trung  ương 4", TERMS) == ["Nghị quyết\u00a0 Trung  ương 4"]
    decomposed = unicodedata.normalize("NFD", "Đảng ủy Khối họp")
    assert marked(decomposed) == ["Đảng ủy Khối"]  # pieces are NFC, as the model is
    assert "".join(p for p, _ in pieces(BODY, TERMS)) == BODY
    assert pieces(BODY, ()) == ((BODY, False),)


def test_the_longest_term_wins() -> None:
    assert marked("Nghị quyết Trung ương 4 và Nghị quyết khác", ("Nghị quyết", "Nghị quyết Trung ương 4")) \
        == ["Nghị quyết Trung ương 4", "Nghị quyết"]


def report(terms: tuple[str, ...] = TERMS) -> tuple[Report, Settings]:
    settings = Settings(dedup=False, index=False, highlight=terms)
    article = make_article(1, title="Hội nghị tổng kết", lead=None, blocks=(Paragraph(BODY),))
    return build_report([article], settings), settings


def _bold_runs(data: bytes) -> list[str]:
    """The texts pypdf finds drawn in a bold face on the article's page (its title aside)."""
    reader = PdfReader(io.BytesIO(data))
    found: list[str] = []

    def visit(text: str, cm: object, tm: object, font: dict[str, object] | None, size: float) -> None:
        if font and "Bold" in str(font.get("/BaseFont")) and text.strip():
            found.append(" ".join(text.split()))

    reader.pages[-1].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("engine", ["reportlab", "weasyprint"])
def test_the_pdf_prints_the_terms_bold(engine: str) -> None:
    rep, settings = report()
    bold = " | ".join(_bold_runs(render(rep, "pdf", settings.replace(engine=engine))))
    for term in EXPECTED:  # a term broken over two lines is two runs: compare the words
        assert " ".join(term.split()) in bold.replace(" | ", " "), (term, bold)
    assert "họp" not in bold and "khóa XII" not in bold
    unmarked, _ = report(())
    plain = " | ".join(_bold_runs(render(unmarked, "pdf", settings.replace(engine=engine, highlight=()))))
    assert "Nghị quyết" not in plain  # without terms nothing in the text is bold


def test_the_docx_highlights_the_terms() -> None:
    rep, settings = report()
    data = render(rep, "docx", settings)
    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    runs = [r for r in xml.iter(f"{W}r") if r.find(f"{W}rPr/{W}highlight") is not None]
    assert ["".join(t.text or "" for t in r.iter(f"{W}t")) for r in runs] == EXPECTED
    assert all(r.find(f"{W}rPr/{W}b") is not None for r in runs)


def _html_marks(root: object, tag: str) -> list[str]:
    return ["".join(m.itertext()) for m in root.iter(tag)]  # type: ignore[attr-defined]


def test_html_and_epub_mark_the_terms_and_nothing_inside_markup() -> None:
    rep, settings = report()
    page = render(rep, "html", settings).decode("utf-8")
    doc = lxml.html.document_fromstring(page)
    assert _html_marks(doc, "mark") == EXPECTED
    body = doc.xpath('//main//p[contains(., "họp bàn")]')[0]
    assert body.text_content() == BODY  # "<khóa XII>" and "&" print as written
    with zipfile.ZipFile(io.BytesIO(render(rep, "epub", settings))) as zf:
        xhtml = etree.fromstring(zf.read("OEBPS/articles-0001.xhtml"))
    assert _html_marks(xhtml, f"{XHTML}mark") == EXPECTED


def test_a_title_is_marked_in_the_article_not_in_the_toc() -> None:
    settings = Settings(dedup=False, index=False, highlight=TERMS)
    titled = build_report([make_article(1, title="Đảng ủy Khối họp", blocks=(Paragraph("Tin."),))], settings)
    doc = lxml.html.document_fromstring(render(titled, "html", settings).decode("utf-8"))
    assert [m.text_content() for m in doc.xpath("//main//h2//mark")] == ["Đảng ủy Khối"]
    assert doc.xpath('//nav[@id="toc"]//li')  # the entry is there, its title plain as in the PDF
    assert not doc.xpath('//nav[@id="toc"]//mark')


def test_the_brief_marks_its_summaries(tmp_path: Path) -> None:
    rep, settings = report()
    doc = lxml.html.document_fromstring(render(rep, "html", settings.replace(kind="brief")).decode())
    assert _html_marks(doc, "mark") == EXPECTED
    xml = etree.fromstring(zipfile.ZipFile(io.BytesIO(render(rep, "docx", settings.replace(kind="brief"))))
                           .read("word/document.xml"))
    assert len([r for r in xml.iter(f"{W}r") if r.find(f"{W}rPr/{W}highlight") is not None]) == 3
    bold = " ".join(_bold_runs(render(rep, "pdf", settings.replace(kind="brief"))))
    assert "ĐẢNG ỦY KHỐI" in bold


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "make-report"), *args], capture_output=True,
                          text=True)


def test_the_flag_repeats_and_the_config_gives_a_list(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bai.txt").write_text(f"Hội nghị tổng kết\n\n{BODY}\n", encoding="utf-8")
    out = tmp_path / "d.html"
    done = _cli(str(folder), "-o", str(out), "--highlight", "đảng uỷ khối", "--highlight",
                "Nghị quyết Trung ương 4")
    assert done.returncode == 0, done.stderr
    assert _html_marks(lxml.html.document_fromstring(out.read_text("utf-8")), "mark") == EXPECTED
    config = tmp_path / "report.toml"
    config.write_text('highlight = ["Nghị quyết Trung ương 4"]\n', encoding="utf-8")
    done = _cli("--config", str(config), str(folder), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert _html_marks(lxml.html.document_fromstring(out.read_text("utf-8")), "mark") == EXPECTED[1:2]


def test_a_bad_highlight_value_is_one_line_naming_the_file(tmp_path: Path) -> None:
    config = tmp_path / "report.toml"
    config.write_text('highlight = "Đảng ủy"\n', encoding="utf-8")
    done = _cli("--config", str(config), str(tmp_path), "-o", str(tmp_path / "d.pdf"))
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode != 0 and len(lines) == 1, done.stderr
    assert "report.toml" in lines[0] and "highlight" in lines[0] and "Traceback" not in done.stderr
