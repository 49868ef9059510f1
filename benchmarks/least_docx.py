"""The least a DOCX digest maker in Python does, as a floor for what tgreport could reach.

Reads and decodes every file, splits it into lines, takes the first as the title and the rest as
paragraphs, and writes a minimal valid DOCX (content types, one relationship, document.xml with a
Heading1 per title and a plain paragraph per line, deflated as Word does): no chrome removal,
encodings, bylines, dates, duplicate search, index, styles, TOC or page-number estimate. Time it
whole, as the benchmark times tgreport and python-docx:

    /usr/bin/time -f %e python benchmarks/least_docx.py benchmarks/out/corpus-1000/pages /tmp/least.docx
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from least_html import raw_articles  # the same reading as the HTML floor (script folder on sys.path)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def main(folder: Path, out: Path) -> int:
    body: list[str] = []
    heading = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
    for title, paragraphs in raw_articles(folder):
        body.append(f"<w:p>{heading}<w:r><w:t>{escape(title)}</w:t></w:r></w:p>")
        body.extend(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
        + "".join(body)
        + "<w:sectPr/></w:body></w:document>"
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELS)
        package.writestr("word/document.xml", document)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
