"""A word without spaces (a pasted blob, a URL) is cut into line-wide pieces in one pass over its
letters, in both PDF engines, and comes back whole (issue 21, case 3). Times are in
benchmarks/long_word.py; here the work is counted, not timed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_helpers import make_article, read_back, render

from tgreport.export.html.weasypdf import LONG_WORD, WORD_PIECE, breakable
from tgreport.export.pdf import fonts as pdf_fonts
from tgreport.export.pdf import plain
from tgreport.model import Paragraph, Report
from tgreport.settings import Settings

LETTERS = "ngàyđêmvấtvảĐẢNGỦY"


def _word(size: int) -> str:
    return (LETTERS * (size // len(LETTERS) + 1))[:size]


def _report(*texts: str) -> Report:
    blocks = tuple(Paragraph(t) for t in texts)
    return Report(title="Từ dài", issued=dt.date(2021, 1, 7), articles=(make_article(1, blocks=blocks),))


def test_a_long_word_comes_back_whole_and_in_order(tmp_path: Path) -> None:
    word = _word(30_000)
    body = read_back(render(_report("Mở đầu.", word, "Kết thúc.")), tmp_path).body()
    # pdftotext ends each line where the PDF does: the pieces, joined, are the word.
    start = body.index("Mở đầu.") + len("Mở đầu.")
    between = body[start:body.index("Kết thúc.")]
    assert "".join(between.split()) == word


def test_the_word_is_measured_once_per_distinct_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    # Linear, shown by the work done: ReportLab's own splitter measures every letter of the word
    # through the font registry; this path measures each distinct letter once, whatever the size.
    calls: list[int] = []
    plain._widths.clear()
    original = pdf_fonts._FastTTFont.stringWidth

    def counting(self: object, text: str, size: float, encoding: str = "utf8") -> float:
        calls.append(len(text))
        return original(self, text, size, encoding)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_fonts._FastTTFont, "stringWidth", counting)
    render(_report(_word(200_000)))
    single_letters = [n for n in calls if n == 1]
    assert len(single_letters) < 500  # distinct letters per font and size, not 200,000


def test_pieces_each_fit_their_line() -> None:
    table: dict[str, float] = {}
    words, widths = plain._cut_wide_words(["ngắn", "x" * 1000, "cuối"], [20.0, 5000.0, 20.0], 100.0, table,
                                          lambda c: 5.0)
    assert words[0] == "ngắn" and words[-1] == "cuối"
    assert "".join(words[1:-1]) == "x" * 1000
    assert all(w <= 100.0 for w in widths) and widths[1:-1] == [100.0] * 50


def test_breakable_gives_weasyprint_a_place_to_break_every_few_letters() -> None:
    word = _word(1000)
    broken = breakable(f"Mở đầu {word} kết thúc")
    assert broken.replace("\u200b", "") == f"Mở đầu {word} kết thúc"
    assert max(len(run) for run in broken.replace("\u200b", " ").split()) <= WORD_PIECE
    short = "x" * (LONG_WORD - 1)
    assert breakable(short) is short


@pytest.mark.slow
def test_weasyprint_lays_out_a_long_word_and_it_comes_back(tmp_path: Path) -> None:
    from tgreport.pipeline import render as render_any

    word = _word(3000)
    settings = Settings(engine="weasyprint", index=False)
    data = render_any(_report("Mở đầu.", word, "Kết thúc."), "pdf", settings)
    text = read_back(data, tmp_path).body().replace("\u200b", "")
    assert word in "".join(text.split())


@pytest.mark.slow
def test_weasyprint_sets_a_word_of_many_pieces_and_pages_out_whole(tmp_path: Path) -> None:
    # Longer than a piece (present/pieces.py) several times over, so it is set as block-level
    # pieces over several pages: pdftotext gives back every letter, once and in order.
    from tgreport.pipeline import render as render_any
    from tgreport.present.pieces import LONG_PARAGRAPH

    word = _word(6 * LONG_PARAGRAPH)
    settings = Settings(engine="weasyprint", index=False)
    back = read_back(render_any(_report("Mở đầu.", word, "Kết thúc."), "pdf", settings), tmp_path)
    body = back.body().replace("\u200b", "")
    between = body[body.index("Mở đầu.") + len("Mở đầu."):body.index("Kết thúc.")]
    assert "".join(between.split()) == word
    assert sum(1 for page in back.pages if LETTERS[:6] in page.replace("\u200b", "")) > 2


def test_weasyprint_html_sets_long_paragraphs_in_pieces_and_the_html_export_does_not() -> None:
    from tgreport.export.html import render_html
    from tgreport.present.pieces import LONG_PARAGRAPH

    word = _word(3 * LONG_PARAGRAPH)
    report = _report("Mở đầu.", word)
    paged = render_html(report, Settings(), mode="pdf")
    assert paged.count('<span style="display: block') == len(word) // 2000
    assert paged.count('<span style="display: block; text-indent: 0">') == len(word) // 2000 - 1
    assert word not in paged  # cut up …
    assert f"<p>{word}</p>" in re.sub(r"</?span[^>]*>", "", paged)  # … into pieces that are the word
    assert f"<p>{word}</p>" in render_html(report, Settings())
