"""Ctrl-C is remembered for the whole run: a library that swallows the KeyboardInterrupt (ReportLab
reading a font has a bare `except:`) neither lets the run replace the report nor changes what
make-report says."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tgreport import pipeline
from tgreport.cli import EXIT_INTERRUPTED, main
from tgreport.support.atomic import TEMP_PREFIX

PREVIOUS = b"the previous report, which must survive"


def _pressing_ctrl_c_inside_a_library(monkeypatch: pytest.MonkeyPatch, after: Callable[[], None]) -> None:
    """Each format's writer first gets a SIGINT, as a library it calls would, and hands the
    KeyboardInterrupt to `after` (which swallows it, or raises an error of its own)."""
    real = pipeline._writer

    def writer(*args: Any) -> Callable[[Any], object]:
        write = real(*args)

        def interrupted_write(out: Any) -> object:
            try:
                signal.raise_signal(signal.SIGINT)  # the handler runs before this returns
            except BaseException:  # the library's bare `except:`
                after()
            return write(out)

        return interrupted_write

    monkeypatch.setattr(pipeline, "_writer", writer)


def _run(seeds_dir: Path, target: Path, *more: str) -> int:
    target.write_bytes(PREVIOUS)
    return main([str(seeds_dir), "-o", str(target), "-q", *more])


def _swallow() -> None:
    pass


def _corrupt_font() -> None:
    raise ValueError('Corrupt TTF file "LiberationSerif-Italic.ttf" cannot read Table Directory')


@pytest.mark.parametrize("after", [_swallow, _corrupt_font], ids=["swallowed", "turned-into-an-error"])
def test_a_ctrl_c_a_library_caught_still_stops_the_run_before_the_report_is_replaced(
    after: Callable[[], None], seeds_dir: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    _pressing_ctrl_c_inside_a_library(monkeypatch, after)
    target = tmp_path / "digest.html"
    assert _run(seeds_dir, target) == EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["make-report: interrupted"]
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)] == []


def test_every_format_of_a_set_is_kept_as_it_was(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    _pressing_ctrl_c_inside_a_library(monkeypatch, _swallow)
    out = tmp_path / "out"
    out.mkdir()
    for suffix in ("html", "json"):
        (out / f"digest.{suffix}").write_bytes(PREVIOUS)
    code = main([str(seeds_dir), "-o", str(out), "-f", "html", "-f", "json", "-q"])
    assert code == EXIT_INTERRUPTED, capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["digest.html", "digest.json"]
    assert all(p.read_bytes() == PREVIOUS for p in out.iterdir())


def test_to_standard_output_nothing_is_written_after_a_swallowed_ctrl_c(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    real = pipeline._prepared

    def prepared(*args: Any) -> Any:
        with contextlib.suppress(BaseException):  # the library's bare `except:`
            signal.raise_signal(signal.SIGINT)
        return real(*args)

    monkeypatch.setattr(pipeline, "_prepared", prepared)
    assert main([str(seeds_dir), "-o", "-", "-f", "json", "-q"]) == EXIT_INTERRUPTED
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == "make-report: interrupted"


def test_the_handler_is_make_reports_only_while_it_runs(seeds_dir: Path, tmp_path: Path) -> None:
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert _run(seeds_dir, tmp_path / "digest.json") == 0
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_ignored_sigint_stays_ignored(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A run started with nohup, or in the background by a shell without job control.
    seen = []
    real = pipeline._writer

    def writer(*args: Any) -> Callable[[Any], object]:
        seen.append(signal.getsignal(signal.SIGINT))
        return real(*args)

    monkeypatch.setattr(pipeline, "_writer", writer)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert _run(seeds_dir, tmp_path / "digest.json") == 0
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
    assert seen == [signal.SIG_IGN]
