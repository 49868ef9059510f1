"""An exporter that writes straight into the output file (render_to) writes the bytes render
gives: make-report streams large reports, the library's render returns them, and both agree."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tgreport import Settings
from tgreport.assemble import build_report
from tgreport.export import registry
from tgreport.model import Report
from tgreport.pipeline import make, read, render
from tgreport.support import pieces


@pytest.fixture
def seeds_report(seeds_dir: Path) -> Report:
    return build_report(read(seeds_dir, Settings(cache=False)).articles, Settings(group="month"))


@pytest.mark.parametrize("name", ["json", "html", "docx"])
def test_render_to_writes_what_render_gives(seeds_report: Report, name: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # The DOCX body goes into its zip member in many small writes here: deflate gives the bytes
    # one write of the whole body gave.
    monkeypatch.setattr(pieces, "BATCH", 100)
    exporter = registry.load(name)()
    out = io.BytesIO()
    exporter.render_to(seeds_report, Settings(), out)  # type: ignore[attr-defined]
    assert out.getvalue() == exporter.render(seeds_report, Settings())


def test_make_writes_every_format_as_render_gives_it(seeds_dir: Path, tmp_path: Path) -> None:
    settings = Settings(cache=False)
    targets = [(name, tmp_path / f"digest.{name}") for name in ("json", "html", "docx", "epub", "pdf")]
    make([seeds_dir], targets, settings)
    report = build_report(read(seeds_dir, settings).articles, settings)
    for name, path in targets:
        assert path.read_bytes() == render(report, name, settings), name
    # The streamed DOCX is a zip an independent reader opens, its body whole.
    with zipfile.ZipFile(tmp_path / "digest.docx") as docx:
        assert docx.testzip() is None
        body = docx.read("word/document.xml").decode("utf-8")
    assert body.count("<w:body>") == 1 and body.rstrip().endswith("</w:document>")
    assert all(a.title is None or a.title.split()[0] in body for a in report.all_articles())
