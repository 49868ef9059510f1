"""Cited Party and State documents and named people: extraction and the appendix index."""

from __future__ import annotations

from .documents import DocumentRef, find_documents
from .index import article_text, build_index, person_sort_key
from .people import PersonRef, find_people

__all__ = [
    "DocumentRef",
    "PersonRef",
    "article_text",
    "build_index",
    "find_documents",
    "find_people",
    "person_sort_key",
]
