"""present.printable_report: the quick look it takes before vn.printable gives the same text."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata

from tgreport import present
from tgreport.model import Article, Paragraph, Report
from tgreport.vn import printable


def test_every_printable_character_is_left_to_nfc_by_vn_printable() -> None:
    # The quick path keeps a text that str.isprintable accepts (and that is NFC) as it is:
    # right only while vn.printable removes or replaces nothing that isprintable accepts.
    text = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable())
    assert printable(text) == unicodedata.normalize("NFC", text)


def _report(*texts: str) -> Report:
    article = Article(id="a1", source="a.html", title="Tiêu đề", blocks=tuple(map(Paragraph, texts)))
    return Report(title="Điểm báo", issued=dt.date(2022, 1, 1), articles=(article,))


def test_a_report_that_needs_no_cleaning_is_returned_as_it_is() -> None:
    report = _report("Hòa bình", "dòng một\ndòng hai", "không\u00a0cách")
    assert present.printable_report(report) is report


def test_what_needs_cleaning_is_cleaned_and_the_rest_kept() -> None:
    decomposed = unicodedata.normalize("NFD", "Hòa")
    report = _report("sạch", "a\x00b", decomposed)
    cleaned = present.printable_report(report)
    blocks = cleaned.articles[0].blocks
    assert [b.text for b in blocks] == ["sạch", "ab", "Hòa"]
    assert blocks[0] is report.articles[0].blocks[0]
    assert cleaned.issued == report.issued


def test_a_tuple_is_copied_from_its_first_change_with_the_items_after_it_looked_at() -> None:
    report = _report("một", "hai", "a\x01b", "bốn", "c\x02d")
    blocks = present.printable_report(report).articles[0].blocks
    assert [b.text for b in blocks] == ["một", "hai", "ab", "bốn", "cd"]
    before = report.articles[0].blocks
    assert [b is a for a, b in zip(before, blocks, strict=True)] == [True, True, False, True, False]
