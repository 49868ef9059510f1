"""Report assembly: filter, de-duplicate, order, group and index the articles into a Report."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from tgreport.assemble.citations import build_index
from tgreport.assemble.citations.index import Citations
from tgreport.assemble.dedup import DEFAULT_THRESHOLD, Merge, find_duplicates
from tgreport.assemble.facts import ArticleFacts, FactsSpec, KnownFacts, gather
from tgreport.assemble.order import ORDERS, order_articles
from tgreport.assemble.sections import GROUPS, group_articles, month_title
from tgreport.errors import UsageError
from tgreport.model import Article, Period, Report

log = logging.getLogger(__name__)

DEFAULT_TITLE = "Bản tin tổng hợp"
DEFAULT_PLACE = "Hà Nội"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_NAMED = 10  # article ids named in one warning

__all__ = [
    "DEFAULT_PLACE",
    "DEFAULT_THRESHOLD",
    "DEFAULT_TITLE",
    "GROUPS",
    "MAX_NAMED",
    "ORDERS",
    "FactsSpec",
    "KnownFacts",
    "Merge",
    "build_report",
    "default_issue_date",
    "find_duplicates",
    "group_articles",
    "month_title",
    "order_articles",
]


def default_issue_date() -> dt.date:
    """`SOURCE_DATE_EPOCH` (reproducible builds) if set, else today in Vietnam."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().lstrip("-").isdigit():
        return dt.datetime.fromtimestamp(int(epoch), VIETNAM).date()
    return dt.datetime.now(VIETNAM).date()


def build_report(
    articles: Iterable[Article],
    *,
    title: str = DEFAULT_TITLE,
    organisation: str | None = None,
    place: str | None = DEFAULT_PLACE,
    issued: dt.date | None = None,
    period: Period | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    order: str = "date",
    group: str = "none",
    drop_undated: bool = False,
    dedup: bool = True,
    similarity: float = DEFAULT_THRESHOLD,
    index: bool = True,
    known_facts: KnownFacts | None = None,
) -> Report:
    """A Report of `articles`: kept within `date_from`–`date_to`, copies of one story merged,
    ordered by `order` (see ORDERS), grouped by `group` (see GROUPS), with the appendix index.

    `known_facts`: what reading already worked out of each article for the duplicate search
    and the index (api.read_inputs with `facts=FactsSpec.for_report(dedup, similarity, index)`);
    it is not worked out again.

    Undated articles are kept (and named in a warning) unless `drop_undated`; `similarity` is
    the share of word shingles two bodies must have in common to count as one story.

    Warnings stay readable at thousands of articles: a warning names at most MAX_NAMED article
    ids, then "and N more". Up to MAX_NAMED merged duplicates get one warning each (report and
    log); beyond that the report holds ONE summary warning naming the first few, and each merge
    is logged at INFO only (make-report -v shows them): a list of hundreds of merges helps no
    reader of the digest, and the log keeps every detail for whoever needs it.
    """
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"the period starts ({date_from}) after it ends ({date_to})")
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        log.warning("%s", message)

    given = list(articles)
    kept = [a for a in given if _within(a, date_from, date_to)]
    if len(kept) < len(given):
        log.info("%d article(s) dated outside the period left out", len(given) - len(kept))
    undated = [a.id for a in kept if a.date is None]
    if undated and drop_undated:
        kept = [a for a in kept if a.date is not None]
        warn(f"{len(undated)} article(s) without a date left out: {_name_ids(undated)}")
    # The per-article work of the duplicate search and the index, for every article at once.
    spec = FactsSpec.for_report(dedup, similarity, index)
    search = spec.threshold is not None
    facts = gather(kept, spec, known_facts)
    by_article = {id(a): f for a, f in zip(kept, facts, strict=True)}
    if dedup:
        # find_duplicates logs each merge at INFO; a few are worth a warning each, many a summary.
        profiles = [f.body for f in facts if f.body is not None] if search else None
        kept, merges = find_duplicates(kept, threshold=similarity, profiles=profiles)
        if len(merges) <= MAX_NAMED:
            for merge in merges:
                warn(merge.message())
        else:
            warn(f"{len(merges)} duplicate articles merged into the copies kept: "
                 f"{_name_ids([m.dropped.id for m in merges])}; run with -v to see which")
    kept = order_articles(kept, order)
    undated = [a.id for a in kept if a.date is None]
    if undated:
        where = "in their own section" if group == "month" else "listed last" if order != "title" else "kept"
        warn(f"{len(undated)} article(s) without a date, {where}: {_name_ids(undated)}")
    sections = group_articles(kept, group, newest_first=order == "date-desc")
    # The index lists articles in report order, so its article numbers read upwards.
    in_report = [a for s in sections for a in s.articles] if sections else kept
    if period is None:
        period = _period_of(kept, date_from, date_to)
    return Report(
        title=title,
        issued=issued or default_issue_date(),
        organisation=organisation,
        place=place,
        period=period,
        articles=() if sections else tuple(kept),
        sections=sections,
        index=build_index(in_report, found=lambda a: _citations(by_article, a)) if index else (),
        warnings=tuple(warnings),
    )


def _citations(by_article: dict[int, ArticleFacts], article: Article) -> Citations | None:
    # The facts are keyed by the article objects gathered; an article made anew since has none.
    facts = by_article.get(id(article))
    return facts.citations if facts is not None else None


def _name_ids(ids: list[str]) -> str:
    # Past a handful, more ids are noise in a terminal and in the report alike.
    named = ", ".join(ids[:MAX_NAMED])
    return named if len(ids) <= MAX_NAMED else f"{named} and {len(ids) - MAX_NAMED} more"


def _within(article: Article, date_from: dt.date | None, date_to: dt.date | None) -> bool:
    if article.date is None:
        return True  # the date filter cannot judge it; the caller decides with drop_undated
    return not ((date_from and article.date < date_from) or (date_to and article.date > date_to))


def _period_of(
    articles: list[Article], date_from: dt.date | None, date_to: dt.date | None
) -> Period | None:
    dates = [a.date for a in articles if a.date is not None]
    start = date_from or (min(dates) if dates else None)
    end = date_to or (max(dates) if dates else None)
    if start is None or end is None:
        return None
    return Period(start, end)
