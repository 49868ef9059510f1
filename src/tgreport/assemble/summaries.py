"""Each article's summary, for the brief ("điểm báo") and the TOC's summaries: the one the office
or the input gave (Article.summary) as it is; else the article's lead (sapo) when it has one; else
its first sentences. Extractive, bounded, and the same on every run.

Made at assembly (build_report, when the kind or the settings print summaries), so the report
carries them as data (the JSON export's "summary", read back as given) and every format prints
the same words without working them out again.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from tgreport.model import Article

SUMMARY_SENTENCES = 4  # at most, from the article's first paragraphs
SUMMARY_CHARS = 480  # a summary never grows past this (about four printed lines of A4): a sentence
# that would take it past is left out, and a first sentence longer than this is cut with "…"

# A sentence ends at . ! ? … (and any closing quote or bracket) before a space and a capital or an
# opening quote. Not after an abbreviation of a title or place ("TP. Hồ Chí Minh", "PGS. TS.").
_BOUNDARY = re.compile(r"(?<=[.!?…])(?P<close>[”\"’)\]]*)\s+(?=[“\"‘(\[]?[^\W\d_])")
_ABBREVIATIONS = frozenset({"TP", "Tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "NXB", "Q", "P", "St"})


def summary(article: Article) -> str:
    """The summary the office or the input gave (Article.summary) as it is; else the lead when
    the article has one, else its first sentences (SUMMARY_* bound these two)."""
    if article.summary and article.summary.strip():
        return article.summary.strip()
    if article.lead and article.lead.strip():
        return _bounded(article.lead.strip())
    text = _opening(article).lstrip("–—- ")  # a dateline dash ("– Sáng 16/7, …") is no part of it
    chosen: list[str] = []
    length = 0
    for sentence in itertools.islice(sentences(text), SUMMARY_SENTENCES):
        if chosen and length + 1 + len(sentence) > SUMMARY_CHARS:
            break
        length += len(sentence) + (1 if chosen else 0)
        chosen.append(sentence)
    return _bounded(" ".join(chosen))


def _opening(article: Article) -> str:
    """The article's paragraphs joined, as far as a summary can reach: chosen sentences end
    within SUMMARY_CHARS, so twice that settles every choice (a sentence cut here would not have
    fitted either) without splitting a long article's whole text."""
    texts: list[str] = []
    length = 0
    for b in article.blocks:
        if b.type == "paragraph" and b.text.strip():
            texts.append(b.text.strip())
            length += len(texts[-1]) + 1
            if length > 2 * SUMMARY_CHARS:
                break
    return " ".join(texts)


def sentences(text: str) -> Iterator[str]:
    """`text` cut into sentences (see _BOUNDARY), abbreviations kept inside their sentence;
    lazily, since a summary needs the first few only."""
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start:match.start()].rstrip("”\"’)]")
        last_word = before.rsplit(maxsplit=1)[-1] if before.strip() else ""
        if last_word.rstrip(".") in _ABBREVIATIONS:
            continue
        piece = text[start:match.end("close")].strip()
        if piece:
            yield piece
        start = match.end()
    rest = text[start:].strip()
    if rest:
        yield rest


def _bounded(text: str) -> str:
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text[:SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"
