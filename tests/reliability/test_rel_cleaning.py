"""One cleaning for every text that reaches an output, from any source: lone surrogates and
control characters from inputs, flags, the config file or a script; Vietnamese flags and folder
names under a C locale (issue 21, case 6)."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rel_helpers import EPOCH, FORMATS, ROOT, SUFFIX, assert_complete, html_text, make_report, text_of

import tgreport
from tgreport.settings import Settings
from tgreport.vn import printable

EPUBCHECK = "/usr/share/java/epubcheck.jar"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Hà Nội", "Hà Nội"),
        ("a\ud800b", "a\ufffdb"),  # a lone surrogate from a JSON "\ud800" escape
        ("Ti\x01êu\x0bđề\x7f\x85", "Tiêuđề"),
        ("dòng một\r\ndòng hai\tcột", "dòng một\ndòng hai\tcột"),
        ("B\udcc3\udca0i vi\udce1\udcba\udcbft", "Bài viết"),  # argv bytes under LC_ALL=C
        ("ho\u0300a", "hòa"),  # NFD comes out NFC
        ("\u200b\u00a0\u202e", "\u200b\u00a0\u202e"),  # spaces and marks are clean_text's business
    ],
)
def test_printable(given: str, expected: str) -> None:
    assert printable(given) == expected
    assert printable(expected) == expected
    expected.encode("utf-8")  # every output can hold it


def _dirty_report() -> tgreport.Report:
    base = make_report(2)
    first = base.articles[0]
    dirty = dataclasses.replace(first, id="x\ud800y", title="Tin\x01 \ud800 một", removed=("a\ud800",),
                                warnings=("w\x0b\ud800",), authors=("Tác\x07giả",))
    return dataclasses.replace(base, title="Tiêu\x01đề \ud800", organisation="Ban\x0bTuyên giáo",
                               place="Hà\x07Nội", articles=(dirty, *base.articles[1:]))


@pytest.mark.parametrize("fmt", FORMATS)
def test_controls_and_surrogates_from_a_script_reach_no_output(fmt: str) -> None:
    data = tgreport.render(_dirty_report(), fmt)
    assert_complete(fmt, data)
    text = text_of(fmt, data)
    for bad in ("\x01", "\x07", "\x0b", "\ud800"):
        assert bad not in text
    squashed = "".join(text.split()).casefold()
    for words in ("Tiêuđề", "HàNội", "BanTuyên giáo"):  # the cover may be in capitals
        assert "".join(words.split()).casefold() in squashed, words


def test_the_json_export_keeps_the_ids_readable() -> None:
    data = json.loads(tgreport.render(_dirty_report(), "json"))
    first = data["articles"][0]
    assert first["id"] == "x\ufffdy" and first["removed"] == ["a\ufffd"] and first["warnings"] == ["w\ufffd"]


@pytest.mark.slow
def test_an_epub_with_a_control_character_in_place_passes_epubcheck(tmp_path: Path) -> None:
    report = dataclasses.replace(make_report(2), place="Hà\x01Nội", organisation="Ban\x1fX")
    book = tmp_path / "d.epub"
    book.write_bytes(tgreport.render(report, "epub"))
    done = subprocess.run(["java", "-jar", EPUBCHECK, str(book)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_controls_from_the_config_file_are_cleaned(tmp_path: Path, seeds_dir: Path) -> None:
    from tgreport.cli import main

    config = tmp_path / "r.toml"
    config.write_text('title = "Điểm\\u0001 báo"\norg = "Ban\\u000bTG"\nplace = "Hà\\u0007Nội"\n',
                      encoding="utf-8")
    out = tmp_path / "d.docx"
    assert main([str(seeds_dir), "-o", str(out), "--config", str(config), "-q"]) == 0
    squashed = "".join(text_of("docx", out.read_bytes()).split())
    assert "ĐIỂMBÁO" in squashed.upper() and "\x01" not in squashed


@pytest.mark.slow
def test_a_c_locale_with_vietnamese_flags_and_folder_names(tmp_path: Path) -> None:
    folder = tmp_path / "Bài viết"
    folder.mkdir()
    for page in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        shutil.copy(page, folder / page.name)
    env = {"PATH": os.environ["PATH"], "LC_ALL": "C", "PYTHONUTF8": "0", "SOURCE_DATE_EPOCH": EPOCH,
           "TGREPORT_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    probe = subprocess.run([sys.executable, "-c", "import sys; print(sys.getfilesystemencoding())"],
                           capture_output=True, text=True, env=env, check=True)
    assert probe.stdout.strip() == "ascii"  # the locale this test is about, not UTF-8 mode
    title = "Điểm báo tuần"
    done = subprocess.run(
        [sys.executable, "-m", "tgreport", "Bài viết", "-o", "out", "-f", "all", "--title", title,
         "--place", "Hà\x01Nội"],
        capture_output=True, env=env, cwd=tmp_path, timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    out = tmp_path / "out"
    for fmt in FORMATS:
        data = (out / f"digest{SUFFIX[fmt]}").read_bytes()
        assert_complete(fmt, data)
        squashed = "".join(text_of(fmt, data).split())
        assert "điểmbáotuần" in squashed.casefold(), fmt
        assert "\udcc4" not in squashed and "\ufffd" not in squashed
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert digest["title"] == title and digest["place"] == "HàNội"
    assert all(a["source"].startswith("Bài viết/") for a in digest["articles"])
    page = (out / "digest.html").read_text(encoding="utf-8")
    assert html_text(page[page.index("<title>"):page.index("</title>")]).strip() == title
    assert Settings.from_mapping({"title": title}).title == title
