"""The photos put into the PDF after ReportLab wrote it (export/pdf/splice.py), read back with
tools that are not tgreport: qpdf checks the file's structure, pypdf reads each image's stream,
pdfimages lists them; the cross-reference offsets are checked by a parse of the test's own.
The file is the one ReportLab writes when it is given the photos' bytes themselves."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from factories import make_article
from pictures import photo
from tgreport.export.pdf import PdfExporter
from tgreport.export.pdf import photo as pdf_photo
from tgreport.model import Caption, Image, Paragraph, Picture, Report
from tgreport.read.photos import photo_box
from tgreport.read.picture import prepare
from tgreport.settings import Settings
from tgreport.support.spool import Spool

TEXT = "Sáng 6-1, tại Hà Nội, Ban Tuyên giáo tổ chức hội nghị tổng kết công tác năm 2020. " * 8
SIZES = [(1600, 1000), (900, 1200), (1200, 800)]


def spooled(size: tuple[int, int], spool: Spool) -> Picture:
    ready = prepare(photo(*size), photo_box(Settings()))
    return dataclasses.replace(ready, held=spool.keep(ready.data))


def photo_report(shared: bool = False) -> Report:
    """Three articles with a photo each, kept in a spool as the photo stage keeps them; with
    `shared` a fourth shows the first article's photo again."""
    spool = Spool()
    pictures = [spooled(size, spool) for size in SIZES]
    if shared:
        pictures.append(pictures[0])
    articles = tuple(
        make_article(n, blocks=(Paragraph(TEXT), Image(f"anh-{n}.jpg", f"anh-{n}.jpg", picture),
                                Caption(f"Ảnh số {n}"), Paragraph(TEXT)))
        for n, picture in enumerate(pictures, 1))
    return Report(title="Bản tin có ảnh", issued=articles[0].date, articles=articles)  # type: ignore[arg-type]


def written(report: Report, tmp_path: Path) -> Path:
    pdf = tmp_path / "photos.pdf"
    with pdf.open("wb") as out:
        PdfExporter().render_to(report, Settings(), out)
    return pdf


StandIn = Callable[[Picture], bytes | None]


def counting(calls: list[int], original: StandIn) -> StandIn:
    def stand_in(picture: Picture) -> bytes | None:
        calls.append(1)
        return original(picture)
    return stand_in


def test_the_file_is_reportlabs_own_from_the_real_bytes(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    report = photo_report(shared=True)
    calls: list[int] = []
    monkeypatch.setattr(pdf_photo, "stand_in", counting(calls, pdf_photo.stand_in))
    spliced = written(report, tmp_path).read_bytes()
    assert len(calls) == len(SIZES)  # ReportLab was given stand-ins, one for each photo
    monkeypatch.setattr(pdf_photo, "stand_in", lambda picture: None)  # ReportLab given the photos
    assert PdfExporter().render(report, Settings()) == spliced
    assert b"tgreport-stand-in-" not in spliced


def test_qpdf_finds_the_file_sound_and_every_offset_is_its_object(tmp_path: Path) -> None:
    pdf = written(photo_report(), tmp_path)
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, check.stdout
    data = pdf.read_bytes()
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))  # type: ignore[union-attr]
    table = re.match(rb"xref\n0 (\d+)\n", data[start:])
    assert table is not None
    entries = data[start + table.end():].split(b"\n")[1:int(table.group(1))]
    for number, entry in enumerate(entries, 1):
        offset = int(entry.split()[0])
        assert data[offset:].startswith(b"%d 0 obj" % number), (number, data[offset:offset + 20])


def test_each_image_stream_is_the_prepared_jpeg_at_its_size(tmp_path: Path) -> None:
    report = photo_report(shared=True)
    pdf = written(report, tmp_path)
    reader = PdfReader(pdf, strict=True)
    streams = {}
    for page in reader.pages:
        for obj in (page["/Resources"].get("/XObject") or {}).values():
            image = obj.get_object()
            if image["/Subtype"] == "/Image":
                streams[image.indirect_reference.idnum] = image
    pictures = [b.picture for a in report.all_articles() for b in a.blocks
                if isinstance(b, Image) and b.picture is not None]
    assert len(streams) == len(SIZES)  # the shared photo is stored once
    by_data = {s.get_data(): s for s in streams.values()}  # DCTDecode: the JPEG as it is stored
    for picture in pictures:
        image = by_data[picture.data]
        assert image["/Filter"] in ("/DCTDecode", ["/DCTDecode"])
        assert (image["/Width"], image["/Height"]) == (picture.width, picture.height)
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert len(listed) == len(pictures)
    assert all(row.split()[8] == "jpeg" and 150 <= int(row.split()[12]) <= 300 for row in listed)
