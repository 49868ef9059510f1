"""Regenerate templates/docx/reference.docx: `python templates/docx/make_reference.py`.

The reference is python-docx's blank document stripped of what a digest does not need (the
thumbnail, the Word 2010 style copy, custom XML), with tgreport's styles and page set-up for the
official theme. Users copy it, restyle it in Word or LibreOffice, and pass it with --template.
The output is byte-identical on every run.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from tgreport.export.docx import package, reference, toc
from tgreport.export.docx.styles import style_specs
from tgreport.model import Article, Report
from tgreport.theme import theme

HERE = Path(__file__).resolve().parent
DROPPED = ("stylesWithEffects", "customXml", "thumbnail")


def build() -> bytes:
    official = theme("official")
    doc = docx.Document()
    for rel_id, rel in list(doc.part.rels.items()):
        if any(word in rel.reltype for word in DROPPED):
            del doc.part.rels[rel_id]
    for rel_id, rel in list(doc.part.package.rels.items()):
        if any(word in rel.reltype for word in DROPPED):
            del doc.part.package.rels[rel_id]
    reference.set_up_page(doc, official)
    area = reference.geometry(doc)
    sample = Report("tgreport", dt.date(2021, 1, 7), articles=(Article("x", "x", "x"),))
    label, reserve = toc.room(sample, official)
    reference.install_styles(doc, style_specs(official, area.text_width, label, reserve), official, False)
    reference.clear_body(doc)
    reference.set_header(doc, official, area.text_width)
    reference.set_properties(doc, Report("Bản tin tổng hợp", dt.date(2021, 1, 1)), "")
    # A fixed date, whatever SOURCE_DATE_EPOCH says: the file is committed.
    doc.core_properties.created = doc.core_properties.modified = dt.datetime(2021, 1, 1)
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {n: source.read(n) for n in source.namelist() if not any(w in n for w in DROPPED)}
    # The blank document claims to come from Word for the Mac; say what made it.
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(
        b"<Application>Microsoft Macintosh Word</Application>", b"<Application>tgreport</Application>"
    )
    return package.pack(parts)


if __name__ == "__main__":
    target = HERE / "reference.docx"
    target.write_bytes(build())
    print(f"wrote {target}")
