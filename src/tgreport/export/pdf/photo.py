"""A photo in the PDF: the prepared bytes (read/picture.py) at their printed size, centred, kept
on one page with the caption that follows it.

A JPEG goes into the PDF as it is (DCTDecode): ReportLab's drawImage takes any source with a
`jpeg_fh()` that way. Handing it an ImageReader instead would make it decode every photo to
raw pixels and hash them, only to name the image: for 50 photos 5 s and 550 MB more. The name
here is the hash of the JPEG's own bytes, so a photo two articles share is stored once. What
ReportLab reads is a stand-in, the real bytes put in after it has written the file (splice.py).
A PNG (a drawing of few colours) has to be decoded anyway: the PDF keeps pixels, not PNG files.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from tgreport.export.pdf.splice import stand_in
from tgreport.model import Picture


class _Jpeg:
    """A JPEG for drawImage: named by its bytes' hash, read as its stand-in (splice.py)."""

    def __init__(self, picture: Picture) -> None:
        self._picture = picture
        self._name = "tgreport-photo-" + picture.held.digest

    def jpeg_fh(self) -> io.BytesIO:
        # Read only for a photo's first drawing: ReportLab knows the name after it.
        return io.BytesIO(stand_in(self._picture) or self._picture.data)

    def __str__(self) -> str:  # what drawImage names the image by
        return self._name


class Photo(Flowable):  # type: ignore[misc]
    def __init__(self, picture: Picture, space: float) -> None:
        super().__init__()
        self.picture = picture
        self.width, self.height = picture.width_pt, picture.height_pt
        self.hAlign = "CENTER"
        self.spaceBefore = self.spaceAfter = space
        # ReportLab moves a flowable marked so to the next page together with what follows it:
        # the photo never ends a page away from its caption.
        self.keepWithNext = True

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        picture = self.picture
        source: Any = _Jpeg(picture) if picture.media_type == "image/jpeg" \
            else ImageReader(io.BytesIO(picture.data))
        self.canv.drawImage(source, 0, 0, self.width, self.height)


def photo_flow(picture: Picture, space_after: float) -> list[Flowable]:
    return [Photo(picture, space_after / 2)]
