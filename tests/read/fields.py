"""What the page tests compare: an Article's fields in the shape of the expected JSON files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tgreport.contract import article_to_dict
from tgreport.model import Article
from tgreport.read.text import read_text
from tgreport.settings import Settings

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
GOLDEN = HERE / "golden"
# The fields the accuracy table reports, in its order.
FIELDS = (
    "title", "date", "published", "event_date", "authors", "publisher", "site", "category", "views",
    "lead", "captions", "related", "headings", "paragraphs",
)


def read(path: Path) -> Article:
    return read_text(path, Settings())[0]


def observed(article: Article) -> dict[str, Any]:
    """The article's fields as the expected files write them (JSON contract plus block digests)."""
    data = article_to_dict(article)
    blocks = data["blocks"]
    data["captions"] = [[b["text"], b.get("credit")] for b in blocks if b["type"] == "caption"]
    data["related"] = [b["text"] for b in blocks if b["type"] == "related"]
    data["headings"] = [b["text"] for b in blocks if b["type"] == "heading"]
    data["paragraphs"] = sum(1 for b in blocks if b["type"] == "paragraph")
    return data


def page_cases() -> list[Path]:
    return sorted(PAGES.glob("*.txt"))


def expected_fields(page: Path) -> dict[str, Any]:
    """The page's expected fields; a page that names no sub-headings has none."""
    expected: dict[str, Any] = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    expected.setdefault("headings", [])
    return expected
