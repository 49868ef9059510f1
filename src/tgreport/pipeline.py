"""The library's front door: read files, build a report, export it."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tgreport import present
from tgreport.assemble.facts import ArticleFacts, FactsSpec, KnownFacts
from tgreport.errors import InputError, UsageError
from tgreport.export import registry
from tgreport.export.base import ExportOptions
from tgreport.model import Article, Report
from tgreport.read import ReaderOptions, find_inputs, pool
from tgreport.read.cache import Entry as CacheEntry
from tgreport.read.cache import ReadCache, stamp
from tgreport.support.atomic import write_atomic
from tgreport.support.logrecords import recording, replay

log = logging.getLogger(__name__)


@dataclass
class ReadResult:
    """What reading produced: the articles, and each file skipped with the reason; when facts
    were asked for, what was worked out of the articles for assembly (build_report's `known_facts`)."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    files: int = 0
    facts: KnownFacts | None = None


def read_inputs(
    paths: Iterable[str | Path],
    options: ReaderOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    exclude: Iterable[str | Path] = (),
    cache: bool = False,
    facts: FactsSpec | None = None,
) -> ReadResult:
    """Read every input file; a bad file is skipped with a warning naming it and why.

    `progress(done, total)` is called before each file, for a caller's progress bar. Files in
    `exclude` (the outputs being written) are not read: a report written into its own input
    folder must not come back as input on the next run. With `cache`, files unchanged since an
    earlier run are not read again (see readcache.py); the result is the same.

    With `facts` (`FactsSpec.for_report(...)` with build_report's settings), what assembly needs
    of each article is worked out as it is read (by the reading workers, for many files) and
    kept in the cache with it; `result.facts` holds it for build_report(..., known_facts=...).
    """
    result = ReadResult(facts=KnownFacts(facts) if facts is not None else None)
    outputs = {i for p in exclude if (i := _identity(p)) is not None}
    files = [f for f in find_inputs(list(paths)) if not outputs or _identity(f) not in outputs]
    store = ReadCache(options or ReaderOptions()) if cache else None
    level = logging.getLogger("tgreport").getEffectiveLevel()
    hits = {f: e for f in files if (e := store.get(f, level)) is not None} if store else {}
    todo = [f for f in files if f not in hits]
    # Stamped before reading: a file changed while it is read is read again next time.
    stamps = {f: stamp(f) for f in todo} if store else {}
    # Many files are spread over the cores; the outcomes still arrive in the order of `files`.
    workers = pool.workers_for(len(todo))
    prepare = facts.of if facts is not None else None
    pooled = pool.read_pooled(todo, options, workers, prepare) if workers > 1 else None
    for path in files:
        if progress is not None:
            progress(result.files, len(files))
        result.files += 1
        hit = hits.get(path)
        article_facts: list[ArticleFacts] | None = None
        if hit is not None:
            replay(hit.records)
            articles, error = hit.articles, hit.error
            if hit.facts is not None and hit.facts[0] == facts:
                article_facts = hit.facts[1]
        else:
            with recording() as records:
                if pooled is not None:
                    articles, error, article_facts = next(pooled)
                else:
                    (articles, error), article_facts = pool.read_one(path, options), None
            if prepare is not None and article_facts is None and articles:
                article_facts = pool.prepared(prepare, articles)  # read here, or a worker failed
            made = stamps.get(path)
            # What the reader says of a file names it; anything else (the pool's own news) is
            # not the file's to repeat on later runs, and such an entry is not kept.
            if store is not None and made is not None and all(str(path) in r.getMessage() for r in records):
                kept = (facts, article_facts) if facts is not None and article_facts is not None else None
                store.put(path, CacheEntry(made, articles, error, level, records, kept))
        if result.facts is not None and article_facts is not None:
            for article, its_facts in zip(articles, article_facts, strict=True):
                result.facts.add(article, its_facts)
        result.articles.extend(articles)
        if error is not None:
            result.skipped.append(error)
    if store is not None:
        store.save()
    return result


def _identity(path: str | Path) -> tuple[int, int] | None:
    """The file itself (device, inode), whatever the path, link or symbolic link that names it:
    one stat, where resolving a path checks each of its folders."""
    try:
        st = os.stat(path)
    except OSError:
        return None  # an output not made yet is no input either
    return st.st_dev, st.st_ino


def read(paths: str | Path | Iterable[str | Path], options: ReaderOptions | None = None) -> list[Article]:
    """The articles in `paths` (files or folders), in a stable order; bad files are skipped."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return read_inputs(paths, options).articles


def export(report: Report, target: str | Path, format: str | None = None, **options: Any) -> Any:
    """Render `report`.

    `target` is either a format name ("pdf"), and the bytes are returned, or a file path whose
    suffix picks the format (unless `format` is given), and the path written is returned.
    """
    export_options = options.pop("export_options", None) or ExportOptions(**options)
    if format is None and isinstance(target, str) and target in registry.names():
        return render(report, target, export_options)
    path = Path(target)
    name = format or registry.format_for_suffix(path.suffix)
    return write_atomic(path, render(report, name, export_options))


def render(report: Report, format: str, options: ExportOptions | None = None) -> bytes:
    """The bytes of `report` in `format`."""
    exporter = registry.load(format)()
    if not report.all_articles():
        raise UsageError("the report has no articles")
    options = options or ExportOptions()
    present.check_date_style(options.date_style)  # a typo is a UsageError, not a half-made file
    # The tone style is an edit of the words, not of one format's look: made here, once, on the
    # whole report, so every format (and every input kind, JSON included) shows it.
    return exporter.render(present.restyle_tones(report, options.tone_style), options)
