"""Reading: input files → Articles. Readers never import what comes after them (assembly,
presentation, exporters).

`read_files` finds the inputs, takes what the read cache still holds, reads the rest (in
`settings.jobs` processes when there are many), and says what reading each file said, in file
order, whichever way the file was read.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tgreport.errors import InputError
from tgreport.model import Article
from tgreport.read import registry
from tgreport.read.discover import find_inputs, input_files
from tgreport.read.links import split_inputs
from tgreport.read.lookalike import lookalike_warning
from tgreport.read.notes import Note, keeping, note, show
from tgreport.read.provenance import source_for_path
from tgreport.settings import Settings

if TYPE_CHECKING:
    from tgreport.read.cache import ReadCache

log = logging.getLogger(__name__)

__all__ = ["FileRead", "ReadResult", "find_inputs", "read_file", "read_files", "read_path"]

# JSON records are what the cache keeps (the JSON contract), as fast to read from the file as
# from a copy: a copy would cost a run its writing and spare the next nothing.
NOT_CACHED = (".json", ".jsonl")
# Below this many files to read, starting worker processes costs more than they save (measured
# in a terminal, progress bar on: benchmarks/README.md).
POOL_MIN_FILES = 200


@dataclass
class ReadResult:
    """What reading produced: the articles, each file skipped with the reason, the files seen."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    files: int = 0


@dataclass(frozen=True)
class FileRead:
    """One file's outcome: its articles, or the error that made it skipped; and its notes."""

    articles: list[Article]
    error: InputError | None
    notes: list[Note]


def read_path(path: str | os.PathLike[str], settings: Settings | None = None) -> list[Article]:
    """The articles in one file, read by the reader of its suffix and checked for look-alike
    letters; InputError when it cannot be read. What reading says is logged (see notes.py)."""
    file = Path(path)
    settings = settings or Settings()
    return [_sourced(_check_lookalikes(a, file), file, settings)
            for a in registry.reader_for(file)(file, settings)]


def _sourced(article: Article, file: Path, settings: Settings) -> Article:
    """The article with the outlet the configuration's [sources] gives its file, when no reader
    found one (any reader, third-party ones too)."""
    if article.site or not settings.sources:
        return article
    site = source_for_path(file, settings.sources)
    return dataclasses.replace(article, site=site) if site else article


def read_file(path: str | os.PathLike[str], settings: Settings) -> FileRead:
    """The articles in `path`, with what reading said of it kept, not logged; a file that cannot
    be read is an error in the outcome, not raised."""
    with keeping() as notes:
        try:
            articles = read_path(path, settings)
            error = None
        except InputError as exc:
            articles, error = [], exc
        except Exception as exc:
            # A reader bug on one odd file must not cost the user the whole report; -v shows
            # the traceback so the bug can still be reported and fixed.
            log.debug("reading %s failed", path, exc_info=True)
            articles = []
            error = InputError(f"cannot be read (internal error {type(exc).__name__}: {exc}); skipped",
                               os.fspath(path))
    return FileRead(articles, error, notes)


def read_files(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> ReadResult:
    """Read every input; a bad file is skipped with a warning naming it and why.

    A link ("https://…"), or a .txt file named here that lists links, is fetched (or taken from
    the fetch cache) and read as a saved page; a page that cannot be had is skipped the same way.

    `progress(done, total)` is called as files are done, for a caller's progress bar. Files in
    `exclude` (the outputs being written) are not read: a report written into its own input
    folder must not come back as input on the next run.
    """
    inputs = split_inputs(list(paths))  # links, and lists of links, are fetched (read/web.py)
    outputs = {i for p in exclude if (i := _identity(p)) is not None}
    files = [f for f in input_files([Path(p) for p in inputs.paths], follow_links=settings.follow_links)
             if not outputs or _identity(f) not in outputs]
    total = len(inputs.links) + len(files)
    result = ReadResult(files=total)
    if inputs.links:
        from tgreport.read.web import read_links  # httpx is imported only when a link is given

        counted = (lambda done: progress(done, total)) if progress is not None else None
        for page in read_links(inputs.links, settings, read_file, counted):
            _take(result, FileRead(page.articles, page.error, page.notes))
    store = None
    # The read cache (and the hash of the reading code that keys it) only for a run with a file
    # it keeps: a digest made again from its JSON export has none.
    if settings.cache and any(not f.lower().endswith(NOT_CACHED) for f in files):
        from tgreport.read.cache import ReadCache

        store = ReadCache(settings)
    for done, outcome in enumerate(_outcomes(files, settings, store), len(inputs.links) + 1):
        _take(result, outcome)
        if progress is not None:
            progress(done, total)
    if store is not None:
        store.save()
    return result


def _take(result: ReadResult, outcome: FileRead) -> None:
    """Add one input's outcome to `result`, saying what reading it said."""
    show(outcome.notes)
    if outcome.error is not None:
        log.warning("%s", outcome.error)
        result.skipped.append(outcome.error)
    result.articles += outcome.articles


def _outcomes(files: list[str], settings: Settings, store: ReadCache | None) -> Iterator[FileRead]:
    """Each file's outcome, in the order of `files`: from the cache, or read."""
    if store is None:
        yield from _read_all(files, settings)
        return
    from tgreport.read.cache import Entry, stamp_of  # imported already, with the store

    kept = [f for f in files if not f.lower().endswith(NOT_CACHED)]
    cached = {f: e for f in kept if (e := store.get(Path(f))) is not None}
    # Stamped before reading: a file changed while it is read is read again next time.
    stamps = {f: stamp_of(Path(f)) for f in kept if f not in cached}
    todo = [f for f in files if f not in cached]
    # Closed here, not when the garbage collector gets to it: closing it stops the reading
    # workers, and a Ctrl-C that lands then must reach the caller (an exception raised while a
    # generator is collected is printed and lost).
    with contextlib.closing(_read_all(todo, settings)) as fresh:
        for path in files:
            entry = cached.get(path)
            if entry is not None:
                yield FileRead(entry.articles, None, entry.notes)
                continue
            outcome = next(fresh)
            made = stamps.get(path)
            if made is not None and outcome.error is None:
                store.put(Path(path), Entry(made, outcome.articles, outcome.notes))
            yield outcome


def _read_all(files: list[str], settings: Settings) -> Generator[FileRead, None, None]:
    """Each file read, in order: here, or, when there are many, by `settings.jobs - 1` worker
    processes taking chunks from the front while this process reads chunks from the back, until
    they meet (this process reads while the workers start, and no core waits on another)."""
    jobs = min(settings.jobs, os.cpu_count() or 1)
    if jobs <= 1 or len(files) < POOL_MIN_FILES:
        for path in files:
            yield read_file(path, settings)
        return
    from tgreport.read.pool import read_pooled  # multiprocessing only for a run that uses it

    yield from read_pooled(files, settings, jobs)


def _check_lookalikes(article: Article, path: Path) -> Article:
    """Warn (never rewrite: the words are the author's) about Cyrillic/Greek letters in words."""
    body = "\n".join([article.lead or "", *(block.text for block in article.blocks), *article.authors])
    found = [
        warning
        for warning in (
            lookalike_warning(f"{path}: the title", article.title or ""),
            lookalike_warning(f"{path}: the text", body),
        )
        if warning
    ]
    for warning in found:
        note(logging.WARNING, warning)
    if not found:
        return article
    return dataclasses.replace(article, warnings=(*article.warnings, *found))


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """The file itself (device, inode), whatever the path, link or symbolic link that names it."""
    try:
        st = os.stat(path)
    except OSError:
        return None  # an output not made yet is no input either
    return st.st_dev, st.st_ino
