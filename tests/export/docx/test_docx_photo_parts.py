"""The DOCX's picture parts (export/docx/photo.py, package.py), read back from the zip: one part a
picture however often it is shown, stored as it is (a JPEG does not shrink), named apart from
the pictures a user's reference document already holds, which stay as they were."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from lxml import etree

from factories import make_article
from pictures import encoded, photo, picture
from tgreport.model import Caption, Image, Paragraph, Report
from tgreport.pipeline import render
from tgreport.read.photos import photo_box
from tgreport.read.picture import prepare
from tgreport.settings import Settings

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def shared_photo_report() -> Report:
    """Three articles; the first and the third show the same photo."""
    box = photo_box(Settings())
    same, other = prepare(photo(1200, 800), box), prepare(photo(900, 700), box)
    articles = [make_article(n, blocks=(Paragraph(f"Bài số {n} có một ảnh."),
                                        Image(f"anh-{n}.jpg", None, shown), Caption(f"Chú thích ảnh {n}")))
                for n, shown in ((1, same), (2, other), (3, same))]
    return Report(title="Ảnh dùng chung", issued=articles[0].date, articles=tuple(articles))  # type: ignore[arg-type]


def parts(data: bytes) -> tuple[dict[str, zipfile.ZipInfo], dict[str, str], list[str], zipfile.ZipFile]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = {i.filename: i for i in archive.infolist()}
    relationships = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    rels = {r.get("Id"): r.get("Target") for r in relationships}
    document = etree.fromstring(archive.read("word/document.xml"))
    embeds = [b.get(f"{R}embed") for b in document.iter(f"{A}blip")]
    return infos, rels, embeds, archive


def test_a_picture_shown_twice_is_one_part_stored_as_it_is() -> None:
    report = shared_photo_report()
    infos, rels, embeds, archive = parts(render(report, "docx", Settings()))
    media = sorted(n for n in infos if n.startswith("word/media/"))
    assert len(media) == 2 and len(embeds) == 3
    assert embeds[0] == embeds[2] != embeds[1]
    for article, rid in zip(report.all_articles(), embeds, strict=True):
        shown = next(b.picture for b in article.blocks if isinstance(b, Image))
        assert shown is not None
        assert archive.read("word/" + rels[rid]) == shown.data
    assert all(infos[n].compress_type == zipfile.ZIP_STORED for n in media)
    assert infos["word/document.xml"].compress_type == zipfile.ZIP_DEFLATED
    assert archive.testzip() is None  # every entry's CRC checks


def test_the_reference_documents_own_picture_stays_and_ours_keep_clear_of_it(tmp_path: Path) -> None:
    template = tmp_path / "mau.docx"
    own = tmp_path / "logo.png"
    own.write_bytes(encoded(picture(300, 200), "PNG"))
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].add_run().add_picture(str(own))
    reference.add_paragraph("Nội dung mẫu")
    reference.save(str(template))
    with zipfile.ZipFile(template) as before:
        theirs = {n: before.read(n) for n in before.namelist() if n.startswith("word/media/")}
    assert theirs
    _, rels, embeds, archive = parts(render(shared_photo_report(), "docx", Settings(template=template)))
    for name, data in theirs.items():
        assert archive.read(name) == data  # the template's picture is where it was, as it was
    ours = {rels[rid] for rid in embeds}
    assert len(ours) == 2 and not {"word/" + t for t in ours} & set(theirs)
    assert len(rels) == len(set(rels))  # no id given twice
