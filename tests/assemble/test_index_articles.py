"""The index on further hand-written articles: each kind of citation, things that are not one,
merging of variants, and the order of the appendix."""

from __future__ import annotations

import pytest

from tgreport.assemble.citations import build_index, find_documents, find_people
from tgreport.model import Article, Caption, Paragraph, Related

# (text, documents it cites, people it names with a position), annotated by hand.
CASES: list[tuple[str, set[str], set[str]]] = [
    (
        "Thủ tướng Phạm Minh Chính ký Quyết định số 1234/QĐ-TTg của Thủ tướng Chính phủ về việc "
        "triển khai Nghị định 30/2020/NĐ-CP về công tác văn thư.",
        {"Quyết định số 1234/QĐ-TTg", "Nghị định số 30/2020/NĐ-CP"},
        {"Phạm Minh Chính"},
    ),
    (
        "Bộ trưởng Bộ Y tế Nguyễn Thanh Long phát biểu; Thông tư 15/2021/TT-BYT có hiệu lực. "
        "Luật sư Trần Văn Bình, người bào chữa, cho biết Thông tư này chưa rõ.",
        {"Thông tư số 15/2021/TT-BYT"},
        {"Nguyễn Thanh Long"},
    ),
    (
        "Dự hội nghị có bà Trương Thị Mai, Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương; "
        "Đ/c Đỗ Văn Chiến, Bí thư Trung ương Đảng, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam.",
        set(),
        {"Trương Thị Mai", "Đỗ Văn Chiến"},
    ),
    (
        "Các cấp ủy quán triệt Quy định số 08-QĐi/TW của Ban Chấp hành Trung ương và Hướng dẫn "
        "36-HD/VPTW ngày 20/02/2018; thực hiện các chỉ thị, nghị quyết của Đảng nhiệm kỳ 2020-2025.",
        {"Quy định số 08-QĐi/TW", "Hướng dẫn số 36-HD/VPTW"},
        set(),
    ),
    (
        "Chủ tịch UBND tỉnh Hà Giang cho biết tỉnh thực hiện Luật Đất đai năm 2013 và Luật Phòng, chống "
        "tham nhũng. Bí thư Tỉnh ủy Thái Bình phát biểu. Ông Nguyễn Văn Nên, Bí thư Thành ủy TP Hồ Chí "
        "Minh, dự hội nghị.",
        {"Luật Đất đai năm 2013", "Luật Phòng, chống tham nhũng"},
        {"Nguyễn Văn Nên"},
    ),
    (
        "Hội nghị quán triệt Nghị quyết Hội nghị Trung ương 4 khóa XIII và Nghị quyết số 12-NQ/TW; "
        "đồng chí Võ Văn Thưởng, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư chủ trì. "
        "Ban chỉ đạo 35 họp; dịch COVID-19 được kiểm soát. (Ảnh: Phương Hoa/TTXVN)",
        {"Nghị quyết Trung ương 4 (khóa XIII)", "Nghị quyết số 12-NQ/TW"},
        {"Võ Văn Thưởng"},
    ),
    (
        "Đồng chí Trưởng Ban Tuyên giáo Trung ương nhấn mạnh việc thực hiện Kết luận 01-KL/TW và "
        "Chỉ thị số 05. Đảng bộ tỉnh Lạng Sơn học tập Nghị quyết Đại hội lần thứ XVII Đảng bộ tỉnh Lạng Sơn.",
        {"Kết luận số 01-KL/TW", "Chỉ thị số 05", "Nghị quyết Đại hội XVII Đảng bộ tỉnh Lạng Sơn"},
        set(),
    ),
]
PRECISION_FLOOR = 0.9
RECALL_FLOOR = 0.9


def _score(kind: str) -> tuple[float, float, list[str], list[str]]:
    found: set[tuple[int, str]] = set()
    expected: set[tuple[int, str]] = set()
    for n, (text, documents, people) in enumerate(CASES):
        names = [d.name for d in find_documents(text)] if kind == "document" else [
            p.name for p in find_people(text)
        ]
        found |= {(n, name) for name in names}
        expected |= {(n, name) for name in (documents if kind == "document" else people)}
    hits = len(found & expected)
    return (hits / len(found), hits / len(expected),
            sorted(map(str, found - expected)), sorted(map(str, expected - found)))


@pytest.mark.parametrize("kind", ["document", "person"])
def test_precision_and_recall_floors(kind: str) -> None:
    precision, recall, wrong, missed = _score(kind)
    assert precision >= PRECISION_FLOOR, wrong
    assert recall >= RECALL_FLOOR, missed


def said(article_id: str, text: str) -> Article:
    return Article(id=article_id, source=article_id, title=None, blocks=(Paragraph(text),))


def test_variants_of_one_document_merge() -> None:
    articles = [
        said("a", "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị."),
        said("b", "Sơ kết Chỉ thị 05 và Chỉ thị số 05."),
        Article(id="c", source="c", title="Học tập theo Chỉ thị 05-CT/TW", blocks=()),
    ]
    documents = [e for e in build_index(articles) if e.kind == "document"]
    assert [(e.name, e.article_ids) for e in documents] == [("Chỉ thị số 05-CT/TW", ("a", "b", "c"))]


def test_a_bare_number_stays_apart_when_two_signs_share_it() -> None:
    # 05-CT/TW (Bộ Chính trị) and 05/CT-TTg (Thủ tướng): "Chỉ thị 05" could be either.
    articles = [
        said("a", "Chỉ thị 05-CT/TW và Chỉ thị 05/CT-TTg."),
        said("b", "Theo Chỉ thị 05, các bộ báo cáo."),
    ]
    names = [e.name for e in build_index(articles) if e.kind == "document"]
    assert names == ["Chỉ thị số 05-CT/TW", "Chỉ thị số 05/CT-TTg", "Chỉ thị số 05"]


def test_documents_sorted_by_type_then_number() -> None:
    text = (
        "Luật Báo chí; Thông tư 15/2021/TT-BYT; Chỉ thị 35-CT/TW; Nghị quyết Đại hội XIII của Đảng; "
        "Nghị quyết số 12-NQ/TW; Chỉ thị 05-CT/TW; Kết luận 01-KL/TW; Nghị quyết Trung ương 4 (khóa XII)."
    )
    article = Article(id="a", source="a", title=None, blocks=(Paragraph(text),))
    assert [e.name for e in build_index([article]) if e.kind == "document"] == [
        "Nghị quyết số 12-NQ/TW",
        "Nghị quyết Trung ương 4 (khóa XII)",
        "Nghị quyết Đại hội XIII của Đảng",
        "Chỉ thị số 05-CT/TW",
        "Chỉ thị số 35-CT/TW",
        "Kết luận số 01-KL/TW",
        "Thông tư số 15/2021/TT-BYT",
        "Luật Báo chí",
    ]


def test_people_sorted_by_given_name_in_vietnamese_order() -> None:
    people = [
        "Trần Văn Yến", "Lê Đức", "Nguyễn Văn Dũng", "Phạm Ánh", "Hoàng Anh", "Vũ Thị Ân",
        "Đỗ Văn Bình", "Nguyễn Thị Anh",
    ]
    text = " ".join(f"Ông {name}, Phó Giám đốc Sở Tư pháp, dự." for name in people)
    article = Article(id="a", source="a", title=None, blocks=(Paragraph(text),))
    names = [e.name for e in build_index([article]) if e.kind == "person"]
    # a < ă < â, tone-less before tones, d < đ: given name first, then the rest of the name.
    assert names == [
        "Hoàng Anh", "Nguyễn Thị Anh", "Phạm Ánh", "Vũ Thị Ân", "Đỗ Văn Bình", "Nguyễn Văn Dũng",
        "Lê Đức", "Trần Văn Yến",
    ]


def test_index_can_be_limited_and_is_empty_without_citations() -> None:
    article = Article(id="a", source="a", title=None, blocks=(Paragraph("Ông Lê Văn Hai, Chủ tịch xã, dự."),))
    assert [e.kind for e in build_index([article])] == ["person"]
    assert build_index([article], people=False) == ()


def test_one_person_in_two_tone_styles_is_one_entry() -> None:
    articles = [
        said("a", "Ông Nguyễn Văn Thủy, Ủy viên Ban Thường vụ Tỉnh ủy, phát biểu."),
        said("b", "Ông Nguyễn Văn Thuỷ, Uỷ viên Ban Thường vụ Tỉnh uỷ, phát biểu."),
    ]
    people = [e for e in build_index(articles) if e.kind == "person"]
    assert [(e.name, e.article_ids) for e in people] == [("Nguyễn Văn Thủy", ("a", "b"))]
    assert people[0].detail == "Ủy viên Ban Thường vụ Tỉnh ủy"


def test_links_to_other_articles_are_not_citations() -> None:
    article = Article(
        id="a", source="a", title="Hội nghị tuyên giáo", lead="Theo Kết luận 01-KL/TW, …",
        blocks=(Paragraph("Đồng chí Lý Hùng Em, Phó Bí thư Thường trực Huyện ủy dự."),
                Related("Triển khai Nghị quyết số 57-NQ/TW về khoa học, công nghệ"),
                Caption("Ông Huỳnh Tấn Việt, Bí thư Đảng ủy Khối phát biểu.", "Phương Hoa/TTXVN")),
    )
    names = [e.name for e in build_index([article])]
    assert names == ["Kết luận số 01-KL/TW", "Lý Hùng Em", "Huỳnh Tấn Việt"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Trung ương 4 (khóa XII)"),
        ("Nghị quyết Hội nghị Trung ương 4 khoá XII", "Nghị quyết Trung ương 4 (khóa XII)"),
        ("Nghị quyết Trung ương lần thứ tư khóa XII", "Nghị quyết Trung ương 4 (khóa XII)"),
        ("Nghị quyết Hội nghị lần thứ 4 Ban Chấp hành Trung ương Đảng khóa XII",
         "Nghị quyết Trung ương 4 (khóa XII)"),
        ("Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội XIII của Đảng"),
        ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Nghị quyết Đại hội XIII của Đảng"),
        ("Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", "Nghị quyết Đại hội XIII của Đảng"),
        ("NGHỊ QUYẾT SỐ 57-NQ/TW", "Nghị quyết số 57-NQ/TW"),
        ("Quyết định số 1234/QĐ-TTg", "Quyết định số 1234/QĐ-TTg"),
    ],
)
def test_customary_names_and_their_variants(text: str, name: str) -> None:
    assert [d.name for d in find_documents(f"Các cấp ủy quán triệt {text} trong năm 2021.")] == [name]


@pytest.mark.parametrize(
    "text",
    ["Nghị quyết Trung ương năm 2021", "các chỉ thị, nghị quyết của Đảng", "nhiệm kỳ 2020-2025",
     "dịch COVID-19", "Ban chỉ đạo 35", "ngày 16/7/2021", "Luật sư Trần Văn Bình"],
)
def test_not_citations(text: str) -> None:
    assert find_documents(f"Theo {text}, hội nghị diễn ra.") == []


def test_people_in_a_list_without_a_form_of_address() -> None:
    text = (
        "Tham dự có các đồng chí: Nguyễn Văn Nên, Ủy viên Bộ Chính trị, Bí thư Thành ủy; "
        "Trần Lưu Quang, Phó Thủ tướng Chính phủ. Tại Hà Nội, Hồ Chí Minh, Đà Nẵng, Hội nghị diễn ra."
    )
    assert [(p.name, p.position) for p in find_people(text)] == [
        ("Nguyễn Văn Nên", "Ủy viên Bộ Chính trị, Bí thư Thành ủy"),
        ("Trần Lưu Quang", "Phó Thủ tướng Chính phủ"),
    ]


@pytest.mark.parametrize(
    "text, names",
    [
        ("Luật Cán bộ, công chức.", ["Luật Cán bộ, công chức"]),
        ("Luật Cán bộ, công chức năm 2008 có hiệu lực.", ["Luật Cán bộ, công chức năm 2008"]),
        ("Luật Báo chí, luật sư cho biết.", ["Luật Báo chí"]),
        ("Luật Báo chí, công an tỉnh xác minh.", ["Luật Báo chí"]),
        ("Luật Đất đai, Luật Nhà ở.", ["Luật Đất đai", "Luật Nhà ở"]),
    ],
)
def test_law_names(text: str, names: list[str]) -> None:
    assert [d.name for d in find_documents(text)] == names
