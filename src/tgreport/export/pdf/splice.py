"""The photos' JPEG bytes put into the PDF after ReportLab has written it, read from where the
photo stage keeps them (model.PictureBytes), a piece at a time.

ReportLab keeps every image's bytes in memory from drawImage to save, then formats each object
into a list of pieces and joins the whole file: for 1,000 news photos (160 MB) that was three
copies at once, five times the memory of the same digest without photos (issue 20's floor: at
most twice). So ReportLab is handed a stand-in for each JPEG: the start of a JPEG with the real
picture's frame header (so ReportLab writes the same image dictionary: width, height, colour
space, DCTDecode) and a comment naming the picture. Once the file is written, `write` copies it
into the output with each stand-in's stream replaced by the real bytes, its /Length corrected,
and the cross-reference table's offsets moved by what was inserted before them. The result is
the file ReportLab would have written from the real bytes, byte for byte.

The comment starts with a mark drawn at random for each process: an article's text cannot name
a stand-in (and page streams are compressed anyway); the mark never reaches the output.
"""

from __future__ import annotations

import bisect
import re
import secrets
from collections.abc import Iterable, Mapping
from typing import BinaryIO

from tgreport.errors import ExportError
from tgreport.model import Picture

_MARK = b"tgreport-stand-in-" + secrets.token_hex(16).encode("ascii") + b":"
_SOI, _EOI, _COM = b"\xff\xd8", b"\xff\xd9", b"\xff\xfe"
_FRAMES = frozenset({0xC0, 0xC1, 0xC2})  # SOF0-2: what ReportLab's JPEG reader accepts
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD9)})  # TEM, RST0-7, SOI: no length follows
_STREAM, _END = b"stream\n", b"endstream\n"
_ENTRY = 20  # bytes of one cross-reference entry: "0000012345 00000 n \n"
_XREF = re.compile(rb"xref\n0 (\d+)\n")
_START = re.compile(rb"startxref\n(\d+)\n%%EOF\n\Z")
_LENGTH = re.compile(rb"/Length (\d+)\b")
_MISPLACED = "internal error: a photo's stand-in is not where ReportLab's PDF should have it"


def stand_in(picture: Picture) -> bytes | None:
    """What ReportLab is given for the JPEG `picture`, or None when its frame header is not
    found (then ReportLab is given the picture itself)."""
    frame = _frame(picture.data)
    if frame is None:
        return None
    comment = _MARK + picture.held.digest.encode("ascii")
    return _SOI + _COM + (len(comment) + 2).to_bytes(2, "big") + comment + frame + _EOI


def _frame(jpeg: bytes) -> bytes | None:
    """The JPEG's frame header segment (SOF0-2), found by walking its segments to the scan."""
    at = 2 if jpeg[:2] == _SOI else len(jpeg)
    while at + 4 <= len(jpeg) and jpeg[at] == 0xFF:
        marker = jpeg[at + 1]
        if marker == 0xFF:  # fill bytes before a marker
            at += 1
            continue
        if marker in _STANDALONE:
            at += 2
            continue
        end = at + 2 + int.from_bytes(jpeg[at + 2:at + 4], "big")
        if marker in _FRAMES:
            return jpeg[at:end] if end <= len(jpeg) else None
        if marker == 0xDA:  # the scan: no frame before it
            return None
        at = end
    return None


def write(pdf: bytes, pictures: Iterable[Picture], out: BinaryIO) -> None:
    """`pdf` (ReportLab's file) into `out`, each stand-in replaced by its picture's bytes."""
    by_digest = {p.held.digest: p for p in pictures}
    found = _stand_ins(pdf, by_digest)
    if not found:
        out.write(pdf)
        return
    xref = _START.search(pdf, len(pdf) - 64)
    table = _XREF.match(pdf, int(xref.group(1))) if xref else None
    if xref is None or table is None:
        raise ExportError("internal error: ReportLab's PDF has no cross-reference table where expected")
    count, first = int(table.group(1)), table.end()
    entries = [pdf[first + n * _ENTRY:first + (n + 1) * _ENTRY] for n in range(1, count)]
    if any(entry[10:] != b" 00000 n \n" for entry in entries):
        raise ExportError("internal error: ReportLab's cross-reference table is not as expected")
    objects = [int(entry[:10]) for entry in entries]
    starts = sorted(objects)
    # (where in `pdf`, how many bytes of it are replaced, by what): in file order.
    edits: list[tuple[int, int, bytes | Picture]] = []
    for at, end, picture in found:
        begins = starts[bisect.bisect_right(starts, at) - 1]
        lengths = list(_LENGTH.finditer(pdf, begins, at))
        if len(lengths) != 1 or int(lengths[0].group(1)) != end - at:
            raise ExportError(_MISPLACED)
        edits += [(lengths[0].start(1), len(lengths[0].group(1)), str(picture.held.size).encode("ascii")),
                  (at, end - at, picture)]
    places = [at for at, _, _ in edits]
    moved = [0]  # moved[k]: how far the edits before the k-th moved what follows them
    for _, size, by in edits:
        moved.append(moved[-1] + (by.held.size if isinstance(by, Picture) else len(by)) - size)
    done = 0
    view = memoryview(pdf)
    for at, size, by in edits:
        out.write(view[done:at])
        if isinstance(by, Picture):
            by.held.copy_to(out)
        else:
            out.write(by)
        done = at + size
    out.write(view[done:first + _ENTRY])  # up to the free entry 0, which is not moved
    out.write(b"".join(b"%010d 00000 n \n" % (offset + moved[bisect.bisect_right(places, offset)])
                       for offset in objects))
    tail = first + count * _ENTRY
    out.write(view[tail:xref.start(1)])
    out.write(b"%d\n%%%%EOF\n" % (int(xref.group(1)) + moved[-1]))


def _stand_ins(pdf: bytes, pictures: Mapping[str, Picture]) -> list[tuple[int, int, Picture]]:
    """(start, end, picture) of each stand-in stream in `pdf`, in file order."""
    found = []
    at = pdf.find(_MARK)
    while at >= 0:
        start = at - len(_SOI + _COM) - 2
        digest = pdf[at + len(_MARK):at + len(_MARK) + 64].decode("ascii", "replace")
        end = pdf.find(_END, at)
        if pdf[start - len(_STREAM):start] != _STREAM or digest not in pictures or end < 0:
            raise ExportError(_MISPLACED)
        found.append((start, end, pictures[digest]))
        at = pdf.find(_MARK, end)
    return found
