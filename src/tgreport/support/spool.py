"""Where the photo stage keeps prepared pictures until the formats embed them: one temporary
file per report, so a thousand photos cost disk, not memory (issue 20: a digest with a lead
photo each must take at most twice the memory of the same digest without).

The file has no name from the moment it exists (O_TMPFILE, or created owner-only and unlinked at
once, as tempfile.TemporaryFile does), so nothing is left on the disk however the process ends,
Ctrl-C or SIGKILL. Its space is freed when the last picture in it is dropped, or at exit.
Pictures are read with pread, at their own offsets: threads reading at once never share a file
position.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import weakref
from dataclasses import dataclass, field
from typing import IO

from tgreport.errors import ExportError

CHUNK = 1024 * 1024  # bytes copied at a time from the spool into an output file


class Spool:
    """An append-only temporary file of pictures' bytes."""

    def __init__(self) -> None:
        try:
            # Not a `with`: the file lives as long as the pictures in it (closed by the finalizer).
            handle = tempfile.TemporaryFile(prefix="tgreport-photos-", buffering=0)  # noqa: SIM115
        except OSError as exc:
            raise _failed(exc) from exc
        self._fd = handle.fileno()
        self._end = 0
        self._lock = threading.Lock()
        # Closed when the spool is collected (its pictures gone) or at exit, whichever is first.
        self._close = weakref.finalize(self, handle.close)

    def keep(self, data: bytes) -> Spooled:
        """`data` written at the end of the file; its handle."""
        with self._lock:
            offset = self._end
            view = memoryview(data)
            try:
                while view:
                    view = view[os.pwrite(self._fd, view, offset + len(data) - len(view)):]
            except OSError as exc:  # a full disk: no photo can be kept, so no report is made
                raise _failed(exc) from exc
            self._end += len(data)
        return Spooled(self, offset, len(data), hashlib.sha256(data).hexdigest())

    def read(self, offset: int, size: int) -> bytes:
        pieces = []
        while size > 0:
            piece = os.pread(self._fd, min(size, CHUNK), offset)
            if not piece:
                raise OSError(f"the picture spool ends before its offset {offset}")
            pieces.append(piece)
            offset += len(piece)
            size -= len(piece)
        return b"".join(pieces)


def _failed(exc: OSError) -> ExportError:
    return ExportError(f"cannot keep the prepared photos in a temporary file: {exc.strerror or exc}",
                       tempfile.gettempdir())


@dataclass(frozen=True, slots=True)
class Spooled:
    """A picture's bytes in a Spool (model.PictureBytes); equal to another of the same bytes,
    whichever spool holds them (two runs' reports compare as their pictures do)."""

    spool: Spool = field(compare=False)
    offset: int = field(compare=False)
    size: int
    digest: str

    def read(self) -> bytes:
        return self.spool.read(self.offset, self.size)

    def copy_to(self, out: IO[bytes]) -> None:
        for start in range(0, self.size, CHUNK):
            out.write(self.spool.read(self.offset + start, min(CHUNK, self.size - start)))
