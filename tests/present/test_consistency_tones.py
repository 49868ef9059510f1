"""`--tone-style` is applied once, to the whole report, whatever the input kind: every format shows it."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from consistency_helpers import lines_of
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import make_article
from tgreport import present
from tgreport.cli import main
from tgreport.errors import UsageError
from tgreport.export.json import JsonExporter
from tgreport.model import Caption, IndexEntry, Paragraph, Related, Report, Section
from tgreport.settings import Settings
from tgreport.vn import normalize_tone_style


def _hoa_report() -> Report:
    """Every printed field written in the "hoà" style (tone on the second vowel)."""
    article = make_article(
        1,
        id="001_hoà",
        source="samples/hoà giải.txt",
        title="Hội nghị hoà giải ở cơ sở",
        lead="Công tác hoà giải được Đảng uỷ quan tâm.",
        category="Thuỷ lợi",
        publisher="Báo Hoà Bình",
        authors=("Thuỷ Tiên",),
        blocks=(
            Paragraph("Ông đề nghị tiếp tục hoà giải, giữ gìn sức khoẻ cho người dân."),
            Caption("Quang cảnh hội nghị hoà giải", "Thuỷ Tiên"),
            Related("Tỉnh uỷ Hoà Bình tổng kết công tác năm 2021"),
        ),
    )
    return Report(
        title="Bản tin hoà giải",
        issued=dt.date(2021, 1, 7),
        articles=(article,),
        index=(IndexEntry("person", "Thuỷ Tiên", ("001_hoà",), "phóng viên"),),
    )


def test_json_input_gets_the_tone_style_in_every_format(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(JsonExporter().render(_hoa_report(), Settings()))
    out = tmp_path / "out"
    assert main([str(source), "-q", "-f", "all", "-o", str(out), "--tone-style", "hòa", "--no-index"]) == 0
    weasy = tmp_path / "weasy.pdf"
    assert main([str(source), "-q", "-o", str(weasy), "--engine", "weasyprint", "--tone-style", "hòa"]) == 0
    outputs = {p.suffix.lstrip("."): p for p in out.iterdir()} | {"weasypdf": weasy}
    assert sorted(outputs) == ["docx", "epub", "html", "json", "pdf", "weasypdf"]
    for name, path in outputs.items():
        text = "\n".join(lines_of(name, path.read_bytes(), tmp_path))
        for word in ("hòa giải", "Đảng ủy", "Thủy lợi", "Hòa Bình", "sức khỏe", "Thủy Tiên"):
            assert word in text, f"{name}: no {word!r}"
        words = text.replace("001_hoà", "")  # the JSON keeps the article's id: a name, not words
        for word in ("hoà", "Hoà", "uỷ", "Thuỷ", "khoẻ"):
            assert word not in words, f"{name}: still {word!r}"


def test_restyle_tones_changes_words_only() -> None:
    report = _hoa_report()
    restyled = present.restyle_tones(report, "hòa")
    article = restyled.articles[0]
    assert article.id == "001_hoà" and article.source == "samples/hoà giải.txt"  # names, not words
    assert article.title == "Hội nghị hòa giải ở cơ sở"
    assert restyled.title == "Bản tin hòa giải"
    assert restyled.index[0].name == "Thủy Tiên" and restyled.index[0].article_ids == ("001_hoà",)
    caption = article.blocks[1]
    assert isinstance(caption, Caption) and caption.credit == "Thủy Tiên"
    assert article.date == report.articles[0].date and article.views == report.articles[0].views
    # Back to the other style gives the original; None leaves the report as it is.
    assert present.restyle_tones(restyled, "hoà") == report
    assert present.restyle_tones(report, None) is report


def test_sections_are_restyled_too() -> None:
    article = _hoa_report().articles[0]
    report = Report(title="t", issued=dt.date(2021, 1, 7), sections=(Section("Thuỷ lợi", (article,)),))
    restyled = present.restyle_tones(report, "hòa")
    assert restyled.sections[0].title == "Thủy lợi"
    assert restyled.sections[0].articles[0].category == "Thủy lợi"


def test_unknown_tone_style_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="hoa"):
        present.restyle_tones(_hoa_report(), "hoa")


def _one_paragraph(text: str) -> Report:
    article = make_article(1, blocks=(Paragraph(text),))
    return Report(title="t", issued=dt.date(2021, 1, 7), articles=(article,))


@pytest.mark.parametrize("style", ["hòa", "hoà"])
def test_restyling_a_report_is_normalize_tone_style_on_the_seeds(style: str, seeds_dir: Path) -> None:
    """restyle_tones looks only at words that can change: on real pages it must agree with
    vn.normalize_tone_style looking at every word."""
    changed = 0
    for seed in sorted(seeds_dir.glob("*.txt")):
        text = unicodedata.normalize("NFC", seed.read_text(encoding="utf-8"))
        block = present.restyle_tones(_one_paragraph(text), style).articles[0].blocks[0]
        assert block.text == normalize_tone_style(text, style), seed.name
        changed += block.text != text
    assert changed >= 1  # the seeds write "Tỉnh uỷ" and "Tỉnh ủy": one style changes something


_LETTERS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYhkqtđg" + "".join(
    unicodedata.normalize("NFC", v + m) for v in "aeouyAEOUY" for m in "\u0300\u0301\u0303\u0309\u0323"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LETTERS + " -,.2\u0300", max_size=40), st.sampled_from(["hòa", "hoà"]))
def test_restyling_agrees_with_normalize_tone_style_on_any_text(text: str, style: str) -> None:
    block = present.restyle_tones(_one_paragraph(text), style).articles[0].blocks[0]
    assert block.text == normalize_tone_style(text, style)
