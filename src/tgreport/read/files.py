"""What every reader needs of a file: its bytes, refused when they are not text; their text;
its article id."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import BinaryIO

from tgreport.errors import InputError
from tgreport.read.notes import note
from tgreport.settings import Settings
from tgreport.vn import decode_bytes

# Signatures of files that scrapers save next to the text (pictures, PDFs, archives, programs).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, EPUB, …)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "a program"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
_MAGIC_BYTES = tuple(magic for magic, _ in _MAGIC)
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16/32 text legitimately holds NUL bytes
# C0 controls that no text file uses (0x1A is the DOS end-of-file mark). VISCII, VPS and TCVN3 put
# a few rare capitals (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ) in this range, so only a file thick with them is binary.
_BINARY_CONTROLS = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1A}
_TEXT_BYTES = bytes(b for b in range(256) if b not in _BINARY_CONTROLS)  # deleted to count the rest
_SNIFF_BYTES = 64 * 1024


def read_bytes(path: Path, settings: Settings) -> bytes:
    """The file's bytes, refusing what is not text before reading it into memory.

    Refused: anything but a regular file (a FIFO or device would block or never end), files
    above `settings.max_input_bytes` (checked on the open file, and the read is bounded too, so a
    file that grows meanwhile is not swallowed whole), empty files and binary files.
    """
    limit = settings.max_input_bytes
    try:
        # A bare descriptor: a buffered file object cost more to set up and take down than
        # reading a page of text.
        fd, size = _open_checked(path, settings)
        try:
            # A read as large as the file, not as the limit: read(limit + 1) sets aside the
            # whole limit (50 MB) for every small page, which cost more than reading it.
            data = _read_up_to(fd, size + 1)
            if len(data) > size:  # the file grew since fstat: the rest, still within the limit
                data += _read_up_to(fd, limit + 1 - len(data))
        finally:
            os.close(fd)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from exc
    if len(data) > limit:
        raise too_large(path, limit)
    if not data or data.isspace():  # data.strip() would copy the whole file to say the same
        raise InputError("empty file; skipped", path)
    refuse_binary(data, path)
    return data


_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends
_READ_PIECE = 1024 * 1024


def _read_up_to(fd: int, count: int) -> bytes:
    """Up to `count` bytes from `fd`, fewer only at the end of the file (os.read may return
    less than asked), read at most a megabyte at a time."""
    pieces: list[bytes] = []
    while count > 0:
        piece = os.read(fd, min(count, _READ_PIECE))
        if not piece:
            break
        pieces.append(piece)
        count -= len(piece)
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def open_input(path: Path, settings: Settings) -> BinaryIO:
    """The file opened to read its bytes, once it is known to be a regular file (a FIFO or device
    would block or never end) no larger than `settings.max_input_bytes`. For a reader that reads
    a large file a piece at a time (read/json.py): it checks its first piece with refuse_binary
    and stops at the limit itself. Raises InputError, or OSError when the file cannot be read."""
    fd, _size = _open_checked(path, settings)
    return os.fdopen(fd, "rb")


def _open_checked(path: Path, settings: Settings) -> tuple[int, int]:
    """A descriptor of the file and its size, once it is known to be a regular file (a FIFO or
    device would block or never end) no larger than `settings.max_input_bytes`."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise InputError("not a regular file; skipped", path)
    fd = os.open(path, os.O_RDONLY | _O_BINARY)
    try:
        size = os.fstat(fd).st_size
        if size > settings.max_input_bytes:
            raise too_large(path, settings.max_input_bytes)
    except BaseException:
        os.close(fd)
        raise
    return fd, size


def refuse_binary(data: bytes, path: Path) -> None:
    """InputError when `data` (a file's bytes, or their first 64 KiB) is no text."""
    kind = binary_kind(data)
    if kind:
        raise InputError(f"{kind}, not text; skipped", path)


def too_large(path: Path, limit: int) -> InputError:
    shown = f"{limit / 1024 / 1024:g} MB" if limit >= 1024 * 1024 else f"{limit} byte"
    return InputError(f"larger than the {shown} input limit; skipped", path)


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file `data` is ("a PNG image"), or None when it may be text."""
    if data.startswith(_UNICODE_BOMS):
        return None
    if data.startswith(_MAGIC_BYTES):  # one call for the usual file, which has none of them
        return next(kind for magic, kind in _MAGIC if data.startswith(magic))
    sample = data[:_SNIFF_BYTES]
    controls = len(sample.translate(None, _TEXT_BYTES))  # C speed: the per-byte loop was a hot spot
    if not controls:
        return None  # no NUL byte either: the usual text file needs no count of them
    # A stray NUL or two is dirt in a text file (clean_text removes it); many mean binary.
    if sample.count(b"\x00") * 100 > len(sample):
        return "a binary file (it holds NUL bytes)"
    if controls >= 4 and controls * 20 > len(sample):
        return "a binary file (it is full of control bytes)"
    return None


def article_id(path: Path) -> str:
    return path.stem


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """vn.decode_bytes, with what it says of the encoding kept as the file's notes."""
    said: list[str] = []
    decoded = decode_bytes(data, str(path), said)
    for message in said:
        note(logging.WARNING, message)
    return decoded
