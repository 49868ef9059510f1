"""The read cache: a second run reads nothing unchanged again, and says and makes the same."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

from factories import SEEDS
from tgreport.cli import main
from tgreport.pipeline import read_inputs
from tgreport.read import ReaderOptions, pool
from tgreport.read import cache as readcache
from tgreport.vn.encodings import encode_legacy


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The seeds, one saved in TCVN3 (its reading logs a warning), and a picture (skipped)."""
    target = tmp_path / "in"
    shutil.copytree(SEEDS, target)
    first = sorted(target.glob("*.txt"))[0]
    first.write_bytes(encode_legacy(first.read_text(encoding="utf-8"), "tcvn3"))
    (target / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    return target


def cache_files() -> list[Path]:
    return sorted(Path(os.environ["TGREPORT_CACHE_DIR"]).glob("*.pickle"))


def test_second_read_uses_the_cache_and_gives_the_same(
    folder: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.WARNING, logger="tgreport")
    first = read_inputs([folder], cache=True)
    first_warnings = [r.getMessage() for r in caplog.records]
    assert len(cache_files()) == 1
    assert any("tcvn3" in m for m in first_warnings) and any("photo.txt" in m for m in first_warnings)

    def no_reading(path: Path, options: ReaderOptions | None) -> pool.Outcome:
        raise AssertionError(f"{path} read again")

    monkeypatch.setattr(pool, "read_one", no_reading)
    caplog.clear()
    second = read_inputs([folder], cache=True)
    assert second.articles == first.articles
    assert [str(e) for e in second.skipped] == [str(e) for e in first.skipped]
    # The reader's warnings come again, from the cache, in the same order.
    assert [r.getMessage() for r in caplog.records] == first_warnings


def test_a_changed_file_is_read_again(folder: Path) -> None:
    read_inputs([folder], cache=True)
    target = sorted(p for p in folder.glob("*.txt") if p.name != "photo.txt")[-1]
    text = target.read_text(encoding="utf-8")
    added = "\nDòng mới được thêm vào bài viết này.\n"
    target.write_text(text.replace("\n", added, 1) + "\n", encoding="utf-8")
    fresh = read_inputs([folder]).articles
    assert read_inputs([folder], cache=True).articles == fresh


def test_other_options_or_other_code_do_not_use_the_entries(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_inputs([folder], cache=True)
    read_inputs([folder], ReaderOptions(extra_chrome=("Xem thêm",)), cache=True)
    assert len(cache_files()) == 2  # one bundle per set of options
    monkeypatch.setattr(readcache, "code_fingerprint", lambda: "another version of the reader")
    calls: list[Path] = []
    real = pool.read_one

    def counting(path: Path, options: ReaderOptions | None) -> pool.Outcome:
        calls.append(path)
        return real(path, options)

    monkeypatch.setattr(pool, "read_one", counting)
    read_inputs([folder], cache=True)
    assert len(calls) == len(list(folder.iterdir()))


def test_entries_made_in_a_quiet_run_do_not_hide_warnings_later(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="tgreport")
    read_inputs([folder], cache=True)  # warnings were not even logged: the entries lack them
    caplog.clear()
    caplog.set_level(logging.WARNING, logger="tgreport")
    read_inputs([folder], cache=True)
    assert any("tcvn3" in r.getMessage() for r in caplog.records)


def test_a_broken_or_unwritable_cache_never_fails_a_run(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = read_inputs([folder]).articles
    read_inputs([folder], cache=True)
    for bundle in cache_files():
        bundle.write_bytes(b"not a pickle")
    assert read_inputs([folder], cache=True).articles == expected
    blocked = Path(os.environ["TGREPORT_CACHE_DIR"]) / "a-file-not-a-folder"
    blocked.write_text("x")
    monkeypatch.setenv("TGREPORT_CACHE_DIR", str(blocked))
    assert read_inputs([folder], cache=True).articles == expected


def test_cli_caches_unless_told_not_to(folder: Path, tmp_path: Path) -> None:
    assert main([str(folder), "-o", str(tmp_path / "a.json"), "-q", "--no-cache"]) == 0
    assert cache_files() == []
    assert main([str(folder), "-o", str(tmp_path / "b.json"), "-q"]) == 0
    assert len(cache_files()) == 1
    assert main([str(folder), "-o", str(tmp_path / "c.json"), "-q"]) == 0
    assert (tmp_path / "b.json").read_bytes() == (tmp_path / "c.json").read_bytes() == (
        tmp_path / "a.json").read_bytes()


def test_files_read_by_the_worker_pool_are_cached_with_their_warnings(
    folder: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pool, "POOL_MIN_FILES", 2)  # six files: read by worker processes
    assert pool.workers_for(6) > 1
    caplog.set_level(logging.WARNING, logger="tgreport")
    first = read_inputs([folder], cache=True)
    first_warnings = [r.getMessage() for r in caplog.records]
    assert len(first_warnings) == 2
    caplog.clear()
    monkeypatch.setattr(pool, "read_pooled", lambda *a: pytest.fail("read again"))
    second = read_inputs([folder], cache=True)
    assert second.articles == first.articles
    assert [r.getMessage() for r in caplog.records] == first_warnings


def test_config_file_can_turn_the_cache_off(folder: Path, tmp_path: Path) -> None:
    config = tmp_path / "report.toml"
    config.write_text("cache = false\n", encoding="utf-8")
    assert main([str(folder), "-o", str(tmp_path / "a.json"), "-q", "--config", str(config)]) == 0
    assert cache_files() == []


def test_the_reports_being_written_are_not_read_under_any_name(tmp_path: Path) -> None:
    # A JSON digest written into its input folder is tgreport's own JSON, which the reader takes
    # on purpose: as the output of this run it must be left out, whether named as -o names it,
    # through a symbolic link or by a hard link.
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    out = folder / "digest.json"
    assert main([str(folder), "-o", str(out), "-q", "--no-cache"]) == 0
    (folder / "link.json").symlink_to(out)
    os.link(out, folder / "hard.json")
    result = read_inputs([folder], exclude=[out])
    assert len(result.articles) == 5
    assert sorted(Path(a.source).name for a in result.articles) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(read_inputs([folder]).articles) > 5  # without `exclude` they are read, as inputs
