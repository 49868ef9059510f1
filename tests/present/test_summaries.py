"""Each article's summary: the config's ([summaries], by id or URL) wins, then the input's
("summary" in tgreport's JSON, newspaper4k's `summary`), then the lead, then the first sentences;
and, with toc_summaries, printed under each TOC entry of the full kind in every format, the TOC's
page numbers still right (read back with pdftotext, the DOCX XML and an HTML parser)."""

from __future__ import annotations

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

from factories import make_article
from tgreport import present
from tgreport.assemble import build_report
from tgreport.assemble.summaries import summary
from tgreport.contract import article_from_dict, article_to_dict
from tgreport.model import Report
from tgreport.pipeline import render
from tgreport.read.scraper_shapes import to_contract
from tgreport.settings import Settings

GIVEN = "Tóm tắt do văn phòng viết: hội nghị bàn nhiệm vụ tuyên giáo năm 2021."


def test_the_json_input_summary_is_read_and_written_back() -> None:
    record = article_to_dict(make_article(1))
    assert "summary" not in record  # none given: the record keeps its shape
    record["summary"] = GIVEN
    article = article_from_dict(record, source="x.json", default_id="x")
    assert article.summary == GIVEN and summary(article) == GIVEN
    assert article_to_dict(article)["summary"] == GIVEN


def test_newspaper4k_summary_is_taken() -> None:
    record = {"title": "Tin", "text": "Câu một. Câu hai.", "url": "https://nhandan.vn/a.html",
              "publish_date": "2021-01-07", "summary": GIVEN}
    contract, unused = to_contract(record)
    assert "summary" not in unused
    assert article_from_dict(contract, source="x.json", default_id="x").summary == GIVEN


def test_the_lead_then_the_first_sentences_stand_in() -> None:
    with_lead = make_article(1)
    assert summary(with_lead) == with_lead.lead
    no_lead = dataclasses.replace(with_lead, lead=None)
    assert summary(no_lead).startswith("Sáng 6-1, tại Hà Nội")


def test_the_config_summary_wins_by_id_or_url(caplog: pytest.LogCaptureFixture) -> None:
    a1 = make_article(1, summary="Tóm tắt của nguồn.")
    a2 = make_article(2, url="https://nhandan.vn/bai-2.html")
    a3 = make_article(3)
    settings = Settings(dedup=False, index=False, summaries={
        a1.id: "Một.", "https://nhandan.vn/bai-2.html": "Hai.", "khong-co-bai-nay": "Ba."})
    report = build_report([a1, a2, a3], settings)
    assert [summary(a) for a in report.all_articles()] == ["Một.", "Hai.", a3.lead]
    assert any("summaries name no article of the report: khong-co-bai-nay" in w for w in report.warnings)


def test_a_bad_summaries_table_is_one_clear_line(tmp_path: Path) -> None:
    config = tmp_path / "report.toml"
    config.write_text('[summaries]\n"001_sample" = 3\n', encoding="utf-8")
    command = [str(Path(sys.executable).parent / "make-report"), "--config", str(config), str(tmp_path),
               "-o", str(tmp_path / "d.pdf")]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "report.toml" in lines[0] and "summaries" in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def many() -> tuple[Report, Settings]:
    """Enough articles that the summaries push the TOC onto more pages, and every article's
    page moves: the numbers printed must follow."""
    # No leads: each summary is the first sentences, two or three lines.
    articles = [make_article(n, id=f"{n:03d}_bulk", lead=None) for n in range(1, 41)]
    settings = Settings(dedup=False, index=False, toc_summaries=True,
                        summaries={"002_bulk": GIVEN})
    return build_report(articles, settings), settings


def _toc_pdf_pages(text: str) -> list[str]:
    pages = text.split("\f")
    start = next(i for i, p in enumerate(pages) if present.TOC_TITLE in p)
    # The overview page starts with its title under the page number (WeasyPrint's TOC names it too).
    end = next(i for i, p in enumerate(pages) if i > start and
               re.match(rf"\d+ {present.SUMMARY_TITLE}", _squash(p)))
    return pages[start:end]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _entry(item: present.NumberedArticle, toc: str) -> re.Match[str]:
    """The TOC entry of `item`: its number, title, the leader (ReportLab's dots) and its page."""
    entry = f"{item.number}. {_squash(present.display_title(item.article))}"
    match = re.search(re.escape(entry) + r" (?:\.+ )?(\d+)", toc)
    assert match, entry
    return match


def _printed_page(item: present.NumberedArticle, toc: str) -> int:
    return int(_entry(item, toc).group(1))


@pytest.mark.parametrize("engine", ["reportlab", "weasyprint"])
def test_the_pdf_toc_shows_summaries_with_true_page_numbers(engine: str, tmp_path: Path) -> None:
    report, settings = many()
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(render(report, "pdf", settings.replace(engine=engine)))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    toc = _squash(" ".join(_toc_pdf_pages(text)))
    without = tmp_path / "plain.pdf"
    without.write_bytes(render(report, "pdf", settings.replace(engine=engine, toc_summaries=False)))
    before = subprocess.run(["pdftotext", "-layout", str(without), "-"], capture_output=True, text=True,
                            check=True).stdout
    # The summaries took room: the last article starts later than without them.
    assert _squash(text).count(present.TOC_TITLE) == 1
    last = present.outline(report)[0].articles[-1]
    assert _printed_page(last, toc) > _printed_page(last, _squash(" ".join(_toc_pdf_pages(before))))
    assert _squash(GIVEN) in toc
    for item in present.outline(report)[0].articles:
        match = _entry(item, toc)
        page = pages[int(match.group(1)) - 1]
        assert _squash(item.heading) in _squash(page), (item.anchor, match.group(1))
        after = toc[match.end():match.end() + 600]
        assert _squash(summary(item.article))[:60] in after, item.anchor
        # The summary starts on its entry's TOC page, never alone at the top of the next.
        title = f"{item.number}. {_squash(present.display_title(item.article))}"
        own = next(_squash(p) for p in _toc_pdf_pages(text) if title in _squash(p))
        assert _squash(summary(item.article))[:40] in own.split(title, 1)[1], item.anchor


def test_the_docx_toc_shows_summaries_and_the_estimate_follows() -> None:
    report, settings = many()
    data = render(report, "docx", settings)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    # A paragraph's text, its line breaks as "\n": the date line and the summary are one
    # paragraph (kept on one page), the summary on a line of its own.
    lines = [re.sub(r"<[^>]+>", "", p.replace("<w:br/>", "\n")) for p in re.findall(r"<w:p>.*?</w:p>", xml)]
    second = next(i for i, line in enumerate(lines) if line.startswith("2."))  # the first opens the field
    assert lines[second + 1] == f"{present.toc_subtitle(report.all_articles()[1])}\n{GIVEN}"
    third = lines.index(next(line for line in lines if line.startswith("3.")))
    assert lines[third + 1].split("\n")[1] == summary(report.all_articles()[2])
    plain = render(report, "docx", settings.replace(toc_summaries=False))

    def stored(doc: bytes) -> list[int]:
        text = zipfile.ZipFile(io.BytesIO(doc)).read("word/document.xml").decode()
        return [int(n) for n in re.findall(r"PAGEREF a\d+ \\h </w:instrText></w:r><w:r><w:fldChar "
                                           r'w:fldCharType="separate"/></w:r><w:r><w:t>(\d+)</w:t>', text)]

    with_summaries, without = stored(data), stored(plain)
    assert len(with_summaries) == len(without) == 40
    # The TOC grew by at least a page, and every article moved with it.
    assert all(a > b for a, b in zip(with_summaries, without, strict=True))


def test_html_toc_shows_summaries_and_the_brief_kind_does_not_add_them() -> None:
    report, settings = many()
    doc = lxml.html.document_fromstring(render(report, "html", settings).decode("utf-8"))
    entries = doc.xpath('//nav[@id="toc"]//li[@class="toc-article"]')
    assert len(entries) == 40
    said = [e.xpath('string(span[@class="toc-summary"])') for e in entries]
    assert said == [summary(a) for a in report.all_articles()]
    assert said[1] == GIVEN
    brief = lxml.html.document_fromstring(render(report, "html", settings.replace(kind="brief")).decode())
    assert not brief.xpath('//*[@class="toc-summary"]')
    assert GIVEN in brief.text_content()  # the brief's own item summary is the config's


def test_the_json_export_carries_the_summaries_the_toc_prints() -> None:
    report, settings = many()
    data = json.loads(render(report, "json", settings))
    articles = data["articles"]
    # The given one as given; the others as the assembly made them (the lead, or the opening).
    assert articles[1]["summary"] == GIVEN
    made = [summary(dataclasses.replace(a, summary=None)) for a in report.all_articles()]
    assert [a["summary"] for a in articles][:3] == [made[0], GIVEN, made[2]]
    assert GIVEN not in (made[0], made[2])
