"""JSON: the model as data. Its shape is a contract that tests and other tools rely on."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, ClassVar

from tgreport import __version__
from tgreport.export.base import ExportOptions
from tgreport.model import Article, Block, Report


def _date(value: dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def block_to_dict(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {"type": block.type, "text": block.text}
    credit = getattr(block, "credit", None)
    if credit:
        data["credit"] = credit
    return data


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "title_derived": article.title_derived,
        "date": _date(article.date),
        "published": _date(article.published),
        "event_date": _date(article.event_date),
        "authors": list(article.authors),
        "publisher": article.publisher,
        "category": article.category,
        "views": article.views,
        "lead": article.lead,
        "blocks": [block_to_dict(b) for b in article.blocks],
        "removed": list(article.removed),
        "warnings": list(article.warnings),
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {
        "tgreport": __version__,
        "title": report.title,
        "organisation": report.organisation,
        "place": report.place,
        "issued": report.issued.isoformat(),
    }
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
    data["warnings"] = list(report.warnings)
    return data


class JsonExporter:
    name: ClassVar[str] = "json"
    suffix: ClassVar[str] = ".json"
    description: ClassVar[str] = "the report as data (UTF-8 JSON)"

    def render(self, report: Report, options: ExportOptions) -> bytes:
        text = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)
        return (text + "\n").encode("utf-8")
