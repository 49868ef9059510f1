"""Property tests: random Vietnamese-heavy text goes through every exporter and comes back out."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rel_helpers import REMOVED_CONTROLS, is_nfc, make_article, squash, text_of

import tgreport
from tgreport.model import Paragraph, Report
from tgreport.read.lookalike import find_lookalikes
from tgreport.vn import clean_text

BASE = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
VOWELS = "aăâeêioôơuưy"
TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_LOWER = [*BASE, *(unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES)]
LETTERS = sorted({*_LOWER, *(c.upper() for c in _LOWER)})
assert len(LETTERS) == 2 * (29 + 60)  # the whole alphabet: 29 letters and 60 toned vowels, 2 cases
PUNCTUATION = [*".,;:?!-–—…“”‘’()[]/%₫\"'*+=@", "05-CT/TW", "30/2020/NĐ-CP", "1.234.567,5"]
MARKUP = [
    "<", ">", "&", "<script>", "</p>", "<para>", "<font name=x>", "<b>", "]]>", "&amp;", "&#x41;",
    "&nbsp;", "{{", "}}", "{%", "%}", "\\", "$", "#", "<!--", "-->", "<![CDATA[",
]
CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\u200b", "\u200d", "\ufeff"]

word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
long_word = st.text(alphabet=LETTERS, min_size=40, max_size=90)
token = st.one_of(
    word, word, word, word, long_word, st.sampled_from(PUNCTUATION), st.sampled_from(MARKUP),
    st.integers(0, 10**6).map(str),
)


@st.composite
def vietnamese_text(draw: st.DrawFn, max_tokens: int = 30) -> str:
    """Raw scraped-looking text: words, punctuation, markup, control characters, maybe NFD."""
    parts = []
    for piece in draw(st.lists(token, min_size=1, max_size=max_tokens)):
        parts.append(piece)
        parts.append(draw(st.sampled_from([" ", " ", " ", " ", "", "\t"])))
        if draw(st.integers(0, 9)) == 0:
            parts.append(draw(st.sampled_from(CONTROLS)))
    text = "".join(parts)
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    return text


def _report(title: str, body: str) -> Report:
    article = make_article(1, title=title, lead=None, blocks=(Paragraph(body),))
    return Report(title="Bản tin tổng hợp", issued=article.date, articles=(article,))


def _clean(raw: str) -> str:
    # What the reader hands on: clean_text, and a paragraph is one line of single spaces.
    return " ".join(clean_text(raw).split())


def _is_subsequence(needle: str, haystack: str) -> bool:
    letters = iter(haystack)
    return all(c in letters for c in needle)


def check_roundtrip(fmt: str, raw_title: str, raw_body: str) -> None:
    title = "Tin " + _clean(raw_title)
    body = "Nội dung: " + _clean(raw_body)
    data = tgreport.render(_report(title, body), fmt)
    out = text_of(fmt, data)
    assert is_nfc(out)
    removed = [c for c in REMOVED_CONTROLS if not (fmt == "pdf" and c == "\x0c")]
    assert not [c for c in removed if c in out]
    flat = squash(out)
    if fmt == "pdf":
        # A page break may put a page number or running head inside a long paragraph, so the
        # paragraph is checked token by token and as an in-order subsequence.
        for piece in body.split():
            assert squash(piece) in flat, piece
        assert _is_subsequence(squash(body), flat)
    else:
        assert squash(body) in flat
    assert squash(title).casefold() in flat.casefold()


def _property(fmt: str, examples: int) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(raw_title=vietnamese_text(max_tokens=10), raw_body=vietnamese_text())
    def run(raw_title: str, raw_body: str) -> None:
        check_roundtrip(fmt, raw_title, raw_body)

    run()


def test_json_roundtrip() -> None:
    _property("json", 200)


def test_html_roundtrip() -> None:
    _property("html", 100)


def test_epub_roundtrip() -> None:
    _property("epub", 40)


@pytest.mark.slow
def test_pdf_roundtrip() -> None:
    _property("pdf", 25)


@pytest.mark.slow
def test_docx_roundtrip() -> None:
    _property("docx", 25)


@settings(max_examples=300, deadline=None)
@given(text=vietnamese_text())
def test_clean_text_is_nfc_idempotent_and_free_of_controls(text: str) -> None:
    cleaned = clean_text(text)
    assert is_nfc(cleaned)
    assert clean_text(cleaned) == cleaned
    assert not [c for c in REMOVED_CONTROLS if c in cleaned]


@settings(max_examples=300, deadline=None)
@given(text=vietnamese_text())
def test_pure_vietnamese_never_looks_alike(text: str) -> None:
    assert find_lookalikes(clean_text(text)) == []


@settings(max_examples=200, deadline=None)
@given(
    text=vietnamese_text(),
    twin=st.sampled_from(["\u0430", "\u043e", "\u0435", "\u0441", "\u03bf", "\u03b1"]),
    prefix=st.text(alphabet=LETTERS, min_size=1, max_size=5),
)
def test_a_lookalike_inside_a_word_is_always_found(text: str, twin: str, prefix: str) -> None:
    word = prefix + twin + "ng"
    found = find_lookalikes(f"{clean_text(text)} {word} Việt Nam")
    assert word in [f.word for f in found]
    assert twin in next(f.letters for f in found if f.word == word)


_SUFFIXES = [".txt", ".html", ".json", ".jsonl"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        vietnamese_text().map(lambda t: t.encode("utf-8")),
        vietnamese_text().map(lambda t: t.encode("utf-16")),
        vietnamese_text().map(lambda t: unicodedata.normalize("NFD", t).encode("cp1258", "ignore")),
        vietnamese_text().map(lambda t: json.dumps({"title": t[:40], "blocks": [t, {"text": t}]}).encode()),
        vietnamese_text().map(lambda t: f"<html><body><h1>{t[:40]}</h1><p>{t}</p>".encode()),
    ),
    suffix=st.sampled_from(_SUFFIXES),
)
def test_any_bytes_are_read_or_refused_with_an_input_error(
    data: bytes, suffix: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from tgreport.errors import InputError
    from tgreport.read import read_path

    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    try:
        articles = read_path(path)
    except InputError as exc:
        assert exc.path == str(path)  # the warning names the file
        return
    for article in articles:
        for text in (article.title or "", *(block.text for block in article.blocks)):
            assert is_nfc(text)
            assert not [c for c in REMOVED_CONTROLS if c in text]
