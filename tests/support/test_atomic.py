"""The atomic writer: the target holds the old file or the whole new one, never half."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

import pytest

from tgreport.errors import ExportError
from tgreport.support.atomic import TEMP_PREFIX, write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "digest.json"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.json"]


def test_failure_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "digest.pdf"
    target.write_bytes(b"old report")

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError, match="No space left"):
        write_atomic(target, b"new report")
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["digest.pdf"]


def test_stale_temporaries_from_a_killed_run_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / f"{TEMP_PREFIX}digest.pdf.abc123"
    stale.write_bytes(b"half a file")
    write_atomic(tmp_path / "digest.pdf", b"whole")
    assert not stale.exists()


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_atomic(tmp_path / "nowhere" / "digest.pdf", b"x")


def test_new_file_is_world_readable(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "digest.html", b"<html></html>")
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_file_written_by_a_function_is_all_there_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "digest.html"
    target.write_bytes(b"old report")
    write_atomic(target, lambda out: [out.write(b"part %d;" % n) for n in range(3)])
    assert target.read_bytes() == b"part 0;part 1;part 2;"

    def fails_half_way(out: BinaryIO) -> None:  # an exporter that breaks after writing some
        out.write(b"half a ")
        raise ExportError("template error")

    with pytest.raises(ExportError, match="template error"):
        write_atomic(target, fails_half_way)
    assert target.read_bytes() == b"part 0;part 1;part 2;"
    assert [p.name for p in tmp_path.iterdir()] == ["digest.html"]
