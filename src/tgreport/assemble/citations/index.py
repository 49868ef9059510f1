"""The appendix index: every cited document and named person, with the articles naming them."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tgreport import vn
from tgreport.assemble.citations.documents import DOCUMENT_ANCHORS, TYPES, DocumentRef, find_documents
from tgreport.assemble.citations.people import PEOPLE_ANCHORS, PersonRef, find_people
from tgreport.assemble.citations.scan import starts_of_each
from tgreport.model import Article, IndexEntry

log = logging.getLogger(__name__)

_ANCHORS = DOCUMENT_ANCHORS + PEOPLE_ANCHORS


def article_text(article: Article) -> str:
    """Everything an article says, one block a line: the title and lead cite documents too.

    Links to other articles and picture file names are left out: a related headline that names
    a resolution is not this article citing it.
    """
    parts = [article.title or "", article.lead or ""]
    parts.extend(block.text for block in article.blocks if block.type not in ("related", "image"))
    return "\n".join(p for p in parts if p)


@dataclass
class _Entry:
    name: str
    # Dicts as ordered sets: a document cited by thousands of articles stays O(1) per citation.
    ids: dict[str, None] = field(default_factory=dict)
    details: dict[str, None] = field(default_factory=dict)

    def add(self, article_id: str, detail: str | None) -> None:
        self.ids[article_id] = None
        if detail:
            self.details[detail] = None


def _document_entries(cited: Sequence[tuple[str, DocumentRef]]) -> list[tuple[DocumentRef, _Entry]]:
    by_key: dict[str, tuple[DocumentRef, _Entry]] = {}
    by_number: dict[tuple[str, int | None], list[str]] = {}
    # Full citations first, so a bare "Chỉ thị 05" can join the one "05-CT/TW" it stands for.
    for article_id, ref in sorted(cited, key=lambda c: c[1].bare):
        key = ref.key
        if ref.bare:
            full = [k for k in by_number.get((ref.type, ref.number), ()) if _same_number(by_key[k][0], ref)]
            if len(full) == 1:
                key = full[0]
        if key not in by_key:
            by_key[key] = (ref, _Entry(ref.name))
            if not ref.bare:
                by_number.setdefault((ref.type, ref.number), []).append(key)
        by_key[key][1].add(article_id, ref.issuer)
    return list(by_key.values())


def _same_number(full: DocumentRef, bare: DocumentRef) -> bool:
    if full.type != bare.type or full.number != bare.number:
        return False
    if bare.key.startswith("NQTW|"):
        return full.key.startswith("NQTW|")
    return not full.key.startswith(("NQTW|", "NQĐH|"))


def _document_order(ref: DocumentRef) -> tuple[int, int, int, bool, Any]:
    # By type in the order; numbered documents first, then plenum and congress
    # resolutions ("Nghị quyết Trung ương 4", "Nghị quyết Đại hội XIII"); then by number.
    family = 1 if ref.key.startswith("NQTW|") else 2 if ref.key.startswith("NQĐH|") else 0
    number = ref.number if ref.number is not None else 10**9
    return (TYPES.index(ref.type), family, number, ref.bare, vn.sort_key(ref.name))


def person_sort_key(name: str) -> tuple[Any, Any]:
    """Vietnamese indexes sort people by given name (the last syllable), then by the full name."""
    words = name.split()
    return (vn.sort_key(words[-1]), vn.sort_key(" ".join(words[:-1])))


# What one article cites: the documents, then the people with a position.
Citations = tuple[list[DocumentRef], list[PersonRef]]


def article_citations(article: Article) -> Citations:
    """The documents and people `article` cites: the per-article part of the index, which
    depends on nothing else, so build_index's caller may work it out in parallel."""
    text = article_text(article)
    # Where citations of documents and people may begin: one pass over the text for all of them.
    starts = starts_of_each(text, _ANCHORS)
    split = len(DOCUMENT_ANCHORS)
    return find_documents(text, starts[:split]), find_people(text, starts[split:])


def build_index(
    articles: Iterable[Article],
    *,
    documents: bool = True,
    people: bool = True,
) -> tuple[IndexEntry, ...]:
    """Index entries: documents (by type and number), then people (by given name)."""
    cited: list[tuple[str, DocumentRef]] = []
    named: dict[str, _Entry] = {}
    position: dict[str, int] = {}  # of the articles citing a document: all of them cost 80 MB a million
    for n, article in enumerate(articles):
        article_documents, article_people = article_citations(article)
        if documents and article_documents:
            position.setdefault(article.id, n)
            cited.extend((article.id, ref) for ref in article_documents)
        if people:
            for person in article_people:
                _add_person(named, article.id, person)
    entries: list[IndexEntry] = []
    for _ref, entry in sorted(_document_entries(cited), key=lambda d: _document_order(d[0])):
        ids = tuple(sorted(entry.ids, key=position.__getitem__))
        entries.append(IndexEntry("document", entry.name, ids, _join(entry.details)))
    for key in sorted(named, key=person_sort_key):
        entry = named[key]
        # The longest position is the fullest; they are the same person's titles in other words.
        detail = max(entry.details, key=len) if entry.details else None
        entries.append(IndexEntry("person", entry.name, tuple(entry.ids), detail))
    log.debug("index: %d documents, %d people", len(entries) - len(named), len(named))
    return tuple(entries)


@functools.lru_cache(maxsize=4096)
def _one_tone_style(text: str) -> str:
    # The same names and positions recur across a report; restyling them once each is enough.
    return vn.normalize_tone_style(text, "hòa")


def _add_person(named: dict[str, _Entry], article_id: str, person: PersonRef) -> None:
    # "Nguyễn Văn Thủy" and "Nguyễn Văn Thuỷ" are one person written in two tone styles; the
    # entry keeps the spelling seen first.
    key = _one_tone_style(person.name)
    entry = named.setdefault(key, _Entry(person.name))
    position = _one_tone_style(person.position)
    if not any(_one_tone_style(d) == position for d in entry.details):
        entry.add(article_id, person.position)
    else:
        entry.add(article_id, None)


def _join(details: Iterable[str]) -> str | None:
    return "; ".join(details) or None
