"""Hostile and broken inputs through make-report: skipped with a named warning, never a traceback."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from rel_helpers import (
    FORMATS,
    REMOVED_CONTROLS,
    SUFFIX,
    assert_complete,
    cli_env,
    contains,
    is_nfc,
    text_of,
    without_dac_override,
)

from tgreport.cli import main

GOOD_TITLE = "Đảng ủy Khối triển khai nhiệm vụ công tác tuyên giáo năm 2021"
GOOD_BODY = (
    "Sáng 6-1, tại Hà Nội, Đảng ủy Khối Các cơ quan Trung ương tổ chức Hội nghị tổng kết công tác "
    "tuyên giáo năm 2020, triển khai nhiệm vụ năm 2021."
)
GOOD = f"{GOOD_TITLE}\n21:38' 7/1/2021\n\n{GOOD_BODY}\n\nHội nghị thống nhất các nhiệm vụ trọng tâm.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _folder(tmp_path: Path, **files: bytes | str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, content in files.items():
        name = name.replace("__", ".")
        if isinstance(content, str):
            (folder / name).write_text(content, encoding="utf-8")
        else:
            (folder / name).write_bytes(content)
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def _warned(err: str, name: str) -> bool:
    return any(name in line and "WARNING" in line for line in err.splitlines())


def _only_outputs(folder: Path, *names: str) -> None:
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_files_are_skipped_and_named_and_the_report_is_made_from_the_rest(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(
        tmp_path,
        empty__txt=b"",
        blank__txt=" \n\r\n\t\n",
        photo__txt=PNG + bytes(200),
        scan__txt=PDF,
        noise__txt=random.Random(9).randbytes(4096),
    )
    huge = folder / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 50 MB + 1 byte on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024 + 1)
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    out = tmp_path / "out" / f"digest{SUFFIX[fmt]}"
    out.parent.mkdir()
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    for name in ("empty.txt", "blank.txt", "photo.txt", "scan.txt", "noise.txt", "huge.txt", "loop_a.txt"):
        assert _warned(err, name), f"no warning naming {name}:\n{err}"
    data = out.read_bytes()
    assert_complete(fmt, data)
    assert contains(fmt, data, GOOD_BODY)
    _only_outputs(out.parent, out.name)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("photo.txt", PNG, "PNG image"),
        ("scan.txt", PDF, "PDF document"),
        ("noise.txt", random.Random(1).randbytes(2048), "binary"),
        ("controls.txt", bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_the_warning_says_why(
    name: str, content: bytes, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, **{name.replace(".", "__"): content})
    code, err = _run(capsys, str(folder), "-o", str(tmp_path / "d.json"))
    assert code == 0
    line = next(line for line in err.splitlines() if name in line)
    assert reason in line and "skipped" in line


def test_a_file_above_the_limit_is_refused_without_being_read(tmp_path: Path) -> None:
    # The file is sparse, 60 MB of nothing; were it read, peak memory would show it.
    import tracemalloc

    from tgreport.errors import InputError
    from tgreport.read import read_path
    from tgreport.settings import Settings

    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="50 MB input limit") as caught:
            read_path(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024
    assert caught.value.path == str(big)
    small_limit = Settings(max_input_bytes=100)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(InputError, match="input limit"):
        read_path(tmp_path / "a.txt", small_limit)
    assert read_path(tmp_path / "a.txt", Settings(max_input_bytes=len(GOOD.encode()) + 1))


def test_a_file_that_grows_while_it_is_read_is_read_whole_within_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The read is sized by fstat; a file longer by then (still being saved by a scraper) must
    # not come back cut at the size fstat saw, nor pass the limit unchecked.
    from tgreport.errors import InputError
    from tgreport.read import files
    from tgreport.read.files import read_bytes
    from tgreport.settings import Settings

    page = tmp_path / "a.txt"
    page.write_text(GOOD, encoding="utf-8")
    data = GOOD.encode()
    real_fstat = os.fstat

    def stale(fd: int) -> os.stat_result:  # the size before the last 100 bytes were written
        now = real_fstat(fd)
        return os.stat_result((now.st_mode, *now[1:6], now.st_size - 100, *now[7:]))

    monkeypatch.setattr(files.os, "fstat", stale)
    assert read_bytes(page, Settings()) == data
    with pytest.raises(InputError, match="input limit"):
        read_bytes(page, Settings(max_input_bytes=len(data) - 50))


def test_utf16_text_with_nul_bytes_is_not_taken_for_binary(tmp_path: Path) -> None:
    from tgreport.read.files import binary_kind

    data = GOOD.encode("utf-16")
    assert b"\x00" in data
    assert binary_kind(data) is None
    assert binary_kind(GOOD.encode("utf-8")) is None
    assert binary_kind(PNG) == "a PNG image"


# Every format gets the full megabyte: the ReportLab exporter once took 773 s on it (it re-wrapped
# the rest of the paragraph at every page break) and now lays long paragraphs out in pieces.
@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "size"), [(f, 1024 * 1024) for f in FORMATS])
def test_a_one_megabyte_line(fmt: str, size: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = ["Đảng", "ủy", "Khối", "tổ", "chức", "hội", "nghị", "tổng", "kết", "công", "tác", "năm"]
    rng = random.Random(3)
    line = ""
    while len(line.encode()) < size:
        line += " ".join(rng.choice(words) for _ in range(200)) + " "
    folder = _folder(tmp_path, long__txt=f"Một dòng rất dài\n{line}\n")
    out = tmp_path / f"d{SUFFIX[fmt]}"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert_complete(fmt, data)
    assert contains(fmt, data, GOOD_BODY)
    # The long line is either in the report or named in a warning; it never vanishes silently.
    assert contains(fmt, data, line[:2000]) or _warned(err, "long.txt")


# Text cases: the file is read, and its words must come out right in every format.
MIXED_EOL = (
    "Tiêu đề dòng kết thúc hỗn hợp\r\nDòng thứ nhất kết thúc CRLF.\rDòng thứ hai kết thúc CR.\n"
    "Dòng thứ ba LF.\r\n"
)
NFD_TITLE = unicodedata.normalize("NFD", "Thủ tướng Phạm Minh Chính chủ trì hội nghị Chính phủ")
NFD_BODY = unicodedata.normalize("NFD", "Nghị quyết số 01/NQ-CP về nhiệm vụ, giải pháp chủ yếu năm 2022.")
CONTROL_BODY = "Đả\u200bng ủy\u00ad Khối\x07 họp\x00 bàn\u200d việc\ufeff năm\x1b 2021."
MARKUP = [
    "<script>alert('x')</script>",
    "<para>",
    "<font name=x>",
    "<b>chưa đóng",
    "&amp;",
    "Nam & Bắc",
    "]]>",
    "</td></tr>",
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_mixed_line_endings(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, eol__txt=MIXED_EOL.encode("utf-8"))
    out = tmp_path / f"d{SUFFIX[fmt]}"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    text = text_of(fmt, data)
    for line in ("Dòng thứ nhất kết thúc CRLF.", "Dòng thứ hai kết thúc CR.", "Dòng thứ ba LF."):
        assert contains(fmt, data, line)
        assert f"{line}Dòng" not in text.replace(" ", ""), "two lines glued together"
    assert "\r" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_nfd_text_comes_out_nfc(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, nfd__txt=f"{NFD_TITLE}\n\n{NFD_BODY}\n")
    out = tmp_path / f"d{SUFFIX[fmt]}"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    text = text_of(fmt, data)
    assert is_nfc(text)
    assert contains(fmt, data, unicodedata.normalize("NFC", NFD_BODY))


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_and_zero_width_characters_are_removed(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, ctl__txt=f"Tiêu đề có ký tự\x0c điều khiển\n\n{CONTROL_BODY}\n")
    out = tmp_path / f"d{SUFFIX[fmt]}"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    text = text_of(fmt, data)
    assert contains(fmt, data, "Đảng ủy Khối họp bàn việc năm 2021.")
    # pdftotext itself marks page breaks with a form feed
    removed = [c for c in REMOVED_CONTROLS if not (fmt == "pdf" and c == "\x0c")]
    assert not {f"U+{ord(c):04X}" for c in removed if c in text}


@pytest.mark.parametrize("fmt", FORMATS)
def test_markup_in_titles_and_bodies_is_text(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "Tiêu đề " + " ".join(MARKUP[:4])
    body = "Nội dung " + " ".join(MARKUP)
    folder = _folder(tmp_path, markup__txt=f"{title}\n\n{body}\n")
    out = tmp_path / f"d{SUFFIX[fmt]}"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert_complete(fmt, data)
    assert contains(fmt, data, body), "markup in the text was lost or interpreted"
    assert contains(fmt, data, GOOD_BODY)


@pytest.mark.parametrize("fmt", FORMATS)
def test_lookalike_letters_warn_and_are_kept_as_written(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "Tỉnh ủy Bắc Ninh quán triệt Nghị quyết củ\u0430 Đảng về kh\u03bfa học"  # Cyrillic а, Greek ο
    folder = _folder(tmp_path, lookalike__txt=f"{title}\n\nBài viết có chữ giống nhau về hình dạng.\n")
    out = tmp_path / f"d{SUFFIX[fmt]}"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    warning = next(line for line in err.splitlines() if "lookalike.txt" in line and "look-alike" in line)
    assert "củ\u0430" in warning and "U+0430" in warning
    assert "kh\u03bfa" in warning and "U+03BF" in warning
    # never rewritten: the author's (mistyped) words are what the report shows
    assert contains(fmt, out.read_bytes(), "Bài viết có chữ giống nhau về hình dạng.")


@pytest.mark.parametrize("fmt", FORMATS)
def test_impossible_date_is_not_invented(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feb31.txt").write_text(
        "Hội nghị tổng kết ngày không có thật\n31/2/2021\n\nBài viết mang một ngày không tồn tại.\n",
        encoding="utf-8",
    )
    out = tmp_path / f"d{SUFFIX[fmt]}"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert contains(fmt, data, "Bài viết mang một ngày không tồn tại.")
    text = text_of(fmt, data)
    for invented in ("03/03/2021", "28/02/2021", "ngày 03 tháng 3 năm 2021", "ngày 28 tháng 02 năm 2021"):
        assert invented not in text
    if fmt == "json":
        article = json.loads(data)["articles"][0]
        assert article["date"] in (None, "")


@pytest.mark.parametrize("fmt", FORMATS)
def test_title_only_article(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, titleonly__txt="Chỉ có tiêu đề mà không có nội dung\n")
    out = tmp_path / f"d{SUFFIX[fmt]}"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert_complete(fmt, data)
    assert contains(fmt, data, "Chỉ có tiêu đề mà không có nội dung") or _warned(err, "titleonly.txt")


LEGACY = "Ủy ban nhân dân tỉnh Quảng Ninh ban hành kế hoạch phát triển kinh tế – xã hội năm 2021."


def _iconv(text: str, encoding: str) -> bytes:
    done = subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", encoding], input=text.encode(), capture_output=True, check=True
    )
    return done.stdout


ENCODINGS = {
    "utf-8-sig": lambda t: t.encode("utf-8-sig"),
    "utf-16": lambda t: t.encode("utf-16"),
    "cp1258": lambda t: _iconv(t, "CP1258"),  # tones as combining marks: must come out NFC
    "viscii": lambda t: _iconv(t, "VISCII"),
    "tcvn3": lambda t: _iconv(t, "TCVN5712-1"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_every_encoding(encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = f"Kế hoạch năm 2021 của tỉnh\r\n\r\n{LEGACY}\r\n"
    folder = _folder(tmp_path, legacy__txt=ENCODINGS[encoding](sample.replace("–", "-")))
    out = tmp_path / "d.json"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert contains("json", data, LEGACY.replace("–", "-")), f"{encoding} text decoded wrong:\n{err}"
    assert is_nfc(data.decode("utf-8"))


def test_a_file_mixing_two_encodings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A scraper glued a UTF-8 page and a Windows-1258 page into one file.
    mixed = "Tiêu đề bài viết ghép\n\nPhần UTF-8 của bài viết.\n".encode() + _iconv(LEGACY + "\n", "CP1258")
    folder = _folder(tmp_path, mixed__txt=mixed)
    out = tmp_path / "d.json"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert contains("json", data, GOOD_BODY)
    # Either both halves decoded right, or the file named in a warning; never silent mojibake.
    text = text_of("json", data)
    assert (contains("json", data, "Phần UTF-8 của bài viết.") and contains("json", data, LEGACY)) or (
        _warned(err, "mixed.txt") and "Ã" not in text
    )


def test_a_folder_of_only_bad_files_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(PNG)
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    code, err = _run(capsys, str(folder), "-o", str(out / "d.pdf"))
    assert code == 1
    assert "no usable article" in err
    for name in ("empty.txt", "photo.txt", "bad.json"):
        assert _warned(err, name)
    assert list(out.iterdir()) == []


def test_a_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    code, err = _run(capsys, str(folder), str(tmp_path / "khong-co.txt"), "-o", str(tmp_path / "d.json"))
    assert code == 2
    assert "khong-co.txt" in err and "no such file" in err
    assert not (tmp_path / "d.json").exists()


def test_a_broken_link_named_directly_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink("self.txt", tmp_path / "self.txt")
    code, err = _run(capsys, str(tmp_path / "self.txt"), "-o", str(tmp_path / "d.json"))
    assert code == 2
    assert "self.txt" in err and "loop" in err


def test_a_link_to_a_parent_folder_does_not_trap_the_walk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    out = tmp_path / "d.json"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0
    assert _warned(err, "up")
    assert len(json.loads(out.read_bytes())["articles"]) == 1


def test_a_file_reached_by_two_names_is_read_once_under_a_stable_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    outs = []
    for order in ([str(folder / "good.txt"), str(folder)], [str(folder), str(folder / "." / "good.txt")]):
        out = tmp_path / f"d{len(outs)}.json"
        assert _run(capsys, *order, "-o", str(out))[0] == 0
        outs.append(json.loads(out.read_bytes())["articles"])
    assert len(outs[0]) == 1
    assert outs[0][0]["source"] == outs[1][0]["source"] == str(folder / "good.txt")


def _powerless(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        without_dac_override([sys.executable, "-m", "tgreport", *args]),
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=300,
    )


def test_an_unreadable_file_is_skipped(tmp_path: Path) -> None:
    folder = _folder(tmp_path, secret__txt="Bài viết không được phép đọc\n\nNội dung mật.\n")
    (folder / "secret.txt").chmod(0o000)
    result = _powerless(str(folder), "-o", str(tmp_path / "d.json"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert _warned(result.stderr, "secret.txt") and "Permission denied" in result.stderr
    assert len(json.loads((tmp_path / "d.json").read_bytes())["articles"]) == 1


@pytest.mark.parametrize("fmt", ["json", "pdf"])
def test_a_read_only_output_folder_is_a_clear_error(fmt: str, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = _powerless(str(folder), "-o", str(out / f"d{SUFFIX[fmt]}"))
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert str(out) in result.stderr and "Permission denied" in result.stderr
        assert list(out.iterdir()) == []
    finally:
        out.chmod(0o755)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_output_in_a_missing_folder(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    code, err = _run(capsys, str(folder), "-o", str(tmp_path / "khong" / f"d{SUFFIX[fmt]}"))
    assert code == 1
    assert "does not exist" in err and str(tmp_path / "khong") in err
    assert not (tmp_path / "khong").exists()


@pytest.mark.parametrize("name", ["d.odt", "d.PDFX", "digest", "d.txt"])
def test_an_unknown_output_suffix_is_a_usage_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    code, err = _run(capsys, str(folder), "-o", str(tmp_path / name))
    assert code == 2
    assert "use -f" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("views.json", '{"title": "Lượt xem sai", "views": "nhiều lắm", "blocks": ["Nội dung."]}'),
        ("stamp.json", '{"title": "Ngày sai", "published": "2021-02-31T08:00", "blocks": ["Nội dung."]}'),
        ("blocks.json", '{"title": "Khối sai", "blocks": [{"type": "video", "text": "x"}]}'),
        ("nulls.jsonl", '{"title": "Dòng một", "blocks": ["A."]}\n[1, 2]\n'),
        ("broken.html", "<html><body><p>Chưa đóng thẻ <div><span>" * 2000),
    ],
)
def test_hostile_structured_files(
    name: str, content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, **{name.replace(".", "__"): content})
    out = tmp_path / "d.json"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    articles = json.loads(out.read_bytes())["articles"]
    # Skipped with a warning naming it, or read into articles; never a crash, never silence.
    assert _warned(err, name) or any(name.split(".")[0] in a["source"] for a in articles)
    assert any(a["source"].endswith("good.txt") for a in articles)


def test_a_fifo_among_the_inputs_does_not_hang_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    out = tmp_path / "d.json"
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0
    assert _warned(err, "pipe.txt")
    code, err = _run(capsys, str(folder / "pipe.txt"), str(folder / "good.txt"), "-o", str(out))
    assert code == 0
    assert _warned(err, "pipe.txt") and "not a regular file" in err


@pytest.mark.parametrize("fmt", ["html", "json"])
def test_a_report_written_into_its_own_input_folder_does_not_feed_the_next_run(
    fmt: str, seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    out = folder / f"digest{SUFFIX[fmt]}"
    assert _run(capsys, str(folder), "-o", str(out))[0] == 0
    first = out.read_bytes()
    code, err = _run(capsys, str(folder), "-o", str(out))
    assert code == 0, err
    assert out.read_bytes() == first, "the previous report came back as input"
