"""support/pieces.write_pieces: the text's UTF-8 bytes exactly, in few writes."""

from __future__ import annotations

import io

from tgreport.support.pieces import BATCH, write_pieces


class Counting(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.writes += 1
        return super().write(data)


def test_the_bytes_are_the_texts_in_few_writes() -> None:
    pieces = [f"<p>Đảng ủy số {n}</p>" for n in range(20_000)] + ["x" * (BATCH + 1)] + ["đ"] * 10
    out = Counting()
    write_pieces(out, iter(pieces))
    assert out.getvalue() == "".join(pieces).encode("utf-8")
    assert out.writes <= len("".join(pieces)) // BATCH + 4  # batches, not a write per piece


def test_nothing_to_write_writes_nothing_but_an_empty_batch() -> None:
    out = io.BytesIO()
    write_pieces(out, [])
    assert out.getvalue() == b""
