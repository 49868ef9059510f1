"""The five seeds read as the issue's table says, field by field against golden JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tgreport.contract import article_to_dict
from tgreport.read.text import read_text
from tgreport.settings import Settings

from .fields import GOLDEN

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIELDS = (
    "id", "title", "title_derived", "date", "published", "event_date", "authors", "publisher",
    "category", "views", "lead", "blocks", "removed", "warnings",
)


@pytest.fixture(scope="module")
def parsed() -> dict[str, dict[str, object]]:
    return {p.stem: article_to_dict(read_text(p, Settings())[0]) for p in SEEDS}


def test_every_seed_has_a_golden_file() -> None:
    assert [p.stem for p in SEEDS] == sorted(p.stem for p in GOLDEN.glob("*.json"))
    assert len(SEEDS) == 5


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("seed", [p.stem for p in SEEDS])
def test_seed_field(parsed: dict[str, dict[str, object]], seed: str, field: str) -> None:
    expected = json.loads((GOLDEN / f"{seed}.json").read_text(encoding="utf-8"))
    assert parsed[seed][field] == expected[field]


def test_issue_table(parsed: dict[str, dict[str, object]]) -> None:
    """The issue's own table, written out independently of the golden files."""
    s = {stem[:3]: data for stem, data in parsed.items()}
    assert s["000"]["title"] == (
        "Đảng ủy Khối Các cơ quan Trung ương triển khai nhiệm vụ công tác tuyên giáo năm 2021"
    )
    assert (s["000"]["date"], s["000"]["published"], s["000"]["event_date"]) == (
        "2021-01-07", "2021-01-07T21:38", "2021-01-06"
    )
    assert s["000"]["authors"] == ["Thảo Nguyên"]
    assert s["000"]["category"] == "Thời sự - Chính trị"
    assert not any("Họ và tên" in b["text"] for b in s["000"]["blocks"])  # type: ignore[attr-defined]
    assert "cCơ quan" in s["000"]["blocks"][0]["text"]  # type: ignore[index]  # the author's typo stays
    assert (s["001"]["date"], s["001"]["views"], s["001"]["authors"]) == ("2021-01-22", 679, ["Năng Nguyễn"])
    assert s["001"]["category"] == "Tin Tức huyện Vị Thủy"
    assert {"type": "caption", "text": "Khen thưởng cho các tập thể, cá nhân"} in s["001"]["blocks"]  # type: ignore[operator]
    assert (s["002"]["title"], s["002"]["title_derived"], s["002"]["date"]) == (None, True, None)
    assert s["002"]["authors"] == ["Minh Châu"]
    assert s["002"]["blocks"][0] == {"type": "caption", "text": "Quang cảnh Hội nghị", "credit": "Minh Châu"}  # type: ignore[index]
    assert s["003"]["date"] == "2021-07-16" and s["003"]["authors"] == ["MAI CHI"]
    assert s["004"]["date"] == "2021-01-19" and s["004"]["authors"] == []
    assert s["004"]["publisher"] == "TTXVN/Vietnam+"
    assert s["004"]["lead"]
    blocks = s["004"]["blocks"]
    captions = [b for b in blocks if b["type"] == "caption"]  # type: ignore[attr-defined]
    assert len(captions) == len({b["text"] for b in captions}) == 7
    assert all(b.get("credit") for b in captions)
    assert [b["type"] for b in blocks].count("related") == 1  # type: ignore[attr-defined]
