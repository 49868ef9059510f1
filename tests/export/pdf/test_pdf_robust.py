"""Odd inputs never break the build: blank text, control characters, a title longer than a page."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from pdf_helpers import make_article, make_report, read_back, render, squash

from tgreport.model import Caption, Heading, ListBlock, Paragraph, Quote, Related


def test_blank_and_control_text_builds(tmp_path: Path) -> None:
    blocks = (
        Paragraph(""), Paragraph("\x00\x01\x1f"), Heading(" "), Caption("", ""), ListBlock(("", " ")),
        Quote(""), Related(""), Paragraph("x" * 3000), Paragraph("https://" + "a/" * 400),
        Paragraph("Đoạn cuối\x07 vẫn in ra."),
    )
    article = make_article(1, title="   ", lead="", authors=("",), blocks=blocks)
    back = read_back(render(dataclasses.replace(make_report(1), articles=(article,))), tmp_path)
    body = back.body()
    assert "Đoạn cuối vẫn in ra." in body
    assert "\x07" not in body and "\x00" not in body
    # The 3,000-letter word was broken to fit the line, not lost.
    assert squash(body).replace(" ", "").count("x" * 3000) == 1


def test_title_longer_than_a_page(tmp_path: Path) -> None:
    title = " ".join(f"Tiêu đề {i}" for i in range(700))
    article = make_article(1, title=title)
    back = read_back(render(dataclasses.replace(make_report(1), articles=(article,))), tmp_path)
    toc = " ".join(back.page(n) for n in range(2, len(back.pages)) if "TỔNG QUAN" not in back.page(n))
    match = re.search(r"Tiêu đề 699 \.+ (\d+)", toc)
    assert match, "the TOC line's end, with its number, is missing"
    assert back.page(int(match.group(1))).startswith(f"1. {title[:200]}")
    assert f"1. {title}" in back.body()
