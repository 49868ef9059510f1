"""The WeasyPrint PDF, read back like the ReportLab one: fonts, exact text, TOC numbers, outline."""

from __future__ import annotations

import dataclasses
import io
import logging
import re
from functools import cache
from pathlib import Path

import pytest
from html_helpers import PdfBack, make_report, options, read_pdf, squash, toc_entries
from pypdf import PdfReader

from tgreport import present
from tgreport.errors import ExportError
from tgreport.export.html.weasypdf import render_pdf
from tgreport.export.pdf import PdfExporter
from tgreport.model import Report
from tgreport.settings import Settings

BASE14 = re.compile(r"(?i)^(?:[A-Z]{6}\+)?(Helvetica|Times|Courier|Symbol|ZapfDingbats)")


@cache
def pdf(report: Report, theme_name: str = "official") -> bytes:
    # Reports are frozen values: each distinct one is laid out once for the whole module.
    return render_pdf(report, options(theme_name))


def back(report: Report, tmp_path: Path, theme_name: str = "official") -> PdfBack:
    return read_pdf(pdf(report, theme_name), tmp_path)


@pytest.fixture
def full_report(sectioned_report: Report, sample_report: Report) -> Report:
    """Sections, the appendix and every block kind in one report."""
    return dataclasses.replace(sectioned_report, index=sample_report.index)


@pytest.mark.parametrize(
    ("theme_name", "family"), [("official", "Liberation-Serif"), ("modern", "Liberation-Sans")]
)
def test_fonts_embedded_subset_and_never_base14(
    sample_report: Report, tmp_path: Path, theme_name: str, family: str
) -> None:
    fonts = back(sample_report, tmp_path, theme_name).fonts
    assert fonts
    for font in fonts:
        assert (font["emb"], font["sub"], font["uni"]) == ("yes", "yes", "yes"), font
        assert not BASE14.match(font["name"]), font
        assert family in font["name"], font


def test_text_comes_back_exactly(sample_report: Report, tmp_path: Path) -> None:
    result = back(sample_report, tmp_path)
    text = squash(" ".join(result.pages))
    for article in sample_report.articles:
        pieces = [present.display_title(article), present.meta_line(article), article.lead or ""]
        pieces += [piece for block in article.blocks for piece in block.text.split("\n")]
        pieces += [present.byline(article) or ""]
        for piece in pieces:
            assert squash(piece) in text, piece
    assert present.cover_place_date(sample_report) in result.page(1)
    assert present.DERIVED_TITLE_NOTE in text


def _printed_number(entries: list[tuple[str, int]], heading: str) -> int:
    found = [n for text, n in entries if text.endswith(squash(heading))]
    assert len(found) == 1, (heading, entries)
    return found[0]


def _page_starting(result: PdfBack, heading: str, after: int) -> int:
    """The page after `after` whose text (past the running number) starts with `heading`."""
    for n in range(after + 1, len(result.pages) + 1):
        body = re.sub(r"^\d+ ", "", result.page(n))
        if body.startswith(squash(heading)):
            return n
    raise AssertionError(f"no page starts with {heading!r}")


def test_toc_numbers_are_the_pages_holding_each_title(full_report: Report, tmp_path: Path) -> None:
    result = back(full_report, tmp_path)
    toc = next(
        n for n in range(1, len(result.pages) + 1) if result.page(n).startswith(f"{n} {present.TOC_TITLE}")
    )
    summary = _page_starting(result, present.SUMMARY_TITLE, toc)
    toc_text = toc_entries(pdf(full_report), tmp_path, range(toc, summary))
    # As in the ReportLab PDF and the DOCX, the TOC lists sections and articles, not the front
    # and back matter (the outline does).
    assert not [text for text, _ in toc_text if text.endswith((present.SUMMARY_TITLE, present.INDEX_TITLE))]
    for section in present.outline(full_report):
        # Section titles print in capitals (CSS text-transform); the article follows on that page.
        section_page = _page_starting(result, section.heading.upper(), summary)
        assert _printed_number(toc_text, section.heading) == section_page
        for item in section.articles:
            page = _printed_number(toc_text, item.heading)
            assert squash(item.heading) in result.page(page), item.heading
            first = next(
                n for n in range(summary + 1, len(result.pages) + 1) if squash(item.heading) in result.page(n)
            )
            assert page == first


def test_page_numbers_on_top_but_not_on_the_cover(sample_report: Report, tmp_path: Path) -> None:
    result = back(sample_report, tmp_path)
    assert len(result.pages) >= 5
    assert not re.match(r"^\d+ ", result.page(1))
    for n in range(2, len(result.pages) + 1):
        assert result.page(n).startswith(f"{n} "), (n, result.page(n)[:40])


def test_appendix_page_references(sample_report: Report, tmp_path: Path) -> None:
    """Each mention carries its article's page, as in the ReportLab PDF and the DOCX."""
    result = back(sample_report, tmp_path)
    appendix = result.page(len(result.pages))
    assert present.INDEX_TITLE in appendix
    label, page = present.ARTICLE_LABEL, re.escape(present.PAGE_LABEL)
    pages = {k: next(n for n in range(2, len(result.pages)) if _body(result, n).startswith(f"{k}. "))
             for k in (1, 3)}
    # "Chỉ thị số 05-CT/TW" names articles 1 and 3; "Nguyễn Minh Chung" article 1.
    assert f"Chỉ thị số 05-CT/TW: {label} 1, {present.PAGE_LABEL} {pages[1]}; " \
           f"{label} 3, {present.PAGE_LABEL} {pages[3]}" in appendix
    person = rf"Nguyễn Minh Chung \(Trưởng Ban Tuyên giáo\): {label} 1, {page} {pages[1]}(?!;)"
    assert re.search(person, appendix)
    assert present.INDEX_PAGES_LABEL not in appendix  # no separate key any more


def test_appendix_links_each_cited_article(sample_report: Report, tmp_path: Path) -> None:
    data = pdf(sample_report)
    result = read_pdf(data, tmp_path)
    reader = PdfReader(io.BytesIO(data))
    annots = [a.get_object() for a in reader.pages[-1].get("/Annots") or []]
    targets = {str(a["/Dest"]) for a in annots if a.get("/Subtype") == "/Link"}
    assert targets == {"a1", "a3"}  # the articles the index cites, each reachable from its mention
    for anchor in targets:
        page = reader.get_destination_page_number(reader.named_destinations[anchor]) + 1
        assert _body(result, page).startswith(f"{anchor[1:]}. "), (anchor, page)


def _body(result: PdfBack, n: int) -> str:
    """Page `n`'s text without its running page number."""
    return re.sub(r"^\d+ ", "", result.page(n))


def _outline_titles(items: list[object], reader: PdfReader, depth: int = 0) -> list[tuple[int, str, int]]:
    found: list[tuple[int, str, int]] = []
    for item in items:
        if isinstance(item, list):
            found += _outline_titles(item, reader, depth + 1)
        else:
            found.append((depth, squash(item.title), reader.get_destination_page_number(item) + 1))  # type: ignore[attr-defined]
    return found


def test_outline_has_front_matter_sections_and_articles(full_report: Report, tmp_path: Path) -> None:
    data = pdf(full_report)
    result = read_pdf(data, tmp_path)
    reader = PdfReader(io.BytesIO(data))
    outline = _outline_titles(reader.outline, reader)
    expected_titles: list[tuple[int, str]] = [(0, present.TOC_TITLE), (0, present.SUMMARY_TITLE)]
    for section in present.outline(full_report):
        expected_titles.append((0, section.heading))
        expected_titles += [(1, squash(a.heading)) for a in section.articles]
    expected_titles.append((0, present.INDEX_TITLE))
    assert [(d, t) for d, t, _ in outline] == expected_titles
    for depth, title, page in outline:
        assert squash(title).upper() in result.page(page).upper(), (depth, title, page)


def test_rerun_is_byte_identical(sample_report: Report) -> None:
    first = render_pdf(sample_report, options())
    assert render_pdf(sample_report, options()) == first
    reader = PdfReader(io.BytesIO(first))
    assert reader.metadata is not None and reader.metadata.title == sample_report.title


def test_harfbuzz_subsetting_and_no_warnings(sample_report: Report, caplog: pytest.LogCaptureFixture) -> None:
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    # Without libharfbuzz-subset0 WeasyPrint falls back to fontTools, slowly and with a warning.
    assert harfbuzz_subset is not None and harfbuzz.hb_version_atleast(4, 1, 0)
    report = dataclasses.replace(sample_report, title="Bản tin không cảnh báo")
    with caplog.at_level(logging.WARNING):
        render_pdf(report, options())
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_pdf_exporter_delegates_to_weasyprint(tmp_path: Path) -> None:
    report = make_report(2)
    data = PdfExporter().render(report, Settings(engine="weasyprint"))
    assert (PdfReader(io.BytesIO(data)).metadata or {}).get("/Producer", "").startswith("WeasyPrint")
    assert squash(present.outline(report)[0].articles[0].heading) in squash(
        " ".join(read_pdf(data, tmp_path).pages)
    )


def test_header_text_is_printed_literally_beside_the_number(tmp_path: Path) -> None:
    report = make_report(2)
    odd = 'Ban "Tuyên giáo" </style> \\ ; } @page'
    theme = dataclasses.replace(options().theme, header_text=odd)
    result = read_pdf(render_pdf(report, Settings(theme=theme)), tmp_path)
    assert odd not in result.page(1)
    for n in range(2, len(result.pages) + 1):
        assert squash(odd) in result.page(n)


def test_unknown_font_family_is_an_export_error() -> None:
    theme = dataclasses.replace(options().theme, font_family="Comic Sans")
    with pytest.raises(ExportError, match="Comic Sans"):
        render_pdf(make_report(1), Settings(theme=theme))
