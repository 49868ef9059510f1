"""Any mix of page pieces and random Vietnamese text: the reader never fails and never rewrites."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.errors import InputError
from tgreport.read.page import read_page
from tgreport.settings import Settings

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
WORD = st.text(alphabet=LETTERS + LETTERS.upper()[:20], min_size=1, max_size=7)
SENTENCE = st.lists(WORD, min_size=1, max_size=40).map(" ".join).map(lambda s: s[:1].upper() + s[1:])
PIECES = st.sampled_from(
    [
        "Thời sự - Chính trị", "21:38' 7/1/2021", "Chủ nhật,  29/05/2022", "Thảo Nguyên", "MAI CHI",
        "Quang cảnh Hội nghị - Ảnh: Minh Châu", "(TTXVN/Vietnam+)", "Tin cùng chuyên mục", "21.1a.jpg",
        "[Năm 2021, công tác tuyên giáo cần đổi mới]", "Số lần xem: 679", "Ảnh: TTXVN", "Xem thêm",
        "Sáng 6-1, tại Hà Nội, Đảng ủy Khối tổ chức hội nghị tổng kết năm 2020.", "Năng NguyễnCác ý kiến",
        "Theo TTXVN", "Trang chủ » Tin tức", "Bài và ảnh: Nguyễn Văn Nam", "", "  ", "./.",
    ]
)
LINE = st.one_of(PIECES, SENTENCE, SENTENCE.map(lambda s: s + "."))


@settings(max_examples=100, deadline=None)
@given(st.lists(LINE, min_size=0, max_size=25))
def test_reader_keeps_words_as_written(lines: list[str]) -> None:
    text = "\n".join(lines)
    tidy = {" ".join(line.split()) for line in text.split("\n")}
    try:
        article = read_page(text, Path("random.txt"), Settings())
    except InputError:
        return
    for block in article.blocks:
        assert unicodedata.is_normalized("NFC", block.text)
        if block.type in ("paragraph", "heading"):
            # A paragraph is a line of the page as written (or the head of one glued to chrome).
            assert block.text in tidy or any(line.startswith(block.text) for line in tidy)
    for author in article.authors:
        assert author in text
    if article.title is not None:
        assert article.title in tidy and not article.title_derived
