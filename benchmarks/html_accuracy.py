"""Per-field accuracy of the HTML reader on any folder of saved pages with an `expected.json`
(the shape of /work/shared/corpus/html/: a list of {"id", "title", "date", "authors", "site",
"url", "first_paragraph", "last_paragraph", "captions", "chrome"}, one per "<id>.html").

    python benchmarks/html_accuracy.py FOLDER [-v]

How a field counts (a key missing from an entry is not counted):
- title, site, url: equal after NFC and whitespace collapsing; date: the article's date, ISO.
- authors: the same names, in any order.
- first_paragraph / last_paragraph: the first / last paragraph block of the article; in an article
  with no paragraph block (a photo story), the first / last caption.
- captions: one field per expected caption, right when a caption block has that text; a page
  whose expected list is empty counts once, right when the reader found no caption.
- chrome: one field per phrase, right when no text of the article contains it.
url is reported on its own line and left out of the total (the issue's fields do not name it).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tgreport.errors import InputError
from tgreport.model import Article, Caption, Paragraph
from tgreport.read import read_path
from tgreport.settings import Settings

FIELDS = ("title", "date", "authors", "site", "first_paragraph", "last_paragraph", "captions", "chrome")


def norm(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(unicodedata.normalize("NFC", text).split())


def _texts(article: Article) -> Iterable[str]:
    yield article.title or ""
    yield article.lead or ""
    for block in article.blocks:
        yield block.text
        if isinstance(block, Caption) and block.credit:
            yield block.credit


def score(article: Article, expected: dict[str, Any]) -> list[tuple[str, bool, str]]:
    """(field, right, what was wrong) for each counted field of one page."""
    out: list[tuple[str, bool, str]] = []

    def check(field: str, got: Any, want: Any) -> None:
        out.append((field, got == want, f"expected {want!r}, got {got!r}"))

    paragraphs = [norm(b.text) for b in article.blocks if isinstance(b, Paragraph)]
    captions = {norm(b.text) for b in article.blocks if isinstance(b, Caption)}
    if not paragraphs:
        # A photo story: its body text is the captions (the corpus README's convention).
        paragraphs = [norm(b.text) for b in article.blocks if isinstance(b, Caption)]
    if "title" in expected:
        check("title", norm(article.title), norm(expected["title"]))
    if "date" in expected:
        check("date", article.date.isoformat() if article.date else None, expected["date"])
    if "authors" in expected:
        want = sorted(norm(a) for a in expected["authors"])
        check("authors", sorted(norm(a) for a in article.authors), want)
    if "site" in expected:
        check("site", norm(article.site), norm(expected["site"]))
    if "url" in expected:
        check("url", article.url, expected["url"])
    if "first_paragraph" in expected:
        check("first_paragraph", paragraphs[0] if paragraphs else None, norm(expected["first_paragraph"]))
    if "last_paragraph" in expected:
        check("last_paragraph", paragraphs[-1] if paragraphs else None, norm(expected["last_paragraph"]))
    if "captions" in expected:
        if not expected["captions"]:
            out.append(("captions", not captions, f"expected no captions, got {sorted(captions)!r}"))
        for caption in expected["captions"]:
            out.append(("captions", norm(caption) in captions, f"missing caption {caption!r}"))
    if "chrome" in expected:
        texts = [norm(t) or "" for t in _texts(article)]
        for phrase in expected["chrome"]:
            want = norm(phrase) or ""
            left = next((t for t in texts if want in t), None)
            out.append(("chrome", left is None, f"chrome {phrase!r} still in {left!r:.80}"))
    return out


def measure(
    entries: list[dict[str, Any]], read_one: Callable[[dict[str, Any]], Article], *, verbose: bool = False
) -> tuple[int, int]:
    """Scores each entry's article (read_one(entry)) and prints the per-field table; the misses
    too when verbose. Returns (fields right, fields counted) without url."""
    right: dict[str, int] = {}
    total: dict[str, int] = {}
    for entry in entries:
        for field, ok, why in score(read_one(entry), entry):
            total[field] = total.get(field, 0) + 1
            right[field] = right.get(field, 0) + ok
            if not ok and verbose:
                print(f"{entry['id']}: {field}: {why}")
    print()
    for field in (*FIELDS, "url"):
        if total.get(field):
            print(f"{field:16} {right[field]:4} / {total[field]}")
    counted = [f for f in FIELDS if total.get(f)]
    good = sum(right[f] for f in counted)
    count = sum(total[f] for f in counted)
    print(f"{'all (no url)':16} {good:4} / {count} = {100 * good / max(count, 1):.1f} %")
    return good, count


def read_first(page: Path, entry_id: str) -> Article:
    """The page's first article; one that cannot be read has every field wrong."""
    try:
        return read_path(page, Settings())[0]
    except InputError as exc:
        print(f"{entry_id}: not read: {exc}")
        return Article(id=entry_id, source=str(page), title=None)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    folder = Path(next(a for a in argv if a != "-v"))
    entries = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    measure(entries, lambda entry: read_first(folder / f"{entry['id']}.html", entry["id"]), verbose=verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
