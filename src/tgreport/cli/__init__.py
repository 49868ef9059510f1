"""The `make-report` command: parse arguments, call the library, own the terminal."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tgreport.cli.interrupt import Interrupts, remembering_interrupts
from tgreport.cli.messages import _, level_name, ngettext
from tgreport.cli.progress import progress_bar
from tgreport.errors import ExportError, NoArticles, TgreportError, UsageError
from tgreport.export import registry
from tgreport.pipeline import make
from tgreport.settings import (
    ARTICLE_BREAKS,
    DATE_STYLES,
    DEFAULT_PLACE,
    DEFAULT_SIMILARITY,
    DEFAULT_TITLE,
    GROUPS,
    HEADERS,
    IMAGES,
    KINDS,
    ORDERS,
    Settings,
)
from tgreport.support.atomic import check_target
from tgreport.theme import THEMES
from tgreport.version import __version__
from tgreport.vn import TONE_STYLES

if TYPE_CHECKING:
    from tgreport.config import Config

log = logging.getLogger("tgreport")

EXIT_OK, EXIT_NO_REPORT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _UsageExit(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would print and exit on its own
        raise _UsageExit(message)


class _Formatter(argparse.HelpFormatter):
    """argparse's help, with its "usage: " in the user's language too."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="make-report",
        description=_("Compile Vietnamese news articles into a printable digest."),
        formatter_class=_Formatter,
        add_help=False,  # -h comes below, its words translated with the rest
    )
    # Our own sections, titled in the user's language; argparse's untitled defaults stay empty.
    parser.add_argument_group(_("inputs")).add_argument(
        "inputs", nargs="*", metavar="INPUT", help=_("files or folders of articles"))
    p = parser.add_argument_group(_("options"))
    p.add_argument("-h", "--help", action="help", help=_("show this help and exit"))
    p.add_argument(
        "-o", "--output", help=_("output file (its suffix picks the format), or a folder with several -f")
    )
    p.add_argument("-f", "--format", dest="formats", action="append", metavar="FORMAT",
                   help=_("output format (pdf, docx, html, epub, json, or all); repeat for several"))
    p.add_argument("--engine", choices=("reportlab", "weasyprint"), help=_("PDF engine (default reportlab)"))
    p.add_argument("--title", help=_('report title (default "{title}")').format(title=DEFAULT_TITLE))
    p.add_argument("--org", action="append", metavar="LINE",
                   help=_("the organisation printed on the cover; repeat for its lines, superior body first, "
                   "issuing body last"))
    p.add_argument("--header", choices=HEADERS,
                   help=_("the cover's header: plain (default), party (Hướng dẫn 36-HD/VPTW) or state "
                   "(Decree 30/2020/NĐ-CP)"))
    p.add_argument("--number",
                   help=_('the document\'s number and sign, "25-BT/BTGĐUK" (printed "Số 25-BT/…")'))
    p.add_argument("--issue", help=_('the issue, "Số 25" (the cover adds the week when the period is known)'))
    p.add_argument("--kind", choices=KINDS,
                   help=_('the document: full (every article whole, default) or brief (the short "điểm báo": '
                   "headline, paper and date, a summary and the link of each)"))
    p.add_argument("--highlight", action="append", metavar="TERM",
                   help=_("mark TERM (a word or phrase: the organisation's name, a resolution) wherever "
                   "articles print it; repeat for more terms"))
    p.add_argument("--toc-summaries", action="store_true", default=None,
                   help=_("print each article's summary (the config's, the input's, its lead, else its first "
                   "sentences) under its table-of-contents entry"))
    p.add_argument("--internal", action="store_true", default=None,
                   help=_('mark the digest "Lưu hành nội bộ" (internal circulation)'))
    p.add_argument("--place",
                   help=_('place in the date line (default "{place}")').format(place=DEFAULT_PLACE))
    p.add_argument("--date", help=_("issue date YYYY-MM-DD (default SOURCE_DATE_EPOCH, else today)"))
    p.add_argument("--from", dest="date_from", metavar="DATE", help=_("keep articles dated on or after DATE"))
    p.add_argument("--to", dest="date_to", metavar="DATE", help=_("keep articles dated on or before DATE"))
    p.add_argument("--theme", dest="theme_name", choices=sorted(THEMES),
                   help=_("page theme (default official)"))
    p.add_argument("--article-break", choices=ARTICLE_BREAKS,
                   help=_("page: each article starts a new page (default); run: articles follow each other"))
    p.add_argument("--body-size", type=_points, metavar="PT", help=_("body text size in points (default 13)"))
    p.add_argument("--page-size", type=_paper, metavar="SIZE",
                   help=_("paper: {sizes} (default A4); add -landscape to turn it").format(
                       sizes=", ".join(_PAPERS)))
    p.add_argument("--order", choices=ORDERS,
                   help=_("article order: date (default, oldest first), date-desc, "
                   "title (Vietnamese collation) or source"))
    p.add_argument("--group", choices=GROUPS, help=_("sections: none (default), category, publisher, month, "
                   "or topic (the config's [[topics]])"))
    p.add_argument("--drop-undated", action="store_true", default=None,
                   help=_("leave out articles without a date (default: keep them, with a warning)"))
    p.add_argument("--keep-undated", action="store_true", default=None,
                   help=_("with --from/--to, keep the articles without a date (default: leave them out)"))
    p.add_argument("--no-index", dest="index", action="store_false", default=None,
                   help=_("no appendix index of cited documents and people"))
    p.add_argument("--no-dedup", dest="dedup", action="store_false", default=None,
                   help=_("keep every copy of a story saved twice or carried by two sites"))
    p.add_argument("--date-style", choices=DATE_STYLES,
                   help=_("articles' dates (metadata lines, TOC): official (ngày 07 tháng 01 năm 2021, "
                   "default), official_weekday, numeric (07/01/2021), or Babel's short, medium, long, full; "
                   "the cover's date line stays official"))
    p.add_argument("--qr", action="store_true", default=None,
                   help=_("print a small QR code to each article's original address under its source "
                   "line (PDF, DOCX, HTML), for readers of the printed digest"))
    p.add_argument("--tone-style", choices=TONE_STYLES,
                   help=_('write tone marks "hòa" or "hoà" style throughout (default: as the sources wrote)'))
    p.add_argument("--similarity", type=float, metavar="RATIO",
                   help=_("share of word shingles two bodies need to be one story ({default})").format(
                       default=DEFAULT_SIMILARITY))
    p.add_argument("--template", help=_("DOCX reference document whose styles the DOCX uses"))
    p.add_argument("--template-dir", help=_("folder of HTML templates/CSS that override the built-in ones"))
    p.add_argument("--no-cache", dest="cache", action="store_false", default=None,
                   help=_("read every file afresh, neither using nor keeping what earlier runs read "
                   "(kept in TGREPORT_CACHE_DIR, else ~/.cache/tgreport)"))
    p.add_argument("--refetch", action="store_true", default=None,
                   help=_("fetch the pages of links again, even those fetched by an earlier run"))
    p.add_argument("--follow-links", action="store_true", default=None,
                   help=_("read links in input folders that lead to files outside the inputs named "
                   "(default: skipped, with a warning)"))
    p.add_argument("--images", choices=IMAGES,
                   help=_("photos printed: lead (the first of each article, default), all, or none"))
    p.add_argument("--fetch-photos", action="store_true", default=None,
                   help=_("fetch photos that saved pages and JSON records name by a web address "
                   "(the photos of links given as inputs are fetched anyway)"))
    p.add_argument("-j", "--jobs", type=int, metavar="N",
                   help=_("processes that read the input files "
                          "(default 2 where there are two cores; they start from 200 files)"))
    p.add_argument("--config", help=_("TOML file with any of these options"))
    loud = p.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", action="store_true", default=None, help=_("print errors only"))
    loud.add_argument("-v", "--verbose", action="store_true", default=None,
                      help=_("print progress details and tracebacks"))
    p.add_argument("--version", action="version", version=f"tgreport {__version__}",
                   help=_("show the version and exit"))
    p.add_argument("--list-formats", action="store_true", help=_("list the output formats and exit"))
    return parser


class _OncePerMessage(logging.Filter):
    """Warnings are printed once each, however often the library logs them."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message in self.seen:
            return False
        self.seen.add(message)
        return True


class _LevelFormatter(logging.Formatter):
    """The level's name in the user's language ("CẢNH BÁO"); the library's message as it is."""

    def format(self, record: logging.LogRecord) -> str:
        named = logging.makeLogRecord(record.__dict__)  # a copy: other handlers see the record as is
        named.levelname = level_name(record.levelname)
        return super().format(named)


@contextmanager
def _terminal_logging(quiet: bool, verbose: bool) -> Iterator[None]:
    """While the command runs, the library's log records go to stderr, once each.

    The previous logging set-up comes back afterwards, so a script calling `main()` keeps its own.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LevelFormatter("make-report: %(levelname)s: %(message)s"))
    handler.addFilter(_OncePerMessage())
    root = logging.getLogger("tgreport")
    saved = (root.handlers[:], root.propagate, root.level)
    root.handlers[:] = [handler]
    root.propagate = False
    root.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING)
    try:
        yield
    finally:
        root.handlers[:], root.propagate, root.level = saved[0], saved[1], saved[2]


def _settings(args: argparse.Namespace, config: Config | None) -> Settings:
    """The config file's settings, with what the command line says on top."""
    given: dict[str, Any] = dict(config.settings) if config else {}
    for dest, key in _SETTING_FLAGS.items():
        value = getattr(args, dest, None)
        if value is not None:
            given[key] = _argv_text(value) if dest in _TEXT_FLAGS else value
    table = given.get("theme")
    table = dict(table) if isinstance(table, dict) else {} if table is None else {"name": table}
    if args.theme_name is not None:
        table["name"] = args.theme_name
    for dest, key in (("body_size", "body_size"), ("page_size", "page_size")):
        if getattr(args, dest, None) is not None:
            table[key] = getattr(args, dest)
    if table:
        given["theme"] = table
    given.setdefault("cache", True)  # a run in a terminal keeps what it read for the next one
    given.setdefault("jobs", DEFAULT_JOBS)
    return Settings.from_mapping(given)


# The command's reading processes: two where there are two cores. Measured in a terminal (the
# progress bar on) on a quiet two-core machine, 1,000 scraped pages to HTML: 2.12-2.18 s with
# two against 2.34-2.36 s with one (benchmarks/README.md). The library keeps one: a script run
# without an `if __name__ == "__main__":` guard would be run again by each worker it starts.
DEFAULT_JOBS = min(2, os.cpu_count() or 1)


_TEXT_FLAGS = ("title", "org", "place", "highlight")  # words for the report, not paths


def _argv_text(value: str | list[str]) -> str | list[str]:
    """A text flag as the user typed it (a repeated flag: each of its values). Under a locale
    that is not UTF-8 (LC_ALL=C) Python hands over argv's bytes as surrogate escapes
    ("\\udcc4\\udc90"); those are read back as the UTF-8 they were ("Đ"). Paths stay as given:
    the file system wants their bytes."""
    if isinstance(value, list):
        return [str(_argv_text(item)) for item in value]
    try:
        return os.fsencode(value).decode("utf-8")
    except (UnicodeError, ValueError):
        return value


# argparse destination → Settings key, for the flags that are settings.
_SETTING_FLAGS = {
    "title": "title", "org": "organisation", "place": "place", "date": "issued", "date_from": "date_from",
    "date_to": "date_to", "order": "order", "group": "group", "drop_undated": "drop_undated",
    "index": "index", "dedup": "dedup", "similarity": "similarity", "date_style": "date_style",
    "tone_style": "tone_style", "template": "template", "template_dir": "template_dir", "cache": "cache",
    "engine": "engine", "jobs": "jobs", "refetch": "refetch", "header": "header", "number": "number",
    "issue": "issue", "internal": "internal", "keep_undated": "keep_undated", "kind": "kind",
    "follow_links": "follow_links", "images": "images", "fetch_photos": "fetch_photos",
    "toc_summaries": "toc_summaries", "highlight": "highlight",
    "article_break": "article_break",
    "qr": "qr",
}

_PAPERS = ("A4", "A5", "Letter")


def _points(value: str) -> float:
    """--body-size: a size in points a page can print (argparse turns ValueError into one line)."""
    try:
        size = float(value.removesuffix("pt"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a size in points (for example 13)").format(value=value)) from None
    if not 6 <= size <= 36:
        raise argparse.ArgumentTypeError(
            _("{value!r} is out of range; give 6 to 36 points").format(value=value))
    return size


def _paper(value: str) -> str:
    paper, dash, turn = value.partition("-")
    known = {p.upper(): p for p in _PAPERS}
    if paper.upper() not in known or (dash and turn.lower() not in ("landscape", "portrait")):
        raise argparse.ArgumentTypeError(
            _("{value!r} unknown; choose {sizes}").format(value=value, sizes=", ".join(_PAPERS)))
    return known[paper.upper()] + (f"-{turn.lower()}" if dash else "")


def _targets(args: argparse.Namespace) -> list[tuple[str, Path]]:
    """(format, path) for every file to write.

    One format: `-o` is the file. Several `-f` (or `-f all`): `-o` is a folder and each format
    is written there as `digest.<suffix>`.
    """
    if not args.output:
        raise UsageError(_("no output given; use -o FILE (for example -o digest.pdf)"))
    output = Path(args.output)
    requested = args.formats or []
    formats = list(dict.fromkeys(requested))
    if "all" in formats:
        formats = []
        for info in registry.available():
            if info.available:
                formats.append(info.name)
            else:
                log.warning(_("format %s skipped: %s"), info.name, info.reason)
    if any(name not in registry.BUILTINS for name in formats):
        known = registry.names()
        for name in formats:
            if name not in known:
                raise UsageError(_("unknown format {name!r}; known formats: {known}").format(
                    name=name, known=", ".join(known)))
    if len(requested) > 1 or "all" in requested:
        # The folder is made once the report is, but a file in its way is said now.
        blocker = next((p for p in (output, *output.parents) if p.exists()), None)
        if blocker is not None and not blocker.is_dir():
            raise ExportError(_("is a file; several formats need a folder to go into"), blocker)
        return [(name, output / f"digest{_suffix(name)}") for name in formats]
    check_target(output)  # said before reading, not after minutes of reading and rendering
    if formats:
        return [(formats[0], output)]
    return [(registry.format_for_suffix(output.suffix), output)]


def _suffix(name: str) -> str:
    if name in registry.BUILTINS:
        return registry.BUILTINS[name][0]
    return registry.load(name).suffix


def _list_formats() -> int:
    for info in registry.available():
        state = _("available") if info.available else _("unavailable: {reason}").format(reason=info.reason)
        print(f"{info.name:<6} {info.suffix:<6} {state}")
    return EXIT_OK


def run(argv: Sequence[str] | None, interrupts: Interrupts | None = None) -> int:
    args = build_parser().parse_args(argv)
    with _terminal_logging(args.quiet, args.verbose):
        return _run(args, interrupts or Interrupts())


def _run(args: argparse.Namespace, interrupts: Interrupts) -> int:
    if args.list_formats:
        return _list_formats()
    config = None
    if args.config:
        from tgreport.config import load_config  # and the TOML parser, for a run that names a file

        config = load_config(args.config)
    if config is not None:
        for dest, value in config.run.items():  # the file fills in what the command line left unset
            if getattr(args, dest, None) in (None, []):
                setattr(args, dest, value)
        if args.quiet or args.verbose:  # the file may say quiet or verbose
            logging.getLogger("tgreport").setLevel(logging.ERROR if args.quiet else logging.DEBUG)
    settings = _settings(args, config)
    if not args.inputs:
        raise UsageError(_("no input given; name article files or folders"))
    if args.output == "-":
        return _to_stdout(args, settings, interrupts)
    targets = _targets(args)
    if len(args.formats or []) > 1 or "all" in (args.formats or []):
        Path(args.output).mkdir(parents=True, exist_ok=True)
    with progress_bar(enabled=not args.quiet) as bar:

        def stage(description: str) -> None:
            interrupts.check()
            bar.stage(description)

        made = make(args.inputs, targets, settings, progress=bar.reading, stage=stage)
    if not args.quiet:
        for name, path in made.written:
            print(f"{path}: {name}, {articles_text(made.articles)}")
    return EXIT_OK


def _to_stdout(args: argparse.Namespace, settings: Settings, interrupts: Interrupts) -> int:
    """`-o -`: the one format asked for, written to standard output (as pandoc does)."""
    formats = list(dict.fromkeys(args.formats or []))
    if len(formats) != 1 or formats[0] == "all":
        raise UsageError(
            _("-o - writes one format to standard output; name it with -f (for example -f html)"))
    make(args.inputs, [(formats[0], sys.stdout.buffer)], settings, stage=lambda _: interrupts.check())
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    verbose = (argv is not None and ("-v" in argv or "--verbose" in argv)) or (
        argv is None and ("-v" in sys.argv or "--verbose" in sys.argv)
    )
    with remembering_interrupts() as interrupts:
        try:
            code = _outcome(argv, interrupts, verbose)
        except KeyboardInterrupt:
            code = EXIT_INTERRUPTED
    if interrupts.seen or code == EXIT_INTERRUPTED:  # seen: a library swallowed it on its way
        print(_("make-report: interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    return code


def _outcome(argv: Sequence[str] | None, interrupts: Interrupts, verbose: bool) -> int:
    """The exit code of the run, having said on stderr what went wrong, if anything did."""
    try:
        try:
            return run(argv, interrupts)
        except Exception:
            interrupts.check()  # a library turned the Ctrl-C into an error of its own
            raise
    except _UsageExit as exc:
        print(_error(exc), file=sys.stderr)
        print(_("usage: make-report INPUT... -o OUTPUT (see make-report --help)"), file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(_error(exc), file=sys.stderr)
        return EXIT_USAGE
    except NoArticles as exc:
        print(_error(exc), file=sys.stderr)
        return EXIT_NO_REPORT
    except TgreportError as exc:
        if verbose:
            raise
        print(_error(exc), file=sys.stderr)
        return EXIT_NO_REPORT
    except BrokenPipeError:
        # The reader of our output went away (`| head`); say nothing more, and keep Python from
        # complaining about the closed stdout at exit.
        with suppress(OSError, ValueError):  # stdout may be no real file at all
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_NO_REPORT
    except OSError as exc:  # the system refused something (a folder to create, say): not a bug
        if verbose:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(_error(f"{where}{exc.strerror or exc}"), file=sys.stderr)
        return EXIT_NO_REPORT
    except Exception as exc:  # a bug: one line, and the traceback only when asked for
        if verbose:
            raise
        print(_("make-report: internal error: {error} (run with -v for details)").format(
            error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_NO_REPORT


def _error(message: object) -> str:
    return _("make-report: error: {message}").format(message=message)


def articles_text(n: int) -> str:
    """ "1 article", "2 articles"; in Vietnamese "1 bài", "2 bài"."""
    return ngettext("{n} article", "{n} articles", n).format(n=n)
