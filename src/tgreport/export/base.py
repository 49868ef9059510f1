"""The exporter contract: a name, a suffix and `render(report, settings) -> bytes`."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from tgreport.model import Report
from tgreport.settings import Settings


@runtime_checkable
class Exporter(Protocol):
    """Renders a Report to the bytes of one file format. It opens no files.

    An exporter may also have `render_to(report, options, out)`, which writes the same bytes into
    the open binary file `out`: the pipeline then uses it, so a large report is written as it is
    made instead of being held whole in memory first.
    """

    name: ClassVar[str]  # the value of --format
    suffix: ClassVar[str]  # ".pdf"
    description: ClassVar[str]

    def render(self, report: Report, options: Settings) -> bytes:
        """The file's bytes. `options` is the run's Settings: theme, engine, template,
        template_dir, date_style, tone_style, and `extra` for a third party's own settings."""
