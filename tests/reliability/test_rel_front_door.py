"""The library's front door: misuse raises tgreport's own error with a sentence a script author
understands, never a raw Python error (issue 21, case 10)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rel_helpers import make_report

import tgreport
from tgreport import Settings, UsageError

REPORT = make_report(2)
ARTICLES = list(REPORT.all_articles())


def _settings(**values: Any) -> Callable[[], object]:
    return lambda: Settings(**values)


CASES: dict[str, tuple[Callable[[], object], str]] = {
    "render(None)": (lambda: tgreport.render(None, "json"), "render needs a Report"),  # type: ignore[arg-type]
    "write(None)": (lambda: tgreport.write(None, "d.json"), "needs a Report"),  # type: ignore[arg-type]
    "render to an unknown format": (lambda: tgreport.render(REPORT, "xyz"), "unknown format 'xyz'"),
    "render with settings that are text": (
        lambda: tgreport.render(REPORT, "json", "official"),  # type: ignore[arg-type]
        "settings must be a tgreport.Settings"),
    "write to a bytes path": (lambda: tgreport.write(REPORT, b"d.json"),  # type: ignore[arg-type]
                              "a path must be a str or a pathlib.Path"),
    "write to an int path": (lambda: tgreport.write(REPORT, 3),  # type: ignore[arg-type]
                             "a path must be a str or a pathlib.Path"),
    "read(bytes)": (lambda: tgreport.read(b"seeds"),  # type: ignore[arg-type]
                    "paths must be a path or a list of paths, not bytes"),
    "read(int)": (lambda: tgreport.read(5), "paths must be a path or a list of paths, not int"),  # type: ignore[arg-type]
    'read("")': (lambda: tgreport.read(""), "cannot read an empty path"),
    'read([""])': (lambda: tgreport.read([" "]), "cannot read an empty path"),
    "read([b'x'])": (lambda: tgreport.read([b"seeds"]),  # type: ignore[list-item]
                     "a path must be a str or a pathlib.Path"),
    "build_report(None)": (lambda: tgreport.build_report(None),  # type: ignore[arg-type]
                           "needs a list of Articles"),
    "build_report([None])": (lambda: tgreport.build_report([None]),  # type: ignore[list-item]
                             "needs Article objects"),
    "build_report with settings that are text": (
        lambda: tgreport.build_report(ARTICLES, "x"),  # type: ignore[arg-type]
        "settings must be a tgreport.Settings"),
    "make with one pair, not a list": (
        lambda: tgreport.make(["seeds"], ("pdf", Path("d.pdf")), Settings()),  # type: ignore[arg-type]
        "targets must be a list of (format, path) pairs"),
    "make with a path as targets": (
        lambda: tgreport.make(["seeds"], "d.pdf", Settings()),  # type: ignore[arg-type]
        "targets must be a list of (format, path) pairs"),
    'issued="2021-01-01"': (_settings(issued="2021-01-01"), "issued must be a datetime.date"),
    "issued a datetime": (_settings(issued=dt.datetime(2021, 1, 1)), "issued must be a datetime.date"),
    "similarity=-1": (_settings(similarity=-1), "similarity must be a ratio above 0 and at most 1"),
    "similarity=0": (_settings(similarity=0), "similarity must be a ratio above 0 and at most 1"),
    "similarity=5": (_settings(similarity=5), "similarity must be a ratio above 0 and at most 1"),
    "similarity text": (_settings(similarity="0.9"), "similarity must be a ratio"),
    "jobs=0": (_settings(jobs=0), "jobs must be a whole number of at least 1"),
    "title empty": (_settings(title="  "), "the title must be some text"),
    "organisation a number": (_settings(organisation=5), "organisation must be text or a list of lines"),
    "place a number": (_settings(place=5), "place must be text or None"),
    "dedup text": (_settings(dedup="no"), "dedup must be True or False"),
    "template a number": (_settings(template=5), "template must be a path"),
    "extra_chrome one string": (_settings(extra_chrome="Quảng cáo"),
                                "extra_chrome must be a list of phrases"),
    "order unknown": (_settings(order="size"), "order 'size' unknown; choose one of"),
    "period backwards": (_settings(date_from=dt.date(2021, 2, 1), date_to=dt.date(2021, 1, 1)),
                         "the period starts"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_misuse_is_a_usage_error_with_a_sentence(case: str) -> None:
    call, sentence = CASES[case]
    with pytest.raises(UsageError) as caught:
        call()
    assert sentence in str(caught.value)
    assert caught.value.__class__.__module__ == "tgreport.errors"


def test_the_checked_settings_still_accept_what_they_should(tmp_path: Path) -> None:
    settings = Settings(similarity=1, organisation=None, template=str(tmp_path / "ref.docx"),
                        extra_chrome=["Quảng cáo"], issued=dt.date(2021, 1, 7))
    assert settings.template == tmp_path / "ref.docx" and settings.extra_chrome == ("Quảng cáo",)
    assert tgreport.build_report(ARTICLES, settings).issued == dt.date(2021, 1, 7)
