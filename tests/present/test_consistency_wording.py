"""Every format words the same things the same way: present.py's text, read back from each output."""

from __future__ import annotations

import re

from consistency_helpers import has_line

from tgreport import present
from tgreport.model import Caption, Related, Report


def _caption_and_related(report: Report) -> tuple[str, str]:
    first = report.articles[0]
    caption = next(b for b in first.blocks if isinstance(b, Caption))
    related = next(b for b in first.blocks if isinstance(b, Related))
    assert caption.credit
    return (
        f"{caption.text} ({present.CAPTION_CREDIT.format(credit=caption.credit)})",
        present.RELATED_PREFIX + related.text,
    )


def test_caption_and_related_lines_read_the_same_everywhere(
    report: Report, official_lines: dict[str, list[str]]
) -> None:
    caption, related = _caption_and_related(report)
    # The words are present.py's: the credit says "Ảnh:", the related line says what it is.
    assert caption == "Quang cảnh hội nghị (Ảnh: Phương Hoa/TTXVN)"
    assert related.startswith("Bài liên quan: Năm 2021")
    for name, lines in official_lines.items():
        assert has_line(lines, caption), f"{name}: no line {caption!r}"
        assert has_line(lines, related), f"{name}: no line {related!r}"


def test_present_wording_is_printed_whole_by_every_format(
    report: Report, official_lines: dict[str, list[str]]
) -> None:
    """Metadata lines, derived-title note, byline, cover lines and the headings of the summary and
    the appendix: each a whole line in PDF (both engines), DOCX, HTML and EPUB."""
    first = report.articles[0]
    wanted = [
        present.DERIVED_TITLE_NOTE,
        present.cover_count(report),
        present.cover_place_date(report),
        present.byline(first) or "",
        present.SUMMARY_TITLE,
        present.INDEX_TITLE,
        present.SUMMARY_LABELS["by_source"],
        present.SUMMARY_LABELS["by_category"],
        *present.INDEX_KIND_TITLES.values(),
        *(present.meta_line(a) for a in report.articles if present.meta_line(a)),
    ]
    summary = present.summary(report)
    labels = present.SUMMARY_LABELS
    wanted += [f"{labels['count']} {summary.count}", f"{labels['period']} {summary.period}",
               f"{labels['undated']} {summary.undated}"]
    assert len(wanted) == 16  # three meta lines: the undated article still has a category
    missing = {
        name: [w for w in wanted if not has_line(lines, w)] for name, lines in official_lines.items()
    }
    assert missing == {name: [] for name in official_lines}


def test_toc_subtitles_read_the_same_in_every_format_with_a_toc_page(
    report: Report, official_lines: dict[str, list[str]]
) -> None:
    """The EPUB's TOC is the reader's navigation (nav.xhtml: titles only), so it is not asked."""
    subtitles = [present.toc_subtitle(a) for a in report.articles]
    assert subtitles[2] == f"{present.UNDATED} · Thời sự - Chính trị"
    for name in ("pdf", "weasypdf", "docx", "html"):
        lines = official_lines[name]
        for subtitle in subtitles:
            # A PDF TOC line may carry the title and page on the line before: match the line's end.
            assert has_line(lines, subtitle) or any(line.endswith(" " + subtitle) for line in lines), (
                f"{name}: no TOC subtitle {subtitle!r}"
            )


def test_index_lines_read_the_same_with_or_without_page_numbers(
    report: Report, official_lines: dict[str, list[str]]
) -> None:
    """"Name (detail): Bài 1, tr. 4; Bài 3, tr. 6" where pages are fixed (both PDF engines, DOCX);
    the same without the pages where they are not (HTML, EPUB)."""
    article = present.ARTICLE_LABEL
    for entry in report.index:
        name = entry.name + (f" ({entry.detail})" if entry.detail else "")
        numbers = [int(i[:3]) for i in entry.article_ids]  # ids "001_sample", "003_sample": a1, a3
        bare = f"{name}: " + "; ".join(f"{article} {n}" for n in numbers)
        paged = re.compile(
            re.escape(f"{name}: ")
            + "; ".join(re.escape(f"{article} {n}, {present.PAGE_LABEL} ") + r"\d+" for n in numbers)
        )
        for fmt in ("pdf", "docx", "weasypdf"):
            assert any(paged.fullmatch(line) for line in official_lines[fmt]), f"{fmt}: no {paged.pattern}"
        for fmt in ("html", "epub"):
            assert has_line(official_lines[fmt], bare), f"{fmt}: no {bare!r}"
