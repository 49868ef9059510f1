"""What an article is called when its page gave no headline (assemble/titles.py)."""

from __future__ import annotations

from factories import make_article
from tgreport.assemble.titles import display_title
from tgreport.model import Heading, Paragraph


def test_an_untitled_article_is_called_by_its_lead_else_its_first_paragraph() -> None:
    blocks = (Heading("Mục"), Paragraph("Câu đầu của bài. Câu hai."))
    assert display_title(make_article(1, title=None, lead="Sapo của bài. Câu sau.")) == "Sapo của bài"
    assert display_title(make_article(1, title=None, lead=None, blocks=blocks)) == "Câu đầu của bài"


def test_an_untitled_article_without_text_is_called_by_its_summary_else_its_id() -> None:
    # A brief's JSON record keeps the summary, not the text: read back, it is called as before.
    bare = make_article(1, title=None, lead=None, blocks=())
    assert display_title(bare) == "001_sample"
    summarised = make_article(1, title=None, lead=None, blocks=(), summary="Tóm tắt. Câu hai.")
    assert display_title(summarised) == "Tóm tắt"
