"""Cited Party and State documents and named people: extraction and the appendix index."""

from __future__ import annotations

from tgreport.assemble.citations.documents import DocumentRef, find_documents
from tgreport.assemble.citations.index import article_text, build_index, person_sort_key
from tgreport.assemble.citations.people import PersonRef, find_people

__all__ = [
    "DocumentRef",
    "PersonRef",
    "article_text",
    "build_index",
    "find_documents",
    "find_people",
    "person_sort_key",
]
