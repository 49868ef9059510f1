"""The DOCX as LibreOffice lays it out: the text comes back, and the stored TOC pages are right."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx_helpers import make_report, render, toc_entries

from tgreport import present
from tgreport.model import Report
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
    from docx_helpers import _ROOT  # the root conftest's fixtures, as plain functions

    return _ROOT.sample_report.__wrapped__()  # type: ignore[no-any-return]


def _grouped(sample: Report) -> Report:
    from docx_helpers import _ROOT

    return _ROOT.sectioned_report.__wrapped__(sample)  # type: ignore[no-any-return]


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
