"""`engine="weasyprint"` hands the report to the WeasyPrint module, or says why it cannot."""

from __future__ import annotations

import sys
import types

import pytest

from tgreport.errors import FormatUnavailable, UsageError
from tgreport.export.pdf import PdfExporter
from tgreport.export.registry import load
from tgreport.model import Report
from tgreport.settings import Settings


def test_registry_finds_the_exporter() -> None:
    cls = load("pdf")
    assert cls is PdfExporter and cls.suffix == ".pdf"


def test_weasyprint_engine_is_delegated(sample_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    fake = types.ModuleType("tgreport.export.html.weasypdf")

    def render_pdf(report: Report, options: Settings) -> bytes:
        seen.append((report, options.engine))
        return b"%PDF-weasy"

    fake.render_pdf = render_pdf  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tgreport.export.html.weasypdf", fake)
    assert PdfExporter().render(sample_report, Settings(engine="weasyprint")) == b"%PDF-weasy"
    assert seen == [(sample_report, "weasyprint")]


def test_weasyprint_engine_missing(sample_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes the import fail, as a missing module or library would.
    monkeypatch.setitem(sys.modules, "tgreport.export.html.weasypdf", None)
    with pytest.raises(FormatUnavailable, match="WeasyPrint"):
        PdfExporter().render(sample_report, Settings(engine="weasyprint"))


def test_unknown_engine_is_refused_with_the_settings() -> None:
    with pytest.raises(UsageError, match="engine 'tex' unknown; choose one of reportlab, weasyprint"):
        Settings(engine="tex")
