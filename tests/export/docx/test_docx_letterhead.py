"""The official header in the DOCX, read back from word/document.xml with lxml: a borderless
two-column table first in the body, each line centred, in the weights and sizes of the texts
(the rules' lengths are checked as LibreOffice prints them, in tests/export/test_letterhead_engines.py)."""

from __future__ import annotations

import datetime as dt

from docx_helpers import NS, attr, paragraph_text, paragraphs, part, render

from factories import make_article
from tgreport.assemble import build_report
from tgreport.settings import Settings

ORG = ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "BAN TUYÊN GIÁO")


def header_cells(kind: str) -> tuple[list[tuple[str, bool, bool, int, bool]], ...]:
    """Per column: (text, bold, italic, size in points, a rule drawn under it) of every line."""
    settings = Settings(header=kind, organisation=ORG, number="25-BT/BTGĐUK", issued=dt.date(2021, 1, 7))
    data = render(build_report([make_article(4)], settings))
    body = part(data, "word/document.xml").find("w:body", NS)
    table = body[0]
    assert table.tag.endswith("}tbl")
    borders = table.find("w:tblPr/w:tblBorders", NS)
    assert {attr(b, "val") for b in borders} == {"nil"}  # no grid lines on a letterhead
    columns = []
    for cell in table.iterfind("w:tr/w:tc", NS):
        lines: list[tuple[str, bool, bool, int, bool]] = []
        for p in cell.iterfind("w:p", NS):
            assert attr(p.find("w:pPr/w:jc", NS), "val") == "center"
            text = paragraph_text(p)
            if not text:  # the rule: an empty paragraph with a top border, under the line before it
                assert p.find("w:pPr/w:pBdr/w:top", NS) is not None
                lines[-1] = (*lines[-1][:4], True)
                continue
            rpr = p.find("w:r/w:rPr", NS)
            size = int(attr(rpr.find("w:sz", NS), "val") or 0) // 2
            bold, italic = rpr.find("w:b", NS) is not None, rpr.find("w:i", NS) is not None
            lines.append((text, bold, italic, size, False))
        columns.append(lines)
    return tuple(columns)


def test_party_header_in_docx() -> None:
    left, right = header_cells("party")
    assert left == [(ORG[0], False, False, 14, False), (ORG[1], True, False, 14, False),
                    ("*", False, False, 14, False), ("Số 25-BT/BTGĐUK", False, False, 14, False)]
    assert right == [("ĐẢNG CỘNG SẢN VIỆT NAM", True, False, 15, True),
                     ("Hà Nội, ngày 07 tháng 01 năm 2021", False, True, 14, False)]


def test_state_header_in_docx() -> None:
    left, right = header_cells("state")
    assert left[1] == (ORG[1], True, False, 13, True) and left[-1][0] == "Số: 25-BT/BTGĐUK"
    assert [line[0] for line in right] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 07 tháng 01 năm 2021",
    ]
    assert [line[4] for line in right] == [False, True, False]  # the rule under the motto only


def test_plain_docx_cover_puts_each_organisation_line_in_its_own_paragraph() -> None:
    settings = Settings(organisation=ORG, issued=dt.date(2021, 1, 7))
    data = render(build_report([make_article(4)], settings))
    assert paragraphs(data)[:2] == [("CoverOrganisation", ORG[0]), ("CoverOrganisation", ORG[1])]
