"""One frozen settings object for a whole run, built the same way by the config file, the
command line and scripts; each stage (read, assemble, export) takes what it needs from it.

    Settings(title="Điểm báo tuần 2", similarity=0.8)
    Settings.from_mapping({"title": "…", "date-from": "2021-01-01", "theme": {"body_size": 12}})

Every value is checked when the object is made, so a typo or a value out of range is a
UsageError naming the setting (and the file it came from), never a failure half-way through.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tgreport.errors import ConfigError, UsageError
from tgreport.theme import THEMES, Theme, theme
from tgreport.vn import TONE_STYLES

DEFAULT_TITLE = "Bản tin tổng hợp"
DEFAULT_PLACE = "Hà Nội"
DEFAULT_SIMILARITY = 0.9
DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024

ORDERS = ("date", "date-desc", "title", "source")
GROUPS = ("none", "category", "publisher", "month", "topic")
ENGINES = ("reportlab", "weasyprint")
# The cover's first lines: "plain" (the title page as before), "party" (Hướng dẫn 36-HD/VPTW) or
# "state" (Decree 30/2020/NĐ-CP, Appendix I). See present.letterhead.
HEADERS = ("plain", "party", "state")
# The document: "full" (every article's whole text, with TOC and overview) or "brief" (the short
# "điểm báo": numbered items, each the headline, paper and date, a summary and the link).
KINDS = ("full", "brief")
# How articles' own dates are worded (metadata lines, TOC); the cover's date line is always
# official. See present.date_text.
DATE_STYLES = ("official", "official_weekday", "numeric", "short", "medium", "long", "full")
# Which photos each article prints: none, its first (the lead photo) or all (read/photos.py).
IMAGES = ("none", "lead", "all")
# Where an article starts: on a new page ("page", the default: the digest a leader reads and the
# office copies or files article by article, each with its title at the top of a page, as
# before) or right after the one before it ("run": a short article no longer costs a page).
ARTICLE_BREAKS = ("page", "run")

_CHOICES: dict[str, tuple[str, ...]] = {
    "order": ORDERS,
    "group": GROUPS,
    "engine": ENGINES,
    "header": HEADERS,
    "kind": KINDS,
    "date_style": DATE_STYLES,
    "tone_style": TONE_STYLES,
    "images": IMAGES,
    "article_break": ARTICLE_BREAKS,
}


@dataclass(frozen=True)
class Topic:
    """One of the office's topics (`[[topics]]` in the config): its name, as the section heading
    prints it, and the words and phrases that put an article under it (assemble.topics)."""

    name: str
    keywords: tuple[str, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise UsageError(f"a topic needs a name, not {self.name!r}")
        keywords = self.keywords
        if isinstance(keywords, str) or not isinstance(keywords, list | tuple) or not keywords or \
                not all(isinstance(k, str) and k.strip() for k in keywords):
            raise UsageError(f"topic {self.name!r} needs keywords: a list of words or phrases")
        object.__setattr__(self, "keywords", tuple(keywords))


@dataclass(frozen=True)
class Settings:
    """How to make a digest. Every field has a default; see examples/report.toml."""

    # What the digest says about itself.
    title: str = DEFAULT_TITLE
    # One line, or the lines of the organisation's name: superior body first, issuing body last.
    # A list or tuple is kept as a tuple of lines; a single string stays one line.
    organisation: str | tuple[str, ...] | None = None
    place: str | None = DEFAULT_PLACE
    issued: dt.date | None = None  # None: SOURCE_DATE_EPOCH if set, else today in Vietnam
    header: str = "plain"  # see HEADERS
    number: str | None = None  # the document's number and sign, "25-BT/BTGĐUK"
    issue: str | None = None  # the issue, "Số 25"; the cover adds the week when the period is known
    internal: bool = False  # "Lưu hành nội bộ" on the cover
    kind: str = "full"  # see KINDS
    # Which articles, in which order.
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    drop_undated: bool = False
    keep_undated: bool = False  # with date_from/date_to: keep the articles the period cannot place
    order: str = "date"
    group: str = "none"
    topics: tuple[Topic, ...] = ()  # the office's topics, in their order; group = "topic" uses them
    # Article id or URL → the office's assessment of it ("tích cực", "trung tính", "tiêu cực", or
    # its own labels), counted on the overview page.
    assessments: Mapping[str, str] = field(default_factory=dict)
    # Article id or URL → the summary the office wrote for it; it wins over the input's summary,
    # the lead and the first sentences (assemble.summaries.summary).
    summaries: Mapping[str, str] = field(default_factory=dict)
    toc_summaries: bool = False  # the full kind's TOC shows each article's summary under its entry
    # Words and phrases marked wherever articles print them (the office's name, the resolutions
    # it follows): whole words, any case, either tone-mark style (present.highlight).
    highlight: tuple[str, ...] = ()
    # The last block (present.signature): {"title": "TRƯỞNG BAN" or its lines ["TM. BAN THƯỜNG VỤ",
    # "PHÓ BÍ THƯ"], "name": "Nguyễn Văn A"}, and the recipients ("Nơi nhận"): ["Như trên", "Lưu VP"].
    signer: Mapping[str, Any] = field(default_factory=dict)
    recipients: tuple[str, ...] = ()
    dedup: bool = True
    similarity: float = DEFAULT_SIMILARITY  # share of word shingles two bodies need to be one story
    index: bool = True
    # Reading.
    extra_chrome: tuple[str, ...] = ()  # more site phrases the page reader drops
    # Where articles came from: a folder or file pattern → the outlet's name ("baonhandan/" =
    # "Báo Nhân Dân"), and more domains for the shipped table of outlets (read/outlets.toml).
    sources: Mapping[str, str] = field(default_factory=dict)
    outlets: Mapping[str, str] = field(default_factory=dict)
    signatures: Mapping[str, str] = field(default_factory=dict)  # "BBG" = "Báo Bắc Giang" (read/outlets.toml)
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    cache: bool = False  # keep what was read for the next run (the CLI turns it on)
    jobs: int = 1  # processes that read files; see read.read_files
    refetch: bool = False  # fetch pages again even when the fetch cache holds them (read/fetch.py)
    follow_links: bool = False  # read a folder's links to files outside the inputs named
    images: str = "lead"  # see IMAGES
    # Fetch photos named by a web address in saved pages and JSON records; a page tgreport
    # fetched itself has its photos fetched anyway (the user asked for the web then).
    fetch_photos: bool = False
    # How it looks.
    theme: Theme = field(default_factory=Theme)
    engine: str = "reportlab"  # PDF engine
    article_break: str = "page"  # see ARTICLE_BREAKS
    template: Path | None = None  # DOCX reference document
    template_dir: Path | None = None  # overrides for the HTML templates and CSS
    date_style: str = "official"
    tone_style: str | None = None  # None leaves tone marks as the sources wrote them
    qr: bool = False  # a small QR code to each article's address under its source line (PDF)
    extra: Mapping[str, Any] = field(default_factory=dict)  # for third-party readers and exporters

    def __post_init__(self) -> None:
        for name, choices in _CHOICES.items():
            value = getattr(self, name)
            if value is not None and value not in choices:
                raise UsageError(f"{name} {value!r} unknown; choose one of {', '.join(choices)}")
        for name in ("issued", "date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
                raise UsageError(f"{name} must be a datetime.date, not {type(value).__name__} {value!r}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UsageError(f"the period starts ({self.date_from}) after it ends ({self.date_to})")
        similarity = self.similarity
        if isinstance(similarity, bool) or not isinstance(similarity, int | float) or not 0 < similarity <= 1:
            raise UsageError(f"similarity must be a ratio above 0 and at most 1, not {similarity!r}")
        if isinstance(self.jobs, bool) or not isinstance(self.jobs, int) or self.jobs < 1:
            raise UsageError(f"jobs must be a whole number of at least 1, not {self.jobs!r}")
        if isinstance(self.max_input_bytes, bool) or not isinstance(self.max_input_bytes, int) \
                or self.max_input_bytes < 1:
            raise UsageError(f"max_input_bytes must be a positive whole number, not {self.max_input_bytes!r}")
        if not isinstance(self.theme, Theme):
            raise UsageError(f"theme must be a Theme (tgreport.theme.theme(...)), not {self.theme!r}")
        if not isinstance(self.title, str) or not self.title.strip():
            raise UsageError("the title must be some text")
        _check_kinds(self)
        object.__setattr__(self, "organisation", _org_lines(self.organisation))
        for name in ("number", "issue"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise UsageError(f"{name} must be some text, not {value!r}")
        for name in ("template", "template_dir"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, Path):
                object.__setattr__(self, name, Path(os.fsdecode(value)))
        object.__setattr__(self, "extra_chrome", tuple(self.extra_chrome))
        for name in ("sources", "outlets", "signatures"):
            table = getattr(self, name)
            if not isinstance(table, Mapping) or not all(
                    isinstance(k, str) and isinstance(v, str) and k and v.strip() for k, v in table.items()):
                raise UsageError(f"{name} must be a table of text keys and names, not {table!r}")
        if not all(isinstance(t, Topic) for t in self.topics):
            raise UsageError("topics must be Topic(name, keywords) values")
        object.__setattr__(self, "topics", tuple(self.topics))
        if not isinstance(self.assessments, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
                for k, v in self.assessments.items()):
            raise UsageError("assessments must map article ids or URLs to a label, as text")
        if not isinstance(self.summaries, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
                for k, v in self.summaries.items()):
            raise UsageError("summaries must map article ids or URLs to a summary, as text")
        terms = self.highlight
        if isinstance(terms, str) or not isinstance(terms, list | tuple) or \
                not all(isinstance(t, str) and t.strip() for t in terms):
            raise UsageError(f"highlight must be a list of words or phrases, not {terms!r}")
        object.__setattr__(self, "highlight", tuple(t.strip() for t in terms))
        object.__setattr__(self, "signer", _signer(self.signer))
        recipients = self.recipients
        if isinstance(recipients, str) or not isinstance(recipients, list | tuple) or \
                not all(isinstance(r, str) and r.strip() for r in recipients):
            raise UsageError(f"recipients must be a list of lines of text, not {recipients!r}")
        object.__setattr__(self, "recipients", tuple(r.strip() for r in recipients))
        if self.group == "topic" and not self.topics:
            raise UsageError('group "topic" needs topics: [[topics]] tables with a name and keywords')

    @property
    def org_lines(self) -> tuple[str, ...]:
        """The organisation's name as lines, superior body first (none when not set)."""
        if self.organisation is None:
            return ()
        return (self.organisation,) if isinstance(self.organisation, str) else self.organisation

    def replace(self, **changes: Any) -> Settings:
        """A copy with `changes`, checked like a new one."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str | Path | None = None) -> Settings:
        """Settings from the config file's or the command line's names and plain values.

        Keys may use dashes or underscores and the CLI's names ("org", "from", "to",
        "theme-name"); dates are YYYY-MM-DD text; `theme` is a table of Theme fields (with
        "name" for the shipped theme) or a theme's name. Unknown keys and values of the wrong
        type are errors naming the key, and `source` (the config file) when given.
        """
        values: dict[str, Any] = {}
        theme_name, theme_table = "official", {}
        for key, value in data.items():
            name = _ALIASES.get(key.replace("-", "_"), key.replace("-", "_"))
            if name == "theme" and isinstance(value, Mapping):
                theme_table = {k.replace("-", "_"): v for k, v in value.items()}
                theme_name = theme_table.pop("name", theme_name)
                continue
            if name in ("theme", "theme_name"):
                theme_name = _typed(name, value, (str,), source)
                continue
            if name not in _KINDS:
                raise _error(f"unknown setting {key!r}", source)
            values[name] = _convert(name, value, source)
        if theme_name not in THEMES:
            raise _error(f"theme {theme_name!r} unknown; shipped themes: {', '.join(THEMES)}", source)
        try:
            values["theme"] = theme(theme_name, **theme_table)
        except (KeyError, TypeError, ValueError) as exc:
            raise _error(f"bad theme setting: {exc.args[0] if exc.args else exc}", source) from exc
        try:
            return cls(**values)
        except UsageError as exc:
            raise _error(exc.message, source) from exc


def _signer(value: object) -> dict[str, Any]:
    """{"title": (lines…), "name": text or None}, or {} when no signer is given."""
    if not isinstance(value, Mapping) or not set(value) <= {"title", "name"}:
        raise UsageError(f'signer must be a table with a title and a name, {{title = "TRƯỞNG BAN", '
                         f'name = "Nguyễn Văn A"}}, not {value!r}')
    if not value:
        return {}
    title, name = value.get("title"), value.get("name")
    lines = [title] if isinstance(title, str) else title
    if not isinstance(lines, list | tuple) or not lines or \
            not all(isinstance(line, str) and line.strip() for line in lines):
        raise UsageError(f"signer's title must be text or a list of lines of text, not {title!r}")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise UsageError(f"signer's name must be some text, not {name!r}")
    return {"title": tuple(line.strip() for line in lines), "name": name.strip() if name else None}


def _org_lines(value: object) -> str | tuple[str, ...] | None:
    # A list from the config file or a repeated --org becomes a tuple (Settings stays hashable);
    # a one-item list is that one line, as a single string always was.
    if value is None or isinstance(value, str):
        if isinstance(value, str) and not value.strip():
            raise UsageError("organisation must be some text")
        return value
    if not isinstance(value, list | tuple) or not value or \
            not all(isinstance(line, str) and line.strip() for line in value):
        raise UsageError(f"organisation must be text or a list of lines of text, not {value!r}")
    return tuple(value) if len(value) > 1 else value[0]


# What each setting may be given as in a mapping: a type, or a converter from text.
_DAY, _PATH, _TOPICS, _TABLE, _TABLE_ANY = "day", "path", "topics", "table", "table of anything"
_KINDS: dict[str, Any] = {
    "title": (str,), "organisation": (str, list), "place": (str,), "issued": _DAY, "header": (str,),
    "number": (str,), "issue": (str,), "internal": (bool,), "kind": (str,), "topics": _TOPICS,
    "assessments": _TABLE, "summaries": _TABLE, "toc_summaries": (bool,), "highlight": (list,),
    "signer": _TABLE_ANY, "recipients": (list,),
    "date_from": _DAY, "date_to": _DAY, "drop_undated": (bool,), "keep_undated": (bool,), "order": (str,),
    "group": (str,),
    "dedup": (bool,), "similarity": (int, float), "index": (bool,), "extra_chrome": (list,),
    "max_input_bytes": (int,), "cache": (bool,), "jobs": (int,), "refetch": (bool,),
    "follow_links": (bool,), "engine": (str,), "images": (str,), "fetch_photos": (bool,),
    "article_break": (str,),
    "template": _PATH, "template_dir": _PATH, "date_style": (str,), "tone_style": (str,),
    "sources": _TABLE, "outlets": _TABLE, "signatures": _TABLE, "qr": (bool,),
}
_ALIASES = {"org": "organisation", "organization": "organisation", "date": "issued", "from": "date_from",
            "to": "date_to"}


def _check_kinds(settings: Settings) -> None:
    """A script's wrong type is said here, not as an AttributeError deep in an exporter."""
    for name in ("drop_undated", "keep_undated", "dedup", "index", "cache", "follow_links", "refetch",
                 "internal", "fetch_photos", "toc_summaries", "qr"):
        if not isinstance(getattr(settings, name), bool):
            raise UsageError(f"{name} must be True or False, not {getattr(settings, name)!r}")
    if not isinstance(settings.place, str | None):
        raise UsageError(f"place must be text or None, not {settings.place!r}")
    for name in ("template", "template_dir"):
        value = getattr(settings, name)
        if value is not None and (not isinstance(value, str | os.PathLike) or isinstance(value, bytes)):
            raise UsageError(f"{name} must be a path (str or pathlib.Path), not {value!r}")
    chrome = settings.extra_chrome
    if isinstance(chrome, str) or not all(isinstance(item, str) for item in chrome):
        raise UsageError(f"extra_chrome must be a list of phrases, not {chrome!r}")
    if not isinstance(settings.extra, Mapping):
        raise UsageError(f"extra must be a mapping, not {settings.extra!r}")


def _convert(name: str, value: Any, source: str | Path | None) -> Any:
    kind = _KINDS[name]
    if kind == _DAY:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        text = _typed(name, value, (str,), source)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise _error(f"{name} needs a date as YYYY-MM-DD, not {text!r}", source) from None
    if kind == _TOPICS:
        tables = _typed(name, value, (list, tuple), source)
        if not all(isinstance(t, Mapping) and set(t) <= {"name", "keywords"} for t in tables):
            raise _error("topics must be tables with a name and keywords ([[topics]])", source)
        try:
            return tuple(Topic(t.get("name"), t.get("keywords")) for t in tables)
        except UsageError as exc:
            raise _error(exc.message, source) from exc
    if kind == _PATH:
        return Path(_typed(name, value, (str, Path), source))
    if kind == _TABLE_ANY:  # checked by Settings itself
        return dict(_typed(name, value, (Mapping,), source))
    if kind == _TABLE:
        table = _typed(name, value, (Mapping,), source)
        if not all(isinstance(v, str) for v in table.values()):
            raise _error(f"[{name}] must map text to a name (text)", source)
        return dict(table)
    if kind == (list,):
        items = _typed(name, value, (list, tuple), source)
        if not all(isinstance(item, str) for item in items):
            raise _error(f"{name} must be a list of strings", source)
        return tuple(items)
    return _typed(name, value, kind, source)


def _typed(name: str, value: Any, types: tuple[type, ...], source: str | Path | None) -> Any:
    # bool is an int in Python; a number setting must not accept `true`.
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        wanted = " or ".join(t.__name__ for t in types)
        raise _error(f"{name} must be {wanted}, not {type(value).__name__} {value!r}", source)
    return value


def _error(message: str, source: str | Path | None) -> UsageError:
    return ConfigError(message, source) if source is not None else UsageError(message)
