"""The DOCX read back as XML: styles, TOC field, bookmarks, header, fonts, language, margins."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import json
import subprocess
import unicodedata
import zipfile

import docx
import pytest
from docx_helpers import NS, W, attr, make_article, make_report, paragraphs, part, render, toc_entries

from tgreport import present
from tgreport.errors import ExportError
from tgreport.model import Paragraph, Report
from tgreport.theme import theme


def test_every_style_used_is_defined_with_word_names(sample_report: Report) -> None:
    data = render(sample_report)
    styles = part(data, "word/styles.xml")
    defined = {attr(s, "styleId"): attr(s.find("w:name", NS), "val") for s in styles.iterfind("w:style", NS)}
    used = {style for style, _ in paragraphs(data)}
    assert used <= set(defined), used - set(defined)
    # Word recognises its built-in styles by these names: navigation pane, TOC and restyling work.
    for style_id, name in {"Heading1": "heading 1", "TOC1": "toc 1", "Caption": "caption",
                           "Title": "Title", "Quote": "Quote", "BodyText": "Body Text"}.items():
        assert defined[style_id] == name
    assert {"Byline", "Metadata", "Lead", "Related", "TOCHeading"} <= used


def test_toc_field_is_prefilled_with_links_and_page_numbers(sample_report: Report) -> None:
    data = render(sample_report)
    doc = part(data, "word/document.xml")
    instructions = [t.text.strip() for t in doc.iter(f"{{{W}}}instrText")]
    # Headings 1-2, and the article line style at level 3 without page numbers (an update keeps dates).
    assert instructions.count('TOC \\o "1-2" \\h \\z \\u \\t "Article Meta,3" \\n "3-3"') == 1
    # The TOC field opens and closes once around its stored result.
    kinds = [attr(f, "fldCharType") for f in doc.iter(f"{{{W}}}fldChar")]
    assert kinds.count("begin") == kinds.count("end") == len(instructions)
    entries = toc_entries(data)
    articles = sample_report.all_articles()
    assert list(entries) == [f"a{n}" for n in range(1, len(articles) + 1)]
    for n, article in enumerate(articles, start=1):
        text, page = entries[f"a{n}"]
        assert text == f"{n}.\t{present.display_title(article)}"
        assert page >= 4  # after the cover, the TOC and the summary
    pages = [page for _, page in entries.values()]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)  # each article on a new page


def test_every_article_heading_carries_its_bookmark(sample_report: Report) -> None:
    data = render(sample_report)
    body = part(data, "word/document.xml").find("w:body", NS)
    bookmarked = {}
    for p in body.iterfind("w:p", NS):
        for mark in p.iterfind("w:bookmarkStart", NS):
            bookmarked[attr(mark, "name")] = (attr(p.find("w:pPr/w:pStyle", NS), "val"), p)
    for n, article in enumerate(sample_report.all_articles(), start=1):
        style, p = bookmarked[f"a{n}"]
        assert style == "Heading1"
        assert "".join(t.text for t in p.iter(f"{{{W}}}t")) == f"{n}. {present.display_title(article)}"
    ids = [attr(m, "id") for m in body.iter(f"{{{W}}}bookmarkStart")]
    assert len(ids) == len(set(ids))


def test_header_has_a_page_field_and_the_cover_none(sample_report: Report) -> None:
    data = render(sample_report)
    sect = part(data, "word/document.xml").find("w:body/w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    rels = part(data, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    refs = {attr(h, "type"): targets[h.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
            for h in sect.iterfind("w:headerReference", NS)}
    default = part(data, "word/" + refs["default"])
    assert [t.text.strip() for t in default.iter(f"{{{W}}}instrText")] == ["PAGE"]
    assert attr(default.find(".//w:pStyle", NS), "val") == "Header"
    first = part(data, "word/" + refs["first"])
    assert not list(first.iter(f"{{{W}}}instrText")) and not list(first.iter(f"{{{W}}}t"))


@pytest.mark.parametrize(("name", "font"), [("official", "Times New Roman"), ("modern", "Arial")])
def test_fonts_language_and_margins_follow_the_theme(sample_report: Report, name: str, font: str) -> None:
    chosen = theme(name)
    data = render(sample_report, theme=chosen)
    styles = part(data, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    fonts = defaults.find("w:rFonts", NS)
    assert {k: attr(fonts, k) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == dict.fromkeys(
        ("ascii", "hAnsi", "cs", "eastAsia"), font)
    assert attr(defaults.find("w:sz", NS), "val") == str(round(chosen.body_size * 2))
    lang = defaults.find("w:lang", NS)
    assert attr(lang, "val") == "vi-VN" and attr(lang, "eastAsia") == "vi-VN"
    margins = part(data, "word/document.xml").find("w:body/w:sectPr/w:pgMar", NS)
    for side in ("top", "bottom", "left", "right"):
        mm = getattr(chosen, f"margin_{side}_mm")
        assert abs(int(attr(margins, side)) - mm * 1440 / 25.4) < 1
    size = part(data, "word/document.xml").find("w:body/w:sectPr/w:pgSz", NS)
    assert (attr(size, "w"), attr(size, "h")) == ("11906", "16838")  # A4
    body = styles.find("w:style[@w:styleId='BodyText']", NS)
    assert attr(body.find("w:pPr/w:jc", NS), "val") == ("both" if chosen.justify else "left")
    indent = body.find("w:pPr/w:ind", NS)
    first_line = int(attr(indent, "firstLine")) if indent is not None else 0
    assert abs(first_line - chosen.first_line_indent_mm * 1440 / 25.4) < 1


def test_python_docx_reopens_it_with_every_paragraph(sample_report: Report) -> None:
    document = docx.Document(io.BytesIO(render(sample_report)))
    texts = [p.text for p in document.paragraphs]
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Body Text", "Title", "Byline"} <= styles
    for article in sample_report.all_articles():
        for block in article.blocks:
            if isinstance(block, Paragraph):
                assert block.text in texts
    assert document.core_properties.title == sample_report.title
    assert document.core_properties.language == "vi-VN"


def test_core_properties_and_bytes_are_reproducible(
    sample_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = render(sample_report), render(sample_report)
    assert first == second
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    core = part(first, "docProps/core.xml")
    created = core.find("{http://purl.org/dc/terms/}created").text
    assert created == "2022-01-01T00:00:00Z"  # conftest's SOURCE_DATE_EPOCH
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    core = part(render(sample_report), "docProps/core.xml")
    assert core.find("{http://purl.org/dc/terms/}created").text == "2021-01-07T00:00:00Z"  # issued


def test_text_is_nfc_and_forbidden_characters_are_dropped() -> None:
    decomposed = unicodedata.normalize("NFD", "Việt Nam đổi mới")
    article = make_article(1, title="Tin\x0c vắn\x01 " + decomposed,
                           blocks=(Paragraph("Đoạn\x00 có \ufffe ký tự lạ và " + decomposed),))
    data = render(Report("Bản tin", make_report(1).issued, articles=(article,)))
    texts = [t for _, t in paragraphs(data)]
    assert "1. Tin vắn Việt Nam đổi mới" in texts
    assert "Đoạn có  ký tự lạ và Việt Nam đổi mới" in texts
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_grouped_report_uses_two_heading_levels(sectioned_report: Report) -> None:
    data = render(sectioned_report)
    paras = paragraphs(data)
    sections = [t for s, t in paras if s == "Heading1"]
    assert sections == [s.title for s in sectioned_report.sections]
    assert [s for s, _ in paras if s.startswith("Heading")].count("Heading2") == 5
    entries = toc_entries(data)
    assert list(entries)[:2] == ["s1", "a1"]
    # A section starts on the page of its first article.
    assert entries["s1"][1] == entries["a1"][1] and entries["s2"][1] == entries["a4"][1]
    styles = part(data, "word/styles.xml")
    section_style = styles.find("w:style[@w:styleId='Heading1']", NS)
    assert section_style.find("w:rPr/w:caps", NS) is not None  # the PDF's section look


def test_appendix_links_index_entries_to_article_pages(sample_report: Report) -> None:
    data = render(sample_report)
    paras = paragraphs(data)
    assert (("PartHeading", present.INDEX_TITLE)) in paras
    pages = {a: p for a, (_, p) in toc_entries(data).items()}
    body = part(data, "word/document.xml").find("w:body", NS)
    index = [p for p in body.iterfind("w:p", NS)
             if p.find("w:pPr/w:pStyle[@w:val='IndexEntry']", NS) is not None]
    assert len(index) == len(sample_report.index)
    first = index[0]
    refs = [t.text.split()[1] for t in first.iter(f"{{{W}}}instrText")]
    assert refs == ["a1", "a3"]  # Chỉ thị số 05-CT/TW is cited by articles 1 and 3
    text = "".join(t.text for t in first.iter(f"{{{W}}}t"))
    assert text.startswith("Chỉ thị số 05-CT/TW")
    assert f"{present.ARTICLE_LABEL}\u00a01, {present.PAGE_LABEL}\u00a0{pages['a1']}" in text
    assert f"{present.ARTICLE_LABEL}\u00a03, {present.PAGE_LABEL}\u00a0{pages['a3']}" in text


def test_a_user_template_keeps_its_styles_and_gains_missing_ones(sample_report: Report, tmp_path) -> None:
    template = docx.Document()
    template.styles["Heading 1"].font.size = docx.shared.Pt(30)
    path = tmp_path / "mine.docx"
    template.save(str(path))
    data = render(sample_report, template=path)
    styles = part(data, "word/styles.xml")
    heading = styles.find("w:style[@w:styleId='Heading1']", NS)
    assert attr(heading.find("w:rPr/w:sz", NS), "val") == "60"
    assert styles.find("w:style[@w:styleId='Byline']", NS) is not None
    # Page set-up comes from the template too (python-docx's blank: US Letter).
    size = part(data, "word/document.xml").find("w:body/w:sectPr/w:pgSz", NS)
    assert attr(size, "w") == "12240"
    assert toc_entries(data)


def test_a_broken_template_is_named_in_the_error(sample_report: Report, tmp_path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip")
    with pytest.raises(ExportError) as caught:
        render(sample_report, template=path)
    assert "broken.docx" in str(caught.value)


def test_header_text_sits_left_of_the_centred_number(sample_report: Report) -> None:
    data = render(sample_report, theme=theme("official", header_text="Bản tin nội bộ"))
    rels = part(data, "word/_rels/document.xml.rels")
    headers = [part(data, "word/" + r.get("Target")) for r in rels if r.get("Target").startswith("header")]
    texts = ["".join(t.text for t in h.iter(f"{{{W}}}t")) for h in headers]
    assert "Bản tin nội bộ2" in texts  # the text, then the PAGE field's stored result
    numbered = headers[texts.index("Bản tin nội bộ2")]
    tab = numbered.find(".//w:tabs/w:tab", NS)
    assert attr(tab, "val") == "center"


def test_the_registry_and_the_api_find_the_exporter(sample_report: Report, tmp_path) -> None:
    from tgreport.export import registry
    from tgreport.pipeline import write

    assert registry.load("docx").suffix == ".docx"
    target = write(sample_report, tmp_path / "digest.docx")
    assert target is not None
    assert zipfile.is_zipfile(target)
    assert toc_entries(target.read_bytes()) == toc_entries(render(sample_report))


def test_an_unknown_font_family_is_a_typed_error(sample_report: Report) -> None:
    # theme() refuses it already; a Theme built by hand reaches the exporter.
    unchecked = dataclasses.replace(theme("official"), font_family="Comic Sans")
    with pytest.raises(ExportError, match="Comic"):
        render(sample_report, theme=unchecked)


def _pandoc_headers(data: bytes, tmp_path) -> list[tuple[int, str]]:
    path = tmp_path / "digest.docx"
    path.write_bytes(data)
    document = json.loads(subprocess.run(["pandoc", "-f", "docx", "-t", "json", str(path)],
                                         check=True, capture_output=True, text=True).stdout)

    def plain(inlines: list[dict]) -> str:
        return "".join(i["c"] if i["t"] == "Str" else " " for i in inlines if i["t"] in ("Str", "Space"))

    return [(b["c"][0], plain(b["c"][2])) for b in document["blocks"] if b["t"] == "Header"]


def test_pandoc_reads_the_outline(sample_report: Report, sectioned_report: Report, tmp_path) -> None:
    # An independent DOCX reader sees titles as headings, at the level the outline gives them.
    flat = _pandoc_headers(render(sample_report), tmp_path)
    articles = sample_report.all_articles()
    expected = [(1, f"{n}. {present.display_title(a)}") for n, a in enumerate(articles, start=1)]
    assert [h for h in flat if h[0] == 1] == expected
    assert (3, "Nhiệm vụ trọng tâm") in flat
    grouped = _pandoc_headers(render(sectioned_report), tmp_path)
    assert [text for level, text in grouped if level == 1] == [s.title for s in sectioned_report.sections]
    assert [level for level, text in grouped if text.startswith("1. ")] == [2]


def test_the_shipped_reference_is_what_its_script_builds() -> None:
    from tgreport.support.resources import templates_dir

    script = templates_dir() / "docx" / "make_reference.py"
    spec = importlib.util.spec_from_file_location("make_reference", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == (templates_dir() / "docx" / "reference.docx").read_bytes()


def test_no_gap_depends_on_adding_or_merging_spaces(sectioned_report: Report) -> None:
    # Word adds a paragraph's space after to the next one's space before; LibreOffice keeps the
    # larger. Where one of the two is always zero, both lay the pages out alike.
    data = render(sectioned_report)
    styles = part(data, "word/styles.xml")

    def spacing(p: object, side: str, style_id: str) -> int:
        direct = p.find(f"w:pPr/w:spacing[@w:{side}]", NS)
        if direct is not None:
            return int(attr(direct, side))
        found = styles.find(f"w:style[@w:styleId='{style_id}']/w:pPr/w:spacing", NS)
        return int(attr(found, side) or 0) if found is not None else 0

    body = part(data, "word/document.xml").find("w:body", NS)
    previous_after = 0
    checked = 0
    for p in body.iterfind("*", NS):
        if p.tag == f"{{{NS['w']}}}tbl":  # a table (the overview's charts) parts the paragraphs
            previous_after = 0
            continue
        if p.tag != f"{{{NS['w']}}}p":
            continue
        style = attr(p.find("w:pPr/w:pStyle", NS), "val")
        before = spacing(p, "before", style)
        if p.find("w:pPr/w:pageBreakBefore", NS) is None:
            assert not (previous_after and before), style
            checked += bool(before or previous_after)
        previous_after = spacing(p, "after", style)
    assert checked > 20
