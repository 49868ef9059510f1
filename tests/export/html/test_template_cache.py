"""The built-in templates compiled once and kept in the user's cache folder: the same pages
from a kept compilation, nothing kept where others could write, a broken entry compiled afresh."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from html_helpers import options
from jinja2.bccache import bc_magic

from tgreport.export.html import base
from tgreport.model import Report
from tgreport.pipeline import render


@pytest.fixture(autouse=True)
def _fresh_environments() -> Iterator[None]:
    # Each environment (one a process, normally) is made in the test, with its cache folder.
    base.environment.cache_clear()
    yield
    base.environment.cache_clear()


def _kept(cache: Path) -> list[Path]:
    return sorted((cache / "templates").glob("*.cache"))


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates compiled from here on."""
    compiled: list[str] = []
    compile = base._Sandbox.compile

    def counted(self: base._Sandbox, source: str, name: str | None = None, *args: object) -> object:
        compiled.append(str(name))
        return compile(self, source, name, *args)

    monkeypatch.setattr(base._Sandbox, "compile", counted)
    return compiled


def test_a_later_run_uses_the_compiled_templates(sample_report: Report, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TGREPORT_CACHE_DIR", str(tmp_path))
    compiled = _compiles(monkeypatch)
    first = {f: render(sample_report, f, options(cache=True)) for f in ("html", "epub")}
    assert "report.html" in compiled and "epub/page.xhtml" in compiled
    kept = _kept(tmp_path)
    assert len(kept) == len(compiled)
    # Readable by this user alone: what is kept there is code the next run executes.
    assert (tmp_path / "templates").stat().st_mode & 0o777 == 0o700
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in kept)

    base.environment.cache_clear()  # as a new process
    compiled.clear()
    assert {f: render(sample_report, f, options(cache=True)) for f in first} == first
    assert compiled == []


def test_a_broken_entry_is_compiled_afresh(sample_report: Report, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TGREPORT_CACHE_DIR", str(tmp_path))
    page = render(sample_report, "html", options(cache=True))
    kept = _kept(tmp_path)
    whole = kept[0].read_bytes()
    # Empty, foreign, cut short, its code or its checksum (a pickle) spoilt.
    broken = [b"", b"not a template", whole[: len(whole) // 2], whole[:-7] + b"\xff" * 7,
              bc_magic + b"garbage", bc_magic + b"\x80\x02X\xff\xff\xff\x7f"]
    for path, data in zip(kept, broken * len(kept), strict=False):
        path.write_bytes(data)
    base.environment.cache_clear()
    compiled = _compiles(monkeypatch)
    assert render(sample_report, "html", options(cache=True)) == page
    assert len(compiled) == len(kept)
    base.environment.cache_clear()  # written anew: the next run compiles nothing
    compiled.clear()
    assert render(sample_report, "html", options(cache=True)) == page
    assert compiled == []


def test_a_folder_that_cannot_be_written_only_costs_the_compiling(sample_report: Report, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TGREPORT_CACHE_DIR", str(tmp_path))

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refused)  # how Jinja2 writes an entry
    assert render(sample_report, "html", options(cache=True)).startswith(b"<!DOCTYPE html>")
    assert _kept(tmp_path) == []
    (tmp_path / "templates").rmdir()
    (tmp_path / "templates").write_text("a file, not a folder")
    base.environment.cache_clear()
    assert render(sample_report, "html", options(cache=True)).startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("shared", ["others may write", "a link"])
def test_nothing_is_kept_or_read_where_others_could_write(shared: str, sample_report: Report, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TGREPORT_CACHE_DIR", str(tmp_path))
    if shared == "a link":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        (tmp_path / "templates").symlink_to(tmp_path / "elsewhere")
    else:
        (tmp_path / "templates").mkdir()
        (tmp_path / "templates").chmod(0o777)
    compiled = _compiles(monkeypatch)
    render(sample_report, "html", options(cache=True))
    assert compiled and not list((tmp_path / "templates").iterdir())


def test_a_users_templates_are_compiled_on_every_run(sample_report: Report, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TGREPORT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "screen.css").write_text("body { color: black; }\n", encoding="utf-8")
    page = render(sample_report, "html", options(template_dir=tmp_path / "mine"))
    assert b"body { color: black; }" in page
    assert not (tmp_path / "cache").exists()


def test_without_the_cache_nothing_is_kept(sample_report: Report, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # --no-cache (and a script's default Settings): nothing written into the cache folder.
    monkeypatch.setenv("TGREPORT_CACHE_DIR", str(tmp_path))
    for fmt in ("html", "epub"):
        assert render(sample_report, fmt, options())
    assert not (tmp_path / "templates").exists()
