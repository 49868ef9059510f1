"""What assembly learns from each article alone, worked out for all of them at once, in parallel.

Most of the time spent assembling a large report goes on looking at each article by itself:
tokenising and hashing its body for the duplicate search, and scanning its text for cited
documents and people. Neither depends on the other articles, so for a large report it is done
by worker processes (parallel.fork_map), before the steps that compare and collect.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from ..citations.index import Citations, article_citations
from ..model import Article
from ..parallel import fork_map
from .dedup import BodyProfile, body_profile


@dataclass(frozen=True)
class ArticleFacts:
    body: BodyProfile | None  # for the duplicate search; None when not asked for
    citations: Citations | None  # for the index; None when not asked for


def _facts(article: Article, threshold: float | None, citations: bool) -> ArticleFacts:
    return ArticleFacts(
        body_profile(article, threshold) if threshold is not None else None,
        article_citations(article) if citations else None,
    )


def gather(articles: Sequence[Article], threshold: float | None, citations: bool) -> list[ArticleFacts]:
    """Each article's facts, in order: its body profile at `threshold` (None: no duplicate
    search) and, with `citations`, what it cites."""
    return fork_map(partial(_facts, threshold=threshold, citations=citations), articles)
