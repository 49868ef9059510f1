"""The table of contents tells the truth: each number it prints is the page holding that title."""

from __future__ import annotations

import re
from pathlib import Path

from pdf_helpers import ReadBack, make_report, read_back, render, squash

from tgreport import present
from tgreport.export.pdf import page_numbers
from tgreport.model import Report
from tgreport.settings import Settings


def toc_pages(back: ReadBack) -> list[int]:
    """1-based numbers of the pages between "MỤC LỤC" and the summary page."""
    start = next(n for n in range(1, len(back.pages) + 1) if back.page(n).startswith(present.TOC_TITLE))
    end = next(n for n in range(start, len(back.pages) + 1) if back.page(n).startswith(present.SUMMARY_TITLE))
    return list(range(start, end))


def toc_numbers(report: Report, back: ReadBack) -> dict[str, int]:
    """Anchor → the page number the TOC prints after the entry's title and its dot leader."""
    text = " ".join(back.page(n) for n in toc_pages(back))
    found = {}
    for section in present.outline(report):
        if section.section is not None:
            match = re.search(re.escape(squash(section.heading)) + r" \.+ (\d+)", text)
            assert match, section.heading
            found[section.anchor] = int(match.group(1))
        for na in section.articles:
            entry = f"{na.number}. {squash(present.display_title(na.article))}"
            match = re.search(re.escape(entry) + r" \.+ (\d+)", text)
            assert match, entry
            found[na.anchor] = int(match.group(1))
    return found


def check_toc(report: Report, back: ReadBack) -> dict[str, int]:
    numbers = toc_numbers(report, back)
    labels = back.reader.page_labels
    for section in present.outline(report):
        if section.section is not None:
            assert squash(section.heading.upper()) in back.page(numbers[section.anchor])
        for na in section.articles:
            page = numbers[na.anchor]
            text = back.page(page)
            if section.section is not None:
                # A section's first article shares its page with the section's heading.
                text = text.removeprefix(squash(section.heading.upper()) + " ")
            assert text.startswith(squash(na.heading)), (na.anchor, page)
            assert labels[page - 1] == str(page)
    return numbers


def test_toc_numbers_name_the_pages_flat(sample_report: Report, tmp_path: Path) -> None:
    numbers = check_toc(sample_report, read_back(render(sample_report), tmp_path))
    assert len(numbers) == 5


def test_toc_numbers_name_the_pages_sectioned(sectioned_report: Report, tmp_path: Path) -> None:
    numbers = check_toc(sectioned_report, read_back(render(sectioned_report), tmp_path))
    assert numbers["s1"] == numbers["a1"] and numbers["s2"] == numbers["a4"]


def test_long_toc_spans_pages_and_stays_right(tmp_path: Path) -> None:
    report = make_report(60)
    back = read_back(render(report, "modern"), tmp_path)
    assert len(toc_pages(back)) >= 3
    numbers = check_toc(report, back)
    assert sorted(numbers.values()) == list(numbers.values())


def test_page_numbers_function_agrees_with_the_printed_toc(sectioned_report: Report, tmp_path: Path) -> None:
    back = read_back(render(sectioned_report), tmp_path)
    printed = toc_numbers(sectioned_report, back)
    computed = page_numbers(sectioned_report, Settings())
    assert {k: v for k, v in computed.items() if k in printed} == printed


def test_outline_has_every_section_and_article(sectioned_report: Report, tmp_path: Path) -> None:
    back = read_back(render(sectioned_report), tmp_path)
    reader = back.reader
    printed = toc_numbers(sectioned_report, back)
    top = [item for item in reader.outline if not isinstance(item, list)]
    # The sectioned fixture has no index, so no appendix entry.
    assert [t.title for t in top] == [
        present.TOC_TITLE, present.SUMMARY_TITLE, "Thời sự - Chính trị", "Xây dựng Đảng",
    ]
    children = [item for item in reader.outline if isinstance(item, list)]
    assert [len(c) for c in children] == [3, 2]
    outline = present.outline(sectioned_report)
    for section, kids in zip(outline, children, strict=True):
        s_item = next(t for t in top if t.title == section.heading)
        assert reader.get_destination_page_number(s_item) + 1 == printed[section.anchor]
        for na, kid in zip(section.articles, kids, strict=True):
            assert kid.title == na.heading
            assert reader.get_destination_page_number(kid) + 1 == printed[na.anchor]


def test_toc_entries_are_links_to_named_destinations(sample_report: Report, tmp_path: Path) -> None:
    back = read_back(render(sample_report), tmp_path)
    reader = back.reader
    printed = toc_numbers(sample_report, back)
    named = {k: reader.get_destination_page_number(v) + 1 for k, v in reader.named_destinations.items()}
    assert {k: named[k] for k in printed} == printed
    targets = []
    for n in toc_pages(back):
        for annot in reader.pages[n - 1].get("/Annots", []):
            annot = annot.get_object()
            assert annot["/Subtype"] == "/Link"
            page_ref = annot["/Dest"][0]
            index = next(i for i, p in enumerate(reader.pages) if p.indirect_reference == page_ref)
            targets.append(index + 1)
    assert targets == [printed[f"a{i}"] for i in range(1, 6)]
