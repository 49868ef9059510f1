"""The page reader's word lists and patterns, loaded from chrome.toml plus the user's extras."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from tgreport.errors import ConfigError

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Vocabulary:
    """Everything chrome.toml says, with the patterns compiled once."""

    tail_phrases: tuple[str, ...]
    tail_patterns: tuple[re.Pattern[str], ...]
    box_phrases: tuple[str, ...]
    line_phrases: tuple[str, ...]
    line_patterns: tuple[re.Pattern[str], ...]
    user_phrases: tuple[str, ...]
    views: tuple[re.Pattern[str], ...]
    crumb_separators: tuple[str, ...]
    crumb_home: tuple[str, ...]
    lead_patterns: tuple[re.Pattern[str], ...]
    stamp_labels: frozenset[str]
    future_markers: tuple[str, ...]
    captions: tuple[re.Pattern[str], ...]
    credit_only: tuple[re.Pattern[str], ...]
    glued_alt: re.Pattern[str]
    caption_label: re.Pattern[str]
    image_file: re.Pattern[str]
    alt_alone: re.Pattern[str]
    scene_words: tuple[str, ...]
    author_prefixes: tuple[str, ...]
    staff: tuple[str, ...]
    publisher_prefixes: tuple[str, ...]
    name_notes: tuple[str, ...]
    name_titles: tuple[str, ...]
    publications: frozenset[str]
    unit_openers: tuple[str, ...]
    publication_openers: tuple[str, ...]
    not_name_words: frozenset[str]
    surname_or_body: frozenset[str]
    body_words: tuple[str, ...]


def _fold(items: Any) -> tuple[str, ...]:
    # Longest first, so "Các ý kiến của bạn đọc" is tried before "Các …" style prefixes.
    return tuple(sorted((str(i).casefold() for i in items), key=len, reverse=True))


def _compile(items: Any, where: str) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(str(p), _FLAGS) for p in items)
    except re.error as exc:
        raise ConfigError(f"bad reader pattern {exc.pattern!r}: {exc}", where) from exc


@cache
def _builtin() -> dict[str, Any]:
    text = resources.files("tgreport.read").joinpath("chrome.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def vocabulary(extra: tuple[str, ...] = ()) -> Vocabulary:
    """The built-in lists extended by `extra` (the config file's `[reader] extra_chrome`).

    An extra item is a phrase that removes each line starting with it; "tail:<phrase>" makes it
    end the article like "Bài cùng chuyên mục"; "re:<pattern>" removes every line it matches.
    """
    data = _builtin()
    where = "chrome.toml"
    user_tail = [e[5:] for e in extra if e.startswith("tail:")]
    user_re = [e[3:] for e in extra if e.startswith("re:")]
    user_plain = [e for e in extra if not e.startswith(("tail:", "re:")) and e.strip()]
    caption = data["caption"]
    byline = data["byline"]
    return Vocabulary(
        tail_phrases=_fold([*data["tail"]["phrases"], *user_tail]),
        tail_patterns=_compile(data["tail"]["patterns"], where),
        box_phrases=_fold(data["box"]["phrases"]),
        line_phrases=_fold(data["line"]["phrases"]),
        line_patterns=_compile(data["line"]["patterns"], where) + _compile(user_re, "[reader] extra_chrome"),
        user_phrases=_fold(user_plain),
        views=_compile(data["views"]["patterns"], where),
        crumb_separators=tuple(data["breadcrumb"]["separators"]),
        crumb_home=_fold(data["breadcrumb"]["home"]),
        lead_patterns=tuple(re.compile(p) for p in data["lead"]["patterns"]),
        stamp_labels=frozenset(_fold(data["stamp"]["labels"])),
        future_markers=_fold(data["stamp"]["future_markers"]),
        captions=_compile(caption["patterns"], where),
        credit_only=_compile(caption["credit_only"], where),
        glued_alt=re.compile(caption["glued_alt"], _FLAGS),
        caption_label=re.compile(caption["caption_label"], _FLAGS),
        image_file=re.compile(caption["image_file"], _FLAGS),
        alt_alone=re.compile(caption["alt_alone"], _FLAGS),
        scene_words=_fold(caption["scene_words"]),
        author_prefixes=_fold(byline["author_prefixes"]),
        staff=_fold(byline["staff"]),
        publisher_prefixes=_fold(byline["publisher_prefixes"]),
        name_notes=_fold(byline["name_notes"]),
        name_titles=_fold(byline["name_titles"]),
        publications=frozenset(_fold(byline["publications"])),
        unit_openers=_fold(byline["unit_openers"]),
        publication_openers=_fold(byline["publication_openers"]),
        not_name_words=frozenset(byline["not_name_words"]),
        surname_or_body=frozenset(byline["surname_or_body"]),
        body_words=_fold(byline["body_words"]),
    )
