"""The DOCX's TOC survives an update: LibreOffice, headless, updates every index and field (what
Word's "Update field" does) through a Basic macro calling getDocumentIndexes() … update(); the
result, printed to PDF and read with pdftotext, still lists every title with its number, its
date line and the page the article really starts on."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx_helpers import make_report, render

from tgreport import present
from tgreport.model import Report

pytestmark = pytest.mark.slow

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub UpdateIndexes(inPath As String, outPath As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, load())
  indexes = doc.getDocumentIndexes()
  For i = 0 To indexes.getCount() - 1
    indexes.getByIndex(i).update()
  Next
  doc.getTextFields().refresh()
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = "writer_pdf_Export"
  doc.storeToURL(ConvertToURL(outPath), store())
  doc.close(True)
End Sub
</script:module>
"""


def _profile(folder: Path) -> str:
    """A LibreOffice profile of its own whose Standard library holds the macro."""
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--terminate_after_init"],
                   check=True, capture_output=True, timeout=300)
    module = folder / "lo-profile" / "user" / "basic" / "Standard" / "Module1.xba"
    module.write_text(MACRO, encoding="utf-8")
    return profile


def updated_pages(docs: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """Each DOCX opened by LibreOffice, every index and field updated, printed to PDF: its pages."""
    profile = _profile(folder)
    pages = {}
    for name, data in docs.items():
        source, target = folder / f"{name}.docx", folder / f"{name}-updated.pdf"
        source.write_bytes(data)
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                        f'macro:///Standard.Module1.UpdateIndexes("{source}","{target}")'],
                       check=True, capture_output=True, timeout=300)
        assert target.exists(), f"LibreOffice did not run the update macro on {name}"
        text = subprocess.run(["pdftotext", "-layout", str(target), "-"], check=True, capture_output=True,
                              text=True).stdout
        pages[name] = text.split("\f")[:-1]
    return pages


def squash(text: str) -> str:
    """Leader dots and line breaks out: the TOC as one line of words and numbers."""
    return re.sub(r"\s+", " ", re.sub(r"\.{3,}", " ", text)).strip()


def toc_text(pages: list[str]) -> str:
    start = next(i for i, p in enumerate(pages) if present.TOC_TITLE in p)
    end = next(i for i, p in enumerate(pages) if present.SUMMARY_TITLE in p)
    return squash(" ".join(pages[start:end]).replace(present.TOC_TITLE, ""))


def start_page(pages: list[str], heading: str) -> int:
    """The page (1-based, not a TOC page) whose text holds `heading` first among the pages after
    the summary."""
    wanted = squash(heading).upper()
    summary = next(i for i, p in enumerate(pages) if present.SUMMARY_TITLE in p)
    for number in range(summary + 1, len(pages)):
        if wanted in squash(pages[number]).upper():
            return number + 1
    raise AssertionError(f"{heading!r} is not in the body")


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Report, list[str]]]:
    from factories import build_sample_report, build_sectioned_report

    sample = build_sample_report()
    reports = {"sample": sample, "grouped": build_sectioned_report(sample), "bulk": make_report(25)}
    pages = updated_pages({n: render(r) for n, r in reports.items()}, tmp_path_factory.mktemp("update"))
    return {n: (reports[n], pages[n]) for n in reports}


@pytest.mark.parametrize("name", ["sample", "grouped", "bulk"])
def test_every_title_keeps_its_number_date_and_page(updated: dict[str, tuple[Report, list[str]]],
                                                     name: str) -> None:
    report, pages = updated[name]
    toc = toc_text(pages)
    position = 0
    for section in present.outline(report):
        if section.section is not None:
            assert squash(section.heading) in toc
        for na in section.articles:
            page = start_page(pages, na.heading)
            entry = f"{squash(na.heading)} {page}"
            found = toc.find(entry, position)
            assert found >= 0, f"{entry!r} not in the updated TOC: {toc[:300]!r}"
            position = found + len(entry)  # in the digest's order
            meta = present.meta_line(na.article)
            if meta:  # the date line under the title comes back as the entry's level 3
                assert squash(meta) in toc[position:position + len(meta) + 20]


def test_update_keeps_no_stale_date_line(updated: dict[str, tuple[Report, list[str]]]) -> None:
    """The date lines stored in the field are replaced, not kept beside the regenerated ones:
    each article's meta line appears once in the updated TOC."""
    report, pages = updated["sample"]
    toc = toc_text(pages)
    for article in report.all_articles():
        meta = present.meta_line(article)
        if article.date:  # an undated article's line is a part of the others' lines
            assert toc.count(squash(meta)) == 1
