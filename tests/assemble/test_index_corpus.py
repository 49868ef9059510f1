"""Precision and recall on a second, larger set of news paragraphs written the way the press writes.

Annotated by hand before the extractor was run on them. First run: documents P 0.93 / R 1.00 (the
one "error" was "Nghị định 15", the same decree, which build_index merges), people P 0.92 / R 0.83
(missed "Chủ tịch nước Võ Văn Thưởng" and "PGS.TS Nguyễn Viết Thảo", took "Học viện … Hồ Chí Minh"
for a person). All three were fixed; the floors keep the fixes.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tgreport.assemble.citations import build_index, find_documents, find_people
from tgreport.model import Article, Paragraph

CORPUS: list[tuple[str, set[str], set[str]]] = [
    (
        "Chiều 12/3, Tổng Bí thư Nguyễn Phú Trọng chủ trì cuộc họp của Bộ Chính trị cho ý kiến về việc "
        "tổng kết 10 năm thực hiện Nghị quyết Trung ương 4 khoá XI về xây dựng Đảng.",
        {"Nghị quyết Trung ương 4 (khóa XI)"},
        {"Nguyễn Phú Trọng"},
    ),
    (
        "Theo Nghị định số 15/2020/NĐ-CP của Chính phủ, hành vi này bị phạt tiền. Ông Lê Quang Tùng, "
        "Thứ trưởng Bộ Thông tin và Truyền thông, cho biết Bộ sẽ sửa đổi Nghị định 15 trong năm nay.",
        {"Nghị định số 15/2020/NĐ-CP"},
        {"Lê Quang Tùng"},
    ),
    (
        "Phó Thủ tướng Vũ Đức Đam ký Quyết định 2194/QĐ-TTg phê duyệt đề án; Bộ Tài chính ban hành "
        "Thông tư số 78/2021/TT-BTC hướng dẫn thực hiện.",
        {"Quyết định số 2194/QĐ-TTg", "Thông tư số 78/2021/TT-BTC"},
        {"Vũ Đức Đam"},
    ),
    (
        "Hội nghị quán triệt Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII và Quy định "
        "số 37-QĐ/TW về những điều đảng viên không được làm. Đồng chí Trần Cẩm Tú, Ủy viên Bộ Chính trị, "
        "Bí thư Trung ương Đảng, Chủ nhiệm Ủy ban Kiểm tra Trung ương dự và phát biểu chỉ đạo.",
        {"Kết luận số 21-KL/TW", "Quy định số 37-QĐ/TW"},
        {"Trần Cẩm Tú"},
    ),
    (
        "Thực hiện Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị và Hướng dẫn số 36-HD/VPTW, Huyện ủy "
        "đã chỉ đạo các chi bộ xây dựng kế hoạch. Bà Nguyễn Thị Thanh, Phó Chủ tịch Quốc hội, đến dự.",
        {"Chỉ thị số 05-CT/TW", "Hướng dẫn số 36-HD/VPTW"},
        {"Nguyễn Thị Thanh"},
    ),
    (
        "Luật Đất đai năm 2024 có hiệu lực; Luật Báo chí đang được sửa đổi. Luật sư Nguyễn Văn Hậu cho "
        "rằng các quy định mới chặt chẽ hơn. Bộ trưởng Bộ Tài nguyên và Môi trường Đặng Quốc Khánh trả lời.",
        {"Luật Đất đai năm 2024", "Luật Báo chí"},
        {"Đặng Quốc Khánh"},
    ),
    (
        "Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 05-NQ/TU về phát triển du lịch. Bí thư Tỉnh ủy Hà "
        "Tĩnh Hoàng Trung Dũng nhấn mạnh việc cụ thể hóa Nghị quyết Đại hội XIII của Đảng.",
        {"Nghị quyết số 05-NQ/TU", "Nghị quyết Đại hội XIII của Đảng"},
        {"Hoàng Trung Dũng"},
    ),
    (
        "Các cấp ủy tiếp tục học tập các nghị quyết, chỉ thị của Đảng; kỷ niệm 93 năm Ngày thành lập Đảng "
        "(3/2/1930 - 3/2/2023). Ban chỉ đạo 389 tỉnh họp. Ảnh: Quang Hiếu/TTXVN.",
        set(),
        set(),
    ),
    (
        "Đồng chí Phan Đình Trạc, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Nội chính Trung "
        "ương và đồng chí Nguyễn Xuân Thắng, Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh đồng chủ trì.",
        set(),
        {"Phan Đình Trạc", "Nguyễn Xuân Thắng"},
    ),
    (
        "Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ được triển khai. Theo Chủ tịch UBND "
        "tỉnh Thái Bình, tỉnh đã hoàn thành kế hoạch. Chủ tịch nước Võ Văn Thưởng gửi thư chúc mừng.",
        {"Nghị quyết số 57-NQ/TW"},
        {"Võ Văn Thưởng"},
    ),
    (
        "Sáng nay, Ông Lương Cường, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư thăm và làm việc tại "
        "tỉnh. PGS.TS Nguyễn Viết Thảo, Phó Giám đốc Học viện, trình bày tham luận.",
        set(),
        {"Lương Cường", "Nguyễn Viết Thảo"},
    ),
]
PRECISION_FLOOR = 0.9
RECALL_FLOOR = 0.85


def measure(kind: str) -> tuple[float, float, set[tuple[int, str]], set[tuple[int, str]]]:
    found: set[tuple[int, str]] = set()
    expected: set[tuple[int, str]] = set()
    for n, (text, documents, people) in enumerate(CORPUS):
        # Through build_index, so "Nghị định 15" joins "Nghị định số 15/2020/NĐ-CP" as a reader expects.
        article = Article(id=str(n), source=str(n), title=None, blocks=(Paragraph(text),))
        found |= {(n, e.name) for e in build_index([article]) if e.kind == kind}
        expected |= {(n, name) for name in (documents if kind == "document" else people)}
    hits = len(found & expected)
    return hits / len(found), hits / len(expected), found - expected, expected - found


def test_documents_floor() -> None:
    precision, recall, wrong, missed = measure("document")
    assert precision >= PRECISION_FLOOR, wrong
    assert recall >= RECALL_FLOOR, missed


def test_people_floor() -> None:
    precision, recall, wrong, missed = measure("person")
    assert precision >= PRECISION_FLOOR, wrong
    assert recall >= RECALL_FLOOR, missed


# Letters, digits and punctuation mixed with the words the patterns look for, so that the
# generated text often comes close to a citation.
TOKENS = [
    *"aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯNTCQ-/0123456789 ,.;:()“”",
    " ủy", "Ủy viên ", "Nghị quyết ", "Chỉ thị ", "số ", "Nguyễn ", "đồng chí ", "khóa ", "Bí thư ",
    "Đại hội ", "XIII", "Luật ", "Ông ", "Trung ương ", "của Đảng", "-CT/TW", "Văn ", "Minh", ", ",
]
VIETNAMESE = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(VIETNAMESE)
def test_any_text_is_safe_and_names_come_from_it(text: str) -> None:
    for person in find_people(text):
        start, end = person.span
        assert text[start:end] == person.name  # the author's spelling, never rewritten
        assert person.position
    for document in find_documents(text):
        assert document.type in document.name
