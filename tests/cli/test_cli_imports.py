"""A run imports what its format needs and no more: every module imported is start-up time that
each make-report command pays."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_RUN = """
import json, sys
from tgreport.cli import main
code = main([sys.argv[1], "-o", sys.argv[2], "-q"])
print(json.dumps([code, sorted(sys.modules)]))
"""

# Engines of other formats, and the QR encoder (with urllib, http and ssl) of a digest without codes.
NEVER = {"segno", "reportlab", "weasyprint", "pydyf", "tinycss2", "cssselect2", "babel", "qrcode"}
NOT_FOR = {
    "html": NEVER | {"docx", "lxml", "fontTools"},
    "epub": NEVER | {"docx", "lxml"},
    "docx": NEVER | {"jinja2", "fontTools"},
}


def modules_after_run(inputs: Path, out: Path) -> set[str]:
    """The top-level packages a run imported."""
    return {name.split(".")[0] for name in all_modules_after_run(inputs, out)}


def all_modules_after_run(inputs: Path, out: Path) -> set[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1640995200"}
    result = subprocess.run([sys.executable, "-c", _RUN, str(inputs), str(out)],
                            capture_output=True, text=True, env=env, check=True)
    code, modules = json.loads(result.stdout.splitlines()[-1])
    assert code == 0, result.stderr
    return set(modules)


def one_article_json(folder: Path) -> Path:
    """A JSON input of one article, as tgreport's own export writes it."""
    source = folder / "digest.json"
    source.write_text(json.dumps({"title": "Tin", "date": "2024-05-01", "blocks": ["Đoạn một."]},
                                 ensure_ascii=False), encoding="utf-8")
    return source


@pytest.mark.parametrize("fmt", sorted(NOT_FOR))
def test_a_run_does_not_import_other_formats_engines(fmt: str, seeds_dir: Path, tmp_path: Path) -> None:
    modules = modules_after_run(seeds_dir, tmp_path / f"digest.{fmt}")
    assert (tmp_path / f"digest.{fmt}").stat().st_size > 0
    assert not modules & NOT_FOR[fmt]


def test_a_run_from_a_json_file_imports_no_reader_photo_stage_or_plugin_scan(tmp_path: Path) -> None:
    # A digest made again from its JSON export (no photos in it) reads no page text or markup;
    # the file is named, so no folder is walked and no scan of the installed distributions for
    # third-party readers made (importlib.metadata); one file starts no worker processes
    # (multiprocessing); the photo stage, and Pillow with it (15 ms), is for a report with photos.
    source = one_article_json(tmp_path)
    modules = all_modules_after_run(source, tmp_path / "digest.html")
    assert (tmp_path / "digest.html").stat().st_size > 0
    assert "tgreport.read.json" in modules
    assert not {"tgreport.read.page", "tgreport.read.text", "tgreport.read.html_meta", "lxml",
                "importlib.metadata", "tgreport.read.pool", "multiprocessing", "tgreport.read.photos",
                "PIL"} & modules


def test_a_run_from_a_json_file_parses_no_date_nor_config_and_keeps_no_cache(tmp_path: Path) -> None:
    # Its dates are ISO already: none of the date and period patterns (vn.dateparse, vn.periods);
    # no config file named: no TOML parser; no page file: no read cache (nor OpenSSL's hashes
    # for it); no link: no socket.
    source = one_article_json(tmp_path)
    modules = all_modules_after_run(source, tmp_path / "digest.json.json")
    assert (tmp_path / "digest.json.json").stat().st_size > 0
    assert not {"tgreport.vn.dateparse", "tgreport.vn.periods", "tgreport.config", "tomllib",
                "tgreport.read.cache", "hashlib", "socket"} & modules


def test_a_reading_worker_rerunning_the_programs_script_imports_no_command_line() -> None:
    # A worker started by the fork server runs its parent's __main__ script as "__mp_main__"
    # (multiprocessing.spawn.prepare), as here: the command line's modules (argparse, rich, the
    # messages) would be start-up time of every worker, for nothing.
    script = Path(sys.executable).with_name("make-report")
    probe = ("import runpy, sys; runpy.run_path(sys.argv[1], run_name='__mp_main__'); print(sorted("
             "m for m in sys.modules if m.startswith('tgreport.cli') or m in ('argparse', 'rich')))")
    result = subprocess.run([sys.executable, "-c", probe, str(script)],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout
    # ...and the script still runs the program.
    done = subprocess.run([sys.executable, str(script), "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("tgreport "), done
