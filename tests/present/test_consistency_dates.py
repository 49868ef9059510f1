"""`date_style` dates every article the same way in every format; the cover stays official."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from consistency_helpers import has_line, html_lines

from factories import make_article
from tgreport import present
from tgreport.cli import main
from tgreport.errors import UsageError
from tgreport.export.json import JsonExporter
from tgreport.model import Report
from tgreport.pipeline import render
from tgreport.settings import Settings
from tgreport.vn import format_date


def test_numeric_dates_on_meta_lines_and_toc_in_every_format(
    report: Report, numeric_lines: dict[str, list[str]]
) -> None:
    # Article 1 was published 2021-01-01 at 21:38; article 2 gives its day only.
    meta_1 = "01/01/2021 21:38 · Thời sự - Chính trị · TTXVN/Vietnam+ · 679 lượt xem"
    meta_2 = "02/01/2021 · Thời sự - Chính trị · TTXVN/Vietnam+ · 679 lượt xem"
    assert present.meta_line(report.articles[0], "numeric") == meta_1
    for name, lines in numeric_lines.items():
        text = "\n".join(lines)
        assert has_line(lines, meta_1), f"{name}: no {meta_1!r}"
        assert has_line(lines, meta_2), f"{name}: no {meta_2!r}"
        # The official wording of the articles' own dates is gone …
        assert "21 giờ 38" not in text, name
        assert "ngày 02 tháng 01 năm 2021 ·" not in text, name
        # … but the cover keeps Decree 30's place-and-date line and its official period.
        assert has_line(lines, "Hà Nội, ngày 07 tháng 01 năm 2021"), name
        assert has_line(lines, "Từ ngày 01 tháng 01 năm 2021 đến ngày 04 tháng 01 năm 2021"), name
    for name in ("pdf", "weasypdf", "docx", "html"):  # the formats with a printed TOC
        lines = numeric_lines[name]
        wanted = "02/01/2021 · TTXVN/Vietnam+"
        assert has_line(lines, wanted) or any(line.endswith(" " + wanted) for line in lines), name


@pytest.mark.parametrize("style", present.ARTICLE_DATE_STYLES)
def test_every_article_style_is_format_date_s_own(style: str) -> None:
    article = make_article(7)
    date = format_date(article.date, style)
    assert present.toc_subtitle(article, style) == f"{date} · TTXVN/Vietnam+"
    meta = present.meta_line(article, style)
    assert meta.startswith(date)
    # Only the official and numeric styles carry the page's time of day.
    assert ("21" in meta.split(" · ")[0].removeprefix(date)) == (style in ("official", "numeric"))


def test_default_style_is_official_byte_for_byte(report: Report) -> None:
    for fmt in ("html", "docx"):
        default = render(report, fmt, Settings())
        assert render(report, fmt, Settings(date_style="official")) == default
        assert render(report, fmt, Settings(date_style="long")) != default
    assert present.meta_line(report.articles[0]).startswith("ngày 01 tháng 01 năm 2021, 21 giờ 38 · ")


@pytest.mark.parametrize("style", ["official_line", "official_time", "bogus"])
def test_styles_that_cannot_date_an_article_are_refused(report: Report, style: str) -> None:
    with pytest.raises(UsageError, match=style):
        render(report, "html", Settings(date_style=style))


def _json_input(tmp_path: Path) -> Path:
    path = tmp_path / "in.json"
    one = Report(title="t", issued=dt.date(2021, 1, 7), articles=(make_article(5),))
    path.write_bytes(JsonExporter().render(one, Settings()))
    return path


def test_cli_date_style_reaches_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    assert main([str(_json_input(tmp_path)), "-q", "-o", str(out), "--date-style", "long"]) == 0
    lines = html_lines(out.read_bytes())
    assert has_line(lines, "5 tháng 1, 2021 · Thời sự - Chính trị · TTXVN/Vietnam+ · 679 lượt xem")


@pytest.mark.parametrize("style", ["official_line", "bogus"])
def test_cli_and_config_refuse_unknown_styles(
    tmp_path: Path, style: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(_json_input(tmp_path))
    out = tmp_path / "out.html"
    assert main([source, "-q", "-o", str(out), "--date-style", style]) == 2
    config = tmp_path / "c.toml"
    config.write_text(f'date-style = "{style}"\n', encoding="utf-8")
    assert main([source, "-q", "-o", str(out), "--config", str(config)]) == 2
    assert str(config) in capsys.readouterr().err
    assert not out.exists()
