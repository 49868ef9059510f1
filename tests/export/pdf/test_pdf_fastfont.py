"""The font shortcuts (remembered widths, translate-table encoding) change no byte of the PDF."""

from __future__ import annotations

import dataclasses
import random

import pytest
from pdf_helpers import make_article, make_report, render
from reportlab.pdfbase.ttfonts import TTFont

from tgreport.export.pdf import fonts
from tgreport.model import Paragraph

LETTERS = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
# More distinct characters than one 256-code subset holds, a no-break space, and letters the
# font lacks: every path of the encoder.
ALPHABET = LETTERS + LETTERS.upper() + "0123456789 .,;:!?()/-–—“”‘’…₫%<>&\"'=\xa0ΩЖ中"


@pytest.mark.parametrize("theme_name", ["official", "modern"])
def test_same_bytes_as_reportlabs_own_font_code(theme_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(2021)

    def noise(n: int) -> str:
        return "".join(rnd.choice(ALPHABET) for _ in range(n))

    articles = tuple(
        make_article(i, title=noise(80), blocks=tuple(Paragraph(noise(300)) for _ in range(4)))
        for i in range(1, 6)
    )
    report = dataclasses.replace(make_report(1), articles=articles)
    fast = render(report, theme_name)
    monkeypatch.setattr(fonts._FastTTFont, "splitString", TTFont.splitString)
    monkeypatch.setattr(fonts._FastTTFont, "stringWidth", TTFont.stringWidth)
    assert render(report, theme_name) == fast
