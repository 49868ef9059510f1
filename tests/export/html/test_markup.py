"""The article markup the templates write, the text filter, and a user's own article template."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from html_helpers import epub_files, make_article, options, parse_html
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from tgreport import present
from tgreport.export.html import epub
from tgreport.export.html.markup import article_blocks, index_links
from tgreport.export.html.view import Blocks, IndexLink, build_view, text_filter, text_filters
from tgreport.model import (
    Caption,
    Heading,
    Image,
    InMemory,
    ListBlock,
    Paragraph,
    Picture,
    Quote,
    Related,
    Report,
)
from tgreport.pipeline import render

# The reference: text_filter as first written, with markupsafe's escape and the plain hint.
_HINT = re.compile(r"\d[-/]")
_CODE = re.compile(r"\b\d+(?:[-/][0-9A-ZĐ]+)*[-/][A-ZĐ][0-9A-ZĐ]*(?:[-/][0-9A-ZĐ]+)*\b")


def _reference_filter(text: str) -> str:
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", "", text)
    escaped = str(escape(text))
    if not _HINT.search(text):
        return escaped
    return _CODE.sub(lambda m: f'<span class="code">{m.group()}</span>', escaped)


_PICTURE = Picture(InMemory(b"png"), "image/png", 40, 30, 72.0)


def _odd_report() -> Report:
    """Every block kind and the edge cases of each: ordered lists, captions without credit,
    markup-like text, document codes, an empty lead and byline."""
    blocks = (
        Paragraph("Theo Nghị định 30/2020/NĐ-CP và Chỉ thị 05-CT/TW, <b>“Đảng”</b> & 'dân'."),
        Heading("Mục <1> & \"2\""),
        Caption("Ảnh không ghi nguồn"),
        Caption("Ảnh có nguồn", "Phương Hoa/TTXVN"),
        ListBlock(("một", "hai & ba"), ordered=True),
        ListBlock(("bốn",)),
        ListBlock(()),
        Quote("«Trích» 12-NQ/TW"),
        Related("Bài <khác>"),
        Image("Ảnh & chú thích", src="http://x.vn/a.png", picture=_PICTURE),
        Image("Ảnh không tải"),
        Heading("Mục hai"),
    )
    return Report(
        title="Bản tin",
        issued=dt.date(2021, 1, 7),
        articles=(
            make_article(1, blocks=blocks),
            make_article(2, lead=None, authors=(), publisher=None, title=None, title_derived=True),
        ),
    )


def test_the_article_template_writes_every_block_kind() -> None:
    # The article markup is the template's alone (templates/html/_article.html): every block
    # kind, escaped, in the HTML as an HTML parser reads it.
    page = parse_html(render(_odd_report(), "html", options()))
    first = page.xpath('//article[@class="article"]')[0]
    assert any("<b>“Đảng”</b> & 'dân'" in p.xpath("string(.)") for p in first.xpath(".//p"))
    assert first.xpath('string(.//*[@class="subhead"])') == 'Mục <1> & "2"'
    credits = first.xpath('.//figure[@class="caption"]//span[@class="credit"]/text()')
    assert credits == ["(Ảnh: Phương Hoa/TTXVN)"]
    assert [li.text for li in first.xpath('.//ol[@class="list"]/li')] == ["một", "hai & ba"]
    assert [li.text for li in first.xpath('.//ul[@class="list"]/li')] == ["bốn"]
    assert first.xpath('.//span[@class="code"]/text()') == ["30/2020/NĐ-CP", "05-CT/TW", "12-NQ/TW"]


def test_the_article_markup_is_the_same_from_the_views_a_template_goes_through() -> None:
    # The built-in template has an article's blocks written at once (Blocks.markup); a template
    # that picks blocks itself goes through them as (kind, text, credit, items) views, which the
    # same filter writes one at a time: the same markup, at every heading level.
    view = build_view(present.printable_report(_odd_report()))
    blocks = view.sections[0].articles[0].blocks
    assert isinstance(blocks, Blocks)
    views = tuple(blocks)
    assert [v[0] for v in views] == ["paragraph", "heading", "caption", "caption", "olist", "list", "list",
                                     "quote", "related", "photo", "image", "heading"]
    assert views[3][2] == "Ảnh: Phương Hoa/TTXVN" and views[4][3] == ("một", "hai &amp; ba")
    assert views[9][3][0].startswith("data:image/png;base64,")
    for level in (2, 3, 5):
        markup = article_blocks(blocks, level)
        assert markup == article_blocks(views, level)
        assert markup.count(f'<h{level + 1} class="subhead">') == 2 and "h_" not in markup
    assert article_blocks(blocks[1:3], 2) == '<h3 class="subhead">Mục &lt;1&gt; &amp; &#34;2&#34;</h3>\n' \
        '<figure class="caption"><figcaption>Ảnh không ghi nguồn</figcaption></figure>\n'


def test_a_users_template_goes_through_the_blocks_views(tmp_path: Path) -> None:
    (tmp_path / "_article.html").write_text(
        "{% macro article(a, level) %}{% for kind, text, credit, items in a.blocks %}"
        "<p class=\"{{ kind }}\">{{ text }}{{ credit or '' }}{{ items|join(',') }}</p>\n"
        "{% endfor %}{% endmacro %}\n"
        "{% macro section_head(s) %}{% endmacro %}\n"
        "{% macro section_articles(s, grouped, link) %}{% for a in s.articles %}{{ article(a, 2) }}"
        "{% endfor %}{% endmacro %}\n",
        encoding="utf-8",
    )
    page = parse_html(render(_odd_report(), "html", options(template_dir=tmp_path)))
    kinds = [p.get("class") for p in page.xpath("//body/main/p")]
    assert kinds[:12] == ["paragraph", "heading", "caption", "caption", "olist", "list", "list", "quote",
                          "related", "photo", "image", "heading"]
    texts = [p.text_content() for p in page.xpath("//body/main/p")]
    assert texts[1] == 'Mục <1> & "2"' and texts[3] == "Ảnh có nguồnẢnh: Phương Hoa/TTXVN"
    assert texts[4] == "một,hai & ba" and texts[8] == "Bài liên quan: Bài <khác>"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aĐđ0123456789٣_-/ &<>\"'Ệ\x00\x0b\ufffe CTWNĐP.")))
def test_text_filter_equals_the_reference(text: str) -> None:
    assert str(text_filter(text)) == _reference_filter(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("a0123456789-/ &<CTĐ\x00¤")), max_size=6))
def test_text_filters_is_text_filter_of_each(texts: list[str]) -> None:
    # One pass over the joined texts, the same as one call each: codes stop at a text's end,
    # and a text holding the joining character itself is escaped on its own.
    assert [str(m) for m in text_filters(texts)] == [str(text_filter(t)) for t in texts]


def test_a_users_article_template_is_used_in_html_and_epub(sample_report: Report, tmp_path: Path) -> None:
    (tmp_path / "_article.html").write_text(
        '{% macro article(a, level) %}<article id="{{ a.anchor }}" class="mine">{{ a.heading }}</article>\n'
        "{% endmacro %}\n"
        "{% macro section_head(s) %}<h2>{{ s.title }}</h2>{% endmacro %}\n"
        "{% macro section_articles(s, grouped, link) %}{% for a in s.articles %}{{ article(a, 2) }}"
        "{% endfor %}{% endmacro %}\n",
        encoding="utf-8",
    )
    opts = options(template_dir=tmp_path)
    doc = parse_html(render(sample_report, "html", opts))
    assert len(doc.xpath("//article[@class='mine']")) == len(sample_report.articles)
    assert not doc.xpath("//article[@class='article']")
    pages = epub_files(render(sample_report, "epub", opts))
    page = pages["OEBPS/articles-0001.xhtml"].decode("utf-8")
    assert 'class="mine"' in page and 'class="article"' not in page
    # Without the override the same report is written by the built-in markup.
    plain = parse_html(render(sample_report, "html", options()))
    assert len(plain.xpath("//article[@class='article']")) == len(sample_report.articles)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text()))
def test_epub_characters_are_the_set_of_the_pages(pages: list[str]) -> None:
    # Any character, regex-special ones ("]", "^", "-", "\\", "[") and line breaks included.
    characters = epub._Characters()
    for text in [*pages, "[]^-\\\n", *pages]:
        characters.add(text)
    assert characters.seen == set("".join(pages) + "[]^-\\\n")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("a1#&<\"'\n x")), max_size=5))
def test_index_links_escape_each_address(addresses: list[str]) -> None:
    # The addresses are escaped together (one call a line, not one a link): the same as one by one,
    # a line break in one of them included.
    links = [IndexLink(f"a{n}", n) for n in range(1, len(addresses) + 1)]
    where = dict(zip((i.anchor for i in links), addresses, strict=True))
    expected = "; ".join(f'<a class="index-link" href="{escape(where[i.anchor])}">Bài&#160;{i.number}</a>'
                         for i in links)
    assert index_links(links, where.__getitem__, "Bài") == expected
