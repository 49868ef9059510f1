"""`engine="weasyprint"` hands the report to the WeasyPrint module, or says why it cannot."""

from __future__ import annotations

import sys
import types

import pytest

from tgreport.errors import FormatUnavailable
from tgreport.export.base import ExportOptions
from tgreport.export.pdf import PdfExporter
from tgreport.export.registry import load
from tgreport.model import Report


def test_registry_finds_the_exporter() -> None:
    cls = load("pdf")
    assert cls is PdfExporter and cls.suffix == ".pdf"


def test_weasyprint_engine_is_delegated(sample_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    fake = types.ModuleType("tgreport.export.html.weasypdf")

    def render_pdf(report: Report, options: ExportOptions) -> bytes:
        seen.append((report, options.engine))
        return b"%PDF-weasy"

    fake.render_pdf = render_pdf  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tgreport.export.html.weasypdf", fake)
    assert PdfExporter().render(sample_report, ExportOptions(engine="weasyprint")) == b"%PDF-weasy"
    assert seen == [(sample_report, "weasyprint")]


def test_weasyprint_engine_missing(sample_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes the import fail, as a missing module or library would.
    monkeypatch.setitem(sys.modules, "tgreport.export.html.weasypdf", None)
    with pytest.raises(FormatUnavailable, match="WeasyPrint"):
        PdfExporter().render(sample_report, ExportOptions(engine="weasyprint"))


def test_unknown_engine(sample_report: Report) -> None:
    with pytest.raises(FormatUnavailable, match="unknown PDF engine"):
        PdfExporter().render(sample_report, ExportOptions(engine="tex"))
