"""find_inputs walks folders with one real-path lookup per folder: the same files, names and
warnings as os.walk with a real-path lookup per file."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from tgreport.read import discover
from tgreport.read.discover import find_inputs
from tgreport.read.registry import suffixes

INPUT_SUFFIXES = suffixes()


def _reference(paths: list[Path]) -> list[Path]:
    """find_inputs as it was: os.walk, Path.is_file and os.path.realpath for every file."""
    found: dict[str, Path] = {}

    def add(file: Path) -> None:
        key = os.path.realpath(file)
        if key not in found or discover._order(file) < discover._order(found[key]):
            found[key] = file

    for path in paths:
        if not path.is_dir():
            add(path)
            continue
        for root, dirs, names in os.walk(path, followlinks=False, onerror=discover._log_walk_error):
            dirs.sort()
            for name in dirs:
                if not name.startswith(".") and os.path.islink(os.path.join(root, name)):
                    discover.log.warning("%s: a symbolic link to a folder; not followed", Path(root) / name)
            for name in sorted(names):
                file = Path(root) / name
                if name.startswith(".") or file.suffix.lower() not in INPUT_SUFFIXES:
                    continue
                if file.is_file():
                    add(file)
                elif file.is_symlink():
                    discover.log.warning("%s: broken symbolic link, or a loop of links; skipped", file)
                else:
                    discover.log.warning("%s: not a regular file; skipped", file)
    return sorted(found.values(), key=discover._order)


def _tree(base: Path) -> Path:
    top = base / "in"
    for name in ("a.txt", "B.HTML", "c.json", "notes.md", ".hidden.txt", "sub/d.txt", "sub/deeper/e.jsonl",
                 ".git/f.txt", "Z/g.htm", "other/h.txt"):  # fmt: skip
        path = top / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Hội nghị tổng kết công tác năm 2021.", encoding="utf-8")
    (top / "link_to_a.txt").symlink_to(top / "a.txt")  # one file, two names
    (top / "outside.txt").symlink_to(base / "elsewhere.txt")
    (base / "elsewhere.txt").write_text("x", encoding="utf-8")
    (top / "broken.txt").symlink_to(base / "missing.txt")
    (top / "linked_folder").symlink_to(top / "other")
    os.mkfifo(top / "pipe.txt")
    (base / "via").symlink_to(top)  # the folder named through a link
    return top


@pytest.mark.parametrize(
    "named",
    [
        lambda top: [top],
        lambda top: [top.parent / "via"],
        lambda top: [top / "sub", top, top / "a.txt"],
        lambda top: [top / "link_to_a.txt", top.parent / "via" / "sub"],
    ],
)
def test_the_walk_finds_what_the_per_file_lookup_found(
    named: object, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    top = _tree(tmp_path)
    paths = named(top)  # type: ignore[operator]
    caplog.set_level(logging.WARNING)
    expected = _reference(paths)
    warned = [r.getMessage() for r in caplog.records]
    caplog.clear()
    assert find_inputs(paths, follow_links=True) == expected  # the reference follows every link
    assert [r.getMessage() for r in caplog.records] == warned
    if top in paths:
        names = [p.name for p in expected]
        assert "a.txt" in names and "link_to_a.txt" not in names and "f.txt" in names
        assert len(warned) == 3  # the linked folder, the broken link, the pipe


def test_a_loop_of_links_is_a_broken_link_not_an_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    top = _tree(tmp_path)
    (top / "loop_a.txt").symlink_to(top / "loop_b.txt")
    (top / "loop_b.txt").symlink_to(top / "loop_a.txt")
    caplog.set_level(logging.WARNING)
    expected = _reference([top])
    warned = [r.getMessage() for r in caplog.records]
    caplog.clear()
    assert find_inputs([top], follow_links=True) == expected
    assert [r.getMessage() for r in caplog.records] == warned
    assert sum(m.startswith(str(top / "loop_")) and "broken symbolic link" in m for m in warned) == 2
