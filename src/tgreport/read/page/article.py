"""The page reader, stage by stage: lines → chrome removed → header → body → dates → Article."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from tgreport.errors import InputError
from tgreport.model import Article, Block, Caption, Heading, Image, Paragraph
from tgreport.read.files import article_id
from tgreport.read.notes import note
from tgreport.read.page.body import read_body
from tgreport.read.page.bylines import Byline
from tgreport.read.page.captions import has_scene_words
from tgreport.read.page.chrome import Stripped, strip_chrome
from tgreport.read.page.dates import consistent, event_in, opens_with_event, text_year, with_year
from tgreport.read.page.header import Header, article_top, body_start, drop_reprint, read_header
from tgreport.read.page.lines import Line, is_paragraph_like, split_lines, word_count
from tgreport.read.page.outlet import (
    may_name_outlet,
    outlet_in_banner,
    outlet_named,
    outlet_of_domains,
    outlet_signed,
)
from tgreport.read.page.vocab import Vocabulary, vocabulary
from tgreport.settings import Settings
from tgreport.vn import ParsedDate

LEAD_MAX_WORDS = 90
PHOTO_CAPTION_MAX_WORDS = 20  # with words that describe a scene ("phát biểu", "trao")
PHOTO_CAPTION_BARE_WORDS = 12
# Lines above the article that make a site's menu (a banner or a window title is one or two).
MENU_MIN_LINES = 5  # without: a sentence this short is no paragraph of news


def read_page(
    text: str,
    path: Path,
    settings: Settings,
    encoding: str = "utf-8",
    *,
    title_hint: str | None = None,
) -> Article:
    """An Article from the text of a scraped news page, as a careful editor would read it."""
    vocab = vocabulary(settings.extra_chrome)
    # Tone marks stay as written unless the user chose one placement ("hòa" or "hoà").
    lines = split_lines(text)
    if not lines:
        raise InputError("no text in this file", path)
    lines, reprint = drop_reprint(lines)
    top = article_top(lines, vocab)
    above = [*reprint, *(line.text for line in lines[:top])]
    stripped = strip_chrome(lines[top:], vocab, title_hint)
    kept = list(stripped.lines)
    start = body_start(kept, vocab)
    short_note = not any(is_paragraph_like(line.text) for line in kept)
    header = read_header(kept[:start], vocab, title_hint, short_note=short_note)
    body = read_body(header.body + kept[start:], vocab)
    removed = [*stripped.removed, *above, *header.removed, *body.removed]
    # A legacy encoding is worth a line in the report: the source should be saved as UTF-8.
    warnings = [] if encoding.startswith("utf") else [f"decoded from the legacy encoding {encoding}"]

    blocks = _without_links(body.blocks, stripped.removed, removed)
    # On a copy of a whole page (the site's menu above the headline), the paragraph right under
    # the headline and its date is the sapo news sites print there; unless it opens with the
    # date of the event ("Chiều 14/3, …"), as the news itself does.
    opening = kept[start] if start < len(kept) else None
    sapo_under_headline = (
        top >= MENU_MIN_LINES and opening is not None
        and bool(blocks) and blocks[0].text == opening.text
        and not opens_with_event(opening.text, _stamp_day(header))
    )
    lead = _lead(blocks, vocab, sapo_above_stamp=body.blocks_before_stamp == 1 or sapo_under_headline)
    if body.photo_story and isinstance(blocks[0], Paragraph):
        lead = blocks[0].text  # the one text of a photo story that is no picture's caption
    if lead is not None:
        blocks = _main_photo(blocks[1:], vocab)
    else:
        lead, blocks = _lead_under_photo(blocks, vocab)
    bylines = [*header.bylines, *body.bylines]
    authors, publisher = _credits(bylines)
    removed.extend(note for byline in bylines for note in byline.notes)
    published, event_date, date_notes = _dates(header, body.stamps, lead, blocks, vocab)
    removed.extend(date_notes.removed)
    warnings.extend(date_notes.warnings)
    if header.title is None:
        warnings.append("no headline on the page: the title is derived from the first sentence")
    date = published.date() if isinstance(published, dt.datetime) else published
    article = Article(
        id=article_id(path),
        source=str(path),
        title=header.title,
        title_derived=header.title is None,
        date=date or event_date,
        published=published,
        event_date=event_date,
        authors=authors,
        publisher=publisher,
        # The page's own outlet, from the copyright line among what the reader took out.
        site=(outlet_named(removed, settings.outlets) if may_name_outlet(text) else None)
        or outlet_of_domains([*stripped.removed, *above], settings.outlets)
        or outlet_in_banner([*above, *header.removed], settings.outlets)
        # The signature opening the story ("(Dân trí) - …"): the page's last clue.
        or outlet_signed(lead or next((b.text for b in blocks if isinstance(b, Paragraph)), None),
                         settings.outlets, settings.signatures),
        category=_category(header.category, stripped, kept),
        views=stripped.views,
        lead=lead,
        blocks=tuple(blocks),
        removed=tuple(removed),
        warnings=tuple(warnings),
    )
    if not article.blocks and lead is None and article.title is None:
        raise InputError("no article text found on this page", path)
    for warning in warnings:
        note(logging.INFO, f"{path}: {warning}")
    return article


# A headline has some words; a sub-heading or caption of fewer may well be a menu's item too.
LINK_MIN_WORDS = 6


def _without_links(blocks: list[Block], chrome: tuple[str, ...], removed: list[str]) -> list[Block]:
    """The blocks without the short lines that the page's link boxes list again ("Tin liên
    quan": the same headline under the text): a link to that article, set inside the text."""
    lines = {
        block.text for block in blocks
        if isinstance(block, Heading) or (isinstance(block, Caption) and block.credit is None)
    }
    listed = lines.intersection(chrome) if lines else lines
    if not listed:
        return blocks  # nearly every page: no short line of the text stands in a link box
    kept: list[Block] = []
    for block in blocks:
        uncredited = isinstance(block, Heading) or (isinstance(block, Caption) and block.credit is None)
        if uncredited and block.text in listed and word_count(block.text) >= LINK_MIN_WORDS:
            removed.append(block.text)
        else:
            kept.append(block)
    return kept


def _category(guess: str | None, stripped: Stripped, kept: list[Line]) -> str | None:
    found = _section(guess, stripped, kept)
    # A trail's step printed with its separator ("Tin tức - Sự kiện /"): the name without it.
    return found.rstrip(_TRAIL_ENDS) or None if found else None


_TRAIL_ENDS = " /»>›|"


def _section(guess: str | None, stripped: Stripped, kept: list[Line]) -> str | None:
    """The section: the line the header took for it, unless a breadcrumb stood between that line
    and the headline (then the line is the site's banner above the trail: "UBND XÃ PHÚ LỘC")."""
    crumb, at = stripped.crumb_category, stripped.crumb_at
    if not crumb or at is None:
        return guess or crumb
    where = next((i for i, line in enumerate(kept) if line.text == guess), None) if guess else None
    return crumb if where is None or where < at else guess


def _lead(blocks: list[Block], vocab: Vocabulary, *, sapo_above_stamp: bool = False) -> str | None:
    """The sapo: a first paragraph that opens with its source ("TTO - …", "(Chinhphu.vn) - …"),
    stands between the headline and the timestamp, or sums up above the paragraph that opens
    with the news ("Sáng 18/3, …"), with or without a picture between them (seed 004)."""
    if len(blocks) < 2 or not isinstance(blocks[0], Paragraph):
        return None
    first = blocks[0].text
    if (sapo_above_stamp and word_count(first) <= LEAD_MAX_WORDS) or any(
            p.match(first) for p in vocab.lead_patterns):
        return first
    following = next((b for b in blocks[1:] if not isinstance(b, (Caption, Image))), None)
    if isinstance(following, Paragraph) and word_count(first) <= LEAD_MAX_WORDS:
        found = event_in([first, following.text])
        if found is not None and found[0] == 1:
            return first
    return None


def _lead_under_photo(blocks: list[Block], vocab: Vocabulary) -> tuple[str | None, list[Block]]:
    """(the sapo, the blocks without it) when pictures stand above the sapo (a thumbnail beside
    it); only a sapo that opens with its source ("(giao duc) - …") is known as one there."""
    first = next((i for i, b in enumerate(blocks) if not isinstance(b, Image)), None)
    if not first or first + 1 >= len(blocks) or not isinstance(blocks[first], Paragraph):
        return None, blocks
    text = blocks[first].text
    if not any(p.match(text) for p in vocab.lead_patterns):
        return None, blocks
    return text, [*blocks[:first], *blocks[first + 1 :]]


def _main_photo(blocks: list[Block], vocab: Vocabulary) -> list[Block]:
    """Under a sapo stands the main photo: a short one-sentence line there that describes a
    scene ("Bí thư Thành ủy … phát biểu chỉ đạo hội nghị.") is its caption, even without credit."""
    if blocks and isinstance(blocks[0], Paragraph):
        text = blocks[0].text
        one_sentence = not re.search(r"[.!?…]\s", text)
        words = word_count(text)
        limit = PHOTO_CAPTION_MAX_WORDS if has_scene_words(text, vocab) else PHOTO_CAPTION_BARE_WORDS
        if one_sentence and words <= limit:
            return [Caption(text), *blocks[1:]]
    return blocks


def _stamp_day(header: Header) -> dt.date | None:
    """The day of the page's own stamp above the text (a "today" banner is not it)."""
    stamp = next((s.parsed for s in header.stamps if not s.banner), None)
    value = stamp.value if stamp is not None else None
    return value.date() if isinstance(value, dt.datetime) else value


def _credits(bylines: list[Byline]) -> tuple[tuple[str, ...], str | None]:
    authors: list[str] = []
    publisher = None
    for byline in bylines:
        authors.extend(a for a in byline.authors if a not in authors)
        publisher = publisher or byline.publisher
    return tuple(authors), publisher


@dataclass
class _DateNotes:
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _local(parsed: ParsedDate) -> dt.datetime | dt.date | None:
    # The page's own wall-clock time; an offset ("GMT+7") would make it incomparable with the
    # naive stamps of other pages.
    value = parsed.value
    return value.replace(tzinfo=None) if isinstance(value, dt.datetime) else value


def _dates(
    header: Header,
    foot_stamps: list[ParsedDate],
    lead: str | None,
    blocks: list[Block],
    vocab: Vocabulary,
) -> tuple[dt.datetime | dt.date | None, dt.date | None, _DateNotes]:
    """(published, event date): the page's own stamp, and the day of the event in the lead."""
    notes = _DateNotes()
    trusted = [s.parsed for s in header.stamps if not s.banner] + foot_stamps
    banners = [s for s in header.stamps if s.banner]
    published = _local(trusted[0]) if trusted else None
    paragraphs = ([lead] if lead else []) + [b.text for b in blocks if isinstance(b, Paragraph)]
    found = event_in(paragraphs)
    event_date = None
    if found is not None:
        index, event = found
        if published is not None:
            context: dt.date | int | None = (
                published.date() if isinstance(published, dt.datetime) else published
            )
        else:
            context = text_year(paragraphs[index], "\n".join(paragraphs), vocab)
        event_date = with_year(event, context)
        published_day = context if isinstance(context, dt.date) and published is not None else None
        if event_date is not None and published_day is not None and event_date > published_day:
            # A date after the page was published is a plan ("từ ngày 1/1/2022"), not the news.
            event_date = None
        if banners and published is None:
            # A "today" banner is not the article's date (seed 003), but when the event it
            # would date lies a few days before it, it settles the event's year.
            banner = banners[0].parsed.date
            near = with_year(event, banner)
            if banner is not None and near is not None and consistent(banner, near):
                event_date = near
        if event_date is None and published is None:
            notes.warnings.append(f"the year of the event date {event.matched!r} is unknown")
    notes.removed.extend(b.text for b in banners)
    return published, event_date, notes
