"""The top of the page, above the first paragraph: category, title, timestamps, bylines."""

from __future__ import annotations

from dataclasses import dataclass, field

from tgreport.read.page.bylines import Byline, is_name, parse_byline
from tgreport.read.page.captions import caption_of, is_picture_line, strip_alt
from tgreport.read.page.chrome import is_chrome_line
from tgreport.read.page.dates import may_hold_stamp, stamp_of, today_header, whole_stamp
from tgreport.read.page.lines import Line, ends_sentence, is_paragraph_like, is_upper, word_count
from tgreport.read.page.outlet import names_outlet_kind
from tgreport.read.page.vocab import Vocabulary
from tgreport.vn import ParsedDate, may_hold_date

# A headline has some words; a line of two or three above the text is a section name.
TITLE_MIN_WORDS = 4
CATEGORY_MAX_WORDS = 8
BRAND_MAX_CHARS = 12
NAME_AFTER_BY_WORDS = 5
# The accounts a CMS posts under, which a "… bởi admin" line names instead of a writer.
_CMS_ACCOUNTS = frozenset({"admin", "administrator", "quản trị", "quản trị viên", "webmaster", "root"})


@dataclass(frozen=True)
class Stamp:
    """A timestamp line; `banner` when it is the site's "today" line above the headline."""

    parsed: ParsedDate
    text: str
    banner: bool


@dataclass
class Header:
    title: str | None = None
    category: str | None = None
    stamps: list[Stamp] = field(default_factory=list)
    bylines: list[Byline] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)  # header lines that belong to the article body


# How far apart the date line, the headline and the first paragraph may stand for the three to
# be taken as the top of the article (a byline or a second stamp may sit between them).
ANCHOR_REACH = 3
# Paragraphs a page may show above its article (a ticker, an app's blurb) before the search for
# the article's date line stops: past them the text is the article's.
ANCHOR_TEXTS = 3
# A date line among the first lines leaves no room for a site's menu above the article.
ANCHOR_MIN_LINE = 5


def article_top(lines: list[Line], vocab: Vocabulary) -> int:
    """Where the article starts on a copy of a whole page: at its headline, found beside the
    date line that runs straight into the text ("Thứ ba, 14/3/2023, 09:15" / headline / sapo, or
    headline / "10:30 | 05/06/2022" / sapo), with the furniture just above it (a breadcrumb) and
    one short line there for the section. Menus, tickers and other articles' headlines above
    are the site's, whatever their length: read as the article's, a ticker's run of glued
    headlines is its first paragraph and any of them its title. 0 when no date line stands so
    (the page starts with its article, or dates it only at the foot)."""
    texts = 0
    for at, line in enumerate(lines):
        if is_paragraph_like(line.text):
            texts += 1
            if texts > ANCHOR_TEXTS:
                break  # the article's text has begun: its date line is above, or at its foot
            continue
        if stamp_of(line.text, vocab) is None:
            continue
        if at < ANCHOR_MIN_LINE:
            return 0  # a date line on top: the page starts with its article (read_header sorts it)
        title = _title_beside(lines, at, vocab)
        if title is None:
            continue
        top = min(title, at)
        for _ in range(ANCHOR_REACH):
            if top and is_chrome_line(lines[top - 1].text, vocab):
                top -= 1
        above = lines[top - 1].text if top else ""
        if above and word_count(above) <= CATEGORY_MAX_WORDS and not is_paragraph_like(above) \
                and stamp_of(above, vocab) is None:
            top -= 1  # the section's name over the headline
        return top
    return 0


# How far under a headline its sapo may stand (past a stamp and a byline).
REPRINT_REACH = 3


def drop_reprint(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """(the lines, what was dropped) for a page that prints its headline and sapo twice: on
    top, then over the article, with a box of the site's between ("Đọc nhiều nhất" and its
    links). The first print keeps its stamp; the box and the second print go, so that the box's
    heading does not end the article before its text begins. The lines unchanged otherwise."""
    first: dict[str, int] = {}
    for at, line in enumerate(lines):
        text = line.text
        seen = first.setdefault(text, at)
        if seen == at or word_count(text) < TITLE_MIN_WORDS or is_paragraph_like(text):
            continue
        sapo = _sapo_under(lines, seen)
        if sapo is None or at + 1 >= len(lines) or lines[at + 1].text != lines[sapo].text:
            continue
        return [*lines[: sapo + 1], *lines[at + 2 :]], [x.text for x in lines[sapo + 1 : at + 2]]
    return lines, []


def _sapo_under(lines: list[Line], title: int) -> int | None:
    for i in range(title + 1, min(title + 1 + REPRINT_REACH, len(lines))):
        if is_paragraph_like(lines[i].text):
            return i
    return None


def _title_beside(lines: list[Line], at: int, vocab: Vocabulary) -> int | None:
    """The headline of the date line at `at`: the line under it when that line is a headline
    followed by the text, else the headline over it (past a byline or stamp); None when the
    date line does not run into the text within ANCHOR_REACH lines."""
    after = [i for i in range(at + 1, min(at + 1 + ANCHOR_REACH, len(lines)))]
    text_at = next((i for i in after if _is_text(lines[i].text, vocab)), None)
    if text_at is None:
        return None
    between = [i for i in after if i < text_at]
    heads = [i for i in between if _is_headline(lines[i].text, vocab)]
    if heads:
        return heads[0]
    if any(not _is_meta(lines[i].text, vocab) for i in between):
        return None
    for i in range(at - 1, max(at - 1 - ANCHOR_REACH, -1), -1):
        text = lines[i].text
        if _is_headline(text, vocab):
            return i
        if not _is_meta(text, vocab):
            return None
    return None


def _is_text(text: str, vocab: Vocabulary) -> bool:
    return is_paragraph_like(text) and stamp_of(text, vocab) is None and not is_picture_line(text, vocab)


def _is_meta(text: str, vocab: Vocabulary) -> bool:
    """A byline, a stamp or furniture: what stands between a headline, its date line and its text."""
    return (
        stamp_of(text, vocab) is not None
        or parse_byline(text, vocab) is not None
        or is_chrome_line(text, vocab)
    )


def _is_headline(text: str, vocab: Vocabulary) -> bool:
    return (
        word_count(text) >= TITLE_MIN_WORDS
        and not is_paragraph_like(text)
        and not is_name(text, vocab)
        and not _is_meta(text, vocab)
        and not is_picture_line(text, vocab)
    )


def body_start(lines: list[Line], vocab: Vocabulary) -> int:
    """Index of the first line of running text: a paragraph that is no caption, stamp or byline."""
    for index, line in enumerate(lines):
        text = line.text
        if not is_paragraph_like(text):
            continue
        if caption_of(strip_alt(text, vocab), vocab) or stamp_of(text, vocab) or parse_byline(text, vocab):
            continue
        return index
    # No sentence of any length (a short note): everything after the first line that can be a
    # headline is the body.
    for index, line in enumerate(lines):
        text = line.text
        if stamp_of(text, vocab) is None and not is_picture_line(text, vocab):
            return index + 1
    return 0


def read_header(
    lines: list[Line], vocab: Vocabulary, title_hint: str | None = None, *, short_note: bool = False
) -> Header:
    """What the lines above the body say. `title_hint` is the headline when the input marks it
    (an HTML page's <h1>); otherwise the longest headline-like line is the title. A
    `short_note` (a page without one full sentence) takes a headline of any length."""
    lines = [part for line in lines for part in split_stamped(line, vocab)]
    header = Header()
    candidates: list[int] = []
    stamps: list[tuple[int, ParsedDate]] = []
    kinds: dict[int, str] = {}
    for index, line in enumerate(lines):
        text = line.text
        stamp = stamp_of(text, vocab)
        if stamp is not None:
            stamps.append((index, stamp))
            kinds[index] = "stamp"
        elif is_picture_line(text, vocab):
            kinds[index] = "body"
        elif (byline := parse_byline(text, vocab, names_alone=False)) is not None:
            header.bylines.append(byline)
            kinds[index] = "byline"
        else:
            candidates.append(index)
    # A short note with no sentence at all keeps its first line as the title, however short.
    min_words = 1 if short_note else TITLE_MIN_WORDS
    titles = [i for i in candidates if word_count(lines[i].text) >= min_words]
    titles = [i for i in titles if not is_name(lines[i].text, vocab)]
    title_at = max(titles, key=lambda i: (word_count(lines[i].text), i)) if titles else None
    shorts = [i for i in candidates if not is_name(lines[i].text, vocab)]
    if title_at is None and len(shorts) >= 2:
        # Only short lines ("Thời sự", "Bão số 9"): the section comes first, the headline last.
        title_at = shorts[-1]
    hinted = [i for i in candidates if title_hint and lines[i].text == title_hint]
    if hinted:
        title_at = hinted[0]
    if title_at is not None:
        header.title = lines[title_at].text
        kinds[title_at] = "title"
        # Pages often print the headline twice (the window title, then the article's own).
        for index in candidates:
            if index != title_at and lines[index].text.casefold() == header.title.casefold():
                header.removed.append(lines[index].text)
                kinds[index] = "removed"
        candidates = [i for i in candidates if kinds.get(i) != "removed"]
        before = [i for i in candidates if i < title_at]
        if before and _names_a_section(lines[before[-1]].text, vocab):
            header.category = lines[before[-1]].text
            kinds[before[-1]] = "category"
        for i in before[:-1] if header.category else before:
            header.removed.append(lines[i].text)
            kinds[i] = "removed"
    elif (candidates and word_count(lines[candidates[0]].text) < TITLE_MIN_WORDS
          and _names_a_section(lines[candidates[0]].text, vocab)):
        # No headline (the page opens with its sapo): a short line on top names the section.
        header.category = lines[candidates[0]].text
        kinds[candidates[0]] = "category"
    # Whatever is left after the headline: a writer's name, or the start of the article.
    stamped = {lines[i].number for i, _ in stamps}
    for index in candidates:
        if index in kinds:
            continue
        after_title = title_at is not None and index > title_at
        byline = parse_byline(lines[index].text, vocab) if after_title else None
        if after_title and byline is None and lines[index].number in stamped \
                and word_count(lines[index].text) <= CATEGORY_MAX_WORDS:
            # "Đời sống Xã hội | Cập nhật thứ hai, 24/12/12": the section beside the stamp, which
            # names it surer than a line over the headline (the last item of a menu).
            if header.category is not None:
                header.removed.append(header.category)
            header.category = lines[index].text
            kinds[index] = "category"
        elif after_title and _is_brand(lines[index].text, vocab):
            # The paper's brand under the headline ("LAO ĐỘNG", "SGGPO"); above it, the same
            # words ("Pháp luật", "Văn hóa") name a section.
            header.removed.append(lines[index].text)
            kinds[index] = "removed"
        elif byline is not None:
            header.bylines.append(byline)
            kinds[index] = "byline"
        else:
            kinds[index] = "body"
    # A weekday-and-date line above the headline is the site's "today" banner (seed 003).
    banner_before = title_at if title_at is not None else len(lines)
    header.stamps = [
        Stamp(parsed, lines[i].text, i < banner_before and today_header(lines[i].text))
        for i, parsed in stamps
    ]
    header.body = [line for index, line in enumerate(lines) if kinds[index] == "body"]
    return header


def split_stamped(line: Line, vocab: Vocabulary) -> list[Line]:
    """ "Thời sự | 15/03/2021 08:30", "Ngọc Mến | 15/03/2021 08:30": a stamp shares its line
    with the category or the writer; each part is read as a line of its own. "Đăng ngày
    10/03/2024 bởi Thanh Tâm" (WordPress) is the stamp and the writer; a CMS account there
    ("bởi admin") is nobody's byline and is left out."""
    head, by, who = line.text.partition(" bởi ")
    if by and who.strip() and len(who.split()) <= NAME_AFTER_BY_WORDS and stamp_of(head, vocab):
        who = who.strip()
        if who.casefold() in _CMS_ACCOUNTS:
            return [line.with_text(head.strip())]
        return [line.with_text(head.strip()), line.with_text(f"Tác giả: {who}")]
    parts = [p.strip() for p in line.text.split("|")]
    if len(parts) < 2:
        return _name_then_stamp(line, vocab)
    if whole_stamp(line.text) or not any(stamp_of(p, vocab) for p in parts):
        return [line]  # "Thứ Bảy, 10/07/2021 | 11:34" is one stamp
    banners = [p for p in parts if today_header(p)]
    if banners:
        # A portal's top bar ("Thứ Sáu, 12/07/2024 | Liên hệ | Sơ đồ cổng"): its "today", and
        # links beside it that would pass for a section over the headline.
        return [line.with_text(p) for p in banners]
    return [line.with_text(p) for p in parts if p and not is_chrome_line(p, vocab)]


NAME_BEFORE_STAMP_WORDS = 5


def _name_then_stamp(line: Line, vocab: Vocabulary) -> list[Line]:
    """ "Hoàng Nam Thứ Sáu, 12/01/2024 - 16:45": the writer's name and the stamp side by side
    (two elements of a page's meta line); each is read as a line of its own."""
    text = line.text
    if not may_hold_stamp(text) or stamp_of(text, vocab) is not None:
        return [line]
    if not may_hold_date(text):
        return [line]  # no date in the line, so none in the rest of it after a name: no cut to try
    words = text.split(" ")
    for cut in range(1, min(len(words), NAME_BEFORE_STAMP_WORDS + 1)):
        head, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if stamp_of(rest, vocab) is not None:
            byline = parse_byline(head, vocab)
            if byline is not None and byline.authors:
                return [line.with_text(head), line.with_text(rest)]
            return [line]
    return [line]


def _is_brand(text: str, vocab: Vocabulary) -> bool:
    # A known paper, or one word in capitals ("SGGPO", "NLĐO"): no headline, name or sentence.
    one_word = " " not in text and is_upper(text) and len(text) <= BRAND_MAX_CHARS
    return one_word or text.casefold() in vocab.publications


# How the names of the offices whose portals carry news begin: over a headline, their banner.
_BODY_OPENERS = tuple(f"{w} " for w in (
    "ubnd", "hđnd", "ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "tỉnh ủy", "tỉnh uỷ",
    "huyện ủy", "huyện uỷ", "thành ủy", "thành uỷ", "thị ủy", "thị uỷ", "đảng ủy", "đảng uỷ", "đảng bộ"))


_LEVELS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "phường", "xã")


def _names_a_body(text: str) -> bool:
    """Whether `text` names one office ("UBND HUYỆN KIM BẢNG", "Tỉnh ủy Hà Nam"), not a kind of
    them ("Đảng bộ huyện", a section of a portal)."""
    folded = text.casefold()
    if not folded.startswith(_BODY_OPENERS):
        return False
    rest = folded[next(len(o) for o in _BODY_OPENERS if folded.startswith(o)) :].strip()
    for level in _LEVELS:
        if rest.startswith(level):
            rest = rest[len(level) :].strip()
            break
    return bool(rest)


def _names_a_section(text: str, vocab: Vocabulary) -> bool:
    """Whether a short line over the headline can name the article's section: printed under the
    headline of the digest, it must never be a photo's caption ("Tại một lớp học ở Goshiwon."),
    another article's teaser cut short ("Người thầy dạy sử bằng... thơ") or a trail whose
    separators were pictures ("Trang chủ Hậu trường Hollywood")."""
    if word_count(text) > CATEGORY_MAX_WORDS or ends_sentence(text) or "..." in text or "…" in text:
        return False
    if names_outlet_kind(text, capitals=True):  # the site's banner ("Cổng thông tin điện tử huyện …")
        return False
    if _names_a_body(text):  # a body's banner ("UBND HUYỆN KIM BẢNG")
        return False
    folded = text.casefold()
    return not any(folded.startswith(home + " ") for home in vocab.crumb_home)
