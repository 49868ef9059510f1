"""Text made in many small pieces (a template's output, a document's paragraphs) written to a
binary file as UTF-8 in batches: one write per piece costs more than the encoding, and joining
the whole text first would hold a large report's bytes in memory at once."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

BATCH = 1 << 16  # characters written at a time


def write_pieces(out: BinaryIO, pieces: Iterable[str]) -> None:
    batch: list[str] = []
    size = 0
    for piece in pieces:
        if len(piece) > BATCH:  # a long piece (a large report's TOC) is not copied into a batch too
            out.write("".join(batch).encode("utf-8"))
            out.write(piece.encode("utf-8"))
            batch, size = [], 0
            continue
        batch.append(piece)
        size += len(piece)
        if size > BATCH:
            out.write("".join(batch).encode("utf-8"))
            batch, size = [], 0
    out.write("".join(batch).encode("utf-8"))
