"""Bylines: writers' names ("Thảo Nguyên", "MAI CHI", "Bài và ảnh: …") and agency credits ("Theo TTXVN")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tgreport.read.page.cues import per_list
from tgreport.read.page.lines import ends_sentence, word_count
from tgreport.read.page.vocab import Vocabulary

_NAME_SPLIT = re.compile(r"\s+[-–—&]\s+|\s*[,;]\s*|\s+và\s+")
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.){1,3}[A-ZĐ]?$")
_TRAILING_NOTE = re.compile(r"^(?P<name>.+?)\s*\((?P<note>[^()]{1,40})\)$")
# An agency or site as credited after a name: "TTXVN", "Vietnam+", "VOV.VN", "TTXVN/Vietnam+".
_AGENCY = re.compile(r"^[\w.+/ -]{2,40}$")
NAME_MAX_CHARS = 40
NAME_MAX_WORDS = 5
UNIT_MAX_WORDS = 6


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    notes: tuple[str, ...] = ()  # "(tổng hợp)", the writer's school or unit: not names


def is_name(text: str, vocab: Vocabulary) -> bool:
    """A person's name as bylines print it: "Thảo Nguyên", "MAI CHI", "Nguyễn Văn A", "T.L"."""
    folded = text.casefold()
    if folded in vocab.publications:
        return False  # "LAO ĐỘNG": the paper's brand
    # One startswith() for the usual name, which opens with no title; the loop finds which.
    for title in vocab.name_titles if folded.startswith(vocab.name_titles) else ():
        # A title without its dot ("ThS Nguyễn Thị Lan") ends at a space, not inside a name.
        if folded.startswith(title) and len(text) > len(title) and (
                title.endswith(".") or text[len(title)].isspace()):
            # "TS. NGUYỄN VĂN HÙNG", "Đại tá Trần Minh": the rank belongs to the byline.
            text = text[len(title) :].strip()
            break
    words = text.split()
    if not words or len(text) > NAME_MAX_CHARS or len(words) > NAME_MAX_WORDS:
        return False
    if len(words) == 1:
        return bool(_INITIALS.match(text))
    first = words[0].capitalize()
    if first in vocab.not_name_words:
        return False
    if first in vocab.surname_or_body and _names_a_body(words, vocab):
        return False
    return all(_name_word(w) for w in words)


def _names_a_body(words: list[str], vocab: Vocabulary) -> bool:
    """Whether the words after a surname that also opens bodies' names make a body of it: an
    abbreviation ("Đoàn ĐBQH"; a name in capitals is no abbreviation) or a body word."""
    rest = words[1:]
    if not words[0].isupper() and any(len(w) >= 2 and w.isupper() for w in rest):
        return True
    return " ".join(rest).casefold().startswith(vocab.body_words)


def _name_word(word: str) -> bool:
    if _INITIALS.match(word):
        return True
    if not word.isalpha():
        return False
    return word.isupper() or (word[0].isupper() and (len(word) == 1 or word[1:].islower()))


def _agency_like(text: str) -> bool:
    # An agency credit is an abbreviation or a site name, not ordinary words: a word with two
    # capitals ("TTXVN", "VnExpress") or a dot, plus or slash ("VOV.VN", "Vietnam+").
    return bool(_AGENCY.match(text)) and (
        any(sum(c.isupper() for c in w) >= 2 for w in text.split()) or any(c in text for c in ".+/")
    )


def _names_a_source(text: str) -> bool:
    # "TTXVN", "báo Nhân Dân", "baochinhphu.vn"; not "kế hoạch", the start of a sentence.
    return any(c.isupper() for c in text) or bool(re.search(r"\w\.[a-z]{2,}$", text))


def _strip_prefix(text: str, prefixes: tuple[str, ...]) -> str | None:
    folded = text.casefold()
    if not folded.startswith(prefixes):
        return None  # one call for the usual line, which starts with none of them
    for prefix in prefixes:
        if folded.startswith(prefix):
            rest = text[len(prefix) :]
            stripped = rest.lstrip()
            if stripped.startswith(":"):
                return stripped[1:].strip()
            if prefix.endswith(" của") or (rest[:1] == " " and prefix in ("theo", "nguồn", "nguồn tin")):
                return stripped
    return None


def _names(text: str, vocab: Vocabulary) -> Byline | None:
    """One or more names ("Văn Tuấn - Hữu Thắng"), maybe with a note, an agency or a unit:
    "Thu Hà (tổng hợp)", "Hoàng Anh (TTXVN)", "Thanh Hà/VOV.VN", "Minh Tâm - Huyện Đoàn"."""
    publisher = None
    notes: list[str] = []
    note = _TRAILING_NOTE.match(text)
    if note:
        inner = note.group("note").strip()
        folded = inner.casefold()
        source = _strip_prefix(inner, vocab.publisher_prefixes)
        if source:
            publisher = source
        elif folded in vocab.staff or folded in vocab.name_notes or not _agency_like(inner):
            # "(CTV)", "(t/h)", "(Trường Chính trị tỉnh)": about the writer, not an agency.
            notes.append(note.group(0)[len(note.group("name")) :].strip())
        else:
            publisher = inner
        text = note.group("name")
    if "/" in text:
        # "Thanh Hà/VOV.VN": the writer, then the agency.
        name, _, agency = text.rpartition("/")
        if _agency_like(agency.strip()) and publisher is None:
            publisher, text = agency.strip(), name.strip()
    parts = [p.strip() for p in _NAME_SPLIT.split(text) if p.strip()]
    if len(parts) >= 2 and not is_name(parts[-1], vocab) and _is_unit(parts[-1], vocab):
        notes.append(parts.pop())  # the writer's unit, not a second writer
    if parts and not all(is_name(p, vocab) for p in parts):
        # "Đức Nguyên-Hiệp Thương": two writers joined by a bare hyphen. Vietnamese names have
        # no hyphen, and each side must be a whole name of its own ("Jean-Pierre" is not).
        parts = [q.strip() for p in parts for q in p.split("-")]
    if not parts or not all(is_name(p, vocab) for p in parts):
        return None
    return Byline(tuple(parts), publisher, tuple(notes))


def _is_unit(text: str, vocab: Vocabulary) -> bool:
    """A body's name ("Huyện Đoàn", "Cục Quản lý Dược", "Ban Tuyên giáo Tỉnh ủy"): short, mostly
    capitalised, starting with a word that begins the names of bodies."""
    # "và" joins two fields of one body ("Chi cục Chăn nuôi và Thú y"): not a word of its own.
    words = [w for w in text.split() if w != "và"]
    capitals = sum(w[:1].isupper() for w in words)
    # Bodies begin with "Ban", "Cục", "Văn phòng" … or an abbreviation ("TTVH huyện").
    folded = text.casefold() + " "
    opening = folded.startswith(_word_starts(vocab.unit_openers))
    abbreviation = bool(words) and len(words[0]) >= 3 and words[0].isupper() and len(words) >= 2
    return (
        1 <= len(words) <= UNIT_MAX_WORDS
        and (opening or abbreviation)
        and capitals * 2 >= len(words)
        and not ends_sentence(text)
    )


@per_list
def _word_starts(openers: tuple[str, ...]) -> tuple[str, ...]:
    """The openers with the space that ends each as a word, for one startswith() call."""
    return tuple(f"{opener} " for opener in openers)


def _signed_by_unit(text: str) -> Byline | None:
    words = text.split()
    if 1 <= len(words) <= UNIT_MAX_WORDS + 2 and words[0][:1].isupper() and not ends_sentence(text):
        return Byline((text,))
    return None


PEN_NAME_MAX_CHARS = 15


def pen_name(text: str, vocab: Vocabulary) -> Byline | None:
    """A writer's one-word name ("Trung", "Papai"), as readers' letters and blogs sign; only
    the last line under the text may be one (read_body asks no other)."""
    word = text.strip()
    if " " in word or len(word) > PEN_NAME_MAX_CHARS or not word.isalpha() or word in vocab.not_name_words:
        return None
    return Byline((word,)) if word[0].isupper() and (word[1:].islower() or word.isupper()) else None


def unit_byline(text: str, vocab: Vocabulary) -> Byline | None:
    """A unit signing the article at its foot ("Cục Quản lý Dược"), as government sites do."""
    return Byline((text,)) if _is_unit(text, vocab) and not any(c.isdigit() for c in text) else None


def parse_byline(text: str, vocab: Vocabulary, *, names_alone: bool = True) -> Byline | None:
    """The byline `text` is, or None. `names_alone` also accepts a bare name ("Thảo Nguyên") or
    a paper's name ("Báo Tuyên Quang"), which are credits at the foot of an article but not
    everywhere."""
    text = text.strip()
    if not text or word_count(text) > 12:
        return None
    # "H.V." ends in a dot without ending a sentence.
    if ends_sentence(text) and not text.endswith(")") and not _INITIALS.match(text.split()[-1]):
        return None
    if text.startswith("(") and text.endswith(")"):
        inner = text[1:-1].strip()
        if inner.casefold().startswith("ảnh"):
            return None
        source = _strip_prefix(inner, vocab.publisher_prefixes)
        if source and _names_a_source(source):
            return Byline((), source)
        if _agency_like(inner) or inner.casefold().startswith(vocab.staff):
            return Byline((), inner)
        return None
    if text.casefold() in vocab.staff:
        return Byline((text,))
    folded = text.casefold() + " "
    names_paper = folded.startswith(_word_starts(vocab.publication_openers))
    if names_alone and names_paper and word_count(text) <= 8:
        # "Báo Tuyên Quang" at the foot credits the paper; at the top it is the site's banner.
        return Byline((), text)
    source = _strip_prefix(text, vocab.publisher_prefixes)
    if source:
        if word_count(source) > 10 or not _names_a_source(source):
            return None
        writer, _, paper = source.rpartition("/")
        if writer and is_name(writer.strip(), vocab):
            return Byline((writer.strip(),), paper.strip())  # "Theo Thanh Hà/Báo Quân đội nhân dân"
        noted = _TRAILING_NOTE.match(source)
        if noted and is_name(noted.group("name"), vocab) and _names_a_source(noted.group("note")):
            # "Theo Minh Phương (Thanh Niên)": the writer, then the paper.
            return Byline((noted.group("name"),), noted.group("note").strip())
        return Byline((), source)
    named = _strip_prefix(text, vocab.author_prefixes)
    if named is not None:
        if named.casefold() in vocab.staff:
            return Byline((named,))
        # After "Tác giả:" a unit may sign too ("Vụ Tổ chức cán bộ").
        return _names(named, vocab) or _signed_by_unit(named)
    return _names(text, vocab) if names_alone else None
