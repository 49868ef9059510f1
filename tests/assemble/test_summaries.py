"""Each article's summary (assemble/summaries.py): the given one, else the lead, else the first
whole sentences, bounded; made once at assembly when the report prints summaries."""

from __future__ import annotations

import dataclasses

from factories import make_article
from tgreport.assemble import build_report
from tgreport.assemble.summaries import SUMMARY_CHARS, summary
from tgreport.model import Paragraph
from tgreport.settings import Settings


def test_the_lead_is_the_summary_when_there_is_one() -> None:
    article = make_article(1, lead="Sapo của bài.")
    assert summary(article) == "Sapo của bài."


def test_extractive_summary_takes_up_to_four_whole_sentences() -> None:
    text = ("Sáng 6-1, tại TP. Hồ Chí Minh, PGS. TS. Nguyễn Văn A phát biểu. “Đây là việc lớn.” Ông nói! "
            "Câu thứ tư có 1.234 người. Câu thứ năm không được lấy.")
    article = make_article(1, lead=None, blocks=(Paragraph(text),))
    assert summary(article) == ("Sáng 6-1, tại TP. Hồ Chí Minh, PGS. TS. Nguyễn Văn A phát biểu. "
                                      "“Đây là việc lớn.” Ông nói! Câu thứ tư có 1.234 người.")
    assert summary(article) == summary(article)  # the same every time


def test_summary_never_passes_its_bound() -> None:
    long_sentence = " ".join(["Đảng viên"] * 300) + "."
    article = make_article(1, lead=None, blocks=(Paragraph(long_sentence), Paragraph("Câu sau.")))
    made = summary(article)
    assert len(made) <= SUMMARY_CHARS + 1 and made.endswith("…") and "Câu sau" not in made
    two = make_article(2, lead=None, blocks=(Paragraph("Câu một ngắn."), Paragraph(long_sentence)))
    assert summary(two) == "Câu một ngắn."  # the second would pass the bound: left out whole


def test_assembly_makes_the_summaries_only_when_the_report_prints_them() -> None:
    given = make_article(1, summary="Tóm tắt của văn phòng.")
    plain = make_article(2, lead="Sapo của bài hai.")
    for settings in (Settings(kind="brief", dedup=False), Settings(toc_summaries=True, dedup=False)):
        made = {a.id: a.summary for a in build_report([given, plain], settings).all_articles()}
        assert made == {given.id: "Tóm tắt của văn phòng.", plain.id: "Sapo của bài hai."}
    full = build_report([given, plain], Settings(dedup=False)).all_articles()
    assert {a.id: a.summary for a in full} == {given.id: "Tóm tắt của văn phòng.", plain.id: None}


def test_a_blank_given_summary_is_replaced_by_the_made_one() -> None:
    blank = dataclasses.replace(make_article(1, lead="Sapo."), summary="  ")
    made = build_report([blank], Settings(kind="brief", dedup=False)).all_articles()
    assert [a.summary for a in made] == ["Sapo."]
