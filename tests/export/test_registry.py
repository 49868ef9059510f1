"""The exporter registry: lazy built-ins, entry points, honest availability."""

from __future__ import annotations

import sys
import types
from importlib.metadata import EntryPoint
from typing import Any, ClassVar

import pytest

from tgreport.errors import FormatUnavailable, UsageError
from tgreport.export import registry
from tgreport.export.base import Exporter, Settings
from tgreport.model import Report


class _FakeEntryPoints:
    def __init__(self, *eps: EntryPoint) -> None:
        self.eps = eps

    def __call__(self, group: str) -> tuple[EntryPoint, ...]:
        return self.eps if group == registry.ENTRY_POINT_GROUP else ()


class MarkdownExporter:
    name: ClassVar[str] = "md"
    suffix: ClassVar[str] = ".md"
    description: ClassVar[str] = "test exporter"

    def render(self, report: Report, options: Settings) -> bytes:
        return "\n".join(f"# {a.title}" for a in report.all_articles()).encode()


def _install_module(monkeypatch: pytest.MonkeyPatch, name: str, **attrs: Any) -> None:
    module = types.ModuleType(name)
    for key, value in attrs.items():
        setattr(module, key, value)
    monkeypatch.setitem(sys.modules, name, module)


def test_builtins_are_listed_with_suffixes_without_importing_engines() -> None:
    infos = {i.name: i for i in registry.available()}
    assert {"json", "pdf", "docx", "html", "epub"} <= set(infos)
    assert infos["json"].available and infos["json"].suffix == ".json"
    assert registry.format_for_suffix(".PDF") == "pdf"
    assert registry.format_for_suffix(".docx") == "docx"


def test_json_exporter_satisfies_the_protocol() -> None:
    assert isinstance(registry.load("json")(), Exporter)


def test_a_broken_engine_breaks_only_its_own_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.BUILTINS, "broken", (".brk", "tgreport_missing_engine:Thing"))
    infos = {i.name: i for i in registry.available()}
    assert not infos["broken"].available
    assert "tgreport_missing_engine" in (infos["broken"].reason or "")
    assert infos["json"].available
    with pytest.raises(FormatUnavailable):
        registry.load("broken")


def test_import_error_inside_engine_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(name: str) -> None:
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setitem(registry.BUILTINS, "exploding", (".x", "tgreport_exploding:Thing"))
    monkeypatch.setattr(registry.importlib, "import_module", explode)
    with pytest.raises(FormatUnavailable, match="libpango"):
        registry.load("exploding")


def test_third_party_exporter_through_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    _install_module(monkeypatch, "tgreport_md_plugin", MarkdownExporter=MarkdownExporter)
    ep = EntryPoint("md", "tgreport_md_plugin:MarkdownExporter", registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", _FakeEntryPoints(ep))
    assert "md" in registry.names()
    assert registry.load("md") is MarkdownExporter
    assert registry.format_for_suffix(".md") == "md"
    info = {i.name: i for i in registry.available()}["md"]
    assert info.available and info.suffix == ".md"


def test_duplicate_names_are_refused(monkeypatch: pytest.MonkeyPatch, caplog: Any) -> None:
    _install_module(monkeypatch, "tgreport_dup_plugin", MarkdownExporter=MarkdownExporter)
    eps = (
        EntryPoint("pdf", "tgreport_dup_plugin:MarkdownExporter", registry.ENTRY_POINT_GROUP),
        EntryPoint("md", "tgreport_dup_plugin:MarkdownExporter", registry.ENTRY_POINT_GROUP),
        EntryPoint("md", "tgreport_dup_plugin:Other", registry.ENTRY_POINT_GROUP),
    )
    monkeypatch.setattr(registry, "entry_points", _FakeEntryPoints(*eps))
    with caplog.at_level("WARNING"):
        third = registry._third_party()
    assert list(third) == ["md"]
    assert third["md"][0] == "tgreport_dup_plugin:MarkdownExporter"
    assert registry.BUILTINS["pdf"][1].startswith("tgreport.export.pdf")
    assert sum("already taken" in r.message for r in caplog.records) == 2


def test_unknown_format_and_suffix_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="unknown format 'odt'"):
        registry.load("odt")
    with pytest.raises(UsageError, match=r"\.xyz"):
        registry.format_for_suffix(".xyz")
