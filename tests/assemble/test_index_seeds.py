"""Precision and recall of the document and person index on the five seeds, annotated by hand.

The annotations come from reading the seed text itself (not from any reader output), so the
seeds are turned into articles here one line a paragraph, independent of the readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tgreport.assemble.citations import build_index
from tgreport.model import Article, IndexEntry, Paragraph

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Every Party or State document each seed cites, under the index's name for it.
SEED_DOCUMENTS: dict[str, set[str]] = {
    "000_37703d20c0032571": {
        "Chỉ thị số 05-CT/TW",  # "Chỉ thị số 05-CT/TW của Bộ Chính trị", twice
        "Nghị quyết Đại hội XIII của Đảng",
        "Nghị quyết Đại hội XIII Đảng bộ Khối",  # "… lần thứ XIII Đảng bộ Khối Các cơ quan Trung ương"
        "Nghị quyết Trung ương 4 (khóa XII)",
    },
    "001_5d31fa578c8d1244": {
        "Nghị quyết Đại hội XIII của Đảng",  # "… Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
    },
    "002_89ec7c575662372c": {
        "Chỉ thị số 05",  # "Chỉ thị 05 của Bộ Chính trị", "Chỉ thị số 05": no sign in this article
        "Nghị quyết Trung ương 4 (khóa XII)",  # "Nghị quyết Hội nghị lần thứ 4 Ban Chấp hành … khóa XII"
    },
    "003_fffa89e5df594c8e": {
        "Nghị quyết Đại hội XIII của Đảng",
        "Chỉ thị số 05-CT/TW",  # "Chỉ thị 05-CT/TW của Bộ Chính trị"
        "Kết luận số 01-KL/TW",
    },
    "004_19db6e8aa3f47cbf": {
        # "Nghị quyết Đại hội Đảng bộ Khối khóa XIII", "… Đại hội XIII của Đảng bộ Khối"
        "Nghị quyết Đại hội XIII Đảng bộ Khối",
        "Nghị quyết Đại hội XIII của Đảng",  # "Đại hội lần thứ XIII của Đảng", "Nghị quyết XIII của Đảng"
        "Nghị quyết Đại hội XII của Đảng",
        "Nghị quyết Đại hội XII Đảng bộ Khối",
        "Chỉ thị số 35-CT/TW",
    },
}
# People named with a position. Authors and photographers ("Thảo Nguyên", "Phương Hoa") are not.
SEED_PEOPLE: dict[str, set[str]] = {
    "000_37703d20c0032571": {"Nguyễn Minh Chung", "Lại Xuân Lâm"},
    "001_5d31fa578c8d1244": {"Lý Hùng Em"},
    "002_89ec7c575662372c": set(),
    "003_fffa89e5df594c8e": {"Nguyễn Trọng Nghĩa"},  # later "đồng chí Trưởng Ban …": no name, no entry
    "004_19db6e8aa3f47cbf": {"Huỳnh Tấn Việt", "Lê Quốc Minh"},
}
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95


def seed_article(path: Path) -> Article:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return Article(id=path.stem, source=str(path), title=None,
                   blocks=tuple(Paragraph(line) for line in lines if line))


def scores(found: set[tuple[str, str]], expected: set[tuple[str, str]]) -> tuple[float, float]:
    hits = len(found & expected)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(expected) if expected else 1.0
    return precision, recall


def per_article(entries: tuple[IndexEntry, ...], kind: str) -> set[tuple[str, str]]:
    return {(article_id, e.name) for e in entries if e.kind == kind for article_id in e.article_ids}


@pytest.fixture(scope="module")
def seed_articles() -> list[Article]:
    return [seed_article(p) for p in sorted(SEEDS.glob("*.txt"))]


def test_the_annotations_cover_every_seed(seed_articles: list[Article]) -> None:
    assert {a.id for a in seed_articles} == set(SEED_DOCUMENTS) == set(SEED_PEOPLE)


@pytest.mark.parametrize("kind, truth", [("document", SEED_DOCUMENTS), ("person", SEED_PEOPLE)])
def test_precision_and_recall_on_each_seed_alone(
    seed_articles: list[Article], kind: str, truth: dict[str, set[str]]
) -> None:
    found: set[tuple[str, str]] = set()
    for article in seed_articles:
        found |= per_article(build_index([article]), kind)
    expected = {(aid, name) for aid, names in truth.items() for name in names}
    precision, recall = scores(found, expected)
    assert precision >= PRECISION_FLOOR, sorted(found - expected)
    assert recall >= RECALL_FLOOR, sorted(expected - found)


def test_one_entry_per_document_across_the_seeds(seed_articles: list[Article]) -> None:
    index = build_index(seed_articles)
    documents = {e.name: e for e in index if e.kind == "document"}
    # "Chỉ thị 05" (seed 002) joins the one numbered 05-CT/TW the other seeds cite in full.
    assert "Chỉ thị số 05" not in documents
    assert documents["Chỉ thị số 05-CT/TW"].article_ids == (
        "000_37703d20c0032571", "002_89ec7c575662372c", "003_fffa89e5df594c8e",
    )
    assert documents["Chỉ thị số 05-CT/TW"].detail == "Bộ Chính trị"
    assert documents["Nghị quyết Đại hội XIII của Đảng"].article_ids == (
        "000_37703d20c0032571", "001_5d31fa578c8d1244", "003_fffa89e5df594c8e", "004_19db6e8aa3f47cbf",
    )
    assert documents["Nghị quyết Trung ương 4 (khóa XII)"].article_ids == (
        "000_37703d20c0032571", "002_89ec7c575662372c",
    )
    expected_names = set().union(*SEED_DOCUMENTS.values()) - {"Chỉ thị số 05"}
    assert set(documents) == expected_names


def test_people_carry_their_position(seed_articles: list[Article]) -> None:
    people = {e.name: e for e in build_index(seed_articles) if e.kind == "person"}
    assert people["Nguyễn Minh Chung"].detail == (
        "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Đảng ủy Khối Các cơ quan Trung ương"
    )
    assert people["Huỳnh Tấn Việt"].detail == (
        "Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối các cơ quan Trung ương"
    )
    assert people["Lý Hùng Em"].detail == "Phó Bí thư Thường trực Huyện ủy"
    assert people["Lê Quốc Minh"].detail == "Bí thư Đảng ủy, Phó Tổng Giám đốc Thông tấn xã Việt Nam"
