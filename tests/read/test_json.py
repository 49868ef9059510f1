"""A large JSON Lines file is read a line at a time (issue 21, case 9): what it gives must be what
reading the whole text gives, line numbers, warnings and errors included."""

from __future__ import annotations

import codecs
import importlib
import json
from pathlib import Path

import pytest

from tgreport.read import FileRead, read_file
from tgreport.settings import Settings

json_reader = importlib.import_module("tgreport.read.json")  # the module, not the json package
SETTINGS = Settings(cache=False)


def _record(n: int, text: str = "") -> str:
    return json.dumps({"title": f"Tin số {n}", "blocks": [f"Nội dung bài viết số {n}. {text}"]},
                      ensure_ascii=False)


def _both(path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool) -> tuple[FileRead, FileRead]:
    """(read a line at a time, read whole) of the same file; `streamed`: whether the first
    must have been read a line at a time, never whole."""
    if streamed:
        with monkeypatch.context() as patched:
            def whole(*_: object) -> bytes:
                raise AssertionError("read whole")

            patched.setattr(json_reader, "read_bytes", whole)
            by_line = read_file(path, SETTINGS)
    else:
        by_line = read_file(path, SETTINGS)
    def refused(*_: object) -> None:
        raise json_reader._NotStreamed

    monkeypatch.setattr(json_reader, "_streamed_lines", refused)
    return by_line, read_file(path, SETTINGS)


def _same(a: FileRead, b: FileRead) -> None:
    assert a.articles == b.articles
    assert str(a.error) == str(b.error)
    assert a.notes == b.notes


MANY = 3000  # about 200 KiB of records each way: more than the head the encoding is judged by


@pytest.mark.parametrize("piece", [7, 4096, 1 << 20])  # read in pieces of this many bytes
def test_a_large_file_read_a_line_at_a_time_gives_what_reading_it_whole_gives(
    piece: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_reader, "_PIECE_BYTES", piece)
    lines = [_record(n, "Hội nghị tổng kết công tác tuyên giáo năm 2021.") for n in range(MANY)]
    lines[10] = lines[10][:30]  # a cut line
    lines[20] = "[1, 2]"  # not an object
    lines[30] = ""  # blank lines count in the line numbers
    lines[40] = _record(40, "Một dòng\u2028tách đôi")  # U+2028 in a string: two lines once cleaned
    lines[50] = _record(50, "khoảng\u00a0trắng") + "\r"  # a CR LF line end; a no-break space
    lines[60] = '{"title": 5, "text": "Nội dung"}'  # a field of the wrong type
    path = tmp_path / "large.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    by_line, whole = _both(path, monkeypatch, streamed=True)
    _same(by_line, whole)
    assert len(whole.articles) == MANY - 5
    assert whole.articles[0].id == "large-1" and whole.articles[-1].title == f"Tin số {MANY - 1}"
    assert whole.notes and "line 11 (invalid JSON" in whole.notes[0][1]


@pytest.mark.parametrize("how", ["bom", "cut", "mojibake", "cp1258", "empty"])
def test_a_large_file_that_is_not_plain_utf8_is_read_whole(
    how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n".join(_record(n, "Hội nghị tổng kết công tác tuyên giáo năm 2021.") for n in range(MANY))
    data = text.encode("utf-8")
    if how == "bom":
        data = codecs.BOM_UTF8 + data
    elif how == "cut":
        data += b"\n" + _record(MANY).encode("utf-8")[:-3] + "ả".encode()[:1]  # cut mid-character
    elif how == "mojibake":  # one late line of UTF-8 read as cp1252: repaired, and said so
        garbled = "Hội nghị tổng kết công tác tuyên giáo của Tỉnh ủy".encode().decode("cp1252")
        data += b"\n" + json.dumps({"title": garbled, "blocks": [garbled]}, ensure_ascii=False).encode()
    elif how == "cp1258":
        data = text.encode("cp1258", "replace")
    else:
        data = b" \n" * (json_reader._HEAD_BYTES)
    path = tmp_path / "large.jsonl"
    path.write_bytes(data)
    by_line, whole = _both(path, monkeypatch, streamed=False)
    _same(by_line, whole)
    assert bool(whole.notes) == (how in ("cut", "mojibake", "cp1258"))
    assert (whole.error is not None) == (how == "empty")


def test_one_record_takes_the_file_name_as_its_id_either_way(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text("\n\n" + _record(1, "x" * json_reader._HEAD_BYTES) + "\n\n", encoding="utf-8")
    assert [a.id for a in read_file(path, SETTINGS).articles] == ["one"]
