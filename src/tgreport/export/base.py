"""The exporter contract: a name, a suffix and `render(report, options) -> bytes`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

from tgreport.model import Report
from tgreport.theme import Theme


@dataclass(frozen=True)
class ExportOptions:
    """Everything an exporter may be told. Exporters ignore what does not concern them."""

    theme: Theme = field(default_factory=Theme)
    engine: str = "reportlab"  # PDF engine: "reportlab" or "weasyprint"
    template: Path | None = None  # DOCX reference document (`--template`)
    template_dir: Path | None = None  # overrides for HTML templates and CSS (`--template-dir`)
    date_style: str = "official"
    tone_style: str | None = None  # None leaves tone marks as written; "hòa" or "hoà"
    extra: dict[str, Any] = field(default_factory=dict)  # for third-party exporters


@runtime_checkable
class Exporter(Protocol):
    """Renders a Report to the bytes of one file format. It touches no files."""

    name: ClassVar[str]  # the value of --format
    suffix: ClassVar[str]  # ".pdf"
    description: ClassVar[str]

    def render(self, report: Report, options: ExportOptions) -> bytes: ...
