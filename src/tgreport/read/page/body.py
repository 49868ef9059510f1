"""The article's body lines → blocks: paragraphs, captions, sub-headings, pictures, related links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tgreport.model import Block, Caption, Heading, Image, Paragraph, Related
from tgreport.read.page.bylines import Byline, parse_byline, pen_name, unit_byline
from tgreport.read.page.captions import (
    CAPTION_MAX_CHARS,
    caption_of,
    credit_only,
    has_picture_words,
    has_scene_words,
    is_heading,
    is_image_file,
    is_short_line,
    labelled_caption,
    strip_alt,
)
from tgreport.read.page.dates import stamp_of
from tgreport.read.page.lines import Line, is_paragraph_like, word_count
from tgreport.read.page.vocab import Vocabulary
from tgreport.vn import ParsedDate

_RELATED = re.compile(r"^\[\s*(?P<text>[^\[\]]{8,})\s*\]$")
_RELATED_ARROW = re.compile(r"^(>>|»|►|→)\s*(?P<text>.{8,})$")
_LIST_ITEM = re.compile(r"^[-+•*–]\s")
_SOURCE_LINE = re.compile(r"^\(?nguồn(?: ảnh)?\s*:\s*(?P<credit>[^()]{1,40}?)\)?\.?$", re.IGNORECASE)
# Bylines stand in the last few lines; a longer run from the foot is text, not credits.
FOOT_LINES = 3
# How many short lines under a signature may still be the page's, not the article's.
SIGNATURE_REACH = 6
HEAD_LINES = 2
HEADING_MAX_WORDS = 12
GALLERY_CAPTION_WORDS = 15
# The blank lines a picture leaves in a photo story's copied text, and how many pictures make one.
STORY_GAP = 2
STORY_MIN_PICTURES = 3


@dataclass
class Body:
    blocks: list[Block] = field(default_factory=list)
    bylines: list[Byline] = field(default_factory=list)
    stamps: list[ParsedDate] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # How many blocks stood above the first timestamp inside the body: 1 when the page prints
    # headline, sapo, then the date ("… vẫn đạt kết quả khả quan." / "Thứ Hai, 06/09/2021").
    blocks_before_stamp: int | None = None
    # A photo story: its sapo, then only captions, each where a picture stood (see _photo_story).
    photo_story: bool = False
    photos_credited: bool = False  # "Ảnh: Misso" under the writer's name at the foot


def read_body(lines: list[Line], vocab: Vocabulary) -> Body:
    body = Body()
    lines = _take_foot_bylines(lines, vocab, body)
    story = _photo_story(lines, vocab) if body.photos_credited else None
    body.photo_story = story is not None
    seen_captions: set[tuple[str, str | None]] = set()
    for index, line in enumerate(lines):
        if story is not None and index > story:
            if line.gap_before >= STORY_GAP:
                body.blocks.append(Caption(line.text))
            else:
                body.removed.append(line.text)
            continue
        if index <= HEAD_LINES:
            # "Bài và ảnh: …" just under the sapo; a bare name there could be a sub-heading.
            byline = parse_byline(line.text, vocab, names_alone=False)
            if byline is not None and byline.authors:
                body.bylines.append(byline)
                continue
        block = _block(lines, index, vocab, body)
        if block is None:
            continue
        if isinstance(block, Caption):
            key = (block.text.casefold(), block.credit)
            if key in seen_captions:
                continue  # pages print some captions twice (seed 004)
            seen_captions.add(key)
        body.blocks.append(block)
    return body


def _photo_story(lines: list[Line], vocab: Vocabulary) -> int | None:
    """Where the sapo of a photo story stands, or None: a story whose photographer is credited
    at its foot ("Ảnh: Misso" under the writer) and whose every text after the sapo stands
    apart, a double gap or more above it, where a picture stood: those texts are the pictures'
    captions, however long. A short line hugging the others there (a related link under the
    sapo) is the site's, not the story's; a sentence that does is a paragraph, and no story."""
    sapo = next((i for i, line in enumerate(lines) if is_paragraph_like(line.text)), None)
    if sapo is None:
        return None
    after = lines[sapo + 1 :]
    wide = [line for line in after if line.gap_before >= STORY_GAP]
    if len(wide) < STORY_MIN_PICTURES:
        return None
    if any(line.gap_before < STORY_GAP and not is_short_line(line.text) for line in after):
        return None
    return sapo


def _signed_end(lines: list[Line], vocab: Vocabulary, body: Body) -> list[Line]:
    """The lines up to the writer's signature, when the page goes on under it with short lines
    that are no article text (share counts, tags, a "[Quay lại]" link, a related headline):
    a writer signs the end of the article. Related links ("» …") and credits under the
    signature stay; the rest goes into `removed`. The lines unchanged when text resumes."""
    reach = SIGNATURE_REACH
    for at in range(len(lines) - 1, 0, -1):
        text = lines[at].text
        if is_paragraph_like(text):
            return lines
        if _RELATED.match(text) or _RELATED_ARROW.match(text):
            continue  # a list of related links under the signature counts as one line
        reach -= 1
        if reach < 0:
            return lines
        byline = parse_byline(text, vocab)
        if byline is None or not byline.authors:
            continue
        if at == len(lines) - 1 or not any(is_paragraph_like(line.text) for line in lines[:at]):
            return lines
        under = lines[at + 1 :]
        related = [line for line in under if _RELATED.match(line.text) or _RELATED_ARROW.match(line.text)]
        credits = [line for line in under if line not in related and _is_credit(line.text, vocab)]
        body.removed.extend(line.text for line in under if line not in related and line not in credits)
        return [*lines[:at], *related, lines[at], *credits]
    return lines


def _is_credit(text: str, vocab: Vocabulary) -> bool:
    return stamp_of(text, vocab) is not None or parse_byline(text, vocab) is not None \
        or credit_only(text, vocab) is not None


def _take_foot_bylines(lines: list[Line], vocab: Vocabulary, body: Body) -> list[Line]:
    """The lines without the bylines and stamps at their foot, which go into `body`."""
    lines = _signed_end(lines, vocab, body)
    end = len(lines)
    foot: list[Byline] = []
    if end >= 2 and _is_affiliation(lines[-1].text, vocab) and credit_only(lines[-1].text, vocab) is None:
        above = parse_byline(lines[-2].text, vocab)
        if above is not None and above.authors:
            # "TS. NGUYỄN VĂN HÙNG / Học viện Chính trị khu vực I": the writer's institution,
            # not article text; kept in `removed` so nothing the page said is lost.
            body.removed.append(lines[-1].text)
            end -= 1
    while end > 0 and len(lines) - end <= FOOT_LINES:
        text = lines[end - 1].text
        if end >= 2 and credit_only(text, vocab) is not None and _names_writer(lines[end - 2].text, vocab):
            # "H.V." / "Ảnh: Misso": the photographer's credit under the writer's name is the
            # article's, not a caption's; kept in `removed`.
            body.removed.append(text)
            body.photos_credited = True
            end -= 1
            continue
        stamp = stamp_of(text, vocab)
        byline = None if stamp else parse_byline(text, vocab)
        if byline is None and stamp is None and end == len(lines) and end >= 2:
            # Only the very last line may be a unit, or a one-word name right under the text.
            byline = unit_byline(text, vocab)
            if byline is None and is_paragraph_like(lines[end - 2].text):
                byline = pen_name(text, vocab)
        if stamp is not None:
            body.stamps.append(stamp)
        elif byline is not None:
            foot.insert(0, byline)
        else:
            break
        end -= 1
    body.bylines.extend(foot)
    return lines[:end]


def _names_writer(text: str, vocab: Vocabulary) -> bool:
    byline = parse_byline(text, vocab)
    return byline is not None and bool(byline.authors)


def _is_affiliation(text: str, vocab: Vocabulary) -> bool:
    return (
        is_short_line(text)
        and word_count(text) <= HEADING_MAX_WORDS
        and text[:1].isupper()
        and parse_byline(text, vocab) is None
        and stamp_of(text, vocab) is None
    )


def _block(lines: list[Line], index: int, vocab: Vocabulary, body: Body) -> Block | None:
    """The block line `index` makes, or None when it only adds to `body` (a stamp, a credit)."""
    line = lines[index]
    text = line.text
    previous = body.blocks[-1] if body.blocks else None
    stamp = stamp_of(text, vocab)
    if stamp is not None:
        body.stamps.append(stamp)
        if body.blocks_before_stamp is None:
            body.blocks_before_stamp = len(body.blocks)
        return None
    related = _RELATED.match(text) or _RELATED_ARROW.match(text)
    if related:
        return Related(related.group("text").strip())
    # Every caption, credit and alt-text pattern needs "ảnh" or "nguồn": one search spares a
    # line without them (a paragraph, nearly always) their tests.
    words = has_picture_words(text, vocab)
    if is_image_file(text, vocab) if words else vocab.image_file.match(text):
        return Image(text)
    unglued = strip_alt(text, vocab) if words else text
    caption = caption_of(unglued, vocab) if words else None
    if caption is not None:
        return caption
    labelled = labelled_caption(text, vocab)
    if labelled is not None:
        return labelled
    credit = credit_only(text, vocab) if words else None
    if credit is not None:
        return _attach_credit(body, text, credit)
    source = _SOURCE_LINE.match(text)
    if source and _captioned(previous):
        # "Nguồn: Internet" right under a caption: the picture's source. At the article's
        # foot the same words name the article's source (read as a byline before this).
        return _attach_credit(body, text, source.group("credit"))
    if unglued != text and len(unglued) <= CAPTION_MAX_CHARS:
        return Caption(unglued)  # alt text glued in front: a picture stood here, this is its caption
    if _in_gallery(lines, index, vocab):
        return Caption(text)
    if _listed(lines, index):
        return Paragraph(text)  # an item of a list under "… các hoạt động chính:"
    if _LIST_ITEM.match(text) or not is_short_line(text):
        return Paragraph(text)
    following = lines[index + 1].text if index + 1 < len(lines) else None
    if (
        isinstance(previous, Image)
        or unglued != text
        or (following is not None and credit_only(following, vocab) is not None)
        or line.gap_before >= 2
        or has_scene_words(text, vocab)
    ):
        return Caption(unglued)
    # Between paragraphs a short line is a caption (the rule) unless its form says
    # sub-heading: capitals or a number, or it hugs the paragraph it introduces.
    hugs_next = (
        index + 1 < len(lines)
        and lines[index + 1].gap_before == 0
        and line.gap_before > 0
        and is_paragraph_like(lines[index + 1].text)
    )
    if is_heading(text) or (hugs_next and word_count(text) <= HEADING_MAX_WORDS):
        return Heading(text)
    return Caption(text)


def _listed(lines: list[Line], index: int) -> bool:
    """Whether line `index` is an item of a list: in a run of lines without a blank one
    between, under a line that ends with a colon."""
    at = index
    while at > 0 and lines[at].gap_before == 0:
        above = lines[at - 1].text
        if above.endswith(":"):
            return True
        if is_paragraph_like(above):
            return False
        at -= 1
    return False


def _in_gallery(lines: list[Line], index: int, vocab: Vocabulary) -> bool:
    """One of a run of one-sentence lines set apart by blank lines ("Tượng đài Lý Thái Tổ." /
    "Căng-tin ở Làng Thi cử."): the captions of a row of photos, which a copied page keeps
    without the photos. One such line alone may be a short paragraph. A neighbour that is a
    caption with its credit ("Cổng vào nhà thờ. Ảnh: Lê Hiếu.") counts as one of the run."""
    if not _gallery_shaped(lines[index]):
        return False
    return any(
        0 <= at < len(lines) and (_gallery_shaped(lines[at]) or _credited(lines[at], vocab))
        for at in (index - 1, index + 1)
    )


def _credited(line: Line, vocab: Vocabulary) -> bool:
    """A caption with its photographer's credit, set apart like a gallery's lines."""
    text = line.text
    if line.gap_before < 1 or not has_picture_words(text, vocab):
        return False
    caption = caption_of(strip_alt(text, vocab), vocab)
    return caption is not None and caption.credit is not None


def _gallery_shaped(line: Line) -> bool:
    text = line.text
    return (
        line.gap_before >= 1
        and word_count(text) <= GALLERY_CAPTION_WORDS
        and text.endswith(".")
        and not re.search(r"[.!?…]\s", text)
    )


def _captioned(block: Block | None) -> bool:
    """Whether `block` may take a credit line under it: a caption without one, or a short line."""
    if isinstance(block, Caption):
        return block.credit is None
    return isinstance(block, (Heading, Paragraph)) and is_short_line(block.text)


def _attach_credit(body: Body, text: str, credit: str) -> Block | None:
    """A credit on its own line belongs to the caption just above it."""
    previous = body.blocks[-1] if body.blocks else None
    if isinstance(previous, Caption) and previous.credit is None:
        body.blocks[-1] = Caption(previous.text, credit)
        return None
    if isinstance(previous, (Heading, Paragraph)) and is_short_line(previous.text):
        body.blocks[-1] = Caption(previous.text, credit)
        return None
    return Caption(text)
