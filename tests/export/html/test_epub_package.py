"""The EPUB 3: valid for epubcheck, deterministic, with nav, NCX, files of consecutive articles and fonts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from html_helpers import epub_files, epubcheck, make_article, options, squash, xml
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tgreport import present
from tgreport.export.html import epub
from tgreport.export.html.epub import EpubExporter
from tgreport.model import Paragraph, Report
from tgreport.support.fonts import STYLES, family

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "ops": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}


def render(report: Report, theme_name: str = "official") -> bytes:
    return EpubExporter().render(report, options(theme_name))


@pytest.mark.slow
def test_epubcheck_reports_nothing(sample_report: Report, sectioned_report: Report, tmp_path: Path) -> None:
    # One book with everything (sections, appendix, every block kind): one JVM start, not two.
    everything = dataclasses.replace(sectioned_report, index=sample_report.index)
    done = epubcheck(render(everything), tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "No errors or warnings detected" in output, output
    assert re.search(r"0 fatals / 0 errors / 0 warnings", output), output


def test_container_is_deterministic(sample_report: Report) -> None:
    data = render(sample_report)
    assert render(sample_report) == data
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        assert infos[0].filename == "mimetype"
        assert infos[0].compress_type == zipfile.ZIP_STORED
        assert zf.read("mimetype") == b"application/epub+zip"
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert zf.testzip() is None
    # The mimetype entry is readable at a fixed offset, as the OCF spec wants.
    assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"


def _package(files: dict[str, bytes]) -> etree._Element:
    container = xml(files["META-INF/container.xml"])
    path = container.xpath("//*[local-name()='rootfile']/@full-path")[0]
    return xml(files[path])


def test_package_metadata_and_stable_identifier(sample_report: Report) -> None:
    files = epub_files(render(sample_report))
    opf = _package(files)
    assert opf.xpath("//dc:language/text()", namespaces=NS) == ["vi"]
    assert opf.xpath("//dc:title/text()", namespaces=NS) == [sample_report.title]
    assert opf.xpath("//dc:date/text()", namespaces=NS) == [sample_report.issued.isoformat()]
    identifier = opf.xpath("//dc:identifier/text()", namespaces=NS)[0]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    changed = Report(
        title=sample_report.title,
        issued=sample_report.issued,
        articles=(*sample_report.articles[:-1], make_article(9, blocks=(Paragraph("Đoạn khác."),))),
    )
    other = _package(epub_files(render(changed))).xpath("//dc:identifier/text()", namespaces=NS)[0]
    assert other != identifier
    ncx = xml(files["OEBPS/toc.ncx"])
    assert ncx.xpath("//ncx:meta[@name='dtb:uid']/@content", namespaces=NS) == [identifier]


def _resolve(files: dict[str, bytes], href: str) -> etree._Element:
    name, _, fragment = href.partition("#")
    doc = xml(files[f"OEBPS/{name}"])
    if not fragment:
        return doc
    found = doc.xpath(f"//*[@id='{fragment}']")
    assert len(found) == 1, href
    return found[0]


def _links(files: dict[str, bytes]) -> list[str]:
    """Every link inside the book: the pages' (nav, index, landmarks) and toc.ncx's."""
    hrefs = [href for name, data in files.items() if name.endswith(".xhtml")
             for href in xml(data).xpath("//x:a/@href", namespaces=NS)]
    hrefs += xml(files["OEBPS/toc.ncx"]).xpath("//ncx:content/@src", namespaces=NS)
    return [h for h in hrefs if not h.startswith(("http:", "https:"))]


# Each article a file of its own; about two a file; all in one.
FILE_BYTES = [1, 4000, epub.FILE_BYTES]


@pytest.mark.parametrize("file_bytes", FILE_BYTES)
@pytest.mark.parametrize("fixture", ["sample_report", "sectioned_report"])
def test_nav_and_ncx_lead_to_every_article(fixture: str, file_bytes: int, request: pytest.FixtureRequest,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "FILE_BYTES", file_bytes)
    report: Report = request.getfixturevalue(fixture)
    files = epub_files(render(report))
    opf = _package(files)
    nav_href = opf.xpath("//opf:item[@properties='nav']/@href", namespaces=NS)[0]
    nav = xml(files[f"OEBPS/{nav_href}"])
    toc = nav.xpath("//x:nav[@ops:type='toc']", namespaces=NS)[0]
    hrefs = toc.xpath(".//x:a/@href", namespaces=NS)
    outline = present.outline(report)
    for section in outline:
        for item in section.articles:
            href = next(h for h in hrefs if h.endswith(f"#{item.anchor}"))
            target = _resolve(files, href)
            assert target.tag == f"{{{NS['x']}}}article"
            heading = target.xpath(".//*[contains(@class,'article-title')]")[0]
            assert squash("".join(heading.itertext())) == squash(item.heading)
        if report.grouped:
            href = next(h for h in hrefs if h.endswith(f"#{section.anchor}"))
            assert section.heading in squash("".join(_resolve(files, href).itertext()))
    # Every link in the book finds its target in the file it names, whichever file holds it.
    links = _links(files)
    named = {"summary.xhtml", "articles-0001.xhtml"} | ({"index.xhtml"} if report.index else set())
    assert {h.partition("#")[0] for h in links} >= named
    for href in links:
        _resolve(files, href)
    ncx = xml(files["OEBPS/toc.ncx"])
    sources = ncx.xpath("//ncx:content/@src", namespaces=NS)
    assert sources == hrefs
    orders = [int(o) for o in ncx.xpath("//ncx:navPoint/@playOrder", namespaces=NS)]
    assert orders == list(range(1, len(orders) + 1))


@pytest.mark.parametrize("file_bytes", FILE_BYTES)
def test_articles_share_files_in_reading_order(sample_report: Report, file_bytes: int,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "FILE_BYTES", file_bytes)
    files = epub_files(render(sample_report))
    opf = _package(files)
    spine = opf.xpath("//opf:itemref/@idref", namespaces=NS)
    hrefs = {i.get("id"): i.get("href") for i in opf.xpath("//opf:item", namespaces=NS)}
    order = [hrefs[i] for i in spine]
    count = len(sample_report.articles)
    pages = order[3:-1]
    assert order == ["cover.xhtml", "nav.xhtml", "summary.xhtml", *pages, "index.xhtml"]
    assert pages == [f"articles-{n:04d}.xhtml" for n in range(1, len(pages) + 1)]
    assert len(pages) == dict(zip(FILE_BYTES, [count, 3, 1], strict=True))[file_bytes]
    held = [xml(files[f"OEBPS/{p}"]).xpath("//x:article/@id", namespaces=NS) for p in pages]
    assert [a for page in held for a in page] == [f"a{n}" for n in range(1, count + 1)]
    frame = 600  # a page's head and end, around its articles
    for page, articles in zip(pages, held, strict=True):
        assert len(files[f"OEBPS/{page}"]) <= file_bytes + frame or len(articles) == 1
    cover = xml(files["OEBPS/cover.xhtml"])
    assert present.cover_place_date(sample_report) in squash("".join(cover.itertext()))
    # Every file in the container is declared, and every declared file is there.
    packaging = {"mimetype", "META-INF/container.xml", "OEBPS/content.opf"}
    assert {f"OEBPS/{h}" for h in hrefs.values()} == set(files) - packaging


def test_article_markup_is_text_in_xhtml(sample_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "FILE_BYTES", 1)  # each article a page of its own, titled with it
    files = epub_files(render(sample_report))
    doc = xml(files["OEBPS/articles-0003.xhtml"])
    assert doc.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    heading = doc.xpath("//*[contains(@class,'article-title')]")[0]
    assert "".join(heading.itertext()) == "3. " + sample_report.articles[2].title  # type: ignore[operator]
    assert doc.xpath("//x:b", namespaces=NS) == [] and doc.xpath("//x:para", namespaces=NS) == []
    # Escaped once, not twice, in the page title, the NCX and the nav: "<b>", not "&lt;b&gt;".
    title = "3. " + sample_report.articles[2].title  # type: ignore[operator]
    assert doc.xpath("//x:title", namespaces=NS)[0].text == title
    ncx = xml(files["OEBPS/toc.ncx"])
    labels = ncx.xpath("//n:navLabel/n:text/text()", namespaces={"n": "http://www.daisy.org/z3986/2005/ncx/"})
    assert title in labels
    nav = xml(files["OEBPS/nav.xhtml"])
    assert title in ["".join(a.itertext()) for a in nav.xpath("//x:a", namespaces=NS)]


@pytest.mark.parametrize(
    ("theme_name", "family_name"), [("official", "Liberation Serif"), ("modern", "Liberation Sans")]
)
def test_fonts_are_embedded_subsets_covering_the_text(
    sample_report: Report, theme_name: str, family_name: str
) -> None:
    files = epub_files(render(sample_report, theme_name))
    fonts = {name: data for name, data in files.items() if name.endswith(".ttf")}
    shipped = family(family_name)
    assert {Path(n).name for n in fonts} == {shipped.files[s] for s in STYLES}
    text = "".join("".join(xml(data).itertext()) for name, data in files.items() if name.endswith(".xhtml"))
    used = {ch for ch in text if not ch.isspace()}
    css = files["OEBPS/style.css"].decode()
    with TTFont(shipped.path("regular")) as original:
        shipped_glyphs = original["maxp"].numGlyphs
    for name, data in fonts.items():
        with TTFont(io.BytesIO(data)) as font:
            cmap = font.getBestCmap()
            missing = sorted(ch for ch in used if ord(ch) not in cmap)
            assert missing == [], (name, missing)
            assert font["maxp"].numGlyphs < shipped_glyphs / 2  # really a subset
        # The stylesheet declares it (CSS escapes "-" nowhere, so the name appears as written).
        assert Path(name).name in css


_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("aăâđêôơư àảãáạ ỳỷỹýỵ ĐƯ<>&\"'/-05₫“”…\t")),
        st.sampled_from(["\x00", "\x0b", "\x1f", "\ufffe", "\u00ad", "\u200b"]),
    ),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip(" \t\x00\x0b\x1f\ufffe\u00ad\u200b") != "")


@settings(max_examples=25, deadline=None)
@given(title=_TEXT, paragraph=_TEXT)
def test_any_text_gives_well_formed_xhtml(title: str, paragraph: str) -> None:
    report = Report(
        title="Bản tin",
        issued=dt.date(2021, 1, 7),
        articles=(make_article(1, title=title, blocks=(Paragraph(paragraph),)),),
    )
    files = epub_files(render(report))
    doc = xml(files["OEBPS/articles-0001.xhtml"])  # raises if the XHTML is not well-formed XML
    drop = dict.fromkeys(map(ord, "\x00\x0b\x1f\ufffe"))
    body = [squash("".join(p.itertext())) for p in doc.xpath("//x:article/x:p[not(@class)]", namespaces=NS)]
    assert body == [squash(paragraph.translate(drop))]
    for name, data in files.items():
        if name.endswith((".xhtml", ".opf", ".ncx")):
            xml(data)


@pytest.mark.parametrize(("organisation", "creators"),
                         [("\x1b ", []), ("  ", []), ("Ban Tuyên giáo", ["Ban Tuyên giáo"])])
def test_an_organisation_that_prints_as_nothing_names_no_creator(
    organisation: str, creators: list[str]
) -> None:
    # EPUB 3 refuses an empty dc:creator; an organisation that is only a control character and
    # spaces prints as nothing, so the package names no creator rather than an empty one.
    report = Report(title="Bản tin", issued=dt.date(2021, 1, 1), organisation=organisation,
                    articles=(make_article(1),))
    opf = epub_files(EpubExporter().render(report, options()))["OEBPS/content.opf"].decode("utf-8")
    assert re.findall(r"<dc:creator>(.*?)</dc:creator>", opf) == creators


def test_the_book_is_written_as_it_is_made(sample_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each article's view is made once, for its page, and not kept: the navigation, the NCX and
    # the manifest take what they need from the outline. The files that depend on every page
    # (content.opf and toc.ncx with the identifier, the fonts' subsets) follow the pages.
    from tgreport.export.html import view as view_module

    made: list[str] = []
    real = view_module._article_view

    def counted(item: present.NumberedArticle, *args: object, **kwargs: object) -> object:
        made.append(item.anchor)
        return real(item, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(view_module, "_article_view", counted)
    data = render(sample_report)
    assert sorted(made) == sorted(f"a{n}" for n in range(1, len(sample_report.articles) + 1))
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    pages = [n for n in names if n.endswith(".xhtml")]
    assert names[:2] == ["mimetype", "META-INF/container.xml"]
    assert names.index("OEBPS/content.opf") > names.index(pages[-1])
    assert all(names.index(n) > names.index(pages[-1]) for n in names if n.startswith("OEBPS/fonts/"))
