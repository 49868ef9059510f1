"""JSON: the model as data. Its shape is a contract that tests and other tools rely on."""

from __future__ import annotations

import dataclasses
import json
from typing import Any, ClassVar

from tgreport.contract import article_to_dict
from tgreport.model import Masthead, Report
from tgreport.present.brief import brief
from tgreport.settings import Settings
from tgreport.version import __version__


def report_to_dict(report: Report) -> dict[str, Any]:
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
    data["articles"] = [article_to_dict(a) for a in report.all_articles()]
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
        data = report_to_dict(report)
        if options.kind == "brief":  # the items as the other formats print them, beside the articles
            data["brief"] = [
                {"heading": s.heading, "items": [dataclasses.asdict(item) for item in s.items]}
                for s in brief(report)
            ]
        text = json.dumps(data, ensure_ascii=False, indent=2)
        return (text + "\n").encode("utf-8")
