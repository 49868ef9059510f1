"""The DOCX as LibreOffice lays it out: the text comes back, and the stored TOC pages are right."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx_helpers import make_report, render, toc_entries

from tgreport import present
from tgreport.model import Paragraph, Report
from tgreport.theme import theme

pytestmark = pytest.mark.slow


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def convert(docs: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """Each DOCX converted by one LibreOffice run; name → text of each page (pdftotext)."""
    paths = []
    for name, data in docs.items():
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        paths.append(str(path))
    # A profile of its own, so parallel runs do not fight over LibreOffice's lock.
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *paths],
        check=True, capture_output=True, timeout=300,
    )
    pages = {}
    for name in docs:
        text = subprocess.run(["pdftotext", "-layout", str(folder / f"{name}.pdf"), "-"],
                              check=True, capture_output=True, text=True).stdout
        pages[name] = text.split("\f")[:-1]
    return pages


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Report, bytes, list[str]]]:
    sample = _sample()
    reports = {
        "sample": (sample, {}),
        "modern": (sample, {"theme": theme("modern")}),
        "grouped": (_grouped(sample), {}),
        "bulk": (make_report(40), {}),
    }
    docs = {name: render(report, **options) for name, (report, options) in reports.items()}
    pages = convert(docs, tmp_path_factory.mktemp("lo"))
    return {name: (reports[name][0], docs[name], pages[name]) for name in reports}


def _sample() -> Report:
    from factories import build_sample_report

    return build_sample_report()


def _grouped(sample: Report) -> Report:
    from factories import build_sectioned_report

    return build_sectioned_report(sample)


def heading_page(pages: list[str], heading: str) -> int | None:
    """The first page (not a TOC page) on which `heading` comes first or right after a section
    heading, ignoring case (section headings are in capitals)."""
    wanted = squash(heading).upper()
    for number, text in enumerate(pages, start=1):
        if "....." in text:
            continue
        lines = [squash(line).upper() for line in text.split("\n") if line.strip()]
        top = " ".join(lines[1:] if number > 1 else lines)  # drop the header's page number
        if top.startswith(wanted) or (len(lines) > 2 and " ".join(lines[2:]).startswith(wanted)):
            return number
    return None


@pytest.mark.parametrize("name", ["sample", "modern", "grouped", "bulk"])
def test_stored_toc_pages_match_libreoffice(rendered: dict, name: str) -> None:
    report, data, pages = rendered[name]
    entries = toc_entries(data)
    assert len(entries) == len(report.all_articles()) + len(report.sections)
    wrong = {}
    for anchor, (entry, stored) in entries.items():
        heading = entry.replace("\t", " ")
        found = heading_page(pages, heading)
        if found != stored:
            wrong[anchor] = (stored, found)
    assert not wrong


@pytest.mark.parametrize("name", ["sample", "bulk"])
def test_libreoffice_renders_every_title_and_paragraph(rendered: dict, name: str) -> None:
    report, _, pages = rendered[name]
    text = squash(" ".join(pages))
    for number, article in enumerate(report.all_articles(), start=1):
        assert squash(f"{number}. {present.display_title(article)}") in text
        for block in article.blocks:
            if block.type in ("paragraph", "quote", "heading"):
                assert squash(block.text) in text
    assert squash(present.cover_place_date(report)) in text


def test_page_number_in_the_header_but_not_on_the_cover(rendered: dict) -> None:
    _, _, pages = rendered["sample"]
    assert not re.match(r"\s*\d+\s*\n", pages[0])
    for number, page in enumerate(pages[1:], start=2):
        assert page.strip().split("\n", 1)[0].strip() == str(number)


POOL_TEXT = (
    "Đảng ủy Khối các cơ quan Trung ương triển khai nhiệm vụ công tác tuyên giáo năm 2021, "
    "quán triệt Nghị quyết Đại hội XIII của Đảng; “Đề cao trách nhiệm nêu gương” – Chỉ thị "
    "05-CT/TW Kết luận 01-KL/TW Nghị định 30/2020/NĐ-CP nhiệm kỳ 2020-2025 Mát-xcơ-va Covid-19 "
    "sáng 6-1 1.234.567,5 ₫ Thủy hoà NGHỊ QUYẾT ẩn ngữ… (khóa XII) kinh tế - xã hội"
)
WORD_POOL = tuple(POOL_TEXT.split(" "))


def test_line_counts_match_libreoffice_paragraph_by_paragraph(tmp_path: Path) -> None:
    # The estimate behind the TOC numbers, checked where it can go wrong: each paragraph's lines.
    import random

    from docx_helpers import make_article

    from tgreport.export.docx.layout import _Measure, count_lines
    from tgreport.export.docx.paragraphs import Para, text
    from tgreport.export.docx.styles import style_specs

    rnd = random.Random(7)
    texts = [" ".join(rnd.choice(WORD_POOL) for _ in range(rnd.randint(4, 140))) for _ in range(120)]
    article = make_article(1, lead=None, authors=(), blocks=tuple(Paragraph(t) for t in texts))
    report = Report("Bản tin", make_report(1).issued, articles=(article,))
    edges = _pdf_lines(render(report), tmp_path)
    official = theme("official")
    spec = style_specs(official, 9355)["BodyText"]
    measure = _Measure(official)
    expected = [count_lines(Para("BodyText", [text(t)]), spec, 9355, measure) for t in texts]
    assert _paragraph_lines(edges, indent=spec.first / 20) == expected


def _pdf_lines(data: bytes, folder: Path) -> list[float]:
    """The left edge of every text line below the header, page after page, as pdftotext sees
    LibreOffice's PDF of `data`."""
    from lxml import etree

    (folder / "lines.docx").write_bytes(data)
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(folder / "lines.docx")],
                   check=True, capture_output=True, timeout=300)
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(folder / "lines.pdf"), "-"],
                         check=True, capture_output=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    top = theme("official").margin_top_mm * 72 / 25.4 - 2
    edges = []
    for page in root.iter("{*}page"):
        lines = [line for line in page.iter("{*}line") if float(line.get("yMin")) > top]
        lines.sort(key=lambda line: float(line.get("yMin")))
        edges += [float(line.get("xMin")) for line in lines]
    return edges


def _paragraph_lines(edges: list[float], indent: float) -> list[int]:
    """Line counts of the body paragraphs: each starts with an indented line, and goes on with
    lines at the left edge (across page breaks too); centred lines (cover, title) are ignored."""
    left = min(edges)
    counts: list[int] = []
    for x in edges:
        if abs(x - left - indent) < 1.5:
            counts.append(1)
        elif abs(x - left) < 1.5 and counts:
            counts[-1] += 1
    return counts
