"""The topics floor: on the benchmark corpus, with six topics, is every article where its
keywords say? (Issue 19.)

Reads the corpus as make-report does, groups it by `topics/topics-6.toml`, then checks each
article's section against an independent count: the article's words and punctuation marks
(NFC, case-folded, one tone-mark style) as a list of tokens, each keyword a token sequence
found by walking the tokens, longest keyword first, never overlapping; title mentions weigh
3, the lead's 2, the text's (paragraphs, sub-headings, quotes, lists) 1; the topic with the
most wins, a tie goes to the topic listed first, none to "Tin khác".

    python benchmarks/topics_floor.py 1000            # makes benchmarks/out/corpus-1000 if needed
    python benchmarks/topics_floor.py 300 --corpus DIR

Prints how many articles agree and lists those that do not; exit status 1 if any does not.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from tgreport import read
from tgreport.assemble import build_report
from tgreport.config import load_config
from tgreport.model import Article, Report
from tgreport.settings import Settings, Topic
from tgreport.vn import normalize_tone_style

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "topics" / "topics-6.toml"
OTHER = "Tin khác"
WEIGHTS = {"title": 3, "lead": 2, "text": 1}
_TEXT_BLOCKS = ("paragraph", "heading", "quote", "list")
# Words, and each mark of punctuation as a token of its own: "học tập, nghị quyết" is not the
# phrase "học tập nghị quyết" (a keyword's words are apart by spaces only).
_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens(text: str) -> list[str]:
    """Tokens of `text`: NFC, case-folded, tone marks placed "hòa" style."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return _TOKEN.findall(normalize_tone_style(folded, "hòa"))


def mentions(words: Sequence[str], keywords: Sequence[Sequence[str]]) -> int:
    """Non-overlapping keyword occurrences in `words`, the longest keyword tried first at each word."""
    ordered = sorted(keywords, key=len, reverse=True)
    count, i = 0, 0
    while i < len(words):
        for keyword in ordered:
            if list(words[i:i + len(keyword)]) == list(keyword):
                count, i = count + 1, i + len(keyword)
                break
        else:
            i += 1
    return count


def expected_topic(article: Article, topics: Sequence[Topic]) -> str:
    parts = {
        "title": tokens(article.title or ""),
        "lead": tokens(article.lead or ""),
        "text": tokens(" ".join(b.text for b in article.blocks if b.type in _TEXT_BLOCKS)),
    }
    best, best_score = OTHER, 0
    for topic in topics:
        keywords = [tokens(k) for k in topic.keywords]
        score = sum(WEIGHTS[part] * mentions(words, keywords) for part, words in parts.items())
        if score > best_score:  # strictly more: a tie stays with the topic listed first
            best, best_score = topic.name, score
    return best


def disagreements(report: Report, topics: Sequence[Topic]) -> tuple[int, list[tuple[str, str, str]]]:
    """(articles checked, [(article id, section it is in, section its keywords say)])."""
    wrong, checked = [], 0
    for section in report.sections:
        for article in section.articles:
            checked += 1
            want = expected_topic(article, topics)
            if want != section.title:
                wrong.append((article.id, section.title, want))
    return checked, wrong


def grouped(corpus: Path, settings: Settings) -> Report:
    return build_report(read(corpus / "pages", settings).articles, settings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="articles in the corpus")
    parser.add_argument("--corpus", type=Path, help="an existing corpus folder (made by corpus.py)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # the corpus's undated pages: warnings beside the point
    corpus = args.corpus or HERE / "out" / f"corpus-{args.n}"
    if not (corpus / "pages").is_dir():
        sys.path.insert(0, str(HERE))
        from corpus import make_corpus
        make_corpus(args.n, corpus)
    settings = Settings.from_mapping(load_config(CONFIG).settings, CONFIG)
    report = grouped(corpus, settings)
    checked, wrong = disagreements(report, settings.topics)
    sizes = ", ".join(f"{s.title}: {len(s.articles)}" for s in report.sections)
    print(f"{checked - len(wrong)} of {checked} articles where their keywords say ({sizes})")
    for article_id, got, want in wrong:
        print(f"  {article_id}: in {got!r}, keywords say {want!r}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
