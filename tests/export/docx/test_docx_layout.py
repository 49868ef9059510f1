"""The page estimate behind the stored TOC numbers: its rules, and agreement with ReportLab."""

from __future__ import annotations

import io
import random
import re
import unicodedata

import docx
import pytest
from docx_helpers import make_article, make_report, paragraphs, render, toc_entries
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as RLParagraph

from tgreport.export.docx import layout
from tgreport.export.docx.layout import _Box, count_lines, paginate
from tgreport.export.docx.paragraphs import Para, text
from tgreport.export.docx.styles import style_specs
from tgreport.export.pdf import page_numbers as pdf_page_numbers
from tgreport.export.pdf.fonts import register
from tgreport.model import InMemory, Paragraph, Picture, Report
from tgreport.settings import Settings
from tgreport.theme import theme

LINE = 312  # 15.6 pt in twips
PAGE = 10 * LINE  # a page of ten lines


def box(lines: int, **kw: object) -> _Box:
    values: dict[str, object] = dict(lines=lines, line=LINE, before=0, after=0, page_break=False,
                                     keep_next=False, keep_lines=False, bookmark=None)
    values.update(kw)
    return _Box(**values)  # type: ignore[arg-type]


def test_page_break_and_plain_flow() -> None:
    boxes = [box(4, bookmark="x"), box(7, bookmark="y"), box(2, page_break=True, bookmark="z")]
    pages = paginate(boxes, PAGE)
    # 4 lines, then 6 of the next 7 would fit, leaving a widow: 5 stay, 2 go to page 2.
    assert pages == {"x": 1, "y": 1, "z": 3}


def test_a_single_first_line_never_stays_at_the_foot_of_a_page() -> None:
    assert paginate([box(9), box(5, bookmark="p")], PAGE) == {"p": 2}


def test_two_or_three_line_paragraphs_are_never_split() -> None:
    assert paginate([box(8), box(3, bookmark="p")], PAGE) == {"p": 2}
    assert paginate([box(7), box(4, bookmark="p")], PAGE) == {"p": 1}  # 3 + 1 would leave a widow → 2 + 2


def test_keep_with_next_moves_a_heading_with_its_paragraph() -> None:
    assert paginate([box(8), box(1, keep_next=True, bookmark="h"), box(5)], PAGE) == {"h": 2}
    assert paginate([box(7), box(1, keep_next=True, bookmark="h"), box(5)], PAGE) == {"h": 1}


def test_space_before_is_dropped_at_the_top_of_a_page() -> None:
    # The second paragraph starts page 2 by flow: its space before does not push the third down.
    boxes = [box(10), box(9, before=LINE), box(1, bookmark="last")]
    assert paginate(boxes, PAGE) == {"last": 2}


WORDS = (
    "Đảng ủy Khối các cơ quan Trung ương triển khai nhiệm vụ công tác tuyên giáo năm 2021 "
    "05/CT “Đề cao trách nhiệm nêu gương” – Nghị định 30/2020/NĐ; 1.234.567,5 ₫ Thủy hoà "
    "NGHỊ QUYẾT ẩn ngữ."
)
# Words wider than a line are cut differently by each engine (ReportLab at any letter,
# LibreOffice after a hyphen), and LibreOffice may break after a hyphen inside a word where
# ReportLab never does: hyphenated words are checked against LibreOffice itself, in
# test_docx_libreoffice.py, and left out here.
words = st.sampled_from(tuple(WORDS.split(" ")))


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=120), st.sampled_from(["BodyText", "Lead", "Caption", "Quote"]))
def test_line_count_matches_reportlab(chosen: list[str], style_id: str) -> None:
    # ReportLab breaks lines with its own code; same fonts and widths must give the same lines.
    official = theme("official")
    specs = style_specs(official, 9355)
    spec = specs[style_id]
    value = " ".join(chosen)
    faces = register(official.font_family)
    face = {(False, False): faces.regular, (True, False): faces.bold, (False, True): faces.italic}[
        (spec.bold, spec.italic)
    ]
    rl = RLParagraph(value.replace("&", "&amp;").replace("<", "&lt;"), ParagraphStyle(
        "x", fontName=face, fontSize=spec.size, leading=spec.size * 1.2,
        firstLineIndent=spec.first / 20, leftIndent=spec.left / 20, rightIndent=spec.right / 20,
        spaceShrinkage=0))  # ReportLab may squeeze spaces by 5%; Word and LibreOffice never do
    rl.wrap(9355 / 20, 10_000)
    measure = layout._Measure(official)
    assert count_lines(Para(style_id, [text(value)]), spec, 9355, measure) == len(rl.blPara.lines)


def test_estimate_agrees_with_the_pdf_exporter(sample_report: Report, sectioned_report: Report) -> None:
    # The PDF lays out the same text with the same metrics: its pages are an independent check.
    # (ReportLab may squeeze a line's spaces and never breaks after a hyphen, so on other text
    # the two can differ by a line; these fixtures give the same pages, and must keep doing so.)
    long = make_report(30)
    for report in (sample_report, sectioned_report, long):
        for name in ("official", "modern"):
            options = Settings(theme=theme(name))
            stored = {a: page for a, (_, page) in toc_entries(render(report, theme=options.theme)).items()}
            pdf = pdf_page_numbers(report, options)
            assert stored == {a: pdf[a] for a in stored}


vietnamese = st.text(
    alphabet=st.sampled_from([
        *"aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậÀẢÃÁẠĐƯỚỪỬỮỰ ,.“”",
        *"\n\t&<>\"'\x00\x0b\ufffe\u0323\u0302\U0001F600",
    ]),
    min_size=1,
    max_size=200,
)


@settings(max_examples=40, deadline=None)
@given(vietnamese, vietnamese)
def test_any_text_gives_a_valid_document_with_the_text_in_it(title: str, body: str) -> None:
    article = make_article(1, title=title.strip() or None, blocks=(Paragraph(body),))
    report = Report("Bản tin", make_report(1).issued, articles=(article,))
    data = render(report)
    document = docx.Document(io.BytesIO(data))  # parses every part
    texts = "\n".join(t for _, t in paragraphs(data))
    assert unicodedata.is_normalized("NFC", texts)
    # XML-forbidden characters go first, then NFC (removing one may let marks compose).
    expected = body.replace("\x00", "").replace("\x0b", "").replace("\ufffe", "")
    expected = unicodedata.normalize("NFC", expected)
    for piece in expected.split():
        assert piece in texts
    assert document.core_properties.title == "Bản tin"


def walk_line_count(measure: layout._Measure, face: tuple[bool, bool, bool], value: str, size: float,
                    first: float, other: float) -> int:
    """The line count word by word, as the estimate first did it: the oracle for the bisection."""
    space = measure.width(face, " ") * size
    lines, used, avail = 1, -1.0, first
    for word in value.split(" "):
        if not word:
            continue
        gap = space
        for piece in layout._HYPHEN_BREAK.split(word):
            w = measure.width(face, piece) * size
            if used < 0:
                used = w
            elif used + gap + w <= avail + 1e-6:
                used += gap + w
                gap = 0.0
                continue
            elif w > other:
                used += gap + w
            else:
                lines, avail, used = lines + 1, other, w
            while used > avail + 1e-6:
                used -= avail
                lines, avail = lines + 1, other
            gap = 0.0
    return lines


HYPHENATED = [*WORDS.split(" "), "05-CT/TW", "Mát-xcơ-va", "2020-2025", "vv…và", "chính—trị", "—", "…", "",
              "ThủtướngChínhphủnướcCộnghòaXãhộiChủnghĩaViệtNamĐảngCộngsản"]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=0, max_value=300),
       st.sampled_from([(False, False, False), (False, True, False), (True, True, False)]),
       st.sampled_from([10.0, 13.0, 14.0]), st.floats(min_value=30, max_value=460),
       st.floats(min_value=-30, max_value=40))
def test_bisected_line_count_equals_the_word_walk(
    seed: int, count: int, face: tuple[bool, bool, bool], size: float, other: float, indent: float
) -> None:


    rnd = random.Random(seed)
    value = " ".join(rnd.choice(HYPHENATED) for _ in range(count))
    measure = layout._Measure(theme("official"))
    first = other - indent
    assert measure.line_count(face, value, size, first, other) == walk_line_count(
        measure, face, value, size, first, other)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab1_ -…—.\u00a0\n/\x00", max_size=40))
def test_pieces_are_those_of_one_split_at_spaces_and_breaks(value: str) -> None:
    # The reference: one regex split at runs of spaces and at the in-word breaks.
    parts = re.split(f"( +)|{layout._HYPHEN_BREAK.pattern}", value.strip(" "))
    # The pieces, and those after an in-word break (no separator captured before them).
    expected = (parts[0::2], frozenset(k for k, sep in enumerate(parts[1::2], 1) if not sep))
    assert layout._pieces(value) == expected


def test_a_full_word_cache_starts_afresh_and_counts_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # The remembered widths are bounded: with room for a few words only, the caches are emptied
    # again and again in mid-paragraph, and every count must still be the one of a roomy cache.
    rnd = random.Random(3)
    values = [" ".join(rnd.choice(HYPHENATED) for _ in range(rnd.randint(0, 80))) for _ in range(300)]
    face = (False, False, False)
    roomy = layout._Measure(theme("official"))
    expected = [roomy.line_count(face, v, 13.0, 400.0, 420.0) for v in values]
    monkeypatch.setattr(layout, "_KNOWN_WORDS", 5)
    cramped = layout._Measure(theme("official"))
    assert [cramped.line_count(face, v, 13.0, 400.0, 420.0) for v in values] == expected
    assert len(cramped.caches[face]) <= 5 + 80 and len(cramped.spaced[face]) <= 5 + 80


PICTURE = Picture(InMemory(b"png"), "image/png", 40, 30, 72.0)
TIED_STYLES = ("BodyText", "Caption", "Quote", "Heading3", "Lead", "ListParagraph")


def article_part(seed: int) -> list[Para]:
    """An article as body.article_parts gives it, of paragraphs one to many lines long, some of
    them photos, its last paragraph of text the tail and a byline after it or not."""
    rnd = random.Random(seed)
    words = WORDS.split(" ")
    part = [Para("Heading1", [text("Tin")], keep_next=True),
            Para("Metadata", [text("Nguồn")], keep_next=True)]
    for _ in range(rnd.randint(1, 7)):
        value = " ".join(rnd.choice(words) for _ in range(rnd.choice((1, 6, 30, 90, 250))))
        photo = PICTURE if rnd.random() < 0.2 else None
        part.append(Para(rnd.choice(TIED_STYLES), [text(value)], photo=photo))
    part[-1].tail = True
    if rnd.random() < 0.6:
        part.append(Para("Byline", [text(rnd.choice(("Hà An", " ".join(words[:40]))))]))
    return part


def flags(part: list[Para]) -> list[tuple[bool, bool]]:
    return [(p.keep_lines, p.keep_next) for p in part]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_tie_tails_ties_again_what_keep_tails_tied(seed: int) -> None:
    # The DOCX's second pass ties its paragraphs from keep_tails' result, counting no line.
    official = theme("official")
    specs = style_specs(official, 9355)
    count = layout.line_counter(specs, official, 9355)
    first, again = article_part(seed), article_part(seed)
    ties = layout.keep_tails(first, specs, official, 9355, count)
    left = iter(ties)
    layout.tie_tails(again, left)
    assert flags(again) == flags(first)
    assert next(left, None) is None  # one number a tail
    # What keep_tails ties, walked as the rule says: from the tail up, while a paragraph of
    # text has at most TAIL_KEEP_LINES lines, until TAIL_LINES (less the byline's) are kept.
    tail = next(i for i, p in enumerate(first) if p.tail)
    byline = first[tail + 1] if tail + 1 < len(first) else None
    need = layout.TAIL_LINES - (count(byline) if byline else 0)
    tied = []
    for p in reversed(first[2 : tail + 1]):
        if p.photo is not None or count(p) > layout.TAIL_KEEP_LINES or (tied and need <= 0):
            break
        tied.append(p)
        need -= count(p)
    assert [p.keep_lines for p in first] == [any(p is q for q in tied) for p in first]
    assert [p.keep_next for p in first] == [
        i < 2 or (any(p is q for q in tied) and (p is not first[tail] or byline is not None))
        for i, p in enumerate(first)]


def test_the_second_pass_counts_no_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # Once the estimate is made, the paragraphs written are tied from what it found, not counted
    # again: nothing of the first pass's counting need be kept for the second.
    import tgreport.export.docx as exporter

    estimated = []
    real_estimate, real_count = exporter.estimate_pages, layout.count_lines

    def estimate(*args: object, **kwargs: object) -> object:
        pages = real_estimate(*args, **kwargs)  # type: ignore[arg-type]
        estimated.append(True)
        return pages

    def count_lines(*args: object) -> int:
        assert not estimated, "a line counted after the estimate"
        return real_count(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(exporter, "estimate_pages", estimate)
    monkeypatch.setattr(layout, "count_lines", count_lines)
    data = render(make_report(12), article_break="run")
    assert estimated and len(toc_entries(data)) == 12


def test_a_plain_paragraphs_words_are_remembered_once() -> None:
    # Their widths with a space's before them are what line_count adds up; their bare widths,
    # needed only for the pieces of a word cut at a line's end or for a word wider than a line,
    # are not kept as well (a float and a slot more a word: a third of what a large digest's
    # words would hold).
    measure = layout._Measure(theme("official"))
    face = (False, False, False)
    value = WORDS.replace("-", " ")
    lines = measure.line_count(face, value, 13.0, 400.0, 420.0)
    assert lines == walk_line_count(measure, face, value, 13.0, 400.0, 420.0) > 1
    assert set(measure.spaced[face]) == set(value.split())
    fresh = layout._Measure(theme("official"))
    fresh.line_count(face, value, 13.0, 400.0, 420.0)
    assert set(fresh.caches[face]) == {" "}
    fresh.line_count(face, "Mát-xcơ-va", 13.0, 400.0, 420.0)  # whole on its line: never cut
    assert set(fresh.caches[face]) == {" "}
    # Cut at a line's end: the pieces before its last are measured bare, to see which fit.
    narrow = max(fresh._measure(face, "ab Mát-"), fresh._measure(face, "xcơ-va")) * 13.0 + 0.5
    assert narrow < fresh._measure(face, "ab Mát-xcơ-") * 13.0
    lines = fresh.line_count(face, "ab Mát-xcơ-va", 13.0, narrow, narrow)
    assert set(fresh.caches[face]) == {" ", "Mát-", "xcơ-"}
    assert lines == walk_line_count(fresh, face, "ab Mát-xcơ-va", 13.0, narrow, narrow) == 2
