"""Random Vietnamese text, markup-like characters included: the PDF builds and says it back."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_helpers import make_article, make_report, read_back, render, squash

from tgreport.model import Paragraph, Report

LETTERS = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
ALPHABET = LETTERS + LETTERS.upper() + "0123456789 .,;:!?()/-–—“”‘’…₫%<>&\"'="
words = st.text(alphabet=ALPHABET, min_size=1, max_size=12)
texts = st.lists(words, min_size=1, max_size=40).map(" ".join).filter(lambda t: t.strip() != "")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts, paragraphs=st.lists(texts, min_size=1, max_size=4))
def test_random_text_comes_back(title: str, paragraphs: list[str]) -> None:
    article = make_article(1, title=title, lead=None, blocks=tuple(Paragraph(p) for p in paragraphs))
    report: Report = dataclasses.replace(make_report(1), articles=(article,))
    with tempfile.TemporaryDirectory() as tmp:
        # -raw: pdftotext's layout mode guesses word gaps and drops the space in "0 0".
        back = read_back(render(report), Path(tmp), "-raw")
    body = back.body()
    assert squash(f"1. {title}") in body
    for text in paragraphs:
        assert squash(text) in body


def test_empty_report_still_builds(tmp_path: Path) -> None:
    back = read_back(render(make_report(0)), tmp_path)
    assert "Gồm 0 bài viết" in back.page(1)
    assert len(back.pages) == 3  # cover, an empty table of contents, the summary
