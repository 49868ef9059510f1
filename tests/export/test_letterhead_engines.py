"""The official cover header drawn alike by every paginated output: ReportLab, WeasyPrint, and the
DOCX as LibreOffice prints it. Each PDF is read back with pdftotext (positions), pypdf (fonts
and sizes) and pdftoppm (the rules), against the measures of Hướng dẫn 36-HD/VPTW (party) and
Decree 30/2020/NĐ-CP, Appendix I (state); see tests/letterhead_check.py."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from factories import make_article
from letterhead_check import check_party, check_state, read_cover
from tgreport.assemble import build_report
from tgreport.model import Report
from tgreport.pipeline import render
from tgreport.settings import Settings

ORG = ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "BAN TUYÊN GIÁO")
PLACE_DATE = "Hà Nội, ngày 07 tháng 01 năm 2021"
CHECKS = {"party": (check_party, "Số 25-BT/BTGĐUK"), "state": (check_state, "Số: 25-BT/BTGĐUK")}


def official(header: str) -> tuple[Report, Settings]:
    settings = Settings(header=header, organisation=list(ORG), number="25-BT/BTGĐUK",  # type: ignore[arg-type]
                        issue="Số 25", internal=True, issued=dt.date(2021, 1, 7), dedup=False)
    articles = [make_article(n, date=dt.date(2021, 1, n), published=None) for n in (4, 5, 6)]
    return build_report(articles, settings), settings


def pdf_of(header: str, engine: str, folder: Path) -> Path:
    report, settings = official(header)
    path = folder / f"{header}-{engine}.pdf"
    if engine == "libreoffice":
        docx = folder / f"{header}.docx"
        docx.write_bytes(render(report, "docx", settings))
        profile = (folder / "lo-profile").as_uri()
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(folder), str(docx)], check=True, capture_output=True, timeout=300)
        (folder / f"{header}.pdf").rename(path)
    else:
        path.write_bytes(render(report, "pdf", settings.replace(engine=engine)))
    return path


@pytest.mark.parametrize("header", ["party", "state"])
@pytest.mark.parametrize("engine", ["reportlab", "weasyprint",
                                    pytest.param("libreoffice", marks=pytest.mark.slow)])
def test_header_measures(header: str, engine: str, tmp_path: Path) -> None:
    check, number = CHECKS[header]
    cover = read_cover(pdf_of(header, engine, tmp_path))
    check(cover, ORG, number, PLACE_DATE)
    # Under the header: the title, the issue with its week, and the internal-circulation mark.
    texts = [line.text for line in cover.lines]
    title = texts.index("BẢN TIN TỔNG HỢP")
    assert texts[title + 1] == "Số 25, tuần từ ngày 04 đến ngày 06 tháng 01 năm 2021"
    assert texts[-1] == "LƯU HÀNH NỘI BỘ"
    assert PLACE_DATE not in texts[title:]  # said once, top right, not again at the foot


@pytest.mark.parametrize("engine", ["reportlab", "weasyprint"])
def test_plain_cover_keeps_each_organisation_line(engine: str, tmp_path: Path) -> None:
    report, settings = official("plain")
    path = tmp_path / "plain.pdf"
    path.write_bytes(render(report, "pdf", settings.replace(engine=engine)))
    cover = read_cover(path)
    texts = [line.text for line in cover.lines]
    assert texts[:2] == list(ORG)  # two lines, no longer flattened into one
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in texts and PLACE_DATE in texts
