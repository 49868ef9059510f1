"""Photos in the DOCX: each prepared picture (read/picture.py) becomes an image part of the
package and an inline drawing in a centred paragraph, kept with the caption that follows it.

The image parts are not python-docx's: its get_or_add_image looks for a part with the same bytes
by hashing every image added before (a thousand photos took 89 s of CPU), and its save deflates
each JPEG, which the package writer then unpacked and deflated again. Here each distinct picture
(by its digest) gets a part name and a relationship id once; package.finish writes the parts,
copied from where the photo stage keeps them, stored as they are (a JPEG or PNG does not shrink).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tgreport.export.docx.paragraphs import Para
from tgreport.export.docx.wml import esc
from tgreport.model import Picture

EMU_PER_PT = 12700
_FIRST_ID = 5000  # drawing ids: apart from any a user's reference document already holds
# Declared on the drawing itself: a reference document's body may not bind these prefixes.
_NS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"


@dataclass(frozen=True)
class Media:
    """A picture's part in the package: its name in the zip and the document's relationship id."""

    name: str  # "word/media/photo1.jpeg"
    rid: str
    picture: Picture


_EXTENSIONS = {"image/jpeg": "jpeg", "image/png": "png"}


class Photos:
    """Gives each photo paragraph its drawing (`embed`, for paragraphs given a part at a time);
    `media`: the pictures, each once however many paragraphs show it, for package.finish to add.
    Names and ids keep clear of those the reference document already has."""

    def __init__(self, doc: Any) -> None:
        self.taken_ids = set(doc.part.rels)
        self.taken_names = {str(part.partname).lstrip("/") for part in doc.part.package.iter_parts()}
        self.media: dict[str, Media] = {}  # picture digest → its part
        self.number = 0  # photo paragraphs so far

    def embed(self, paras: Iterable[Para]) -> None:
        for p in paras:
            picture = p.photo
            if picture is None:
                continue
            self.number += 1
            number = self.number
            found = self.media.get(picture.held.digest)
            if found is None:
                n = len(self.media) + 1
                extension = _EXTENSIONS[picture.media_type]
                while (f"rIdPhoto{n}" in self.taken_ids
                       or f"word/media/photo{n}.{extension}" in self.taken_names):
                    n += 1
                found = Media(f"word/media/photo{n}.{extension}", f"rIdPhoto{n}", picture)
                self.media[picture.held.digest] = found
                self.taken_ids.add(found.rid)
                self.taken_names.add(found.name)
            rid = found.rid
            width, height = round(picture.width_pt * EMU_PER_PT), round(picture.height_pt * EMU_PER_PT)
            sides = (("before", p.before), ("after", p.after))
            spacing = "".join(f' w:{side}="{value}"' for side, value in sides if value is not None)
            name = esc(p.runs[0].text) if p.runs else f"photo {number}"
            drawing_id = _FIRST_ID + number
            # Line spacing "auto": the style's exact line height would crop the picture to one line.
            p.xml = (
                f'<w:p><w:pPr><w:pStyle w:val="{p.style}"/><w:keepNext/><w:keepLines/>'
                f'<w:spacing{spacing} w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>'
                f"<w:r><w:drawing {_NS}>"
                f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{width}" cy="{height}"/>'
                f'<wp:docPr id="{drawing_id}" name="{name}"/>'
                f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/>'
                f"</wp:cNvGraphicFramePr>"
                f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
                f'<pic:nvPicPr><pic:cNvPr id="{drawing_id}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
                f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
                f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
                f"</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
            )
