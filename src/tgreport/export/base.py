"""The exporter contract: a name, a suffix and `render(report, settings) -> bytes`."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from tgreport.model import Report
from tgreport.settings import Settings


@runtime_checkable
class Exporter(Protocol):
    """Renders a Report to the bytes of one file format. It touches no files."""

    name: ClassVar[str]  # the value of --format
    suffix: ClassVar[str]  # ".pdf"
    description: ClassVar[str]

    def render(self, report: Report, options: Settings) -> bytes:
        """The file's bytes. `options` is the run's Settings: theme, engine, template,
        template_dir, date_style, tone_style, and `extra` for a third party's own settings."""
