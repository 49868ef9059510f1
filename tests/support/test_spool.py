"""The picture spool (support/spool.py): bytes kept and read back whole, from a file that has no
name on the disk, is the owner's only, and is closed once its pictures are gone."""

from __future__ import annotations

import errno
import gc
import hashlib
import io
import os
import stat
import tempfile
import threading
from pathlib import Path

import pytest

from tgreport.errors import ExportError
from tgreport.support import spool as spool_module
from tgreport.support.spool import Spool


def target_of(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:  # closed meanwhile (the listing's own descriptor)
        return ""


def open_files() -> list[tuple[int, str]]:
    return [(int(n), target_of(int(n))) for n in os.listdir("/proc/self/fd")]


def test_bytes_come_back_whole_read_or_copied(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spool_module, "CHUNK", 1000)  # several pieces for one picture
    spool = Spool()
    first, second = os.urandom(4321), os.urandom(10)
    a, b = spool.keep(first), spool.keep(second)
    assert (a.read(), b.read()) == (first, second)
    assert (a.size, b.size, b.offset) == (4321, 10, 4321)
    assert a.digest == hashlib.sha256(first).hexdigest()
    out = io.BytesIO()
    a.copy_to(out)
    assert out.getvalue() == first


def test_equal_by_their_bytes_whichever_spool() -> None:
    data = os.urandom(500)
    assert Spool().keep(data) == Spool().keep(data)
    assert Spool().keep(data) != Spool().keep(data + b"x")


def test_threads_keeping_at_once_never_mix_their_bytes() -> None:
    spool = Spool()
    pieces = [os.urandom(50_000 + n) for n in range(16)]
    kept: dict[int, object] = {}

    def keep(n: int) -> None:
        kept[n] = spool.keep(pieces[n])

    threads = [threading.Thread(target=keep, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [kept[n].read() for n in range(16)] == pieces  # type: ignore[attr-defined]


def test_the_file_has_no_name_is_owner_only_and_closed_when_dropped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    spool = Spool()
    held = spool.keep(b"photo bytes")
    assert list(tmp_path.iterdir()) == []  # nothing to leave behind, whatever ends the process
    (fd,) = [n for n, target in open_files() if target.startswith(str(tmp_path))]
    assert target_of(fd).endswith("(deleted)")
    assert stat.S_IMODE(os.fstat(fd).st_mode) == 0o600
    del spool
    gc.collect()
    assert held.read() == b"photo bytes"  # a picture keeps its spool open
    del held
    gc.collect()
    with pytest.raises(OSError):
        os.fstat(fd)


def test_a_temporary_folder_that_cannot_be_written_is_one_clear_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    with pytest.raises(ExportError, match="cannot keep the prepared photos in a temporary file"):
        Spool()


def test_a_full_disk_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    spool = Spool()

    def full(fd: int, data: object, offset: int) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "pwrite", full)
    with pytest.raises(ExportError, match="No space left on device"):
        spool.keep(b"photo")
