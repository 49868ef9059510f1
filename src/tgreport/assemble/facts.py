"""What assembly learns from each article alone, worked out for all of them at once, in parallel.

Most of the time spent assembling a large report goes on looking at each article by itself:
tokenising and hashing its body for the duplicate search, and scanning its text for cited
documents and people. Neither depends on the other articles, so it is done where the articles
are: by the reading workers as each article is read, and kept in the read cache with it, when
the caller asks for them (api.read_inputs with a `FactsSpec`; the result's `KnownFacts` go to
build_report); for the others, by worker processes (parallel.fork_map) before the steps that
compare and collect.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tgreport.assemble.citations.index import Citations, article_citations
from tgreport.assemble.dedup import DEFAULT_THRESHOLD, BodyProfile, body_profile
from tgreport.model import Article
from tgreport.support.parallel import fork_map


@dataclass(frozen=True)
class ArticleFacts:
    body: BodyProfile | None  # for the duplicate search; None when not asked for
    citations: Citations | None  # for the index; None when not asked for


@dataclass(frozen=True)
class FactsSpec:
    """Which facts a report needs: body profiles at `threshold` (None: no duplicate search)
    and, with `citations`, what each article cites."""

    threshold: float | None
    citations: bool

    @classmethod
    def for_report(
        cls, dedup: bool = True, similarity: float = DEFAULT_THRESHOLD, index: bool = True
    ) -> FactsSpec:
        """The facts build_report needs with these settings (its parameters of the same names)."""
        # A threshold above 1 matches no two bodies: no search, only the titles are compared.
        return cls(similarity if dedup and similarity <= 1.0 else None, index)

    def of(self, article: Article) -> ArticleFacts:
        return ArticleFacts(
            body_profile(article, self.threshold) if self.threshold is not None else None,
            article_citations(article) if self.citations else None,
        )


class KnownFacts:
    """Facts already worked out to `spec` for some article objects (while reading them)."""

    def __init__(self, spec: FactsSpec) -> None:
        self.spec = spec
        # Keyed by the object, not its value: hashing a whole article costs as much as its
        # facts. The article is kept with them, so its id cannot pass to another object.
        self._by_id: dict[int, tuple[Article, ArticleFacts]] = {}

    def add(self, article: Article, facts: ArticleFacts) -> None:
        self._by_id[id(article)] = (article, facts)

    def get(self, article: Article, spec: FactsSpec) -> ArticleFacts | None:
        entry = self._by_id.get(id(article)) if spec == self.spec else None
        return entry[1] if entry is not None and entry[0] is article else None

    def __len__(self) -> int:
        return len(self._by_id)


def gather(
    articles: Sequence[Article], spec: FactsSpec, known: KnownFacts | None = None
) -> list[ArticleFacts]:
    """Each article's facts to `spec`, in order: those in `known` as they are, the others
    worked out now (by worker processes when there are many)."""
    found = [known.get(a, spec) for a in articles] if known is not None else [None] * len(articles)
    missing = [a for a, facts in zip(articles, found, strict=True) if facts is None]
    made = iter(fork_map(spec.of, missing))
    return [facts if facts is not None else next(made) for facts in found]
