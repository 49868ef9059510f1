"""Text made in many small pieces (a template's output, a document's paragraphs) written to a
binary file as UTF-8 in batches: one write per piece costs more than the encoding, and joining
the whole text first would hold a large report's bytes in memory at once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

BATCH = 1 << 16  # characters written at a time


def write_pieces(out: BinaryIO, pieces: Iterable[str]) -> None:
    for text in batches(pieces):
        out.write(text.encode("utf-8"))


def batches(pieces: Iterable[str]) -> Iterator[str]:
    """The pieces joined into texts of about BATCH characters (a longer piece alone, not copied)."""
    batch: list[str] = []
    size = 0
    for piece in pieces:
        if len(piece) > BATCH:  # a long piece (a large report's TOC) is not copied into a batch too
            if batch:
                yield "".join(batch)
            yield piece
            batch, size = [], 0
            continue
        batch.append(piece)
        size += len(piece)
        if size > BATCH:
            yield "".join(batch)
            batch, size = [], 0
    if batch:
        yield "".join(batch)
