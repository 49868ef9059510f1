"""make: one run, several formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from tgreport import present
from tgreport.model import Report
from tgreport.pipeline import make
from tgreport.settings import Settings

FORMATS = ("html", "json", "docx")


def test_the_formats_of_one_run_share_one_cleaning_and_come_out_as_made_alone(
        seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # printable_report and restyle_tones each walk every text of the report: once a run, not once
    # a format. A tone style asked for shows that the restyled report is the one shared.
    settings = Settings(tone_style="hoà")
    alone = tmp_path / "alone"
    alone.mkdir()
    for name in FORMATS:
        make([seeds_dir], [(name, alone / f"digest.{name}")], settings)
    cleaned: list[Report] = []
    printable_report = present.printable_report
    monkeypatch.setattr(present, "printable_report", lambda r: cleaned.append(r) or printable_report(r))
    together = tmp_path / "together"
    together.mkdir()
    make([seeds_dir], [(name, together / f"digest.{name}") for name in FORMATS], settings)
    assert len(cleaned) == 1
    for name in FORMATS:
        assert (together / f"digest.{name}").read_bytes() == (alone / f"digest.{name}").read_bytes(), name
