"""The overview's charts (coverage per day and per source): counted once in present.chart, the
same picture in every format, read back from each: pdftotext for both PDF engines, the SVG
parsed from the HTML and the EPUB (and epubcheck), the DOCX's table cells from its XML."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from factories import ROOT, make_article
from tgreport.assemble import build_report
from tgreport.config import load_config
from tgreport.model import Article, Period, Report
from tgreport.pipeline import render
from tgreport.present import chart
from tgreport.settings import Settings

SVG = "{http://www.w3.org/2000/svg}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAPERS = ("Nhân Dân", "Báo Quân đội nhân dân", "Tuổi Trẻ")
# Articles per paper and day: 3 on 05/01 (2 Nhân Dân), none on 06/01, 1 on 07/01, 2 on 08/01.
PLAN = ((5, 0), (5, 0), (5, 1), (7, 2), (8, 1), (8, 0))
SETTINGS = Settings(dedup=False, index=False)


def _article(n: int, day: int, paper: int) -> Article:
    return make_article(n, date=dt.date(2021, 1, day), published=None, publisher=PAPERS[paper])


def made() -> Report:
    return build_report([_article(n, day, paper) for n, (day, paper) in enumerate(PLAN, start=1)], SETTINGS)


# What the charts must say, counted here from PLAN rather than by the code under test.
DAYS = {f"{d:02d}/01": sum(1 for day, _ in PLAN if day == d) for d in range(5, 9)}
SOURCES = Counter(PAPERS[p] for _, p in PLAN)


def test_the_day_chart_counts_every_day_of_the_span_empty_ones_included() -> None:
    day_chart, source_chart = chart.charts(made())
    assert day_chart.title == chart.DAY_TITLE and day_chart.columns
    assert dict(day_chart.bars) == DAYS and DAYS["06/01"] == 0
    assert [label for label, _ in day_chart.bars] == ["05/01", "06/01", "07/01", "08/01"]
    assert source_chart.bars == (("Nhân Dân", 3), ("Báo Quân đội nhân dân", 2), ("Tuổi Trẻ", 1))


def test_the_asked_period_widens_the_day_chart() -> None:
    report = made()
    wider = build_report(list(report.all_articles()), SETTINGS.replace(date_from=dt.date(2021, 1, 3)))
    assert wider.period == Period(dt.date(2021, 1, 3), dt.date(2021, 1, 8))
    assert [label for label, _ in chart.charts(wider)[0].bars][:2] == ["03/01", "04/01"]


def test_a_long_span_is_counted_by_month_and_many_sources_share_a_bar() -> None:
    articles = [make_article(n, date=dt.date(2021, 1 + n % 5, 3), published=None, publisher=f"Báo số {n:02d}")
                for n in range(1, 15)]
    by_month, by_source = chart.charts(build_report(articles, SETTINGS))
    assert by_month.title == chart.MONTH_TITLE
    assert dict(by_month.bars) == {"01/2021": 2, "02/2021": 3, "03/2021": 3, "04/2021": 3, "05/2021": 3}
    assert len(by_source.bars) == chart.MAX_SOURCES
    assert by_source.bars[-1] == (chart.OTHER_SOURCES, 14 - (chart.MAX_SOURCES - 1))


def test_undated_articles_leave_the_day_chart_out() -> None:
    report = build_report([make_article(1, date=None, published=None)], SETTINGS)
    assert [c.title for c in chart.charts(report)] == [chart.SOURCE_TITLE]


def test_bars_are_as_long_as_their_counts() -> None:
    day_chart, source_chart = chart.charts(made())
    for c in (day_chart, source_chart):
        fig = chart.figure(c, chart.WIDTH)
        bars = [s for s in fig.shapes if isinstance(s, chart.Rect)]
        sizes = [b.height if c.columns else b.width for b in bars]
        counts = [n for _, n in c.bars if n]
        assert len(bars) == len(counts)
        assert all(abs(size / sizes[0] - n / counts[0]) < 1e-9 for size, n in zip(sizes, counts, strict=True))
        assert all(s.x >= 0 and s.x + s.width <= fig.width + 1e-9 for s in bars)


def test_a_long_source_name_is_cut_to_its_column() -> None:
    name = "Cổng thông tin điện tử của Ban Tuyên giáo Trung ương và các cơ quan báo chí của Đảng"
    assert chart.fit(name, 60, 7.5).endswith("…") and len(chart.fit(name, 60, 7.5)) <= 16
    assert chart.fit("Nhân Dân", 60, 7.5) == "Nhân Dân"


def _pdf_page(data: bytes, tmp_path: Path, page: int) -> str:
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def _check_pdf_overview(text: str) -> None:
    assert chart.DAY_TITLE in text and chart.SOURCE_TITLE in text
    drawn = text.split(chart.DAY_TITLE, 1)[1].split("Theo nguồn", 1)[0]  # the charts, not the tables
    for label in DAYS:
        assert label in drawn
    # The counts over the columns: each non-zero day's count, once; 06/01 has none over it.
    counts = re.findall(r"\d+", drawn.split(chart.SOURCE_TITLE)[0].split("05/01")[0])
    assert sorted(map(int, counts)) == sorted(n for n in DAYS.values() if n)
    for paper, n in SOURCES.items():
        assert re.search(rf"{re.escape(paper)}\s+{n}\b", drawn), (paper, drawn)


@pytest.mark.parametrize("engine", ["reportlab", "weasyprint"])
def test_the_pdf_draws_the_charts(engine: str, tmp_path: Path) -> None:
    data = render(made(), "pdf", SETTINGS.replace(engine=engine))
    _check_pdf_overview(_pdf_page(data, tmp_path, 3))  # cover, TOC, then the overview
    pdf = tmp_path / "d.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts  # every font embedded: no Helvetica
    assert not any("DejaVu" in row or "Helvetica" in row for row in rows), fonts


def _svg_reading(svg: etree._Element, columns: bool) -> tuple[str, list[str], list[float]]:
    """The chart's title, its texts in order, and its bars' lengths (heights or widths)."""
    title = svg.findtext(f"{SVG}title") or ""
    texts = [t.text or "" for t in svg.iter(f"{SVG}text")]
    rects = list(svg.iter(f"{SVG}rect"))
    return title, texts, [float(r.get("height" if columns else "width") or 0) for r in rects]


def _check_svgs(svgs: list[etree._Element]) -> None:
    assert len(svgs) == 2
    day_title, day_texts, day_bars = _svg_reading(svgs[0], columns=True)
    src_title, src_texts, src_bars = _svg_reading(svgs[1], columns=False)
    assert day_title == chart.DAY_TITLE and src_title == chart.SOURCE_TITLE
    assert [t for t in day_texts if "/" in t] == list(DAYS)
    assert sorted(int(t) for t in day_texts if t.isdigit()) == sorted(n for n in DAYS.values() if n)
    counts = [n for n in DAYS.values() if n]
    assert [round(b / day_bars[0] * counts[0], 2) for b in day_bars] == counts  # SVG keeps 1/100 pt
    assert src_texts[1:] == [x for paper, n in SOURCES.most_common() for x in (paper, str(n))]
    assert [round(b / src_bars[0] * 3, 2) for b in src_bars] == [3, 2, 1]
    for svg in svgs:
        assert svg.get("font-family", "").startswith('"Liberation Serif"')


def test_html_shows_the_charts_as_svg() -> None:
    page = render(made(), "html", SETTINGS)
    # Parsed as XML, the way an EPUB reader must read it: the SVG must be well-formed on its own.
    doc = lxml.html.document_fromstring(page.decode("utf-8"))
    svgs = [etree.fromstring(lxml.html.tostring(s)) for s in doc.xpath('//section[@id="summary"]//svg')]
    _check_svgs(svgs)


def test_the_epub_overview_carries_the_same_svg(tmp_path: Path) -> None:
    data = render(made(), "epub", SETTINGS)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        page = etree.fromstring(zf.read("OEBPS/summary.xhtml"))
        opf = etree.fromstring(zf.read("OEBPS/content.opf"))
    _check_svgs(list(page.iter(f"{SVG}svg")))
    item = opf.find('.//{http://www.idpf.org/2007/opf}item[@href="summary.xhtml"]')
    assert item is not None and "svg" in (item.get("properties") or "").split()


@pytest.mark.slow
def test_epubcheck_accepts_the_charts(tmp_path: Path) -> None:
    book = tmp_path / "book.epub"
    book.write_bytes(render(made(), "epub", SETTINGS))
    java = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/usr/share/java/epubcheck.jar"]
    done = subprocess.run([*java, str(book)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and "No errors or warnings detected" in done.stdout + done.stderr, done.stdout


def _cell_text(tc: etree._Element) -> str:
    return "".join(t.text or "" for t in tc.iter(f"{W}t"))


def _span(tc: etree._Element) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    return 1 if span is None else int(span.get(f"{W}val"))


def _shaded(tc: etree._Element) -> bool:
    return tc.find(f"{W}tcPr/{W}shd") is not None


def test_the_docx_draws_the_same_bars_as_shaded_cells() -> None:
    data = render(made(), "docx", SETTINGS)
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    tables = [t for t in body.iter(f"{W}tbl") if any(_shaded(tc) for tc in t.iter(f"{W}tc"))]
    assert len(tables) == 2
    days, sources = tables
    rows = [row.findall(f"{W}tc") for row in days.findall(f"{W}tr")]
    labels = [_cell_text(tc) for tc in rows[-1]]
    assert labels == list(DAYS)
    heights = [sum(_shaded(row[i]) for row in rows[:-1]) for i in range(len(DAYS))]
    most = max(DAYS.values())
    assert heights == [round(10 * n / most) for n in DAYS.values()]  # ten levels for the tallest
    over = [next((_cell_text(r[i]) for r in rows[:-1] if _cell_text(r[i])), "") for i in range(len(DAYS))]
    assert over == [str(n) if n else "" for n in DAYS.values()]
    read = []
    for row in sources.findall(f"{W}tr"):
        cells = row.findall(f"{W}tc")
        bar = sum(_span(tc) for tc in cells if _shaded(tc))
        read.append((_cell_text(cells[0]), _cell_text(cells[-1]), bar))
    assert [(name, count) for name, count, _ in read] == [(p, str(n)) for p, n in SOURCES.most_common()]
    assert [bar for *_, bar in read] == [40, round(40 * 2 / 3), round(40 / 3)]
    # The chart titles are paragraphs of their own, as the drawings' titles are.
    words = "".join(t.text or "" for t in body.iter(f"{W}t"))
    assert chart.DAY_TITLE in words and chart.SOURCE_TITLE in words


def test_the_readme_config_loads() -> None:
    path = ROOT / "examples" / "overview.toml"
    settings = Settings.from_mapping(load_config(path).settings, path)
    assert settings.group == "topic" and settings.toc_summaries and settings.signer["name"]
    assert len(settings.assessments) == 3 and len(settings.highlight) == 2
