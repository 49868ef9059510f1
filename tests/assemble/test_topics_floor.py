"""The topics floor (issue 19): with the six topics of benchmarks/topics/topics-6.toml, hand-made
articles land where a person reading their keywords would put them, both by tgreport and by the
benchmark's independent count; and on a generated corpus the two agree on every article."""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path
from types import ModuleType

import pytest

from factories import ROOT, make_article
from tgreport.assemble import build_report
from tgreport.config import load_config
from tgreport.model import Article, Paragraph
from tgreport.settings import Settings

BENCHMARKS = ROOT / "benchmarks"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


floor = _module("topics_floor")
SETTINGS = Settings.from_mapping(load_config(floor.CONFIG).settings, floor.CONFIG).replace(dedup=False,
                                                                                        index=False)


def art(n: int, title: str, text: str = "Nội dung chung.", lead: str | None = None) -> Article:
    return make_article(n, title=title, lead=lead, blocks=(Paragraph(text),))


# (article, the topic a reader of its keywords names), stated by hand.
CASES = [
    (art(1, "Hội thảo khoa học về công tác khoa giáo"), "Khoa giáo"),
    (art(2, "Bồi dưỡng lý luận chính trị cho cán bộ trẻ"), "Lý luận chính trị"),
    (art(3, "Ủy ban Kiểm tra thi hành kỷ luật đảng viên"), "Kiểm tra, giám sát"),
    (art(4, "Hội nghị báo chí toàn quốc", text="Công tác xuất bản và thông tin đối ngoại."),
     "Thông tin đối ngoại, báo chí"),
    (art(5, "Tăng cường bảo vệ chính trị nội bộ"), "Bảo vệ chính trị nội bộ"),
    # The keyword is written "cấp uỷ", the article "cấp ủy": one word.
    (art(6, "Đổi mới công tác Văn phòng cấp ủy"), "Văn phòng cấp ủy"),
    # One title mention (3) beats two in the text (2).
    (art(7, "Tổng kết công tác kiểm tra", text="Khoa học và khoa học."), "Kiểm tra, giám sát"),
    # Two lead mentions (4) beat three in the text (3).
    (art(8, "Tin tổng hợp", lead="Báo chí và xuất bản.", text="Khoa học, khoa học, khoa học."),
     "Thông tin đối ngoại, báo chí"),
    # A tie (one each, in the text) goes to the topic listed first.
    (art(9, "Tin tổng hợp", text="Giám sát khoa học."), "Khoa giáo"),
    # "học tập, nghị quyết" is not the phrase "học tập nghị quyết"; nothing else is named.
    (art(10, "Tin tổng hợp", text="Cán bộ học tập, nghị quyết mới."), "Tin khác"),
    (art(11, "Tin tổng hợp", text="Cán bộ học tập nghị quyết mới."), "Lý luận chính trị"),
    # "kiểm tra" inside "kiểm traa" is no word of it.
    (art(12, "Thời tiết", text="Trời nắng; kiểm traa."), "Tin khác"),
]


@pytest.mark.parametrize("article, topic", CASES, ids=[str(n) for n in range(1, len(CASES) + 1)])
def test_hand_made_cases_both_ways(article: Article, topic: str) -> None:
    report = build_report([article], SETTINGS)
    assert [s.title for s in report.sections] == [topic]
    assert floor.expected_topic(article, SETTINGS.topics) == topic


def test_the_independent_count_and_tgreport_agree_on_a_corpus(tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    corpus_module = _module("corpus")
    corpus = tmp_path / "corpus"
    corpus_module.make_corpus(80, corpus)
    caplog.set_level(logging.ERROR, logger="tgreport")  # undated pages: warnings beside the point
    report = floor.grouped(corpus, SETTINGS)
    checked, wrong = floor.disagreements(report, SETTINGS.topics)
    assert checked == 80 and wrong == []
    assert len({s.title for s in report.sections}) >= 5  # the topics are used, not all in one
