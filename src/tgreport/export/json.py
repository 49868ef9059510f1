"""JSON: the model as data. Its shape is a contract that tests and other tools rely on."""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Any, BinaryIO, ClassVar

from tgreport.contract import article_to_dict
from tgreport.model import Masthead, Report
from tgreport.settings import Settings
from tgreport.version import __version__


def report_to_dict(report: Report, articles: bool = True) -> dict[str, Any]:
    """The report as data; `articles=False` leaves the (long) list of articles out."""
    data: dict[str, Any] = {
        "tgreport": __version__,
        "title": report.title,
        "organisation": report.organisation,
        "place": report.place,
        "issued": report.issued.isoformat(),
    }
    m = report.masthead
    # Only when it says more than "organisation" does, so a plain digest's JSON stays as it was.
    if dataclasses.replace(m, org=m.org[:-1]) != Masthead():
        data["masthead"] = {"header": m.header, "org": list(m.org), "number": m.number, "issue": m.issue,
                            "internal": m.internal}
    if report.period is not None:
        data["period"] = {"from": report.period.start.isoformat(), "to": report.period.end.isoformat()}
    data["articles"] = [article_to_dict(a) for a in report.all_articles()] if articles else []
    if report.sections:
        data["sections"] = [
            {"title": s.title, "articles": [a.id for a in s.articles]} for s in report.sections
        ]
    if report.index:
        data["index"] = [
            {"kind": e.kind, "name": e.name, "detail": e.detail, "articles": list(e.article_ids)}
            for e in report.index
        ]
    if report.assessments:
        data["assessments"] = dict(report.assessments)
    data["warnings"] = list(report.warnings)
    return data


class JsonExporter:
    name: ClassVar[str] = "json"
    suffix: ClassVar[str] = ".json"
    description: ClassVar[str] = "the report as data (UTF-8 JSON)"

    def render(self, report: Report, options: Settings) -> bytes:
        out = io.BytesIO()
        self.render_to(report, options, out)
        return out.getvalue()

    def render_to(self, report: Report, options: Settings, out: BinaryIO) -> None:
        """What json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) gives, byte for
        byte, written one article at a time: with an indent, json.dumps builds a list of every
        token of the whole report, and a million short articles took gigabytes."""
        fields = report_to_dict(report, articles=False)
        if options.kind == "brief":
            from tgreport.present.brief import brief  # the full kind's run has no use for it

            # The items as the other formats number and head them, beside the articles. What an
            # article's record holds already (its summary, its link) is not said twice: the
            # summary is the record's "summary", which reading the file back keeps.
            fields["brief"] = [
                {"heading": s.heading, "items": [
                    {"number": i.number, "article": i.article_id, "headline": i.headline,
                     "source_date": i.source_date} for i in s.items]}
                for s in brief(report)
            ]
        out.write(b"{")
        for n, (key, value) in enumerate(fields.items()):
            out.write(b"," if n else b"")
            out.write(b"\n  " + _dumps(key) + b": ")
            if key == "articles":
                # The brief is its items: its records keep all but the texts, which are the
                # full kind's (an article's summary stands for its text, as on paper).
                _write_articles(out, report, texts=options.kind != "brief")
            else:
                out.write(_nested(_dumps(value), b"  "))
        out.write(b"\n}\n")


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def _nested(text: bytes, indent: bytes) -> bytes:
    # JSON text holds no raw newline inside a string, so every newline starts a line to indent.
    return text.replace(b"\n", b"\n" + indent)


def _write_articles(out: BinaryIO, report: Report, texts: bool = True) -> None:
    articles = report.all_articles()
    if not articles:
        out.write(b"[]")
        return
    out.write(b"[")
    for n, article in enumerate(articles):
        out.write(b",\n    " if n else b"\n    ")
        out.write(_nested(_dumps(article_to_dict(article, texts)), b"    "))
    out.write(b"\n  ]")

