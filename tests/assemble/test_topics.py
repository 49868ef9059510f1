"""Topics (group = "topic"): six hand-made topics, and articles whose words say where each goes."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from factories import make_article
from tgreport.assemble import build_report
from tgreport.assemble.topics import OTHER
from tgreport.config import load_config
from tgreport.errors import ConfigError, UsageError
from tgreport.model import Article, Paragraph
from tgreport.settings import Settings, Topic

TOPICS = (
    Topic("Xây dựng Đảng", ("xây dựng Đảng", "đảng viên", "chi bộ")),
    Topic("Kinh tế - xã hội", ("kinh tế", "doanh nghiệp", "GDP")),
    Topic("Quốc phòng - an ninh", ("quốc phòng", "biên giới", "an ninh")),
    Topic("Đối ngoại", ("hòa bình", "ngoại giao", "hợp tác quốc tế")),
    Topic("Văn hóa - giáo dục", ("giáo dục", "văn hóa", "học sinh")),
    Topic("Y tế", ("y tế", "bệnh viện", "COVID-19")),
)


def article(n: int, title: str, text: str = "Nội dung chung của bài.", lead: str | None = None) -> Article:
    return make_article(n, title=title, lead=lead, blocks=(Paragraph(text),), date=dt.date(2021, 1, n))


def placed(articles: list[Article], topics: tuple[Topic, ...] = TOPICS) -> dict[str, list[int]]:
    report = build_report(articles, Settings(group="topic", topics=topics, dedup=False, index=False))
    return {s.title: [int(a.id[:3]) for a in s.articles] for s in report.sections}


def test_each_article_goes_where_its_keywords_say() -> None:
    articles = [
        article(1, "Kết nạp đảng viên mới tại chi bộ khu phố"),
        article(2, "Doanh nghiệp phục hồi, GDP quý I tăng"),
        article(3, "Tuần tra bảo vệ biên giới"),
        article(4, "Hội nghị về HÒA BÌNH khu vực"),  # any case
        article(5, "Học sinh trở lại trường"),
        article(6, "Bệnh viện tuyến huyện chống dịch COVID-19"),
        article(7, "Thời tiết cuối tuần", text="Trời nắng nhẹ."),  # no keyword
    ]
    assert placed(articles) == {
        "Xây dựng Đảng": [1], "Kinh tế - xã hội": [2], "Quốc phòng - an ninh": [3], "Đối ngoại": [4],
        "Văn hóa - giáo dục": [5], "Y tế": [6], OTHER: [7],
    }


def test_title_outweighs_the_text_and_ties_go_to_the_first_topic() -> None:
    # One keyword of "Y tế" in the title (3) beats two of "Kinh tế" in the text (2).
    weighed = article(1, "Bệnh viện mới khánh thành", text="Vốn của doanh nghiệp; kinh tế địa phương.")
    # One keyword each, both in the text: the topic listed first wins.
    tied = article(2, "Tin tổng hợp", text="Chi bộ thăm doanh nghiệp.")
    # The lead counts twice: two lead mentions of "Đối ngoại" beat three of "Kinh tế" in the text.
    lead = article(3, "Tin tổng hợp", lead="Ngoại giao vì hòa bình.", text="Kinh tế, kinh tế và GDP.")
    assert placed([weighed, tied, lead]) == {"Xây dựng Đảng": [2], "Đối ngoại": [3], "Y tế": [1]}


def test_whole_words_only_both_tone_styles_and_any_normal_form() -> None:
    words = [
        article(1, "Quy định mới về GDPR của châu Âu"),  # "GDP" is not a word of "GDPR"
        article(2, "Nỗ lực vì hoà bình"),  # "hoà" style finds the keyword written "hòa"
        article(3, unicodedata.normalize("NFD", "Đảng viên trẻ")),  # decomposed text still matches
        article(4, "Chương trình y\u00a0tế cơ sở"),  # any white space inside a phrase
        article(5, "Hội thảo an ninh mạng", text="An ninh, an ninh."),
    ]
    assert placed(words) == {"Xây dựng Đảng": [3], "Quốc phòng - an ninh": [5], "Đối ngoại": [2],
                             "Y tế": [4], OTHER: [1]}


def test_topics_from_the_config_file_in_their_order(tmp_path: Path) -> None:
    path = tmp_path / "report.toml"
    path.write_text('group = "topic"\n[[topics]]\nname = "Y tế"\nkeywords = ["bệnh viện"]\n'
                    '[[topics]]\nname = "Xây dựng Đảng"\nkeywords = ["đảng viên"]\n', encoding="utf-8")
    settings = Settings.from_mapping(load_config(path).settings)
    assert settings.topics == (Topic("Y tế", ("bệnh viện",)), Topic("Xây dựng Đảng", ("đảng viên",)))
    articles = [article(1, "Đảng viên gương mẫu"), article(2, "Bệnh viện mới")]
    report = build_report(articles, settings.replace(dedup=False))
    assert [s.title for s in report.sections] == ["Y tế", "Xây dựng Đảng"]  # the config's order


@pytest.mark.parametrize(
    "text, message",
    [
        ('[[topics]]\nname = "Y tế"\n', "topic 'Y tế' needs keywords"),
        ('[[topics]]\nname = ""\nkeywords = ["a"]\n', "a topic needs a name"),
        ('[[topics]]\nname = "Y tế"\nkeywords = ["a"]\ncolour = "red"\n', "tables with a name and keywords"),
        ('group = "topic"\n', 'group "topic" needs topics'),
    ],
)
def test_topic_mistakes_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "report.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert str(path) in str(caught.value)


def test_a_script_gets_a_usage_error_for_topic_without_topics() -> None:
    with pytest.raises(UsageError, match="needs topics"):
        Settings(group="topic")
