"""The reader registry: built-ins by suffix, third-party readers by entry point, like exporters."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import tgreport
from tgreport.errors import InputError, UsageError
from tgreport.model import Article, Paragraph
from tgreport.read import find_inputs, registry
from tgreport.settings import Settings


class _FakeEntryPoints:
    def __init__(self, *eps: EntryPoint) -> None:
        self.eps = eps

    def __call__(self, group: str) -> tuple[EntryPoint, ...]:
        return self.eps if group == registry.ENTRY_POINT_GROUP else ()


def read_markdown(path: Path, settings: Settings) -> list[Article]:
    """A third party's reader: '# title' then paragraphs."""
    lines = path.read_text(encoding="utf-8").split("\n\n")
    if not lines[0].startswith("# "):
        raise InputError("no '# title' line", path)
    return [Article(id=path.stem, source=str(path), title=lines[0][2:].strip(),
                    blocks=tuple(Paragraph(p.strip()) for p in lines[1:] if p.strip()))]


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    module = types.ModuleType("tgreport_md_reader")
    module.read_markdown = read_markdown  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tgreport_md_reader", module)
    eps = (
        EntryPoint("md", "tgreport_md_reader:read_markdown", registry.ENTRY_POINT_GROUP),
        EntryPoint(".txt", "tgreport_md_reader:read_markdown", registry.ENTRY_POINT_GROUP),  # taken
    )
    monkeypatch.setattr(registry, "entry_points", _FakeEntryPoints(*eps))
    registry._targets.cache_clear()
    yield
    registry._targets.cache_clear()


def test_builtins_cover_the_documented_suffixes() -> None:
    assert set(registry.suffixes()) >= {".txt", ".html", ".htm", ".json", ".jsonl"}
    assert registry.reader_for(Path("a.TXT")).__name__ == "read_text"
    with pytest.raises(UsageError, match=r"no reader for '\.docx' files"):
        registry.reader_for(Path("a.docx"))


def test_a_builtin_reader_is_found_without_looking_at_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(group: str) -> tuple[EntryPoint, ...]:
        raise AssertionError("entry points scanned")

    monkeypatch.setattr(registry, "entry_points", unexpected)
    registry._targets.cache_clear()
    try:
        assert registry.reader_for(Path("a.HTML")).__name__ == "read_html"
        # The fork server's list of reader modules, for files named one by one, too.
        assert registry.modules_for(["1.txt", "2.html"]) == ["tgreport.read.html", "tgreport.read.text"]
        with pytest.raises(AssertionError, match="entry points scanned"):
            registry.reader_for(Path("a.md"))  # only a suffix no built-in reads is looked up
    finally:
        registry._targets.cache_clear()


def test_a_folder_of_builtin_files_is_walked_without_looking_at_entry_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Scanning the installed distributions is some 15 ms of every run on a folder: only a file
    # of a suffix no built-in reads calls for it.
    scans: list[str] = []

    def counted(group: str) -> tuple[EntryPoint, ...]:
        scans.append(group)
        return ()

    monkeypatch.setattr(registry, "entry_points", counted)
    registry._targets.cache_clear()
    try:
        for name in ("a.txt", "b.HTML", "c.jsonl"):
            (tmp_path / name).write_text("x", encoding="utf-8")
        assert [p.name for p in find_inputs([tmp_path])] == ["a.txt", "b.HTML", "c.jsonl"]
        assert scans == []
        (tmp_path / "d.md").write_text("x", encoding="utf-8")
        (tmp_path / "e.pdf").write_text("x", encoding="utf-8")
        assert [p.name for p in find_inputs([tmp_path])] == ["a.txt", "b.HTML", "c.jsonl"]
        assert scans == [registry.ENTRY_POINT_GROUP]  # once, for both
    finally:
        registry._targets.cache_clear()


def test_a_reading_process_imports_only_the_readers_of_the_files_given() -> None:
    assert registry.modules_for(["a/1.txt", "b/2.TXT"]) == ["tgreport.read.text"]
    assert registry.modules_for(["1.htm", "2.html", "3.jsonl", "4.txt", "5.docx"]) == [
        "tgreport.read.html", "tgreport.read.json", "tgreport.read.text"]
    assert registry.modules_for([]) == []


def test_a_third_party_reader_is_found_and_used_like_a_builtin(
    plugin: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.md").write_text("# Tin từ Markdown\n\nĐoạn một.\n\nĐoạn hai.", encoding="utf-8")
    (tmp_path / "b.md").write_text("không có tiêu đề", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Tin văn bản\n\nNội dung bài viết văn bản.", encoding="utf-8")
    with caplog.at_level("WARNING"):
        result = tgreport.read([tmp_path])
    assert ".md" in registry.suffixes()
    titles = sorted(a.title or "" for a in result.articles)
    assert titles == ["Tin từ Markdown", "Tin văn bản"]  # .txt still read by the built-in reader
    assert [Path(e.path or "").name for e in result.skipped] == ["b.md"]
    assert registry.modules_for(["a.md", "c.txt"]) == ["tgreport.read.text", "tgreport_md_reader"]
    assert any("'.txt' from" in r.getMessage() and "already taken" in r.getMessage() for r in caplog.records)
