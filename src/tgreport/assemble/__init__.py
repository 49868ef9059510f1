"""Report assembly: filter, de-duplicate, order, group and index the articles into a Report."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from collections.abc import Iterable

from tgreport.assemble.assessments import assess
from tgreport.assemble.citations import build_index
from tgreport.assemble.dedup import Merge, find_duplicates
from tgreport.assemble.order import order_articles
from tgreport.assemble.sections import group_articles, month_title
from tgreport.assemble.summaries import summary
from tgreport.errors import UsageError
from tgreport.model import Article, Masthead, Period, Report
from tgreport.settings import DEFAULT_PLACE, DEFAULT_SIMILARITY, DEFAULT_TITLE, GROUPS, ORDERS, Settings
from tgreport.support.plural import counted
from tgreport.vn.dates import VIETNAM

log = logging.getLogger(__name__)

MAX_NAMED = 10  # article ids named in one warning

__all__ = [
    "DEFAULT_PLACE",
    "DEFAULT_SIMILARITY",
    "DEFAULT_TITLE",
    "GROUPS",
    "MAX_NAMED",
    "ORDERS",
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


def build_report(articles: Iterable[Article], settings: Settings | None = None, *,
                 period: Period | None = None) -> Report:
    """A Report of `articles` as `settings` say: kept within date_from–date_to, copies of one
    story merged, ordered by `order` (see ORDERS), grouped by `group` (see GROUPS), with the
    appendix index. `period` overrides the span the cover states.

    Undated articles are kept (and named in a warning) unless `drop_undated`; `similarity` is
    the share of word shingles two bodies must have in common to count as one story.

    Warnings stay readable at thousands of articles: a warning names at most MAX_NAMED article
    ids, then "and N more". Up to MAX_NAMED merged duplicates get one warning each (report and
    log); beyond that the report holds ONE summary warning naming the first few, and each merge
    is logged at INFO only (make-report -v shows them): a list of hundreds of merges helps no
    reader of the digest, and the log keeps every detail for whoever needs it.
    """
    if settings is not None and not isinstance(settings, Settings):
        raise UsageError(f"build_report's settings must be a tgreport.Settings, "
                         f"not {type(settings).__name__}")
    if isinstance(articles, str | bytes) or not isinstance(articles, Iterable):
        raise UsageError(f"build_report needs a list of Articles (tgreport.read gives them), "
                         f"not {type(articles).__name__}")
    s = settings or Settings()
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        log.warning("%s", message)

    given = list(articles)
    if not all(isinstance(a, Article) for a in given):
        raise UsageError("build_report needs Article objects (tgreport.read gives them)")
    kept = [a for a in given if _within(a, s.date_from, s.date_to)]
    if len(kept) < len(given):
        log.info("%s dated outside the period left out", counted(len(given) - len(kept), "article"))
    undated = [a.id for a in kept if a.date is None]
    if undated and (s.drop_undated or ((s.date_from or s.date_to) and not s.keep_undated)):
        # A period asked for is a promise about every article's date: one without a date cannot
        # be shown to keep it, so it is left out (and named) unless keep_undated says otherwise.
        kept = [a for a in kept if a.date is not None]
        why = "" if s.drop_undated else " (the period cannot place them; keep_undated keeps them)"
        warn(f"{counted(len(undated), 'article')} without a date left out{why}: {_name_ids(undated)}")
    if s.dedup:
        # find_duplicates logs each merge at INFO; a few are worth a warning each, many a summary.
        kept, merges = find_duplicates(kept, threshold=s.similarity)
        if len(merges) <= MAX_NAMED:
            for merge in merges:
                warn(merge.message())
        else:
            warn(f"{len(merges)} duplicate articles merged into the copies kept: "
                 f"{_name_ids([m.dropped.id for m in merges])}; run with -v to see which")
    kept = order_articles(kept, s.order)
    if s.summaries:  # the office's own summaries win over what the input said
        written = dict(assess(kept, s.summaries, warn, "summaries"))
        kept = [dataclasses.replace(a, summary=written[a.id]) if a.id in written else a for a in kept]
    if s.kind == "brief" or s.toc_summaries:  # printed: made once, here, for every format
        kept = [a if a.summary and a.summary.strip() else dataclasses.replace(a, summary=summary(a))
                for a in kept]
    undated = [a.id for a in kept if a.date is None]
    if undated:
        where = ("in their own section" if s.group == "month"
                 else "listed last" if s.order != "title" else "kept")
        warn(f"{counted(len(undated), 'article')} without a date, {where}: {_name_ids(undated)}")
    if s.kind == "full":
        # Said, not silently printed as a headline and a source line: a brief's JSON keeps each
        # article's summary, not its text, and a full compilation made from it would be empty.
        textless = [a.id for a in kept if not (a.lead or any(b.text.strip() for b in a.blocks))]
        if textless:
            warn(f"{counted(len(textless), 'article')} without any text, printed with the headline and "
                 f"source only (a brief's JSON keeps summaries, not texts): {_name_ids(textless)}")
    sections = group_articles(kept, s.group, newest_first=s.order == "date-desc", topics=s.topics)
    # The index lists articles in report order, so its article numbers read upwards.
    in_report = [a for s_ in sections for a in s_.articles] if sections else kept
    if period is None:
        period = _period_of(kept, s.date_from, s.date_to)
    assessed = assess(in_report, s.assessments, warn)
    return Report(
        title=s.title,
        issued=s.issued or default_issue_date(),
        # The issuing body (the last line) is who the document metadata names as its author.
        organisation=s.org_lines[-1] if s.org_lines else None,
        place=s.place,
        period=period,
        articles=() if sections else tuple(kept),
        sections=sections,
        # The brief prints no appendix: its index would be work for nothing.
        index=build_index(in_report) if s.index and s.kind != "brief" else (),
        warnings=tuple(warnings),
        masthead=Masthead(s.header, s.org_lines, s.number, s.issue, s.internal,
                          signer=s.signer.get("title", ()), signer_name=s.signer.get("name"),
                          recipients=s.recipients),
        assessments=assessed,
        highlight=s.highlight,
    )


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
