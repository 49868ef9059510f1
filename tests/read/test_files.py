"""read.files: a page's bytes read whole through a bare descriptor, whatever os.read returns."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tgreport.errors import InputError
from tgreport.read import files
from tgreport.read.files import binary_kind, read_bytes
from tgreport.settings import Settings

PAGE = "Hội nghị tổng kết công tác năm 2021\n\nSáng 20-12, tại Hà Nội, hội nghị đã diễn ra.\n" * 40


def test_short_reads_are_read_on_to_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # os.read may return fewer bytes than asked (a pipe-backed or network file system).
    page = tmp_path / "a.txt"
    page.write_text(PAGE, encoding="utf-8")
    real_read = os.read
    monkeypatch.setattr(files.os, "read", lambda fd, n: real_read(fd, min(n, 7)))
    assert read_bytes(page, Settings()) == PAGE.encode()
    with pytest.raises(InputError, match="input limit"):
        read_bytes(page, Settings(max_input_bytes=100))


def test_a_folder_or_a_missing_file_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        read_bytes(tmp_path, Settings())
    with pytest.raises(InputError, match="cannot read"):
        read_bytes(tmp_path / "none.txt", Settings())


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PAGE.encode(), None),
        (PAGE.encode() + b"\x1a", None),  # the DOS end-of-file mark
        (b"\x00" * 3 + PAGE.encode(), None),  # a stray NUL or two is dirt
        (b"\x00" * 100 + b"abc", "a binary file (it holds NUL bytes)"),
        (b"\x01\x02\x03\x04" + b"ab" * 20, "a binary file (it is full of control bytes)"),
        (b"GIF89a" + b"\x00" * 10, "a GIF image"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    ],
)
def test_binary_kind(data: bytes, kind: str | None) -> None:
    assert binary_kind(data) == kind
