"""The pipeline, in one screen: read → assemble → present → export → write.

    result = read(["bai-viet/"], settings)           # files → Articles
    report = build_report(result.articles, settings)  # Articles → Report (filter, merge, order, index)
    report = with_photos(report, settings)            # … with the photos prepared (settings.images)
    data = render(report, "pdf", settings)            # Report → bytes (wording, then the format)
    write(report, "digest.pdf", settings)             # … → a file, replaced whole or not at all

`make` runs the whole of it for the command line, and a script may call it too.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tgreport import present
from tgreport.assemble import build_report
from tgreport.errors import NoArticles, UsageError
from tgreport.export import registry
from tgreport.export.base import Exporter
from tgreport.model import Image, Report
from tgreport.read import ReadResult, read_files
from tgreport.settings import Settings
from tgreport.support.atomic import write_atomic, write_together
from tgreport.support.plural import counted

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total), for a progress bar


def read(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> ReadResult:
    """The articles in `paths` (files or folders), in a stable order; bad files are skipped
    with a warning and listed in `result.skipped`."""
    given = [paths] if isinstance(paths, str | os.PathLike) else list(_checked_paths(paths))
    for path in given:
        _check_path(path, "read")
    return read_files(given, _checked_settings(settings), progress=progress, exclude=exclude)


def render(report: Report, format: str, settings: Settings | None = None) -> bytes:
    """The bytes of `report` in `format` ("pdf", "docx", "html", "epub", "json", or a third
    party's)."""
    exporter, ready, settings = _prepared(report, format, settings)
    return exporter.render(ready, settings)


def _writer(exporter: Exporter, ready: Report, settings: Settings) -> Callable[[BinaryIO], object]:
    """A function that writes `ready` (from _prepared) with `exporter` into an open file: straight
    into it when the exporter can (`render_to`), so a large report's bytes are never all in
    memory at once."""
    render_to = getattr(exporter, "render_to", None)
    if render_to is not None:
        return lambda out: render_to(ready, settings, out)
    return lambda out: out.write(exporter.render(ready, settings))


def _prepared(report: Report, format: str, settings: Settings | None,
              ready: Report | None = None) -> tuple[Exporter, Report, Settings]:
    """(`format`'s exporter, the report as every format is given it, the settings); `ready`: the
    report as _prepared gave it for another format of the same run, which it is used as."""
    if not isinstance(report, Report):
        raise UsageError(f"render needs a Report (from build_report), not {type(report).__name__}")
    if not report.all_articles():
        raise UsageError("the report has no articles")
    settings = _checked_settings(settings)
    exporter = registry.load(format)()
    if ready is not None:
        return exporter, ready, settings
    # The tone style is an edit of the words, not of one format's look: made here, once, on the
    # whole report, so every format (and every input kind, JSON included) shows it.
    # One cleaning of every text, whatever its source, before any format sees it.
    cleaned = present.printable_report(report)
    return exporter, present.restyle_tones(cleaned, settings.tone_style), settings


def write(
    report: Report,
    target: str | os.PathLike[str] | BinaryIO,
    settings: Settings | None = None,
    format: str | None = None,
) -> Path | None:
    """Write `report` to a file path (its suffix picks the format unless `format` is given),
    replaced whole or not at all; or to an open binary file object (then `format` is needed).
    Returns the path written, or None for a file object."""
    if hasattr(target, "write") and not isinstance(target, str | os.PathLike):
        if format is None:
            raise UsageError("writing to a file object needs a format (format='pdf')")
        _writer(*_prepared(report, format, settings))(target)
        return None
    _check_path(target, "write")
    path = Path(target)
    return write_atomic(path, _writer(*_prepared(report, format or registry.format_for_suffix(path.suffix),
                                                  settings)))


@dataclass(frozen=True)
class Made:
    """What `make` did: the files written (format, path), the articles in them, the inputs."""

    written: tuple[tuple[str, Path], ...]
    articles: int
    read: ReadResult


def make(
    inputs: Iterable[str | os.PathLike[str]],
    targets: list[tuple[str, Path]] | list[tuple[str, Path | BinaryIO]],
    settings: Settings,
    progress: Progress | None = None,
    stage: Callable[[str], None] | None = None,
) -> Made:
    """The whole run: read `inputs`, build the report, render every (format, path) of `targets`,
    then write them all together (none replaced unless all were made). A target may be an open
    binary file instead of a path (standard output): its format is made whole, then written.
    `stage` is called with the name of each stage as it begins (exporting, then writing), and
    may stop the run by raising. Raises NoArticles when no article is left to report."""
    checked = _checked_targets(targets)
    streams = [(name, t) for name, t in checked if not isinstance(t, Path)]
    paths = [(name, t) for name, t in checked if isinstance(t, Path)]
    result = read(inputs, settings, progress=progress, exclude=[path for _, path in paths])
    if not result.articles:
        raise NoArticles(f"no usable article in {counted(result.files, 'input file')}; no report made")
    report = build_report(result.articles, settings)
    if not report.all_articles():
        raise NoArticles("no article left after filtering; no report made")
    # The photos of the articles kept, each had and prepared once for every format. The photo
    # stage, and Pillow with it (15 ms to import), only for a report that names a photo.
    if any(isinstance(b, Image) and b.src for a in report.all_articles() for b in a.blocks):
        from tgreport.read.photos import with_photos

        report = with_photos(report, settings)
    if stage is not None:
        stage("Xuất " + ", ".join(name.upper() for name, _ in checked))
    # The report is cleaned (and its tones restyled) once, for the first format, and every other
    # format is given the same: each is a walk over every text of the report.
    ready: Report | None = None
    writers: list[tuple[Path, bytes | Callable[[BinaryIO], object]]] = []
    for name, path in paths:
        exporter, ready, checked_settings = _prepared(report, name, settings, ready)
        writers.append((path, _writer(exporter, ready, checked_settings)))
    # Each file is made straight into its temporary file beside the target (see support/atomic),
    # and all are renamed into place after one more stage: a caller that stops the run there
    # (the command line, on a Ctrl-C a library swallowed) leaves the earlier files as they were.
    write_together(writers, before_commit=None if stage is None else lambda: stage("Ghi tệp"))
    for name, stream in streams:  # made whole first: a failure leaves nothing half-written there
        exporter, ready, checked_settings = _prepared(report, name, settings, ready)
        data = exporter.render(ready, checked_settings)
        if stage is not None:
            stage("Ghi ra")
        stream.write(data)
        stream.flush()
    return Made(tuple(paths), len(report.all_articles()), result)


def _checked_settings(settings: object) -> Settings:
    if settings is None:
        return Settings()
    if not isinstance(settings, Settings):
        raise UsageError(f"settings must be a tgreport.Settings, not {type(settings).__name__}")
    return settings


def _checked_targets(targets: object) -> list[tuple[str, Path | BinaryIO]]:
    wrong = UsageError("targets must be a list of (format, path) pairs, "
                       "for example [('pdf', Path('digest.pdf'))]")
    if isinstance(targets, str | bytes | os.PathLike) or not isinstance(targets, Iterable):
        raise wrong
    checked: list[tuple[str, Path | BinaryIO]] = []
    for item in targets:
        if not isinstance(item, tuple | list) or len(item) != 2 or not isinstance(item[0], str):
            raise wrong
        if hasattr(item[1], "write") and not isinstance(item[1], str | os.PathLike):
            checked.append((item[0], item[1]))  # an open binary file
            continue
        _check_path(item[1], "write")
        checked.append((item[0], Path(item[1])))
    return checked


def _checked_paths(paths: Iterable[object]) -> Iterable[str | os.PathLike[str]]:
    if isinstance(paths, bytes | int) or not isinstance(paths, Iterable):
        raise UsageError(f"paths must be a path or a list of paths, not {type(paths).__name__}")
    return paths  # type: ignore[return-value]


def _check_path(path: object, verb: str) -> None:
    if not isinstance(path, str | os.PathLike) or isinstance(path, bytes):
        raise UsageError(f"cannot {verb} {path!r}: a path must be a str or a pathlib.Path")
    if not os.fspath(path).strip():
        raise UsageError(f"cannot {verb} an empty path; name a file or folder")
