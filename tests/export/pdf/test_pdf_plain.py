"""The fast line breaker for plain paragraphs gives ReportLab's own lines, and the same PDF bytes."""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_helpers import make_article, make_report, render
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as RLParagraph

from tgreport.export.pdf import plain
from tgreport.export.pdf.fonts import register
from tgreport.export.pdf.markup import paragraph
from tgreport.model import Paragraph

WORDS = (  # noqa: SIM905 (a sentence reads better than a list of words)
    "Đảng ủy Khối các cơ quan Trung ương triển khai nhiệm vụ công tác tuyên giáo năm 2021 "
    "05-CT/TW “Đề cao trách nhiệm nêu gương” – Nghị định 30/2020/NĐ-CP; 1.234.567,5 ₫ Thủy hoà "
    "NGHỊ QUYẾT ẩn ngữ. a i Hà\u00a0Nội Nguyễn Xuân Phúc ThủtướngChínhphủnướcCộnghòaXãhộiChủnghĩaViệtNam"
).split(" ")
FACES = register("Liberation Serif")


def lines_of(p: RLParagraph) -> list[tuple[float, list[str]]]:
    return [(extra, list(words)) for extra, words in p.blPara.lines]


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=2**32),
    st.integers(min_value=0, max_value=400),
    st.sampled_from([FACES.regular, FACES.bold, FACES.italic]),
    st.sampled_from([10.0, 13.0, 14.0]),
    st.floats(min_value=40, max_value=460),
    st.floats(min_value=-20, max_value=40),
    st.sampled_from([0.0, 0.05]),
    st.integers(min_value=1, max_value=30),
)
def test_same_lines_and_splits_as_reportlab(
    seed: int, count: int, font: str, size: float, width: float, indent: float, shrink: float, cut: int
) -> None:
    style = ParagraphStyle("x", fontName=font, fontSize=size, leading=size * 1.3, firstLineIndent=indent,
                           spaceShrinkage=shrink, hyphenationLang="", embeddedHyphenation=0,
                           uriWasteReduce=0, splitLongWords=1, allowWidows=0, allowOrphans=0)
    # Hypothesis draws short lists; prose of up to 400 words gives many line ends to get right.
    rnd = random.Random(seed)
    text = " ".join(rnd.choice(WORDS) for _ in range(count))
    fast = paragraph(text, style)
    assert isinstance(fast, plain.PlainParagraph)
    slow = RLParagraph(text.replace("&", "&amp;").replace("<", "&lt;"), style)
    assert fast.wrap(width, 10_000) == slow.wrap(width, 10_000)
    assert lines_of(fast) == lines_of(slow)
    assert fast._width_max == slow._width_max
    # Split at a page end, the second part (a word list, not text) is broken the same way too.
    height = cut * style.leading
    fast_parts, slow_parts = fast.split(width, height), slow.split(width, height)
    assert len(fast_parts) == len(slow_parts)
    for f, s in zip(fast_parts, slow_parts, strict=True):
        assert f.wrap(width, 10_000) == s.wrap(width, 10_000)
        assert lines_of(f) == lines_of(s)


def test_the_fast_path_is_taken_for_plain_text() -> None:
    # Guards the test above: were every paragraph to fall back, it would compare ReportLab to itself.
    style = ParagraphStyle("x", fontName=FACES.regular, fontSize=13, leading=17, hyphenationLang="",
                           embeddedHyphenation=0, uriWasteReduce=0)
    p = paragraph(" ".join(WORDS[:30]), style)
    assert p._break_plain([200.0]) is not None
    assert paragraph("x\u00ady " * 5, style)._break_plain([200.0]) is None  # soft hyphens: ReportLab's
    assert paragraph("x", style, bullet="•")._break_plain([200.0]) is None


@pytest.mark.parametrize("theme_name", ["official", "modern"])
def test_same_pdf_bytes_as_reportlabs_line_breaker(theme_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(30)

    def prose(n: int) -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(n))

    # Paragraphs long enough to split across pages, short ones, and a word wider than a line.
    articles = tuple(
        make_article(i, title=prose(12),
                     blocks=tuple(Paragraph(prose(rnd.choice((5, 60, 700)))) for _ in range(6)))
        for i in range(1, 5)
    )
    report = dataclasses.replace(make_report(1), articles=articles)
    fast = render(report, theme_name)
    monkeypatch.setattr(plain.PlainParagraph, "breakLines", RLParagraph.breakLines)
    assert render(report, theme_name) == fast


SPACES = "ab đ\xa0\u2028\u3000\t\n\r\x85\u200b\u2009\ufeff\u180e\u202f\u205f\u1680\x1c\x1f ."


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=SPACES, max_size=16))
def test_tidy_text_skips_the_cleaner_only_when_the_cleaner_would_not_change_it(text: str) -> None:
    from reportlab.platypus.paragraph import cleanBlockQuotedText

    from tgreport.export.pdf.markup import _untidy

    if not _untidy(text):
        assert cleanBlockQuotedText(text) == text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=SPACES, max_size=16))
def test_untidy_is_the_one_regex_it_replaced(text: str) -> None:
    import re

    from tgreport.export.pdf.markup import _untidy

    assert _untidy(text) == bool(re.search(r"[^\S ]|\u200b|  |^ | $", text))


@pytest.mark.parametrize("second_width", [300.0, 250.0])
def test_the_parts_of_a_split_are_given_the_wholes_lines_only_at_the_same_width(second_width: float) -> None:
    # The head and tail of a split reuse the whole's lines (PlainParagraph.split); laid out at
    # another width, they are broken afresh. Either way the lines are ReportLab's.
    style = ParagraphStyle("x", fontName=FACES.regular, fontSize=13, leading=17, firstLineIndent=20,
                           hyphenationLang="", embeddedHyphenation=0, uriWasteReduce=0, allowWidows=0,
                           allowOrphans=0)
    text = " ".join(random.Random(7).choice(WORDS) for _ in range(300))
    fast = paragraph(text, style)
    slow = RLParagraph(text.replace("&", "&amp;").replace("<", "&lt;"), style)
    for p in (fast, slow):
        p.wrap(300.0, 10_000)
    fast_parts, slow_parts = fast.split(300.0, 10 * style.leading), slow.split(300.0, 10 * style.leading)
    assert [type(p) for p in fast_parts] == [plain.PlainParagraph] * 2
    assert all("_given" in p.__dict__ for p in fast_parts)
    for f, s in zip(fast_parts, slow_parts, strict=True):
        assert f.wrap(second_width, 10_000) == s.wrap(second_width, 10_000)
        assert lines_of(f) == lines_of(s)
        assert "_given" not in f.__dict__  # used or dropped, never kept for a later wrap


@pytest.mark.parametrize("theme_name", ["official", "modern"])
def test_same_pdf_bytes_as_reportlabs_split(theme_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # PlainParagraph splits its own lines (the article's kept tail, page ends, the head of a
    # tail split again at a page end); ReportLab's Paragraph.split must draw the same bytes.
    rnd = random.Random(17)

    def prose(n: int) -> str:
        return " ".join(rnd.choice(WORDS[:-1]) for _ in range(n))

    articles = tuple(
        make_article(i, title=prose(8), blocks=tuple(Paragraph(prose(rnd.choice((8, 40, 150, 400))))
                                                     for _ in range(rnd.randint(2, 9))))
        for i in range(1, 25)
    )
    report = dataclasses.replace(make_report(1), articles=articles)
    used = 0
    own = plain.PlainParagraph._split_lines

    def counted(self: plain.PlainParagraph, *args: object) -> object:
        nonlocal used
        parts = own(self, *args)  # type: ignore[arg-type]
        used += parts is not None and len(parts) == 2
        return parts

    monkeypatch.setattr(plain.PlainParagraph, "_split_lines", counted)
    fast = render(report, theme_name)
    assert used > 20  # the fast split is what was compared
    monkeypatch.setattr(plain.PlainParagraph, "_split_lines", lambda *args: None)
    assert render(report, theme_name) == fast


def test_a_heads_last_line_is_justified_and_the_tail_of_a_head_ends_ragged() -> None:
    style = ParagraphStyle("x", fontName=FACES.regular, fontSize=13, leading=17, firstLineIndent=20,
                           alignment=4, hyphenationLang="", embeddedHyphenation=0, uriWasteReduce=0,
                           allowWidows=0, allowOrphans=0)
    whole = paragraph(" ".join(random.Random(3).choice(WORDS[:-1]) for _ in range(200)), style)
    whole.wrap(300.0, 10_000)
    head, tail = whole.split(300.0, 8 * style.leading)
    assert head.style.justifyLastLine == plain.JUSTIFY_ALL and tail.style.justifyLastLine == 0
    assert tail.style.firstLineIndent == 0 and whole.style.firstLineIndent == 20
    head.wrap(300.0, 10_000)
    head_of_head, tail_of_head = head.split(300.0, 4 * style.leading)
    # ReportLab marks only the head it makes: the tail of a head ends ragged.
    assert head_of_head.style.justifyLastLine == plain.JUSTIFY_ALL
    assert tail_of_head.style.justifyLastLine == 0
