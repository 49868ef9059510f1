"""The HTML printed from a browser: page numbers from CSS paged media, and, since browsers have no
target-counter() for the TOC's numbers, a note on paper only that the PDF is the printable form.
The stylesheet is read with tinycss2 (WeasyPrint's CSS parser), the page with lxml."""

from __future__ import annotations

import lxml.html
import tinycss2
from html_helpers import options

from tgreport import present
from tgreport.export.html import HtmlExporter
from tgreport.model import Report
from tgreport.settings import Settings


def _stylesheet(report: Report, **fields: object) -> tuple[lxml.html.HtmlElement, list[object]]:
    settings = Settings(**fields) if "theme" in fields else options(**fields)  # type: ignore[arg-type]
    page = lxml.html.document_fromstring(HtmlExporter().render(report, settings).decode("utf-8"))
    css = "".join(style.text_content() for style in page.iter("style"))
    return page, tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)


def _rules(nodes: list[object], media: str | None = None) -> dict[str, str]:
    """Selector → declarations of the qualified rules at the top level, or inside @media `media`."""
    found = {}
    for node in nodes:
        if node.type == "qualified-rule" and media is None:  # type: ignore[attr-defined]
            found[tinycss2.serialize(node.prelude).strip()] = tinycss2.serialize(node.content)  # type: ignore[attr-defined]
        elif node.type == "at-rule" and node.lower_at_keyword == "media" \
                and tinycss2.serialize(node.prelude).strip() == media:  # type: ignore[attr-defined]
            inner = tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True)  # type: ignore[attr-defined]
            found.update(_rules(inner))
    return found


def test_print_note_on_paper_only(sample_report: Report) -> None:
    page, sheet = _stylesheet(sample_report)
    notes = page.xpath('//nav[@id="toc"]//p[@class="print-note"]')
    assert [n.text_content() for n in notes] == [present.PRINT_NOTE]
    assert "display: none" in _rules(sheet)[".print-note"]
    assert "display: block" in _rules(sheet, "print")[".print-note"]


def test_printed_pages_are_numbered_but_the_cover(sample_report: Report) -> None:
    _, sheet = _stylesheet(sample_report, article_break="run")
    pages = [n for n in sheet if n.type == "at-rule" and n.lower_at_keyword == "page"]  # type: ignore[attr-defined]
    numbered = {tinycss2.serialize(p.prelude).strip(): tinycss2.serialize(p.content) for p in pages}  # type: ignore[attr-defined]
    assert "@top-center" in numbered[""] and "counter(page)" in numbered[""]
    assert "content: none" in numbered[":first"]
    # Running on, articles are not forced onto new pages when printed.
    assert "break-before: page" not in _rules(sheet, "print").get(".article + .article", "")


def test_page_size_reaches_the_printed_page(sample_report: Report) -> None:
    from tgreport.theme import theme

    _, sheet = _stylesheet(sample_report, theme=theme("official", page_size="A5-landscape"))
    page = next(n for n in sheet if n.type == "at-rule" and n.lower_at_keyword == "page"  # type: ignore[attr-defined]
                and not tinycss2.serialize(n.prelude).strip())  # type: ignore[attr-defined]
    assert "size: A5 landscape" in tinycss2.serialize(page.content)  # type: ignore[attr-defined]
