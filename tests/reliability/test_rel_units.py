"""The reliability pieces one by one: the atomic writer, the binary sniffer, discovery, the API."""

from __future__ import annotations

import errno
import io
import json
import os
from pathlib import Path

import pytest
from rel_helpers import make_report

import tgreport
from tgreport.errors import ExportError, InputError, UsageError
from tgreport.model import Report
from tgreport.read import find_inputs, read_path
from tgreport.read.files import binary_kind
from tgreport.support.atomic import TEMP_PREFIX, write_atomic


def test_ctrl_c_inside_the_writer_removes_the_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "digest.docx"
    target.write_bytes(b"old")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["digest.docx"]


def test_file_too_large_is_said_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def too_big(fd: int) -> None:
        raise OSError(errno.EFBIG, os.strerror(errno.EFBIG))

    monkeypatch.setattr(os, "fsync", too_big)
    with pytest.raises(ExportError, match="larger than this system allows") as caught:
        write_atomic(tmp_path / "digest.pdf", b"%PDF-")
    assert caught.value.path == str(tmp_path / "digest.pdf")
    assert not any(p.name.startswith(TEMP_PREFIX) for p in tmp_path.iterdir())


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (DOCX, EPUB, …)"),
        (b"\x7fELF\x02\x01", "a program"),
        ("Tin tức có một ký tự NUL lạc\x00 giữa câu. ".encode() + "Câu bình thường. ".encode() * 10, None),
        (b"\x00" * 10 + b"abc", "a binary file (it holds NUL bytes)"),
        ("Kế hoạch".encode("utf-16-le"), "a binary file (it holds NUL bytes)"),  # no BOM: no way to tell
        ("Kế hoạch".encode("utf-16"), None),
        ("Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ trong VISCII rồi chữ thường".encode(), None),
    ],
)
def test_binary_sniffing(data: bytes, kind: str | None) -> None:
    assert binary_kind(data) == kind


def test_viscii_capitals_are_not_taken_for_binary() -> None:
    # VISCII puts Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ at 0x02 0x05 0x06 0x14 0x19 0x1E; a heading in capitals has a few.
    heading = "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2021 CỦA TỈNH QUẢNG NINH VÀ TỈNH YÊN BÁI"
    text = (heading + "\n" + "Nội dung bình thường của bài viết. " * 20).encode("utf-8")
    viscii_like = text.replace("Ỹ".encode(), b"\x19").replace("Ẳ".encode(), b"\x02")
    assert binary_kind(viscii_like + b"\x19\x02\x05\x06") is None


def test_discovery_skips_hidden_files_other_suffixes_and_temporaries(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tin\n\nBài.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Tin ẩn", encoding="utf-8")
    (tmp_path / f"{TEMP_PREFIX}digest.json.123.abc").write_text("{}", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "B.HTML").write_text("<p>Tin</p>", encoding="utf-8")
    assert [p.name for p in find_inputs([tmp_path])] == ["a.txt", "B.HTML"]


def test_discovery_order_ignores_the_order_given(tmp_path: Path) -> None:
    names = ["b.txt", "A.txt", "c.json", "a.html"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    forward = find_inputs([tmp_path / n for n in names])
    backward = find_inputs([tmp_path / n for n in reversed(names)])
    assert forward == backward == find_inputs([tmp_path])


def test_an_earlier_html_digest_in_the_input_folder_is_skipped(tmp_path: Path) -> None:
    old = tmp_path / "ban-tin-tuan-truoc.html"
    old.write_bytes(tgreport.render(make_report(2), "html"))
    with pytest.raises(InputError, match="a report that tgreport made"):
        read_path(old)
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta name="generator" content="WordPress 6.4"></head>'
        "<body><h1>Tiêu đề bài viết</h1><p>Nội dung bài viết đầy đủ câu chữ.</p></body></html>",
        encoding="utf-8",
    )
    assert read_path(page)


def test_render_returns_bytes_and_write_writes_them(tmp_path: Path) -> None:
    report = make_report(2)
    data = tgreport.render(report, "json")
    assert isinstance(data, bytes) and json.loads(data)["title"] == report.title
    written = tgreport.write(report, tmp_path / "d.json")
    assert written == tmp_path / "d.json" and written.read_bytes() == data
    forced = tgreport.write(report, tmp_path / "d.bin", format="json")
    assert forced is not None and forced.read_bytes() == data
    with pytest.raises(UsageError, match="use -f"):
        tgreport.write(report, tmp_path / "d.bin")
    stream = io.BytesIO()
    assert tgreport.write(report, stream, format="json") is None
    assert stream.getvalue() == data


def test_an_empty_report_is_refused_before_any_exporter_runs() -> None:
    with pytest.raises(UsageError, match="no articles"):
        tgreport.render(Report(title="Trống", issued=make_report(1).issued), "json")


def test_read_inputs_survives_a_reader_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tgreport.read import text as text_reader

    (tmp_path / "a.txt").write_text("Tin một\n\nBài một.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Tin hai\n\nBài hai.", encoding="utf-8")
    real = text_reader.read_text

    def buggy(path: Path, options: object) -> object:
        if path.name == "b.txt":
            raise ZeroDivisionError("a reader bug")
        return real(path, options)  # type: ignore[arg-type]

    monkeypatch.setattr(text_reader, "read_text", buggy)
    result = tgreport.read([tmp_path])
    assert [a.source for a in result.articles] == [str(tmp_path / "a.txt")]
    assert len(result.skipped) == 1 and "ZeroDivisionError" in str(result.skipped[0])
    assert result.skipped[0].path == str(tmp_path / "b.txt")
