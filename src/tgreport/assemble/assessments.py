"""The office's assessment of each article (Settings.assessments: article id or URL → label)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from tgreport.model import Article


def assess(articles: Sequence[Article], given: Mapping[str, str],
           warn: Callable[[str], None], what: str = "assessments") -> tuple[tuple[str, str], ...]:
    """(article id, label) for every article of `articles` that `given` names by id or URL, in
    report order; the keys that name no article are said in one warning (`what` names the table)."""
    result = []
    used = set()
    for article in articles:
        for key in (article.id, article.url):
            if key is not None and key in given:
                result.append((article.id, given[key].strip()))
                used.add(key)
                break
    unknown = [key for key in given if key not in used]
    if unknown:
        named = ", ".join(unknown[:10]) + (f" and {len(unknown) - 10} more" if len(unknown) > 10 else "")
        warn(f"{what} name no article of the report: {named}")
    return tuple(result)
