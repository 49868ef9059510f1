"""make-report speaks the user's language: Vietnamese under a Vietnamese locale, English otherwise,
with the right plural ("1 bài", "1 article", "2 articles"). The catalog is read with Babel, the
command run as a user runs it, in a process of its own with its own environment."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from factories import SEEDS

SRC = Path(__file__).resolve().parents[2] / "src" / "tgreport"
PO = SRC / "locale" / "vi" / "LC_MESSAGES" / "tgreport.po"
MO = PO.with_suffix(".mo")


def _ids(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def _strings(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def test_the_shipped_mo_is_the_po_compiled() -> None:
    with PO.open("rb") as po, MO.open("rb") as mo:
        source, compiled = read_po(po), read_mo(mo)
    assert {_ids(m.id): _strings(m.string) for m in source if m.id} == \
        {_ids(m.id): _strings(m.string) for m in compiled if m.id}
    assert compiled.plural_forms == "nplurals=1; plural=0;"  # Vietnamese nouns have one form


def test_every_message_of_the_command_is_translated() -> None:
    """What the code marks today (pybabel's own extraction) is all in the catalog, translated,
    with the same placeholders."""
    marked = {_ids(found[2]) for found in extract_from_dir(
        str(SRC / "cli"), method_map=[("**.py", "python")], keywords={"_": None, "ngettext": (1, 2)})}
    with PO.open("rb") as po:
        catalog = {_ids(m.id): m.string for m in read_po(po) if m.id}
    assert marked == set(catalog)
    for msgid, translated in catalog.items():
        strings = translated if isinstance(translated, tuple) else (translated,)
        for text in strings:
            assert text, f"{msgid!r} is not translated"
            assert sorted(re.findall(r"\{\w+(?:!r)?\}|%s", text)) == \
                sorted(re.findall(r"\{\w+(?:!r)?\}|%s", msgid)), msgid


def run(args: list[str], lang: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=lang, SOURCE_DATE_EPOCH="1640995200")
    return subprocess.run([sys.executable, "-m", "tgreport", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture()
def one_article(tmp_path: Path) -> Path:
    folder = tmp_path / "one"
    folder.mkdir()
    first = sorted(SEEDS.glob("*.txt"))[0]
    (folder / first.name).write_bytes(first.read_bytes())
    return folder


@pytest.mark.parametrize("lang", ["vi_VN.UTF-8", "vi_VN", "vi"])
def test_vietnamese_locale(lang: str, tmp_path: Path, one_article: Path) -> None:
    result = run([str(one_article), "-o", "one.json", "--no-cache"], lang, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "one.json: json, 1 bài"
    many = run([str(SEEDS), "-o", "all.json", "--no-cache", "--from", "2021-01-01"], lang, tmp_path)
    assert many.stdout.strip() == "all.json: json, 4 bài"
    assert many.stderr.startswith("make-report: CẢNH BÁO: ")  # the undated article left out
    bad = run([str(SEEDS), "-o", "x.pdf", "--page-size", "B5"], lang, tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.splitlines() == [
        # argparse's own words ("argument --page-size:") have no Vietnamese catalog in Python.
        "make-report: lỗi: argument --page-size: không có khổ giấy 'B5'; hãy chọn A4, A5, Letter",
        "cách dùng: make-report ĐẦU_VÀO... -o TỆP_KẾT_QUẢ (xem make-report --help)",
    ]
    missing = run([str(SEEDS)], lang, tmp_path)
    said = "make-report: lỗi: chưa cho tệp kết quả; dùng -o TỆP (ví dụ -o digest.pdf)"
    assert missing.stderr.strip() == said


@pytest.mark.parametrize("lang", ["C.UTF-8", "en_US.UTF-8", "fr_FR.UTF-8"])
def test_english_otherwise_with_plurals(lang: str, tmp_path: Path, one_article: Path) -> None:
    one = run([str(one_article), "-o", "one.json", "--no-cache"], lang, tmp_path)
    assert one.stdout.strip() == "one.json: json, 1 article"
    many = run([str(SEEDS), "-o", "all.json", "--no-cache"], lang, tmp_path)
    assert many.stdout.strip() == "all.json: json, 5 articles"
    assert "make-report: WARNING: " in many.stderr
    missing = run([str(SEEDS)], lang, tmp_path)
    said = "make-report: error: no output given; use -o FILE (for example -o digest.pdf)"
    assert missing.stderr.strip() == said


def test_help_in_the_users_language(tmp_path: Path) -> None:
    """--help: every option's line, the sections and "usage:" in Vietnamese under a Vietnamese
    locale; the same options, in English, otherwise."""
    vietnamese = run(["--help"], "vi_VN.UTF-8", tmp_path)
    english = run(["--help"], "C.UTF-8", tmp_path)
    assert vietnamese.returncode == english.returncode == 0
    options = set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", english.stdout))
    assert {"--qr", "--images", "--kind", "-o", "-h"} <= options
    assert options == set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", vietnamese.stdout))
    assert vietnamese.stdout.startswith("cách dùng: make-report")
    assert "\nđầu vào:\n" in vietnamese.stdout and "\ntùy chọn:\n" in vietnamese.stdout
    assert "in hướng dẫn này rồi thoát" in vietnamese.stdout
    assert "tên bản tin (mặc định \"Bản tin tổng hợp\")" in vietnamese.stdout
    assert "show this help" not in vietnamese.stdout and "default" not in vietnamese.stdout
    assert english.stdout.startswith("usage: make-report") and "show this help and exit" in english.stdout
