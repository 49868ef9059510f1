"""The DOCX zip, written deterministically: fixed entry order and timestamps, same bytes each run."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from typing import Any, BinaryIO

from lxml import etree

from tgreport.errors import ExportError
from tgreport.export.docx.photo import Media
from tgreport.export.docx.wml import W_NS
from tgreport.support.pieces import write_pieces

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold
FIRST = ("[Content_Types].xml", "_rels/.rels")
_BODY = re.compile(rb"<w:body(\s[^>]*)?>")


def finish(doc: Any, body: str | Iterable[str], out: BinaryIO | None = None,
           media: Sequence[Media] = ()) -> bytes:
    """Save the python-docx document with `body` (<w:p> elements, in one string or in pieces)
    as its content, and the pictures of `media` (photo.Photos) beside it: the zip's bytes, or
    b"" once written into `out`."""
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts: dict[str, bytes | Callable[[BinaryIO], None]] = {n: source.read(n) for n in source.namelist()}
        document = source.read("word/document.xml")
    if media:
        rels = "word/_rels/document.xml.rels"
        parts[rels] = _with_relationships(source_part(parts, rels), media)
        parts[CONTENT_TYPES] = _with_defaults(source_part(parts, CONTENT_TYPES), media)
        for m in media:
            parts[m.name] = m.picture.held.copy_to  # from where the photo stage keeps it
    halves = _body_start(document)
    if halves is None:  # an unusual reference document: parsed and spliced whole
        parts["word/document.xml"] = splice(document, body if isinstance(body, str) else "".join(body))
    else:
        head, tail = halves
        # Written into the zip member as it is made: the body of a large digest, and copies of
        # it encoded and spliced, need never be in memory all at once.
        pieces = [body] if isinstance(body, str) else body

        def write_document(member: BinaryIO) -> None:
            member.write(head)
            write_pieces(member, pieces)
            member.write(tail)

        parts["word/document.xml"] = write_document
    if out is not None:
        pack_to(parts, out)
        return b""
    buffer = io.BytesIO()
    pack_to(parts, buffer)
    return buffer.getvalue()


CONTENT_TYPES = "[Content_Types].xml"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_STORED = (".jpeg", ".jpg", ".png", ".gif")  # compressed already: deflating them is time for nothing


def source_part(parts: dict[str, bytes | Callable[[BinaryIO], None]], name: str) -> bytes:
    data = parts.get(name)
    if not isinstance(data, bytes):
        raise ExportError(f"the DOCX reference document has no {name}")
    return data


def _with_relationships(rels: bytes, media: Sequence[Media]) -> bytes:
    root = etree.fromstring(rels)
    for m in media:
        etree.SubElement(root, f"{{{_RELS_NS}}}Relationship", Id=m.rid, Type=_IMAGE,
                         Target=m.name.removeprefix("word/"))
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result


def _with_defaults(types: bytes, media: Sequence[Media]) -> bytes:
    """The content types with a Default for each picture's extension it does not have yet."""
    root = etree.fromstring(types)
    known = {d.get("Extension", "").lower() for d in root.iter(f"{{{_TYPES_NS}}}Default")}
    for m in media:
        extension = m.name.rsplit(".", 1)[1]
        if extension not in known:
            known.add(extension)
            root.insert(0, etree.Element(f"{{{_TYPES_NS}}}Default", Extension=extension,
                                         ContentType=m.picture.media_type))
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result


def _body_start(document: bytes) -> tuple[bytes, bytes] | None:
    """The part up to and including <w:body …>, and the rest, when the plain splice applies."""
    match = _BODY.search(document)
    if match and f'xmlns:w="{W_NS}"'.encode() in document[:2000]:
        return document[: match.end()], document[match.end() :]
    return None


def splice(document: bytes, body: str) -> bytes:
    """Insert the body paragraphs at the start of <w:body>.

    A plain byte splice, which is what keeps 1,000 articles fast; used only when the part binds
    the prefix "w" to WordprocessingML on its root, as Word and python-docx always write it.
    """
    head = document[:2000]
    match = _BODY.search(document)
    if match and f'xmlns:w="{W_NS}"'.encode() in head:
        return document[: match.end()] + body.encode("utf-8") + document[match.end() :]
    root = etree.fromstring(document)
    found = root.find(f"{{{W_NS}}}body")
    if found is None:
        raise ExportError("the DOCX reference document has no body")
    xml = f'<w:body xmlns:w="{W_NS}">{body}</w:body>'.encode()
    wrapped = etree.fromstring(xml, etree.XMLParser(huge_tree=True))
    for n, child in enumerate(list(wrapped)):
        found.insert(n, child)
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result


def pack(parts: dict[str, bytes]) -> bytes:
    """A zip of `parts` with the content types first, then the rest by name, all dated 1980."""
    out = io.BytesIO()
    pack_to(dict(parts), out)
    return out.getvalue()


def pack_to(parts: dict[str, bytes | Callable[[BinaryIO], None]], out: BinaryIO) -> None:
    """pack, written into `out`; a part may be a function that writes it into its member."""
    names = [n for n in FIRST if n in parts] + sorted(n for n in parts if n not in FIRST)
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            stored = name.lower().endswith(_STORED)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            data = parts[name]
            if isinstance(data, bytes):
                archive.writestr(info, data)
            else:  # writestr's own way, in pieces: the same bytes
                with archive.open(info, "w") as member:
                    data(member)  # type: ignore[arg-type]
