"""The HTML page: language, semantic parts, working TOC links, literal article text, nothing outside."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from html_helpers import make_article, make_report, options, parse_html, squash, text_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tgreport import present
from tgreport.errors import ExportError
from tgreport.export.html import HtmlExporter
from tgreport.model import Paragraph, Report


def render(report: Report, **fields: object) -> bytes:
    return HtmlExporter().render(report, options(**fields))  # type: ignore[arg-type]


def test_language_encoding_and_parts(sample_report: Report) -> None:
    data = render(sample_report)
    assert data.startswith(b"<!DOCTYPE html>")
    doc = parse_html(data)
    assert doc.get("lang") == "vi"
    assert doc.xpath("//meta[@charset]")[0].get("charset").lower() == "utf-8"
    assert text_of(doc.xpath("//title")[0]) == sample_report.title
    cover = doc.xpath("//body/header[@class='cover']")
    assert len(cover) == 1
    cover_text = text_of(cover[0])
    for line in (present.cover_count(sample_report), present.cover_place_date(sample_report)):
        assert line in cover_text
    assert len(doc.xpath("//nav[@role='doc-toc']")) == 1
    articles = doc.xpath("//main//article")
    assert [a.get("id") for a in articles] == [f"a{n}" for n in range(1, 6)]


def test_each_article_prints_its_metadata_and_blocks(sample_report: Report) -> None:
    doc = parse_html(render(sample_report))
    for n, article in enumerate(sample_report.articles, start=1):
        node = doc.get_element_by_id(f"a{n}")
        title = node.xpath(".//*[contains(@class, 'article-title')]")[0]
        assert text_of(title) == f"{n}. {present.display_title(article)}"
        meta = node.xpath(".//p[@class='meta']")
        expected_meta = present.meta_line(article)
        assert [text_of(m) for m in meta] == ([expected_meta] if expected_meta else [])
        assert text_of(node.xpath(".//p[@class='lead']")[0]) == article.lead
        caption = node.xpath(".//figure[@class='caption']/figcaption")[0]
        assert text_of(caption) == "Quang cảnh hội nghị (Ảnh: Phương Hoa/TTXVN)"  # as in every format
        items = [text_of(li) for li in node.xpath(".//ul/li")]
        assert items == ["Học tập nghị quyết", "Xây dựng chương trình hành động"]
        byline = node.xpath(".//p[@class='byline']")
        assert [text_of(b) for b in byline] == ([present.byline(article)] if article.authors else [])
        # Every block's text is there, in order.
        body = text_of(node)
        position = 0
        for block in article.blocks:
            for piece in block.text.split("\n"):
                found = body.find(squash(piece), position)
                assert found >= 0, piece
                position = found
    derived = doc.get_element_by_id("a2")
    assert present.DERIVED_TITLE_NOTE in text_of(derived)
    assert present.DERIVED_TITLE_NOTE not in text_of(doc.get_element_by_id("a1"))
    # A reader that wrote the derived title into `title` still flags it: the note shows.
    flagged = Report(
        title="Bản tin", issued=sample_report.issued, articles=(make_article(1, title_derived=True),)
    )
    assert present.DERIVED_TITLE_NOTE in text_of(parse_html(render(flagged)).get_element_by_id("a1"))


def _ids(doc: object) -> set[str]:
    return {e.get("id") for e in doc.xpath("//*[@id]")}  # type: ignore[attr-defined]


@pytest.mark.parametrize("fixture", ["sample_report", "sectioned_report"])
def test_every_toc_link_points_to_an_existing_id(fixture: str, request: pytest.FixtureRequest) -> None:
    report: Report = request.getfixturevalue(fixture)
    doc = parse_html(render(report))
    ids = _ids(doc)
    links = doc.xpath("//nav[@role='doc-toc']//a/@href")
    targets = [h.removeprefix("#") for h in links]
    assert all(h.startswith("#") for h in links)
    assert set(targets) <= ids
    # The TOC names every article and, when grouped, every section.
    expected = {"summary"} | {a.anchor for s in present.outline(report) for a in s.articles}
    if report.grouped:
        expected |= {s.anchor for s in present.outline(report)}
        for s in present.outline(report):
            section = doc.get_element_by_id(s.anchor)
            assert section.tag == "section"
            assert text_of(section.xpath("./h2")[0]) == s.heading
    if report.index:
        expected.add("index")
    assert set(targets) == expected
    # Every other link in the page points inside it as well (the appendix's article links).
    assert {h.removeprefix("#") for h in doc.xpath("//a/@href")} <= ids
    assert len(ids) == len(doc.xpath("//*[@id]")), "ids must be unique"


def test_markup_in_articles_is_text() -> None:
    evil = "<script>alert('x')</script> <b>đậm</b> & Co &amp; <img src=x onerror=alert(1)>"
    report = Report(
        title="Tiêu đề <i>nghiêng</i> & kiểm tra",
        issued=make_report(1).issued,
        organisation="Ban <b>Tuyên giáo</b>",
        articles=(make_article(1, title=evil, lead=evil, blocks=(Paragraph(evil),), authors=(evil,)),),
    )
    data = render(report)
    doc = parse_html(data)
    assert doc.xpath("//script") == []
    assert doc.xpath("//body//b") == [] and doc.xpath("//body//i") == []
    assert doc.xpath("//img") == [] and doc.xpath("//*[@onerror]") == []
    article = doc.get_element_by_id("a1")
    assert text_of(article.xpath(".//*[contains(@class,'article-title')]")[0]) == "1. " + squash(evil)
    assert [text_of(p) for p in article.xpath("./p[not(@class)]")] == [squash(evil)]
    assert text_of(doc.xpath("//h1")[0]) == report.title
    assert "&amp;amp;" in data.decode()  # "&amp;" written by the author stays "&amp;" on screen


def test_no_outside_resources(sample_report: Report) -> None:
    data = render(sample_report).decode()
    doc = parse_html(data.encode())
    assert doc.xpath("//script | //link | //iframe | //object | //embed | //img | //source") == []
    for attribute in ("src", "href", "srcset", "poster", "data"):
        for value in doc.xpath(f"//@{attribute}"):
            assert value.startswith("#"), value
    styles = " ".join(s.text_content() for s in doc.xpath("//style"))
    for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", styles):
        assert url.startswith("data:"), url
    assert "@import" not in styles
    assert not re.search(r"(?i)\b(?:https?|ftp|file):", styles)


def test_page_has_screen_phone_and_print_rules(sample_report: Report) -> None:
    doc = parse_html(render(sample_report))
    assert doc.xpath("//meta[@name='viewport']")
    styles = " ".join(s.text_content() for s in doc.xpath("//style"))
    assert "@media print" in styles and "@media (max-width" in styles
    assert "hyphens: manual" in styles


def test_summary_and_appendix(sample_report: Report) -> None:
    doc = parse_html(render(sample_report))
    summary = doc.get_element_by_id("summary")
    facts = present.summary(sample_report)
    rows = [[text_of(td) for td in tr.xpath("./td")] for tr in summary.xpath(".//table[1]//tr")]
    assert rows == [[name, str(n)] for name, n in facts.by_source]
    assert f"{present.SUMMARY_LABELS['count']} {facts.count}" in text_of(summary)
    index = doc.get_element_by_id("index")
    assert text_of(index.xpath("./h2")[0]) == present.INDEX_TITLE
    first = index.xpath(".//li")[0]
    assert sample_report.index[0].name in text_of(first)
    assert first.xpath(".//a/@href") == ["#a1", "#a3"]


def test_themes_change_the_fonts(sample_report: Report) -> None:
    official = " ".join(s.text_content() for s in parse_html(render(sample_report)).xpath("//style"))
    modern = " ".join(
        s.text_content() for s in parse_html(render(sample_report, theme_name="modern")).xpath("//style")
    )
    assert '"Liberation Serif", "Times New Roman", serif' in official
    assert '"Liberation Sans", "Arial", sans-serif' in modern
    assert "text-align: justify" in official and "text-align: justify" not in modern


def test_template_dir_overrides_one_file_and_falls_back(sample_report: Report, tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "css").mkdir()
    (tmp_path / "html" / "_cover.html").write_text(
        '<header class="cover" id="cover"><h1 class="report-title">RIÊNG: {{ r.title }}</h1></header>\n',
        encoding="utf-8",
    )
    (tmp_path / "css" / "screen.css").write_text("body { background: #fffdf5; }\n", encoding="utf-8")
    doc = parse_html(HtmlExporter().render(sample_report, options(template_dir=tmp_path)))
    assert text_of(doc.xpath("//h1")[0]) == f"RIÊNG: {sample_report.title}"
    styles = " ".join(s.text_content() for s in doc.xpath("//style"))
    assert "#fffdf5" in styles and "max-width: 42em" not in styles
    assert len(doc.xpath("//main//article")) == 5  # the built-in article template still runs


def test_user_templates_are_sandboxed(sample_report: Report, tmp_path: Path) -> None:
    (tmp_path / "_cover.html").write_text("{{ r.__class__.__init__.__globals__ }}", encoding="utf-8")
    with pytest.raises(ExportError):
        HtmlExporter().render(sample_report, options(template_dir=tmp_path))


def test_missing_template_dir_is_an_error(sample_report: Report, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="template folder"):
        HtmlExporter().render(sample_report, options(template_dir=tmp_path / "nope"))


_VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ "
            "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
            "<>&\"'/-0123456789₫“”…"
        )
    ),
    min_size=1,
    max_size=80,
).filter(lambda s: s.strip() != "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_VIETNAMESE, paragraph=_VIETNAMESE)
def test_any_vietnamese_text_comes_back_out(title: str, paragraph: str) -> None:
    report = Report(
        title="Bản tin",
        issued=make_report(1).issued,
        articles=(make_article(1, title=title, blocks=(Paragraph(paragraph),)),),
    )
    doc = parse_html(render(report))
    article = doc.get_element_by_id("a1")
    heading = article.xpath(".//*[contains(@class,'article-title')]")[0]
    assert text_of(heading) == squash(f"1. {title}")
    assert [text_of(p) for p in article.xpath("./p[not(@class)]")] == [squash(paragraph)]
    assert unicodedata.is_normalized("NFC", doc.text_content())
