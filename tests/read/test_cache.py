"""The read cache: a second run reads nothing unchanged again, and says and makes the same."""

from __future__ import annotations

import importlib
import json
import logging
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from factories import SEEDS
from tgreport.cli import main
from tgreport.pipeline import read
from tgreport.read import cache as readcache
from tgreport.read import registry
from tgreport.settings import Settings
from tgreport.vn.encodings import encode_legacy

CACHED = Settings(cache=True)


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
    return sorted(Path(os.environ["TGREPORT_CACHE_DIR"]).glob("*.json"))


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the text reader is asked to read from now on."""
    calls: list[Path] = []
    real = registry.reader_for

    def counting(path: Path):  # type: ignore[no-untyped-def]
        reader = real(path)

        def reading(p: Path, settings: Settings) -> list:  # type: ignore[type-arg]
            calls.append(p)
            return reader(p, settings)

        return reading

    monkeypatch.setattr(registry, "reader_for", counting)
    return calls


def test_json_records_are_read_from_their_file_not_kept_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A JSON input is what the cache would keep: it is read from the file each run, and only
    # the page text beside it is kept.
    record = {"title": "Tin ngắn", "date": "2024-05-01", "blocks": ["Đoạn một."]}
    (folder / "tin.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (folder / "tin2.jsonl").write_text(json.dumps(record | {"title": "Tin hai"}, ensure_ascii=False),
                                       encoding="utf-8")
    first = read([folder], CACHED)
    (bundle,) = cache_files()
    kept = json.loads(bundle.read_text(encoding="utf-8"))["files"]
    assert "tin.json" not in kept and "tin2.jsonl" not in kept
    assert {p.name for p in folder.glob("0*.txt")} <= set(kept)
    calls = count_reads(monkeypatch)
    second = read([folder], CACHED)
    assert sorted(p.name for p in calls) == ["photo.txt", "tin.json", "tin2.jsonl"]
    assert second.articles == first.articles
    assert {"Tin ngắn", "Tin hai"} <= {a.title for a in second.articles}


def test_second_read_uses_the_cache_and_gives_the_same(
    folder: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger="tgreport")
    first = read([folder], CACHED)
    first_said = [(r.levelno, r.getMessage()) for r in caplog.records]
    assert len(cache_files()) == 1
    assert any("tcvn3" in m for _, m in first_said) and any("photo.txt" in m for _, m in first_said)
    calls = count_reads(monkeypatch)
    caplog.clear()
    second = read([folder], CACHED)
    assert calls == [folder / "photo.txt"]  # a file that could not be read is tried again
    assert second.articles == first.articles
    assert [str(e) for e in second.skipped] == [str(e) for e in first.skipped]
    # What reading said comes again, from the cache, at the same levels and in the same order.
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == first_said


def test_the_cache_is_json_readable_by_its_owner_only(folder: Path) -> None:
    read([folder], CACHED)
    (bundle,) = cache_files()
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o600
    assert stat.S_IMODE(bundle.parent.stat().st_mode) == 0o700 or bundle.parent.exists()
    data = json.loads(bundle.read_text(encoding="utf-8"))
    assert data["format"] == readcache.FORMAT and data["folder"] == os.path.realpath(folder)
    assert "photo.txt" not in data["files"] and len(data["files"]) == 5


def test_a_changed_file_is_read_again(folder: Path) -> None:
    read([folder], CACHED)
    target = sorted(p for p in folder.glob("*.txt") if p.name != "photo.txt")[-1]
    text = target.read_text(encoding="utf-8")
    added = "\nDòng mới được thêm vào bài viết này.\n"
    target.write_text(text.replace("\n", added, 1) + "\n", encoding="utf-8")
    fresh = read([folder]).articles
    assert read([folder], CACHED).articles == fresh


def test_other_settings_or_other_code_do_not_use_the_entries(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read([folder], CACHED)
    read([folder], Settings(cache=True, extra_chrome=("Xem thêm",)))
    assert len(cache_files()) == 2  # one bundle per set of reading settings
    read([folder], Settings(cache=True, title="Another title"))  # not a reading setting
    assert len(cache_files()) == 2
    monkeypatch.setattr(readcache, "code_fingerprint", lambda: "another version of the reader")
    calls = count_reads(monkeypatch)
    read([folder], CACHED)
    assert len(calls) == len(list(folder.iterdir()))


@pytest.mark.parametrize("damage", [
    b"not json", b'{"format": 3', b"[]", b'{"format": 3, "folder": "/elsewhere", "files": {}}',
    "corrupt entries",
])
def test_a_corrupt_or_foreign_cache_is_ignored_and_read_again(
    folder: Path, damage: bytes | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = read([folder]).articles
    read([folder], CACHED)
    (bundle,) = cache_files()
    if damage == "corrupt entries":
        data = json.loads(bundle.read_text(encoding="utf-8"))
        for i, entry in enumerate(data["files"].values()):
            entry["articles"] = [{"blocks": 5}] if i % 2 else "x"
        bundle.write_text(json.dumps(data), encoding="utf-8")
    else:
        assert isinstance(damage, bytes)
        bundle.write_bytes(damage)
    calls = count_reads(monkeypatch)
    assert read([folder], CACHED).articles == expected
    assert len(calls) == 6  # every file read again


def test_an_unwritable_cache_never_fails_a_run(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = read([folder]).articles
    blocked = Path(os.environ["TGREPORT_CACHE_DIR"]) / "a-file-not-a-folder"
    blocked.write_text("x")
    monkeypatch.setenv("TGREPORT_CACHE_DIR", str(blocked))
    assert read([folder], CACHED).articles == expected


def test_a_cache_never_holds_code(folder: Path) -> None:
    # A pickle left by an older tgreport (or put there by someone else) is never loaded: removed.
    root = Path(os.environ["TGREPORT_CACHE_DIR"])
    trap = root / "old-bundle.pickle"
    trap.write_bytes(b"cos\nsystem\n(S'touch /tmp/tgreport-pwned'\ntR.")
    read([folder], CACHED)
    assert not trap.exists() and not Path("/tmp/tgreport-pwned").exists()


CROSS_PROCESS = """
import json, sys
from tgreport.pipeline import build_report, read
from tgreport.settings import Settings
result = read([sys.argv[1]], Settings(cache=sys.argv[2] == "cache"))
report = build_report(result.articles, Settings())
print(json.dumps({"ids": [a.id for a in report.all_articles()], "warnings": list(report.warnings)}))
"""


def run_in_new_process(folder: Path, seed: str, cache: bool) -> dict[str, object]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", CROSS_PROCESS, str(folder), "cache" if cache else "fresh"],
                          env=env, capture_output=True, text=True, check=True)
    return {"out": json.loads(done.stdout), "err": done.stderr}


def test_a_rerun_in_another_process_says_what_a_fresh_run_says(tmp_path: Path) -> None:
    # A folder with a.txt, one run; add b.txt (a.txt under another headline), run again: the
    # second run merges them, as a run without the cache does, whatever the hash seeds.
    folder = tmp_path / "in"
    folder.mkdir()
    body = (SEEDS / "001_5d31fa578c8d1244.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(body, encoding="utf-8")
    run_in_new_process(folder, "1", cache=True)
    lines = body.split("\n")
    (folder / "b.txt").write_text("\n".join(["Một tiêu đề khác hẳn cho cùng bài viết", *lines[1:]]),
                                  encoding="utf-8")
    fresh = run_in_new_process(folder, "2", cache=False)
    rerun = run_in_new_process(folder, "3", cache=True)
    again = run_in_new_process(folder, "4", cache=True)
    assert rerun == fresh == again
    assert len(fresh["out"]["ids"]) == 1 and any("merged" in w for w in fresh["out"]["warnings"])


def test_cli_caches_unless_told_not_to(folder: Path, tmp_path: Path) -> None:
    assert main([str(folder), "-o", str(tmp_path / "a.json"), "-q", "--no-cache"]) == 0
    assert cache_files() == []
    assert main([str(folder), "-o", str(tmp_path / "b.json"), "-q"]) == 0
    assert len(cache_files()) == 1
    assert main([str(folder), "-o", str(tmp_path / "c.json"), "-q"]) == 0
    assert (tmp_path / "b.json").read_bytes() == (tmp_path / "c.json").read_bytes() == (
        tmp_path / "a.json").read_bytes()


def test_files_read_by_worker_processes_are_cached_with_their_warnings(
    folder: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The package, not tgreport.read the function (which the package's name is bound to).
    # Six files: read by worker processes.
    monkeypatch.setattr(importlib.import_module("tgreport.read"), "POOL_MIN_FILES", 2)
    caplog.set_level(logging.WARNING, logger="tgreport")
    first = read([folder], Settings(cache=True, jobs=2))
    first_warnings = [r.getMessage() for r in caplog.records]
    assert len(first_warnings) == 2
    caplog.clear()
    calls = count_reads(monkeypatch)
    second = read([folder], Settings(cache=True, jobs=2))
    assert second.articles == first.articles and calls == [folder / "photo.txt"]
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
    result = read([folder], exclude=[out])
    assert len(result.articles) == 5
    assert sorted(Path(a.source).name for a in result.articles) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(read([folder]).articles) > 5  # without `exclude` they are read, as inputs
